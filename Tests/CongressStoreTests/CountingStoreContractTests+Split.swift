import CongressCore
import CongressStore
import Testing

/// The split into stacks, a clerk's correction of their own last ballots, and the settled
/// readings kept for the entry log until certification (R-E-29), on memory and SQLite.
extension CountingStoreContractTests {
    @Test("R-E-29: a pass takes exactly its stack's declared ballots: not the (N+1)th, and it finishes only with all N",
          arguments: StoreKind.allCases)
    func declaredStackBoundsItsPasses(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let id = try await Self.counting(store, returned: 6, stacks: [1: 4])
        await #expect(throws: StoreError.counting(.split(.notDeclared(stack: 2)))) {
            try await store.claimPass(round: id, stack: 2, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        }
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        for (position, ballot) in ballots.prefix(3).enumerated() {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: position, ballot: ballot)
        }
        await #expect(throws: StoreError.counting(.split(.passShort(stack: 1, entered: 3, ballots: 4)))) {
            try await store.finishPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passFinished))
        }
        try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 3, ballot: ballots[3])
        await #expect(throws: StoreError.counting(.split(.stackFull(stack: 1, ballots: 4)))) {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 4, ballot: ballots[0])
        }
        try await store.finishPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passFinished))
        let progress = try #require(try await store.stacks(round: id).first)
        #expect(progress.declared == 4 && progress.passes.first?.entered == 4)
        #expect(try await access.auditLog().contains { $0.action == .stackDeclared })
    }

    @Test("R-E-29: the stacks never hold more than the returned ballots; a count is corrected only before a pass of it is finished",
          arguments: StoreKind.allCases)
    func declarationsAreChecked(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let id = try await Self.counting(store, returned: 6, stacks: [1: 4])
        await #expect(throws: StoreError.counting(.split(.moreThanReturned(declared: 7, returned: 6)))) {
            try await store.declareStack(round: id, stack: 2, ballots: 3, audit: Self.audit(.stackDeclared))
        }
        await #expect(throws: StoreError.counting(.split(.emptyStack(stack: 2)))) {
            try await store.declareStack(round: id, stack: 2, ballots: 0, audit: Self.audit(.stackDeclared))
        }
        try await store.declareStack(round: id, stack: 2, ballots: 2, audit: Self.audit(.stackDeclared))
        // A recount of stack 1 (5 + 2 > 6 is refused; 3 is accepted while no pass has more).
        await #expect(throws: StoreError.counting(.split(.moreThanReturned(declared: 7, returned: 6)))) {
            try await store.declareStack(round: id, stack: 1, ballots: 5, audit: Self.audit(.stackDeclared))
        }
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        for (position, ballot) in ballots.prefix(3).enumerated() {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: position, ballot: ballot)
        }
        await #expect(throws: StoreError.counting(.split(.fewerThanEntered(stack: 1, entered: 3)))) {
            try await store.declareStack(round: id, stack: 1, ballots: 2, audit: Self.audit(.stackDeclared))
        }
        try await store.declareStack(round: id, stack: 1, ballots: 3, audit: Self.audit(.stackDeclared))
        try await store.finishPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passFinished))
        await #expect(throws: StoreError.counting(.split(.stackStarted(stack: 1)))) {
            try await store.declareStack(round: id, stack: 1, ballots: 4, audit: Self.audit(.stackDeclared))
        }
        #expect(try await store.stacks(round: id).map(\.declared) == [3, 2])
    }

    @Test("R-E-29: a clerk takes back the last ballots of their own unfinished pass, never another's or a finished one",
          arguments: StoreKind.allCases)
    func correctingTheLastBallots(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let id = try await Self.counting(store)
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        try await store.claimPass(round: id, stack: 1, pass: 2, clerk: "minh", audit: Self.audit(.passClaimed))
        await #expect(throws: StoreError.counting(.nothingToCorrect(stack: 1, pass: 1))) {
            _ = try await store.withdrawLastBallot(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.ballotWithdrawn))
        }
        try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 0, ballot: ballots[0])
        try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 1, ballot: ballots[3])
        await #expect(throws: StoreError.counting(.notYourPass(stack: 1, pass: 1))) {
            _ = try await store.withdrawLastBallot(round: id, stack: 1, pass: 1, clerk: "minh", audit: Self.audit(.ballotWithdrawn))
        }
        #expect(try await store.withdrawLastBallot(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.ballotWithdrawn)) == ballots[3])
        #expect(try await store.withdrawLastBallot(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.ballotWithdrawn)) == ballots[0])
        for (position, ballot) in ballots.enumerated() {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: position, ballot: ballot)
        }
        #expect(try await store.entries(round: id, stack: 1).first?.ballots == ballots)
        try await store.finishPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passFinished))
        await #expect(throws: StoreError.counting(.passFinished(stack: 1, pass: 1))) {
            _ = try await store.withdrawLastBallot(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.ballotWithdrawn))
        }
        #expect(try await access.auditLog().filter { $0.action == .ballotWithdrawn }.count == 2)
    }

    @Test("R-E-29: a settled stack's readings stay for the entry log until certification, then go with the entries",
          arguments: StoreKind.allCases)
    func settledReadingsLastUntilCertification(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let id = try await Self.counting(store)
        let second = [ballots[0], ballots[1], ballots[2], Ballot.striking([4])]
        for (pass, clerk, typed) in [(1, "lan", ballots), (2, "minh", second)] {
            try await store.claimPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: Self.audit(.passClaimed))
            for (position, ballot) in typed.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: Self.audit(.passFinished))
        }
        let reading = StackSettlement(readings: [.init(position: 3, row: BallotCSV.row(ballots[3], candidates: 4))])
        try await store.proposeSettlement(round: id, stack: 1, proposer: "hoa", settlement: reading, audit: Self.audit(.settlementProposed))
        #expect(try await store.settledReadings(round: id, stack: 1) == nil, "a proposal is not a settlement")
        try await store.agreeStack(round: id, stack: 1, ballots: ballots, audit: [Self.audit(.differenceSettled)])
        #expect(try await store.settledReadings(round: id, stack: 1) == reading)
        #expect(try await store.settlementProposal(round: id, stack: 1) == nil)
        _ = try await store.apply(.closeCounting(agreedBallots: 4), to: id, audit: Self.audit(.roundEvent))
        _ = try await store.apply(.resultComputed(tiePending: false), to: id, audit: Self.audit(.roundEvent))
        let result = try Tally.count(Self.election, ballots: try await store.agreedBallots(round: id))
        _ = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: Self.audit(.resultCertified))
        #expect(try await store.settledReadings(round: id, stack: 1) == nil, "secrecy: no position outlives certification")
    }
}
