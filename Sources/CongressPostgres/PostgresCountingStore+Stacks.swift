import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// Finishing passes, agreeing stacks and certifying rounds (R-E-29, R-E-28).
extension PostgresCountingStore {
    public func rounds(ofCongress congress: CongressRecord.ID) async throws(StoreError) -> [CountingRound] {
        try await database.read { [logger] connection in
            var rounds: [CountingRound] = []
            for row in try await connection.rows("SELECT id FROM counting_round WHERE congress_id = \(congress) ORDER BY id", logger) {
                if let round = try await self.load(try row.decode(Round.ID.self), connection) { rounds.append(round) }
            }
            return rounds
        }
    }

    public func finishPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await database.transaction { [chain, logger] connection in
            let (state, _) = try await Self.counting(id, connection, logger, lock: "FOR SHARE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard let finished = try await connection.value(Bool.self, """
                SELECT finished FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass) AND clerk = \(clerk) FOR UPDATE
                """, logger) else { throw StoreError.counting(.notYourPass(stack: stack, pass: pass)) }
            if finished { return }
            let entered = try await Self.entered(id, stack, pass, connection, logger)
            do { try await Self.split(id, connection, logger).admitsFinish(stack: stack, entered: entered) }
            catch let refusal as StackSplit.Refusal { throw StoreError.counting(.split(refusal)) }
            try await connection.run("""
                UPDATE stack_pass SET finished = true, entered = \(entered) WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass)
                """, logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
        }
    }

    static func entered(_ id: Round.ID, _ stack: Int, _ pass: Int, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        try await connection.value(Int.self, """
            SELECT count(*) FROM ballot_entry WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass)
            """, logger) ?? 0
    }

    public func stacks(round id: Round.ID) async throws(StoreError) -> [StackProgress] {
        try await database.read { [logger] connection in
            let passes = try await connection.rows("""
                SELECT p.stack, p.pass, p.clerk, p.finished,
                       coalesce(p.entered, (SELECT count(*) FROM ballot_entry e
                                            WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass))::integer
                FROM stack_pass p WHERE p.round_id = \(id) ORDER BY p.stack, p.pass
                """, logger)
            var byStack: [Int: StackProgress] = [:]
            for row in passes {
                let (stack, pass, clerk, finished, entered) = try row.decode((Int, Int, String, Bool, Int).self)
                byStack[stack, default: StackProgress(stack: stack, passes: [], agreed: nil)].passes.append(
                    .init(pass: pass, clerk: clerk, entered: entered, finished: finished))
            }
            for row in try await connection.rows("SELECT stack, count FROM stack_result WHERE round_id = \(id)", logger) {
                let (stack, count) = try row.decode((Int, Int).self)
                byStack[stack]?.agreed = count
            }
            for (stack, ballots) in try await Self.split(id, connection, logger).sizes {
                byStack[stack, default: StackProgress(stack: stack, passes: [], agreed: nil)].declared = ballots
            }
            return byStack.values.sorted { $0.stack < $1.stack }
        }
    }

    public func agreeStack(round id: Round.ID, stack: Int, ballots: [Ballot], audit: [AuditDraft]) async throws(StoreError) {
        let time = clock()
        try await database.transaction { [chain, logger] connection in
            let (state, required) = try await Self.counting(id, connection, logger, lock: "FOR UPDATE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            let finished = try await connection.value(Int.self, """
                SELECT count(*) FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND finished
                """, logger) ?? 0
            guard finished >= required else { throw StoreError.counting(.passesNotFinished(stack: stack)) }
            if try await connection.value(Int.self, "SELECT 1 FROM stack_result WHERE round_id = \(id) AND stack = \(stack)", logger) != nil {
                throw StoreError.counting(.stackAlreadyAgreed(stack: stack))
            }
            let candidates = try await Self.candidateCount(id, connection, logger)
            let rows = BallotCSV.sortedForExport(ballots, candidates: candidates).map { BallotCSV.row($0, candidates: candidates) }
            try await connection.run("""
                INSERT INTO stack_result (round_id, stack, ballots, count) VALUES (\(id), \(stack), \(rows.joined(separator: "\n")), \(rows.count))
                """, logger)
            try await connection.run("""
                INSERT INTO stack_settled (round_id, stack, settlement)
                SELECT round_id, stack, settlement FROM stack_settlement WHERE round_id = \(id) AND stack = \(stack)
                """, logger)
            try await connection.run("DELETE FROM stack_settlement WHERE round_id = \(id) AND stack = \(stack)", logger)
            for draft in audit { try await PostgresAudit.append(draft, at: time, chain, connection, logger) }
        }
    }

    public func agreedBallots(round id: Round.ID) async throws(StoreError) -> [Ballot] {
        try await database.read { [logger] connection in
            guard let round = try await self.load(id, connection) else { throw StoreError.counting(.unknownRound(id)) }
            let rows = try await connection.rows("SELECT ballots FROM stack_result WHERE round_id = \(id) ORDER BY stack", logger)
                .flatMap { try $0.decode(String.self).split(separator: "\n").map(String.init) }
            let file = ([BallotCSV.header] + rows).joined(separator: "\n") + "\n"
            let ballots = try BallotCSV.ballots(Array(file.utf8), election: round.election)
            return BallotCSV.sortedForExport(ballots, candidates: round.election.candidates.count)
        }
    }

    public func certify(round id: Round.ID, result: String, audit: AuditDraft,
                        congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        let time = clock()
        let effects = try await database.transaction { [chain, logger] connection in
            guard var round = try await self.load(id, connection, lock: true) else { throw StoreError.counting(.unknownRound(id)) }
            let effects: [RoundLifecycle.Effect]
            do { effects = try round.lifecycle.handle(.certify) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            // Secrecy: only the agreed, sorted ballots of each stack outlive certification.
            try await connection.run("DELETE FROM ballot_entry WHERE round_id = \(id)", logger)
            try await connection.run("DELETE FROM stack_settlement WHERE round_id = \(id)", logger)
            try await connection.run("DELETE FROM stack_settled WHERE round_id = \(id)", logger)
            let entry = try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            let head = AuditHead(count: entry.sequence, hash: entry.hash).description
            try await connection.run("""
                UPDATE counting_round SET state = \(round.lifecycle.state.rawValue), result = \(result), audit_head = \(head) WHERE id = \(id)
                """, logger)
            // The composition and any pause (R-E-26, R-E-27) in the certification's transaction.
            try await Self.write(congress, at: time, chain, connection, logger)
            return effects
        }
        await vacuumEntries()
        return effects
    }

    /// Deleted rows stay in the table's pages until a vacuum reclaims them: after a certification,
    /// vacuum the entries so no page keeps the typing order (best effort; autovacuum follows).
    func vacuumEntries() async {
        _ = try? await database.read { [logger] connection in
            try await connection.run("VACUUM ballot_entry", logger)
        }
    }

    public func certifiedAuditHead(round id: Round.ID) async throws(StoreError) -> AuditHead? {
        try await database.read { [logger] connection in
            try await connection.value(String.self, "SELECT audit_head FROM counting_round WHERE id = \(id)", logger).flatMap(AuditHead.init)
        }
    }

    public func proposeSettlement(round id: Round.ID, stack: Int, proposer: String, settlement: StackSettlement,
                                  audit: AuditDraft) async throws(StoreError) {
        let json = String(decoding: (try? JSONEncoder().encode(settlement)) ?? Data("{}".utf8), as: UTF8.self)
        try await audited(audit) { connection, logger in
            let (state, _) = try await Self.counting(id, connection, logger, lock: "FOR UPDATE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            if try await connection.value(Int.self, "SELECT 1 FROM stack_result WHERE round_id = \(id) AND stack = \(stack)", logger) != nil {
                throw StoreError.counting(.stackAlreadyAgreed(stack: stack))
            }
            if try await connection.value(Int.self, "SELECT 1 FROM stack_settlement WHERE round_id = \(id) AND stack = \(stack)", logger) != nil {
                throw StoreError.counting(.settlementPending(stack: stack))
            }
            try await connection.run("""
                INSERT INTO stack_settlement (round_id, stack, proposer, settlement) VALUES (\(id), \(stack), \(proposer), \(json)::jsonb)
                """, logger)
        }
    }

    public func settlementProposal(round id: Round.ID, stack: Int) async throws(StoreError) -> (proposer: String, settlement: StackSettlement)? {
        let found: (String, StackSettlement)? = try await database.read { [logger] connection in
            guard let row = try await connection.rows("""
                SELECT proposer, settlement::text FROM stack_settlement WHERE round_id = \(id) AND stack = \(stack)
                """, logger).first else { return nil }
            let (proposer, json) = try row.decode((String, String).self)
            guard let settlement = try? JSONDecoder().decode(StackSettlement.self, from: Data(json.utf8)) else { return nil }
            return (proposer, settlement)
        }
        return found.map { (proposer: $0.0, settlement: $0.1) }
    }

    public func rejectSettlement(round id: Round.ID, stack: Int, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            let removed = try await connection.run("""
                DELETE FROM stack_settlement WHERE round_id = \(id) AND stack = \(stack) RETURNING 1
                """, logger)
            guard removed > 0 else { throw StoreError.counting(.noSettlementProposed(stack: stack)) }
        }
    }

    public func declareStack(round id: Round.ID, stack: Int, ballots: Int, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            let (state, _) = try await Self.counting(id, connection, logger, lock: "FOR UPDATE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            let returned = try await connection.value(Int.self, "SELECT returned FROM counting_round WHERE id = \(id)", logger) ?? 0
            let entered = try await connection.value(Int.self, """
                SELECT coalesce(max(n), 0)::integer FROM (SELECT count(*) AS n FROM ballot_entry WHERE round_id = \(id) AND stack = \(stack) GROUP BY pass) t
                """, logger) ?? 0
            let fixed = try await connection.value(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND finished)
                    OR EXISTS (SELECT 1 FROM stack_result WHERE round_id = \(id) AND stack = \(stack))
                """, logger) ?? false
            do {
                _ = try await Self.split(id, connection, logger).declaring(stack: stack, ballots: ballots, returned: returned,
                                                                          entered: entered, fixed: fixed)
            } catch let refusal as StackSplit.Refusal {
                throw StoreError.counting(.split(refusal))
            }
            try await connection.run("""
                INSERT INTO stack_split (round_id, stack, ballots) VALUES (\(id), \(stack), \(ballots))
                ON CONFLICT (round_id, stack) DO UPDATE SET ballots = excluded.ballots
                """, logger)
        }
    }

    public func withdrawLastBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) -> Ballot {
        let row: String = try await audited(audit) { connection, logger in
            let (state, _) = try await Self.counting(id, connection, logger, lock: "FOR SHARE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard let finished = try await connection.value(Bool.self, """
                SELECT finished FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass) AND clerk = \(clerk) FOR UPDATE
                """, logger) else { throw StoreError.counting(.notYourPass(stack: stack, pass: pass)) }
            guard !finished else { throw StoreError.counting(.passFinished(stack: stack, pass: pass)) }
            guard let last = try await connection.rows("""
                SELECT position, ballot FROM ballot_entry WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass)
                ORDER BY position DESC LIMIT 1
                """, logger).first else { throw StoreError.counting(.nothingToCorrect(stack: stack, pass: pass)) }
            let (position, ballot) = try last.decode((Int, String).self)
            try await connection.run("""
                DELETE FROM ballot_entry WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass) AND position = \(position)
                """, logger)
            return ballot
        }
        guard let opened = try await opened(id), let ballot = BallotCSV.ballot(row: row, election: opened.election) else {
            throw StoreError.counting(.unknownRound(id))
        }
        return ballot
    }

    public func settledReadings(round id: Round.ID, stack: Int) async throws(StoreError) -> StackSettlement? {
        let json: String? = try await database.read { [logger] connection in
            try await connection.value(String.self, """
                SELECT settlement::text FROM stack_settled WHERE round_id = \(id) AND stack = \(stack)
                """, logger)
        }
        return json.flatMap { try? JSONDecoder().decode(StackSettlement.self, from: Data($0.utf8)) }
    }
}
