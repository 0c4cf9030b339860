import CongressCore
import CongressStore
import Foundation
import GRDB

/// Counting rounds in the register's SQLite file. Every write is one transaction with its
/// audit entry; a ballot is in the WAL when `recordBallot` returns.
public final class SQLiteCountingStore: CountingStore, Sendable {
    let pool: DatabasePool
    let chain: AuditChain
    let clock: @Sendable () -> String
    private let ballots: GroupCommit
    private let elections = ElectionCache()

    public init(register: SQLiteRegisterStore, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.pool = register.pool
        self.chain = chain
        self.clock = clock
        self.ballots = GroupCommit(pool: register.pool)
    }

    public func openRound(_ election: Election, unit: PartyUnit.ID, congress: CongressRecord.ID?, requiredEntries: Int,
                          audit: AuditDraft) async throws(StoreError) -> Round.ID {
        let json = ElectionFile.encode(election).formatted()
        let time = clock()
        return try await write { [chain] db in
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [unit]) else {
                throw StoreError.unknownUnit(unit)
            }
            let id = try Self.insertRound(json, unitID: unitID, congress: congress, requiredEntries: requiredEntries, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return id
        }
    }

    private static func insertRound(_ json: String, unitID: Int64, congress: CongressRecord.ID?, requiredEntries: Int, follows: Round.ID? = nil,
                                    _ db: Database) throws -> Round.ID {
        try db.execute(sql: """
            INSERT INTO counting_round (unit_id, election, required_entries, state, candidates, issued, returned, congress_id, follows)
            VALUES (?, ?, ?, 'draft', 0, 0, 0, ?, ?)
            """, arguments: [unitID, json, requiredEntries, congress, follows])
        return Round.ID(db.lastInsertedRowID)
    }

    public func openFollowing(round id: Round.ID, election: Election, audit: AuditDraft) async throws(StoreError) -> Round.ID {
        let json = ElectionFile.encode(election).formatted()
        let time = clock()
        return try await write { [chain] db in
            guard let round = try self.load(id, db),
                  let unitID = try Int64.fetchOne(db, sql: "SELECT unit_id FROM counting_round WHERE id = ?", arguments: [id]) else {
                throw StoreError.counting(.unknownRound(id))
            }
            let followed = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM counting_round WHERE follows = ?)", arguments: [id]) ?? false
            do { try RoundSuccession.check(predecessor: round.lifecycle.state, alreadyFollowed: followed) } catch let refusal as CountingRefusal {
                throw StoreError.counting(refusal)
            }
            let next = try Self.insertRound(json, unitID: unitID, congress: round.congress, requiredEntries: round.requiredEntries,
                                            follows: id, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return next
        }
    }

    public func decideTie(round id: Round.ID, newRound: Election?, audit: AuditDraft,
                          openingAudit: AuditDraft) async throws(StoreError) -> Round.ID? {
        let json = newRound.map { ElectionFile.encode($0).formatted() }
        let time = clock()
        return try await write { [chain] db in
            guard var round = try self.load(id, db),
                  let unitID = try Int64.fetchOne(db, sql: "SELECT unit_id FROM counting_round WHERE id = ?", arguments: [id]) else {
                throw StoreError.counting(.unknownRound(id))
            }
            do { _ = try round.lifecycle.handle(.tieDecided(newRound: json != nil)) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            try db.execute(sql: "UPDATE counting_round SET state = ? WHERE id = ?", arguments: [round.lifecycle.state.rawValue, id])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            guard let json else { return nil }
            let next = try Self.insertRound(json, unitID: unitID, congress: round.congress, requiredEntries: round.requiredEntries,
                                            follows: id, db)
            try SQLiteAccessStore.append(openingAudit, at: time, chain, db)
            return next
        }
    }

    public func opened(_ id: Round.ID) async throws(StoreError) -> (unit: PartyUnit.ID, election: Election)? {
        if let cached = elections.cached(id) { return (cached.unit, cached.election) }
        return try await round(id).map { ($0.unit, $0.election) }
    }

    public func round(_ id: Round.ID) async throws(StoreError) -> CountingRound? {
        try await read { db in try self.load(id, db) }
    }

    public func apply(_ event: RoundLifecycle.Event, to id: Round.ID, audit: AuditDraft,
                      congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        let time = clock()
        return try await write { [chain] db in
            guard var round = try self.load(id, db) else { throw StoreError.counting(.unknownRound(id)) }
            let effects: [RoundLifecycle.Effect]
            do { effects = try round.lifecycle.handle(event) } catch let refusal as RoundLifecycle.Refusal {
                throw StoreError.counting(.lifecycle(refusal))
            }
            let lifecycle = round.lifecycle
            try db.execute(sql: "UPDATE counting_round SET state = ?, candidates = ?, issued = ?, returned = ? WHERE id = ?",
                           arguments: [lifecycle.state.rawValue, lifecycle.candidates, lifecycle.issued, lifecycle.returned, id])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            try Self.write(congress, at: time, chain, db)
            return effects
        }
    }

    public func closeCounting(round id: Round.ID, actor: String) async throws(StoreError) -> ElectionResult {
        let time = clock()
        return try await write { [chain] db in
            guard let round = try self.load(id, db) else { throw StoreError.counting(.unknownRound(id)) }
            let stacks = try Int.fetchAll(db, sql: "SELECT stack FROM stack_split WHERE round_id = ? UNION SELECT stack FROM stack_pass WHERE round_id = ?",
                                          arguments: [id, id])
            var agreed: [Int: [Ballot]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stack, ballots FROM stack_result WHERE round_id = ?", arguments: [id]) {
                let file = BallotCSV.header + "\n" + (row["ballots"] as String) + "\n"
                agreed[row["stack"]] = try BallotCSV.ballots(Array(file.utf8), election: round.election)
            }
            let plan: CountingClose.Plan
            do {
                plan = try CountingClose.plan(lifecycle: round.lifecycle, election: round.election, stacks: Set(stacks), agreed: agreed)
            } catch let refusal as CountingRefusal { throw StoreError.counting(refusal) }
            try db.execute(sql: "UPDATE counting_round SET state = ? WHERE id = ?", arguments: [plan.lifecycle.state.rawValue, id])
            for event in plan.events {
                try SQLiteAccessStore.append(AuditDraft(actor: actor, action: .roundEvent, subject: "round \(id)", detail: event.auditDetail,
                                                        unit: round.unit), at: time, chain, db)
            }
            return plan.result
        }
    }

    /// A congress written in another write's transaction, when its version is still the one read.
    static func write(_ congress: CongressWrite?, at time: String, _ chain: AuditChain, _ db: Database) throws {
        guard let congress else { return }
        guard let stored = try Int.fetchOne(db, sql: "SELECT version FROM congress WHERE id = ?", arguments: [congress.id]) else {
            throw StoreError.counting(.unknownCongress(congress.id))
        }
        guard stored == congress.version else { throw StoreError.counting(.congressChanged(congress.id)) }
        try db.execute(sql: "UPDATE congress SET version = ? WHERE id = ?", arguments: [congress.version + 1, congress.id])
        try writeRows(congress.id, congress.record, db)
        try SQLiteAccessStore.append(congress.audit, at: time, chain, db)
    }

    public func claimPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let (state, required) = try Self.counting(id, db)
            guard state == .counting else { throw StoreError.counting(.roundNotCounting(state)) }
            guard (1...required).contains(pass) else { throw StoreError.counting(.passOutOfRange(pass: pass, required: required)) }
            if let holder = try String.fetchOne(db, sql: "SELECT clerk FROM stack_pass WHERE round_id = ? AND stack = ? AND pass = ?",
                                                arguments: [id, stack, pass]) {
                if holder == clerk { return }
                throw StoreError.counting(.passTaken(stack: stack, pass: pass, clerk: holder))
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM stack_pass WHERE round_id = ? AND stack = ? AND clerk = ?",
                                 arguments: [id, stack, clerk]) == true {
                throw StoreError.counting(.clerkAlreadyOnStack(stack: stack, clerk: clerk))
            }
            do { try Self.split(id, db).admitsPass(stack: stack) } catch let refusal as StackSplit.Refusal {
                throw StoreError.counting(.split(refusal))
            }
            try db.execute(sql: "INSERT INTO stack_pass (round_id, stack, pass, clerk) VALUES (?, ?, ?, ?)",
                           arguments: [id, stack, pass, clerk])
            try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func recordBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError) {
        let knownCandidates = elections.cached(id)?.election.candidates.count
        do {
            try await ballots.submit { db in
                // Cached statements: this runs for every ballot of every clerk.
                let round = try db.cachedStatement(sql: "SELECT state FROM counting_round WHERE id = ?")
                guard let stateText = try String.fetchOne(round, arguments: [id]) else { throw StoreError.counting(.unknownRound(id)) }
                let holderStatement = try db.cachedStatement(sql: """
                    SELECT clerk, finished, (SELECT ballots FROM stack_split s WHERE s.round_id = p.round_id AND s.stack = p.stack),
                           (SELECT coalesce(max(e.position) + 1, 0) FROM ballot_entry e
                            WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass),
                           (SELECT ballot FROM ballot_entry e WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass
                                                               AND e.position = ?)
                    FROM stack_pass p WHERE round_id = ? AND stack = ? AND pass = ?
                    """)
                let holder = try Row.fetchOne(holderStatement, arguments: [position, id, stack, pass])
                let candidates = try knownCandidates ?? Self.candidateCount(id, db)
                let row = BallotCSV.row(ballot, candidates: candidates)
                // Columns that may be NULL are read as optionals (a non-optional read of NULL traps).
                let reading = BallotEntryRule.Reading(
                    state: RoundLifecycle.State(rawValue: stateText) ?? .draft, holder: holder.flatMap { $0[0] as String? },
                    finished: (holder.flatMap { $0[1] as Int? } ?? 0) != 0, existing: holder.flatMap { $0[4] as String? },
                    entered: holder.flatMap { $0[3] as Int? } ?? 0, stackSize: holder.flatMap { $0[2] as Int? })
                let decision: BallotEntryRule.Decision
                do throws(CountingRefusal) { decision = try BallotEntryRule.decide(reading, stack: stack, pass: pass, clerk: clerk, position: position, ballot: row) }
                catch { throw StoreError.counting(error) }
                guard decision == .insert else { return }
                try db.cachedStatement(sql: "INSERT INTO ballot_entry (round_id, stack, pass, position, ballot) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [id, stack, pass, position, row])
            }
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was written. Enter the ballot again.")
        }
    }

    public func entries(round id: Round.ID, stack: Int) async throws(StoreError) -> [StackComparison.Entry] {
        try await read { db in
            guard let round = try self.load(id, db) else { throw StoreError.counting(.unknownRound(id)) }
            let passes = try Row.fetchAll(db, sql: "SELECT pass, clerk FROM stack_pass WHERE round_id = ? AND stack = ? ORDER BY pass",
                                          arguments: [id, stack])
            return try passes.map { pass in
                let rows = try String.fetchAll(
                    db, sql: "SELECT ballot FROM ballot_entry WHERE round_id = ? AND stack = ? AND pass = ? ORDER BY position",
                    arguments: [id, stack, pass["pass"] as Int])
                let file = ([BallotCSV.header] + rows).joined(separator: "\n") + "\n"
                let ballots = (try? BallotCSV.ballots(Array(file.utf8), election: round.election)) ?? []
                return StackComparison.Entry(clerk: pass["clerk"], ballots: ballots)
            }
        }
    }

    // MARK: Rows

    /// The round's declared stacks (R-E-29).
    static func split(_ id: Round.ID, _ db: Database) throws -> StackSplit {
        let rows = try Row.fetchAll(db, sql: "SELECT stack, ballots FROM stack_split WHERE round_id = ?", arguments: [id])
        return StackSplit(sizes: Dictionary(rows.map { ($0["stack"] as Int, $0["ballots"] as Int) }, uniquingKeysWith: { a, _ in a }))
    }

    func load(_ id: Round.ID, _ db: Database) throws -> CountingRound? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.election, r.required_entries, r.state, r.candidates, r.issued, r.returned, u.code, r.congress_id, r.result
            FROM counting_round r JOIN unit u ON u.id = r.unit_id WHERE r.id = ?
            """, arguments: [id]) else { return nil }
        let election = try elections.election(id, unit: row["code"]) { try ElectionFile.decode(Data((row["election"] as String).utf8)) }
        let lifecycle = RoundLifecycle(state: RoundLifecycle.State(rawValue: row["state"]) ?? .draft, candidates: row["candidates"],
                                       issued: row["issued"], returned: row["returned"])
        return CountingRound(id: id, unit: row["code"], election: election, requiredEntries: row["required_entries"],
                             lifecycle: lifecycle, congress: row["congress_id"], certifiedResult: row["result"])
    }

    static func counting(_ id: Round.ID, _ db: Database) throws -> (RoundLifecycle.State, Int) {
        guard let row = try Row.fetchOne(db, sql: "SELECT state, required_entries FROM counting_round WHERE id = ?", arguments: [id]) else {
            throw StoreError.counting(.unknownRound(id))
        }
        return (RoundLifecycle.State(rawValue: row["state"]) ?? .draft, row["required_entries"])
    }

    static func candidateCount(_ id: Round.ID, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT json_array_length(election, '$.candidates') FROM counting_round WHERE id = ?",
                         arguments: [id]) ?? 0
    }

    // MARK: Plumbing

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.read(body) } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.write(body) } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was written. Check the input, or that the disk has room.")
        }
    }
}
