import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// Counting rounds in PostgreSQL, shared by every application server on the database. Every
/// write is one transaction with its audit entry. Row locks order concurrent writers: a change
/// of a round's state locks the round; an entry locks its pass and shares the round, so a round
/// closes only between entries, and one pass takes its ballots one at a time.
public final class PostgresCountingStore: CountingStore, Sendable {
    let database: PostgresDatabase
    let chain: AuditChain
    let clock: @Sendable () -> String
    let elections = ElectionCache()
    var logger: Logger { database.logger }

    public init(database: PostgresDatabase, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.database = database
        self.chain = chain
        self.clock = clock
    }

    public func openRound(_ election: Election, unit: PartyUnit.ID, congress: CongressRecord.ID?, requiredEntries: Int,
                          audit: AuditDraft) async throws(StoreError) -> Round.ID {
        let json = ElectionFile.encode(election).formatted()
        return try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(unit, connection, logger)
            guard let id = try await Self.insertRound(json, unitID: unitID, congress: congress, requiredEntries: requiredEntries,
                                                      connection, logger) else { throw StoreError.unknownUnit(unit) }
            return id
        }
    }

    private static func insertRound(_ json: String, unitID: Int64, congress: CongressRecord.ID?, requiredEntries: Int, follows: Round.ID? = nil,
                                    _ connection: PostgresConnection, _ logger: Logger) async throws -> Round.ID? {
        try await connection.value(Round.ID.self, """
            INSERT INTO counting_round (unit_id, election, required_entries, state, candidates, issued, returned, congress_id, follows)
            VALUES (\(unitID), \(json), \(requiredEntries), 'draft', 0, 0, 0, \(congress), \(follows)) RETURNING id
            """, logger)
    }

    public func openFollowing(round id: Round.ID, election: Election, audit: AuditDraft) async throws(StoreError) -> Round.ID {
        let json = ElectionFile.encode(election).formatted()
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            // The predecessor's row lock orders two clicks; the unique index on `follows` backs it.
            guard let round = try await self.load(id, connection, lock: true),
                  let unitID = try await connection.value(Int64.self, "SELECT unit_id FROM counting_round WHERE id = \(id)", logger) else {
                throw StoreError.counting(.unknownRound(id))
            }
            let followed = try await connection.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM counting_round WHERE follows = \(id))",
                                                      logger) ?? false
            do { try RoundSuccession.check(predecessor: round.lifecycle.state, alreadyFollowed: followed) } catch let refusal as CountingRefusal {
                throw StoreError.counting(refusal)
            }
            guard let next = try await Self.insertRound(json, unitID: unitID, congress: round.congress, requiredEntries: round.requiredEntries,
                                                        follows: id, connection, logger) else { throw StoreError.counting(.unknownRound(id)) }
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            return next
        }
    }

    public func decideTie(round id: Round.ID, newRound: Election?, audit: AuditDraft,
                          openingAudit: AuditDraft) async throws(StoreError) -> Round.ID? {
        let json = newRound.map { ElectionFile.encode($0).formatted() }
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            guard var round = try await self.load(id, connection, lock: true),
                  let unitID = try await connection.value(Int64.self, "SELECT unit_id FROM counting_round WHERE id = \(id)", logger) else {
                throw StoreError.counting(.unknownRound(id))
            }
            do { _ = try round.lifecycle.handle(.tieDecided(newRound: json != nil)) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            try await connection.run("UPDATE counting_round SET state = \(round.lifecycle.state.rawValue) WHERE id = \(id)", logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            guard let json else { return nil }
            guard let next = try await Self.insertRound(json, unitID: unitID, congress: round.congress, requiredEntries: round.requiredEntries,
                                                        follows: id, connection, logger) else { throw StoreError.counting(.unknownRound(id)) }
            try await PostgresAudit.append(openingAudit, at: time, chain, connection, logger)
            return next
        }
    }

    public func opened(_ id: Round.ID) async throws(StoreError) -> (unit: PartyUnit.ID, election: Election)? {
        if let cached = elections.cached(id) { return (cached.unit, cached.election) }
        return try await round(id).map { ($0.unit, $0.election) }
    }

    public func round(_ id: Round.ID) async throws(StoreError) -> CountingRound? {
        try await database.read { connection in try await self.load(id, connection) }
    }

    public func apply(_ event: RoundLifecycle.Event, to id: Round.ID, audit: AuditDraft,
                      congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            guard var round = try await self.load(id, connection, lock: true) else { throw StoreError.counting(.unknownRound(id)) }
            let effects: [RoundLifecycle.Effect]
            do { effects = try round.lifecycle.handle(event) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            let lifecycle = round.lifecycle
            try await connection.run("""
                UPDATE counting_round SET state = \(lifecycle.state.rawValue), candidates = \(lifecycle.candidates),
                    issued = \(lifecycle.issued), returned = \(lifecycle.returned) WHERE id = \(id)
                """, logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            try await Self.write(congress, at: time, chain, connection, logger)
            return effects
        }
    }

    public func closeCounting(round id: Round.ID, actor: String) async throws(StoreError) -> ElectionResult {
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            guard let round = try await self.load(id, connection, lock: true) else { throw StoreError.counting(.unknownRound(id)) }
            let stacks = try await connection.rows("""
                SELECT stack FROM stack_split WHERE round_id = \(id) UNION SELECT stack FROM stack_pass WHERE round_id = \(id)
                """, logger).map { try $0.decode(Int.self) }
            var agreed: [Int: [Ballot]] = [:]
            for row in try await connection.rows("SELECT stack, ballots FROM stack_result WHERE round_id = \(id)", logger) {
                let (stack, lines) = try row.decode((Int, String).self)
                agreed[stack] = try BallotCSV.ballots(Array((BallotCSV.header + "\n" + lines + "\n").utf8), election: round.election)
            }
            let plan: CountingClose.Plan
            do {
                plan = try CountingClose.plan(lifecycle: round.lifecycle, election: round.election, stacks: Set(stacks), agreed: agreed)
            } catch let refusal as CountingRefusal { throw StoreError.counting(refusal) }
            try await connection.run("UPDATE counting_round SET state = \(plan.lifecycle.state.rawValue) WHERE id = \(id)", logger)
            for event in plan.events {
                try await PostgresAudit.append(AuditDraft(actor: actor, action: .roundEvent, subject: "round \(id)", detail: event.auditDetail,
                                                          unit: round.unit), at: time, chain, connection, logger)
            }
            return plan.result
        }
    }

    /// A congress written in another write's transaction, when its version is still the one read.
    static func write(_ congress: CongressWrite?, at time: String, _ chain: AuditChain,
                      _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard let congress else { return }
        guard let stored = try await connection.value(Int.self, "SELECT version FROM congress WHERE id = \(congress.id) FOR UPDATE",
                                                      logger) else { throw StoreError.counting(.unknownCongress(congress.id)) }
        guard stored == congress.version else { throw StoreError.counting(.congressChanged(congress.id)) }
        try await connection.run("UPDATE congress SET version = \(congress.version + 1) WHERE id = \(congress.id)", logger)
        try await writeRows(congress.id, congress.record, connection, logger)
        try await PostgresAudit.append(congress.audit, at: time, chain, connection, logger)
    }

    public func claimPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await database.transaction { [chain, logger] connection in
            let (state, required) = try await Self.counting(id, connection, logger, lock: "FOR UPDATE")
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard (1...required).contains(pass) else { throw StoreError.counting(.passOutOfRange(pass: pass, required: required)) }
            if let holder = try await connection.value(String.self, """
                SELECT clerk FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND pass = \(pass)
                """, logger) {
                if holder == clerk { return }
                throw StoreError.counting(.passTaken(stack: stack, pass: pass, clerk: holder))
            }
            if try await connection.value(Int.self, """
                SELECT 1 FROM stack_pass WHERE round_id = \(id) AND stack = \(stack) AND clerk = \(clerk)
                """, logger) != nil {
                throw StoreError.counting(.clerkAlreadyOnStack(stack: stack, clerk: clerk))
            }
            do { try await Self.split(id, connection, logger).admitsPass(stack: stack) } catch let refusal as StackSplit.Refusal {
                throw StoreError.counting(.split(refusal))
            }
            try await connection.run("INSERT INTO stack_pass (round_id, stack, pass, clerk) VALUES (\(id), \(stack), \(pass), \(clerk))", logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
        }
    }

    public func recordBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError) {
        let knownCandidates = elections.cached(id)?.election.candidates.count
        do {
            try await database.transaction { [logger] connection in
                // One read for the decision: the round's state and the pass, its row locked so that
                // its clerk's entries and its finishing go one at a time. The round's row is not
                // locked: it leaves counting only once every pass is finished (R-E-29), and a
                // finished pass takes no ballot, so a share lock per ballot would buy nothing.
                guard let stack32 = Int32(exactly: stack), let pass32 = Int32(exactly: pass), let position32 = Int32(exactly: position) else {
                    throw StoreError.counting(.notYourPass(stack: stack, pass: pass))
                }
                var found: PostgresEntryStatements.Reading.Row?
                for try await row in try await connection.execute(
                    PostgresEntryStatements.Reading(round: id, stack: stack32, pass: pass32, position: position32), logger: logger) {
                    found = row
                }
                let state: RoundLifecycle.State
                if let found { state = RoundLifecycle.State(rawValue: found.0) ?? .draft } else {
                    state = try await Self.counting(id, connection, logger).0
                }
                let holder = found.map { ($0.1, $0.2, $0.3, $0.4, $0.5) }
                let candidates: Int
                if let knownCandidates { candidates = knownCandidates } else { candidates = try await Self.candidateCount(id, connection, logger) }
                let row = BallotCSV.row(ballot, candidates: candidates)
                let reading = BallotEntryRule.Reading(state: state, holder: holder?.0, finished: holder?.1 ?? false, existing: holder?.4,
                                                      entered: holder?.3 ?? 0, stackSize: holder?.2)
                let decision: BallotEntryRule.Decision
                do throws(CountingRefusal) { decision = try BallotEntryRule.decide(reading, stack: stack, pass: pass, clerk: clerk, position: position, ballot: row) }
                catch { throw StoreError.counting(error) }
                guard decision == .insert else { return }
                for try await _ in try await connection.execute(
                    PostgresEntryStatements.Insert(round: id, stack: stack32, pass: pass32, position: position32, ballot: row), logger: logger) {}
            }
        } catch {
            throw PostgresDatabase.storeError(error, advice: "Nothing was written. Enter the ballot again.")
        }
    }

    public func entries(round id: Round.ID, stack: Int) async throws(StoreError) -> [StackComparison.Entry] {
        try await database.read { [logger] connection in
            guard let round = try await self.load(id, connection) else { throw StoreError.counting(.unknownRound(id)) }
            let passes = try await connection.rows("""
                SELECT p.clerk, coalesce(string_agg(e.ballot, E'\\n' ORDER BY e.position), '')
                FROM stack_pass p LEFT JOIN ballot_entry e ON e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass
                WHERE p.round_id = \(id) AND p.stack = \(stack) GROUP BY p.pass, p.clerk ORDER BY p.pass
                """, logger)
            return try passes.map { row in
                let (clerk, rows) = try row.decode((String, String).self)
                let file = BallotCSV.header + "\n" + (rows.isEmpty ? "" : rows + "\n")
                let ballots = (try? BallotCSV.ballots(Array(file.utf8), election: round.election)) ?? []
                return StackComparison.Entry(clerk: clerk, ballots: ballots)
            }
        }
    }

    // MARK: Rows

    /// Runs `body` and appends `audit` in the same transaction.
    func audited<T: Sendable>(_ audit: AuditDraft,
                              _ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(StoreError) -> T {
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            let value = try await body(connection, logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            return value
        }
    }

    /// The round's declared stacks (R-E-29).
    static func split(_ id: Round.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> StackSplit {
        let rows = try await connection.rows("SELECT stack, ballots FROM stack_split WHERE round_id = \(id)", logger)
        return StackSplit(sizes: Dictionary(try rows.map { try $0.decode((Int, Int).self) }, uniquingKeysWith: { a, _ in a }))
    }

    func load(_ id: Round.ID, _ connection: PostgresConnection, lock: Bool = false) async throws -> CountingRound? {
        var query: PostgresQuery = """
            SELECT r.election, r.required_entries, r.state, r.candidates, r.issued, r.returned, u.code, r.congress_id, r.result
            FROM counting_round r JOIN unit u ON u.id = r.unit_id WHERE r.id = \(id)
            """
        if lock { query.sql += " FOR UPDATE OF r" }
        guard let row = try await connection.rows(query, logger).first else { return nil }
        let (json, required, state, candidates, issued, returned, unit, congress, result) =
            try row.decode((String, Int, String, Int, Int, Int, PartyUnit.ID, CongressRecord.ID?, String?).self)
        let election = try elections.election(id, unit: unit) { try ElectionFile.decode(Data(json.utf8)) }
        let lifecycle = RoundLifecycle(state: RoundLifecycle.State(rawValue: state) ?? .draft, candidates: candidates,
                                       issued: issued, returned: returned)
        return CountingRound(id: id, unit: unit, election: election, requiredEntries: required, lifecycle: lifecycle,
                             congress: congress, certifiedResult: result)
    }

    /// The round's state and required passes; `lock` is `FOR UPDATE`, `FOR SHARE` or empty.
    static func counting(_ id: Round.ID, _ connection: PostgresConnection, _ logger: Logger,
                         lock: String = "") async throws -> (RoundLifecycle.State, Int) {
        guard let row = try await connection.rows(PostgresQuery(
            unsafeSQL: "SELECT state, required_entries FROM counting_round WHERE id = $1 \(lock)", binds: binds(id)), logger).first else {
            throw StoreError.counting(.unknownRound(id))
        }
        let (state, required) = try row.decode((String, Int).self)
        return (RoundLifecycle.State(rawValue: state) ?? .draft, required)
    }

    static func binds(_ values: Round.ID...) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }

    static func candidateCount(_ id: Round.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int {
        try await connection.value(Int.self, """
            SELECT jsonb_array_length((election::jsonb)->'candidates') FROM counting_round WHERE id = \(id)
            """, logger) ?? 0
    }
}
