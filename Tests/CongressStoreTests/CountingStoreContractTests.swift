import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// One contract for counting by independent entry (R-E-29), on memory and SQLite.
@Suite("Counting store contract")
struct CountingStoreContractTests {
    static let election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, rulebook: .qd190, round: 1, seats: 3,
                                   candidates: ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"],
                                   base: BaseRecord(kind: .membersCongress, convened: 10), ballotsIssued: 10)

    static func make(_ kind: StoreKind) async throws -> (counting: any CountingStore, access: any AccessStore) {
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        switch kind {
        case .memory:
            let access = MemoryAccessStore(chain: chain, clock: { "2026-11-22T03:00:00Z" })
            return (MemoryCountingStore(access: access), access)
        case .sqlite, .upgradedSQLite:
            let register = try await kind.make() as! SQLiteRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return (SQLiteCountingStore(register: register, chain: chain, clock: { "2026-11-22T03:00:00Z" }),
                    SQLiteAccessStore(register: register, chain: chain, clock: { "2026-11-22T03:00:00Z" }))
        case .postgres:
            let register = try await kind.make() as! PostgresRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return (PostgresCountingStore(database: register.database, chain: chain, clock: { "2026-11-22T03:00:00Z" }),
                    PostgresAccessStore(database: register.database, chain: chain, clock: { "2026-11-22T03:00:00Z" }))
        }
    }

    static func audit(_ action: AuditAction) -> AuditDraft { AuditDraft(actor: "board", action: action, subject: "round") }

    /// A round opened for counting with `returned` ballots back in the box, split into `stacks`
    /// (stack number: ballots; by default one stack of all of them).
    static func counting(_ store: any CountingStore, returned: Int = 4, issued: Int = 10, stacks: [Int: Int]? = nil) async throws -> Round.ID {
        let id = try await store.openRound(election, unit: "X1", requiredEntries: 2, audit: audit(.roundOpened))
        _ = try await store.apply(.adoptList(candidates: 4), to: id, audit: audit(.roundEvent))
        _ = try await store.apply(.issueBallots(issued: issued), to: id, audit: audit(.roundEvent))
        _ = try await store.apply(.openCounting(returned: returned), to: id, audit: audit(.roundEvent))
        for (stack, ballots) in (stacks ?? [1: returned]).sorted(by: { $0.key < $1.key }) {
            try await store.declareStack(round: id, stack: stack, ballots: ballots, audit: audit(.stackDeclared))
        }
        return id
    }

    let ballots = [Ballot.striking([1]), .striking([2]), .striking([]), .striking([1, 2, 3, 4])]

    @Test("R-E-29: two clerks enter a stack; the entries come back by pass and agree", arguments: StoreKind.allCases)
    func entryAndComparison(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let id = try await Self.counting(store)
        for (pass, clerk) in [(1, "lan"), (2, "minh")] {
            try await store.claimPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: Self.audit(.passClaimed))
            for (position, ballot) in ballots.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
        }
        let entries = try await store.entries(round: id, stack: 1)
        #expect(entries.map(\.clerk) == ["lan", "minh"])
        #expect(try StackComparison.compare(entries) == .agreed(ballots))
        let round = try #require(try await store.round(id))
        #expect(round.lifecycle.state == .counting && round.election == Self.election && round.unit == "X1")
        let log = try await access.auditLog()
        #expect(!log.contains { $0.action == .ballotEntered }, "secrecy: no ballot is audited one by one, nor its time")
        #expect(AuditChain(digest: AccessStoreContractTests.digest).verify(log) == .intact(entries: log.count, lastHash: log.last!.hash))
    }

    @Test("R-E-29: a pass belongs to one clerk; one clerk cannot take two passes of a stack", arguments: StoreKind.allCases)
    func passes(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let id = try await Self.counting(store)
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        await #expect(throws: StoreError.counting(.passTaken(stack: 1, pass: 1, clerk: "lan"))) {
            try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "minh", audit: Self.audit(.passClaimed))
        }
        await #expect(throws: StoreError.counting(.clerkAlreadyOnStack(stack: 1, clerk: "lan"))) {
            try await store.claimPass(round: id, stack: 1, pass: 2, clerk: "lan", audit: Self.audit(.passClaimed))
        }
        await #expect(throws: StoreError.counting(.passOutOfRange(pass: 3, required: 2))) {
            try await store.claimPass(round: id, stack: 1, pass: 3, clerk: "hoa", audit: Self.audit(.passClaimed))
        }
        await #expect(throws: StoreError.counting(.notYourPass(stack: 1, pass: 1))) {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "minh", position: 0, ballot: ballots[0])
        }
    }

    @Test("a retried entry is accepted once; a different ballot at a taken position or a skipped position is refused",
          arguments: StoreKind.allCases)
    func positions(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let id = try await Self.counting(store, stacks: [2: 4])
        try await store.claimPass(round: id, stack: 2, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        try await store.recordBallot(round: id, stack: 2, pass: 1, clerk: "lan", position: 0, ballot: ballots[0])
        try await store.recordBallot(round: id, stack: 2, pass: 1, clerk: "lan", position: 0, ballot: ballots[0])
        await #expect(throws: StoreError.counting(.positionConflict(stack: 2, pass: 1, position: 0))) {
            try await store.recordBallot(round: id, stack: 2, pass: 1, clerk: "lan", position: 0, ballot: ballots[1])
        }
        await #expect(throws: StoreError.counting(.positionOutOfOrder(expected: 1, got: 2))) {
            try await store.recordBallot(round: id, stack: 2, pass: 1, clerk: "lan", position: 2, ballot: ballots[1])
        }
        #expect(try await store.entries(round: id, stack: 2).first?.ballots == [ballots[0]])
    }

    @Test("a round takes entries only while counting: not before, not after it is closed", arguments: StoreKind.allCases)
    func closedRound(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let early = try await store.openRound(Self.election, unit: "X1", requiredEntries: 2, audit: Self.audit(.roundOpened))
        await #expect(throws: StoreError.counting(.roundNotCounting(.draft))) {
            try await store.claimPass(round: early, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        }
        let id = try await Self.counting(store, returned: 1)
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 0, ballot: ballots[0])
        await #expect(throws: StoreError.counting(.lifecycle(.entriesDoNotMatchReturned(agreed: 2, returned: 1)))) {
            _ = try await store.apply(.closeCounting(agreedBallots: 2), to: id, audit: Self.audit(.roundEvent))
        }
        _ = try await store.apply(.closeCounting(agreedBallots: 1), to: id, audit: Self.audit(.roundEvent))
        await #expect(throws: StoreError.counting(.roundNotCounting(.counted))) {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 1, ballot: ballots[1])
        }
        #expect(try await store.round(id)?.lifecycle.state == .counted)
    }

    @Test("20 clerks entering at once: every acknowledged ballot is stored once", arguments: StoreKind.allCases)
    func concurrentClerks(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let perPass = 25
        let id = try await Self.counting(store, returned: 10 * perPass, issued: 10 * perPass,
                                         stacks: Dictionary(uniqueKeysWithValues: (1...10).map { ($0, perPass) }))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for clerk in 0..<20 {
                group.addTask {
                    let stack = clerk / 2 + 1, pass = clerk % 2 + 1, name = "clerk\(clerk)"
                    try await store.claimPass(round: id, stack: stack, pass: pass, clerk: name, audit: Self.audit(.passClaimed))
                    for position in 0..<perPass {
                        try await store.recordBallot(round: id, stack: stack, pass: pass, clerk: name, position: position,
                                                     ballot: .striking([position % 4 + 1]))
                    }
                }
            }
            try await group.waitForAll()
        }
        for stack in 1...10 {
            let entries = try await store.entries(round: id, stack: stack)
            #expect(entries.count == 2)
            #expect(entries.allSatisfy { $0.ballots == (0..<perPass).map { Ballot.striking([$0 % 4 + 1]) } })
        }
    }
}
