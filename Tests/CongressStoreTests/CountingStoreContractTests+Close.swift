import CongressCore
import CongressStore
import Foundation
import Testing

/// Closing with its result, and an annulment with its composition, each one transaction.
extension CountingStoreContractTests {
    /// Two clerks enter `ballots` into `stack` and finish; the stack is not agreed yet.
    func enterAndFinish(_ store: any CountingStore, round id: Round.ID, stack: Int, ballots: [Ballot]) async throws {
        for (pass, clerk) in [(1, "lan\(stack)"), (2, "minh\(stack)")] {
            try await store.claimPass(round: id, stack: stack, pass: pass, clerk: clerk, audit: Self.audit(.passClaimed))
            for (position, ballot) in ballots.enumerated() {
                try await store.recordBallot(round: id, stack: stack, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: id, stack: stack, pass: pass, clerk: clerk, audit: Self.audit(.passFinished))
        }
    }

    @Test("R-E-29: the count closes only when every stack is agreed, and closing computes the result in the same step",
          arguments: StoreKind.allCases)
    func closeWithResult(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let id = try await Self.counting(store, stacks: [1: 2, 2: 2])
        try await enterAndFinish(store, round: id, stack: 1, ballots: Array(ballots[0..<2]))
        try await enterAndFinish(store, round: id, stack: 2, ballots: Array(ballots[2..<4]))
        try await store.agreeStack(round: id, stack: 1, ballots: Array(ballots[0..<2]), audit: [Self.audit(.stackAgreed)])
        let entriesBefore = try await access.auditLog().count
        await #expect(throws: StoreError.counting(.stackOpen(stack: 2))) {
            try await store.closeCounting(round: id, actor: "board")
        }
        #expect(try await store.round(id)?.lifecycle.state == .counting, "nothing closed")
        #expect(try await access.auditLog().count == entriesBefore)

        try await store.agreeStack(round: id, stack: 2, ballots: Array(ballots[2..<4]), audit: [Self.audit(.stackAgreed)])
        let result = try await store.closeCounting(round: id, actor: "board")
        var counted = Self.election
        counted.ballotsIssued = 10
        #expect(result == (try Tally.count(counted, ballots: ballots)), "the result of the agreed ballots only")
        #expect(try await store.round(id)?.lifecycle.state == .counted)
        let details = try await access.auditLog().suffix(2).map(\.detail)
        #expect(details == ["counting closed: 4 agreed ballots", "result computed"])
        await #expect(throws: StoreError.counting(.lifecycle(.notNow(state: .counted, event: "closeCounting")))) {
            try await store.closeCounting(round: id, actor: "board")
        }
    }

    @Test("R-E-30: an annulment removes the round's seats in its own transaction; a stale congress writes neither",
          arguments: StoreKind.allCases)
    func annulmentWithComposition(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let (congress, id, result) = try await congressWithCountedRound(store)
        var composed = try #require(try await store.congress(congress))
        composed.record.composition = [BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .committeeMember, source: "round \(id)"),
                                       BodySeat(memberID: "M0", name: "Lê Thị Bình", role: .committeeMember, source: "round 0")]
        _ = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: Self.audit(.resultCertified),
                                    congress: CongressWrite(id: congress, version: composed.version, record: composed.record,
                                                            audit: Self.audit(.congressChanged)))
        let certified = try #require(try await store.congress(congress))
        #expect(!certified.record.composition.isEmpty)

        var annulled = certified.record
        let detail = annulled.recordAnnulled(round: id)
        #expect(annulled.composition.map(\.memberID) == ["M0"] && detail?.contains("R-E-30") == true)
        let entriesBefore = try await access.auditLog().count
        let stale = CongressWrite(id: congress, version: certified.version - 1, record: annulled, audit: Self.audit(.congressChanged))
        await #expect(throws: StoreError.counting(.congressChanged(congress))) {
            try await store.apply(.annul(reason: "sai quy trình"), to: id, audit: Self.audit(.roundEvent), congress: stale)
        }
        #expect(try await store.round(id)?.lifecycle.state == .certified, "not annulled without its composition")
        #expect(try await access.auditLog().count == entriesBefore)

        let current = CongressWrite(id: congress, version: certified.version, record: annulled, audit: Self.audit(.congressChanged))
        _ = try await store.apply(.annul(reason: "sai quy trình"), to: id, audit: Self.audit(.roundEvent), congress: current)
        #expect(try await store.round(id)?.lifecycle.state == .annulled)
        #expect(try await store.congress(congress)?.record.composition.map(\.memberID) == ["M0"])
        #expect(try await store.congress(congress)?.version == certified.version + 1)
        #expect(try await access.auditLog().suffix(2).map(\.action) == [.roundEvent, .congressChanged])
    }

    @Test("R-E-23: the presidium's decision on a tie and the new round among the tied are one transaction", arguments: StoreKind.allCases)
    func tieDecidedWithNewRound(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        // An and Bình 8 votes of 10; Cường and Dung 7 each for the third seat.
        let tied = [[3], [3], [3], [4], [4], [4], [1], [1], [2], [2]].map { Ballot.striking($0) }
        let id = try await Self.counting(store, returned: 10)
        try await enterAndFinish(store, round: id, stack: 1, ballots: tied)
        try await store.agreeStack(round: id, stack: 1, ballots: tied, audit: [Self.audit(.stackAgreed)])
        let result = try await store.closeCounting(round: id, actor: "board")
        #expect(try await store.round(id)?.lifecycle.state == .tiePending)
        let next = try #require(try result.nextRound(.revoteAmongTied(ballotsIssued: 10)))
        #expect(next.candidates == ["Trần Văn Cường", "Phạm Thị Dung"])
        let opened = try #require(try await store.decideTie(round: id, newRound: next, audit: Self.audit(.roundEvent),
                                                             openingAudit: Self.audit(.roundOpened)))
        #expect(try await store.round(id)?.lifecycle.state == .counted)
        let round = try #require(try await store.round(opened))
        #expect(round.election == next && round.unit == "X1" && round.requiredEntries == 2 && round.lifecycle.state == .draft)
        #expect(try await access.auditLog().suffix(2).map(\.action) == [.roundEvent, .roundOpened])
        // Decided once: a second decision opens nothing and writes nothing.
        let entries = try await access.auditLog().count
        await #expect(throws: StoreError.counting(.lifecycle(.notNow(state: .counted, event: "tieDecided")))) {
            try await store.decideTie(round: id, newRound: next, audit: Self.audit(.roundEvent), openingAudit: Self.audit(.roundOpened))
        }
        #expect(try await store.round(Round.ID(opened.rawValue + 1)) == nil)
        #expect(try await access.auditLog().count == entries)
    }

    @Test("R-E-24: a further round opens after a certified result only, and once however many ask at the same moment",
          arguments: StoreKind.allCases)
    func furtherRoundOpensOnce(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let (congress, id, result) = try await congressWithCountedRound(store)
        let further = { var next = result.election; next.round += 1; return next }()
        await #expect(throws: StoreError.counting(.lifecycle(.notNow(state: .counted, event: "next round"))), "not before certification") {
            try await store.openFollowing(round: id, election: further, audit: Self.audit(.roundOpened))
        }
        _ = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: Self.audit(.resultCertified))
        let entries = try await access.auditLog().count
        // Three presidium members ask at once: one round opens, the others are told it exists.
        let outcomes = await withTaskGroup(of: Result<Round.ID, StoreError>.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    do throws(StoreError) {
                        return .success(try await store.openFollowing(round: id, election: further, audit: Self.audit(.roundOpened)))
                    } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let opened = outcomes.compactMap { try? $0.get() }
        #expect(opened.count == 1)
        #expect(outcomes.filter { if case .failure(.counting(.alreadyFollowed)) = $0 { true } else { false } }.count == 2)
        let openedID = try #require(opened.first)
        let round = try #require(try await store.round(openedID))
        #expect(round.election.round == result.election.round + 1 && round.congress == congress && round.lifecycle.state == RoundLifecycle.State.draft)
        #expect(try await store.rounds(ofCongress: congress).count == 2)
        #expect(try await access.auditLog().count == entries + 1, "one opening, one audit entry")
    }
}
