import CongressCore
import CongressStore
import Foundation
import GRDB

/// Finishing passes, agreeing stacks and certifying rounds (R-E-29, R-E-28).
extension SQLiteCountingStore {
    public func rounds(ofCongress congress: CongressRecord.ID) async throws(StoreError) -> [CountingRound] {
        try await read { db in
            try Round.ID.fetchAll(db, sql: "SELECT id FROM counting_round WHERE congress_id = ? ORDER BY id", arguments: [congress])
                .compactMap { try self.load($0, db) }
        }
    }

    public func finishPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let (state, _) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard let finished = try Int.fetchOne(
                db, sql: "SELECT finished FROM stack_pass WHERE round_id = ? AND stack = ? AND pass = ? AND clerk = ?",
                arguments: [id, stack, pass, clerk]) else { throw StoreError.counting(.notYourPass(stack: stack, pass: pass)) }
            if finished == 1 { return }
            let entered = try Int.fetchOne(db, sql: "SELECT count(*) FROM ballot_entry WHERE round_id = ? AND stack = ? AND pass = ?",
                                           arguments: [id, stack, pass]) ?? 0
            do { try Self.split(id, db).admitsFinish(stack: stack, entered: entered) } catch let refusal as StackSplit.Refusal {
                throw StoreError.counting(.split(refusal))
            }
            try db.execute(sql: """
                UPDATE stack_pass SET finished = 1,
                    entered = (SELECT count(*) FROM ballot_entry e WHERE e.round_id = ?1 AND e.stack = ?2 AND e.pass = ?3)
                WHERE round_id = ?1 AND stack = ?2 AND pass = ?3
                """, arguments: [id, stack, pass])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func stacks(round id: Round.ID) async throws(StoreError) -> [StackProgress] {
        try await read { db in
            let passes = try Row.fetchAll(db, sql: """
                SELECT p.stack, p.pass, p.clerk, p.finished,
                       coalesce(p.entered, (SELECT count(*) FROM ballot_entry e
                                            WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass)) AS entered
                FROM stack_pass p WHERE p.round_id = ? ORDER BY p.stack, p.pass
                """, arguments: [id])
            let agreed = try Row.fetchAll(db, sql: "SELECT stack, count FROM stack_result WHERE round_id = ?", arguments: [id])
            var byStack: [Int: StackProgress] = [:]
            for row in passes {
                let stack: Int = row["stack"]
                byStack[stack, default: StackProgress(stack: stack, passes: [], agreed: nil)].passes.append(
                    .init(pass: row["pass"], clerk: row["clerk"], entered: row["entered"], finished: row["finished"] as Int == 1))
            }
            for row in agreed { byStack[row["stack"] as Int]?.agreed = row["count"] }
            for (stack, ballots) in try Self.split(id, db).sizes {
                byStack[stack, default: StackProgress(stack: stack, passes: [], agreed: nil)].declared = ballots
            }
            return byStack.values.sorted { $0.stack < $1.stack }
        }
    }

    public func agreeStack(round id: Round.ID, stack: Int, ballots: [Ballot], audit: [AuditDraft]) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let (state, required) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            let finished = try Int.fetchOne(db, sql: "SELECT count(*) FROM stack_pass WHERE round_id = ? AND stack = ? AND finished = 1",
                                            arguments: [id, stack]) ?? 0
            guard finished >= required else { throw StoreError.counting(.passesNotFinished(stack: stack)) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM stack_result WHERE round_id = ? AND stack = ?", arguments: [id, stack]) == true {
                throw StoreError.counting(.stackAlreadyAgreed(stack: stack))
            }
            let candidates = try Self.candidateCount(id, db)
            let rows = BallotCSV.sortedForExport(ballots, candidates: candidates).map { BallotCSV.row($0, candidates: candidates) }
            try db.execute(sql: "INSERT INTO stack_result (round_id, stack, ballots, count) VALUES (?, ?, ?, ?)",
                           arguments: [id, stack, rows.joined(separator: "\n"), rows.count])
            try db.execute(sql: """
                INSERT INTO stack_settled (round_id, stack, settlement)
                SELECT round_id, stack, settlement FROM stack_settlement WHERE round_id = ? AND stack = ?
                """, arguments: [id, stack])
            try db.execute(sql: "DELETE FROM stack_settlement WHERE round_id = ? AND stack = ?", arguments: [id, stack])
            for draft in audit { try SQLiteAccessStore.append(draft, at: time, chain, db) }
        }
    }

    public func agreedBallots(round id: Round.ID) async throws(StoreError) -> [Ballot] {
        try await read { db in
            guard let round = try self.load(id, db) else { throw StoreError.counting(.unknownRound(id)) }
            let rows = try String.fetchAll(db, sql: "SELECT ballots FROM stack_result WHERE round_id = ? ORDER BY stack", arguments: [id])
                .flatMap { $0.split(separator: "\n").map(String.init) }
            let file = ([BallotCSV.header] + rows).joined(separator: "\n") + "\n"
            let ballots = try BallotCSV.ballots(Array(file.utf8), election: round.election)
            return BallotCSV.sortedForExport(ballots, candidates: round.election.candidates.count)
        }
    }

    public func certify(round id: Round.ID, result: String, audit: AuditDraft,
                        congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        let time = clock()
        defer { Task { await truncateLog() } }
        return try await write { [chain] db in
            guard var round = try self.load(id, db) else { throw StoreError.counting(.unknownRound(id)) }
            let effects: [RoundLifecycle.Effect]
            do { effects = try round.lifecycle.handle(.certify) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            // Secrecy: only the agreed, sorted ballots of each stack outlive certification.
            try db.execute(sql: "DELETE FROM ballot_entry WHERE round_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM stack_settlement WHERE round_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM stack_settled WHERE round_id = ?", arguments: [id])
            let entry = try SQLiteAccessStore.append(audit, at: time, chain, db)
            try db.execute(sql: "UPDATE counting_round SET state = ?, result = ?, audit_head = ? WHERE id = ?",
                           arguments: [round.lifecycle.state.rawValue, result, AuditHead(count: entry.sequence, hash: entry.hash).description, id])
            // The composition and any pause (R-E-26, R-E-27) in the certification's transaction.
            try Self.write(congress, at: time, chain, db)
            return effects
        }
    }

    /// After certification the write-ahead log still holds the deleted entries' old pages: copy
    /// them back and empty it, so no file on disk keeps them.
    func truncateLog() async {
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    public func certifiedAuditHead(round id: Round.ID) async throws(StoreError) -> AuditHead? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT audit_head FROM counting_round WHERE id = ?", arguments: [id]).flatMap(AuditHead.init)
        }
    }

    public func proposeSettlement(round id: Round.ID, stack: Int, proposer: String, settlement: StackSettlement,
                                  audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        let json = String(decoding: (try? JSONEncoder().encode(settlement)) ?? Data("{}".utf8), as: UTF8.self)
        try await write { [chain] db in
            let (state, _) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM stack_result WHERE round_id = ? AND stack = ?", arguments: [id, stack]) == true {
                throw StoreError.counting(.stackAlreadyAgreed(stack: stack))
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM stack_settlement WHERE round_id = ? AND stack = ?", arguments: [id, stack]) == true {
                throw StoreError.counting(.settlementPending(stack: stack))
            }
            try db.execute(sql: "INSERT INTO stack_settlement (round_id, stack, proposer, settlement) VALUES (?, ?, ?, ?)",
                           arguments: [id, stack, proposer, json])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func settlementProposal(round id: Round.ID, stack: Int) async throws(StoreError) -> (proposer: String, settlement: StackSettlement)? {
        let found: (String, StackSettlement)? = try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT proposer, settlement FROM stack_settlement WHERE round_id = ? AND stack = ?",
                                             arguments: [id, stack]),
                  let settlement = try? JSONDecoder().decode(StackSettlement.self, from: Data((row["settlement"] as String).utf8))
            else { return nil }
            return (row["proposer"], settlement)
        }
        return found.map { (proposer: $0.0, settlement: $0.1) }
    }

    public func rejectSettlement(round id: Round.ID, stack: Int, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try db.execute(sql: "DELETE FROM stack_settlement WHERE round_id = ? AND stack = ?", arguments: [id, stack])
            guard db.changesCount > 0 else { throw StoreError.counting(.noSettlementProposed(stack: stack)) }
            try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func declareStack(round id: Round.ID, stack: Int, ballots: Int, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let (state, _) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            let returned = try Int.fetchOne(db, sql: "SELECT returned FROM counting_round WHERE id = ?", arguments: [id]) ?? 0
            let entered = try Int.fetchOne(db, sql: "SELECT max(n) FROM (SELECT count(*) AS n FROM ballot_entry WHERE round_id = ? AND stack = ? GROUP BY pass)",
                                           arguments: [id, stack]) ?? 0
            let fixed = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM stack_pass WHERE round_id = ?1 AND stack = ?2 AND finished = 1)
                    OR EXISTS (SELECT 1 FROM stack_result WHERE round_id = ?1 AND stack = ?2)
                """, arguments: [id, stack]) ?? false
            do {
                _ = try Self.split(id, db).declaring(stack: stack, ballots: ballots, returned: returned, entered: entered, fixed: fixed)
            } catch let refusal as StackSplit.Refusal {
                throw StoreError.counting(.split(refusal))
            }
            try db.execute(sql: """
                INSERT INTO stack_split (round_id, stack, ballots) VALUES (?, ?, ?)
                ON CONFLICT (round_id, stack) DO UPDATE SET ballots = excluded.ballots
                """, arguments: [id, stack, ballots])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func withdrawLastBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) -> Ballot {
        let time = clock()
        let row: String = try await write { [chain] db in
            let (state, _) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard let finished = try Int.fetchOne(
                db, sql: "SELECT finished FROM stack_pass WHERE round_id = ? AND stack = ? AND pass = ? AND clerk = ?",
                arguments: [id, stack, pass, clerk]) else { throw StoreError.counting(.notYourPass(stack: stack, pass: pass)) }
            guard finished == 0 else { throw StoreError.counting(.passFinished(stack: stack, pass: pass)) }
            guard let last = try Row.fetchOne(db, sql: """
                SELECT position, ballot FROM ballot_entry WHERE round_id = ? AND stack = ? AND pass = ? ORDER BY position DESC LIMIT 1
                """, arguments: [id, stack, pass]) else { throw StoreError.counting(.nothingToCorrect(stack: stack, pass: pass)) }
            try db.execute(sql: "DELETE FROM ballot_entry WHERE round_id = ? AND stack = ? AND pass = ? AND position = ?",
                           arguments: [id, stack, pass, last["position"] as Int])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return last["ballot"]
        }
        guard let opened = try await opened(id), let ballot = BallotCSV.ballot(row: row, election: opened.election) else {
            throw StoreError.counting(.unknownRound(id))
        }
        return ballot
    }

    public func settledReadings(round id: Round.ID, stack: Int) async throws(StoreError) -> StackSettlement? {
        let json: String? = try await read { db in
            try String.fetchOne(db, sql: "SELECT settlement FROM stack_settled WHERE round_id = ? AND stack = ?", arguments: [id, stack])
        }
        return json.flatMap { try? JSONDecoder().decode(StackSettlement.self, from: Data($0.utf8)) }
    }
}
