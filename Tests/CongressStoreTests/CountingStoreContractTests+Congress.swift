import CongressCore
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// The rest of the counting contract, on memory and SQLite: finished passes, agreed stacks,
/// certification, congresses under their version check.
extension CountingStoreContractTests {
    @Test("R-E-29: a finished pass takes no more ballots; a stack agrees once, only when its passes are finished", arguments: StoreKind.allCases)
    func finishAndAgree(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let id = try await Self.counting(store)
        try await store.claimPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passClaimed))
        try await store.claimPass(round: id, stack: 1, pass: 2, clerk: "minh", audit: Self.audit(.passClaimed))
        for pass in 1...2 {
            for (position, ballot) in ballots.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: pass == 1 ? "lan" : "minh", position: position, ballot: ballot)
            }
        }
        await #expect(throws: StoreError.counting(.passesNotFinished(stack: 1))) {
            try await store.agreeStack(round: id, stack: 1, ballots: ballots, audit: [])
        }
        try await store.finishPass(round: id, stack: 1, pass: 1, clerk: "lan", audit: Self.audit(.passFinished))
        await #expect(throws: StoreError.counting(.passFinished(stack: 1, pass: 1))) {
            try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 4, ballot: .striking([1]))
        }
        // A retry of an acknowledged ballot is still accepted after the pass is finished.
        try await store.recordBallot(round: id, stack: 1, pass: 1, clerk: "lan", position: 0, ballot: ballots[0])
        await #expect(throws: StoreError.counting(.notYourPass(stack: 1, pass: 2))) {
            try await store.finishPass(round: id, stack: 1, pass: 2, clerk: "lan", audit: Self.audit(.passFinished))
        }
        try await store.finishPass(round: id, stack: 1, pass: 2, clerk: "minh", audit: Self.audit(.passFinished))
        let progress = try await store.stacks(round: id)
        #expect(progress == [StackProgress(stack: 1, passes: [.init(pass: 1, clerk: "lan", entered: 4, finished: true),
                                                              .init(pass: 2, clerk: "minh", entered: 4, finished: true)], agreed: nil, declared: 4)])
        try await store.agreeStack(round: id, stack: 1, ballots: ballots, audit: [Self.audit(.stackAgreed)])
        await #expect(throws: StoreError.counting(.stackAlreadyAgreed(stack: 1))) {
            try await store.agreeStack(round: id, stack: 1, ballots: ballots, audit: [])
        }
        #expect(try await store.stacks(round: id).first?.agreed == 4)
        let agreed = try await store.agreedBallots(round: id)
        #expect(agreed == BallotCSV.sortedForExport(ballots, candidates: 4), "stored in content order, not paper order")
        _ = try await store.apply(.closeCounting(agreedBallots: 4), to: id, audit: Self.audit(.roundEvent))
        let result = try Tally.count(Self.election, ballots: agreed)
        _ = try await store.apply(.resultComputed(tiePending: false), to: id, audit: Self.audit(.roundEvent))
        let effects = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: Self.audit(.resultCertified))
        #expect(effects.contains(.releaseResult))
        let round = try #require(try await store.round(id))
        #expect(round.lifecycle.state == .certified && round.certifiedResult == ResultDocument.encode(result).formatted())
        let opened = try #require(try await store.opened(id))
        #expect(opened.unit == "X1" && opened.election == Self.election)
        let log = try await access.auditLog().map(\.action)
        #expect(log.contains(.passFinished) && log.contains(.stackAgreed) && log.contains(.resultCertified))
    }

    @Test("a congress record is replaced only under its version; rounds belong to their congress", arguments: StoreKind.allCases)
    func congresses(_ kind: StoreKind) async throws {
        let (store, _) = try await Self.make(kind)
        let record = CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2026-11-20",
                                    closesOn: "2026-11-21", members: [MemberOnRoll(memberID: "M1", fullName: "Nguyễn Văn An")])
        let id = try await store.createCongress(record, audit: Self.audit(.congressCreated))
        #expect(try await store.congress(id) == StoredCongress(id: id, version: 1, record: record))
        var changed = record
        changed.countingBoard = ["M1"]
        #expect(try await store.updateCongress(id, version: 1, changed, audit: Self.audit(.congressChanged)) == 2)
        await #expect(throws: StoreError.counting(.congressChanged(id))) {
            try await store.updateCongress(id, version: 1, record, audit: Self.audit(.congressChanged))
        }
        #expect(try await store.congress(id)?.record.countingBoard == ["M1"])
        #expect(try await store.congresses(of: "X1").map(\.id) == [id])
        #expect(try await store.allCongresses().map(\.id) == [id])
        #expect(try await store.congressSummaries() == [CongressSummary(id: id, unit: "X1", name: "Đại hội", opensOn: "2026-11-20",
                                                                        closesOn: "2026-11-21", submittedOn: nil, paused: false)])
        var paused = changed
        paused.pause = CongressPause(reason: "R-E-26", since: "2026-11-21")
        paused.submittedOn = "2026-11-23"
        _ = try await store.updateCongress(id, version: 2, paused, audit: Self.audit(.congressChanged))
        #expect(try await store.congressSummaries().first.map { ($0.paused, $0.submittedOn) } ?? (false, nil) == (true, "2026-11-23"))
        paused.pause?.direction = "CV 1"
        _ = try await store.updateCongress(id, version: 3, paused, audit: Self.audit(.congressChanged))
        #expect(try await store.congressSummaries().first?.paused == false)
        // The structure report's read: only congresses with a composition, seats in their order.
        #expect(try await store.compositions() == [])
        var composed = paused
        composed.composition = [BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .secretary, source: "R1"),
                                BodySeat(memberID: nil, name: "Trần Thị Bình", role: .committeeMember, source: "QĐ 12")]
        _ = try await store.updateCongress(id, version: 4, composed, audit: Self.audit(.congressChanged))
        _ = try await store.createCongress(record, audit: Self.audit(.congressCreated))
        #expect(try await store.compositions() == [CongressComposition(id: id, unit: "X1", term: "2025–2030", opensOn: "2026-11-20",
                                                                       seats: composed.composition)])
        let round = try await store.openRound(Self.election, unit: "X1", congress: id, requiredEntries: 3, audit: Self.audit(.roundOpened))
        _ = try await store.openRound(Self.election, unit: "X1", requiredEntries: 2, audit: Self.audit(.roundOpened))
        #expect(try await store.rounds(ofCongress: id).map(\.id) == [round])
        #expect(try await store.round(round)?.requiredEntries == 3)
        #expect(try await store.roundStates() == [id: [.draft]])
    }
}

extension CountingStoreContractTests {
    /// A round of congress `congress`, counted and ready to certify, with its result.
    /// A members' congress of one (M1) with a counted round.
    func congressWithCountedRound(_ store: any CountingStore) async throws -> (CongressRecord.ID, Round.ID, ElectionResult) {
        let record = CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2026-11-20",
                                    closesOn: "2026-11-21", members: [MemberOnRoll(memberID: "M1", fullName: "Nguyễn Văn An")])
        let congress = try await store.createCongress(record, audit: Self.audit(.congressCreated))
        let (id, result) = try await countedRound(store, congress: congress)
        return (congress, id, result)
    }

    func countedRound(_ store: any CountingStore, congress: CongressRecord.ID) async throws -> (Round.ID, ElectionResult) {
        let id = try await store.openRound(Self.election, unit: "X1", congress: congress, requiredEntries: 2, audit: Self.audit(.roundOpened))
        _ = try await store.apply(.adoptList(candidates: 4), to: id, audit: Self.audit(.roundEvent))
        _ = try await store.apply(.issueBallots(issued: 10), to: id, audit: Self.audit(.roundEvent))
        _ = try await store.apply(.openCounting(returned: 4), to: id, audit: Self.audit(.roundEvent))
        try await store.declareStack(round: id, stack: 1, ballots: 4, audit: Self.audit(.stackDeclared))
        for (pass, clerk) in [(1, "lan"), (2, "minh")] {
            try await store.claimPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: Self.audit(.passClaimed))
            for (position, ballot) in ballots.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: Self.audit(.passFinished))
        }
        try await store.agreeStack(round: id, stack: 1, ballots: ballots, audit: [Self.audit(.stackAgreed)])
        _ = try await store.apply(.closeCounting(agreedBallots: 4), to: id, audit: Self.audit(.roundEvent))
        let result = try Tally.count(Self.election, ballots: try await store.agreedBallots(round: id))
        _ = try await store.apply(.resultComputed(tiePending: false), to: id, audit: Self.audit(.roundEvent))
        return (id, result)
    }

    @Test("R-E-27: certification writes the winners' composition in its own transaction; a stale congress writes neither",
          arguments: StoreKind.allCases)
    func certificationWithComposition(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let (congress, id, result) = try await congressWithCountedRound(store)
        var composed = try #require(try await store.congress(congress)).record
        composed.composition = [BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .committeeMember, source: "round \(id)")]
        let document = ResultDocument.encode(result).formatted()
        let stale = CongressWrite(id: congress, version: 7, record: composed,
                                  audit: AuditDraft(actor: "board", action: .congressChanged, subject: "congress"))
        let entriesBefore = try await access.auditLog().count
        await #expect(throws: StoreError.counting(.congressChanged(congress))) {
            try await store.certify(round: id, result: document, audit: Self.audit(.resultCertified), congress: stale)
        }
        #expect(try await store.round(id)?.lifecycle.state == .counted, "the round is not certified without its composition")
        #expect(try await store.congress(congress)?.record.composition.isEmpty == true)
        #expect(try await access.auditLog().count == entriesBefore)
        #expect(try await store.entries(round: id, stack: 1).allSatisfy { $0.ballots.count == 4 }, "the entries are kept")

        let version = try #require(try await store.congress(congress)?.version)
        var current = stale
        current.version = version
        _ = try await store.certify(round: id, result: document, audit: Self.audit(.resultCertified), congress: current)
        #expect(try await store.round(id)?.lifecycle.state == .certified)
        let after = try #require(try await store.congress(congress))
        #expect(after.version == version + 1 && after.record.composition == composed.composition)
        #expect(try await access.auditLog().suffix(2).map(\.action) == [.resultCertified, .congressChanged])
    }
}
