import CongressCore
import Testing

@Suite("Election round lifecycle")
struct RoundLifecycleTests {
    typealias L = RoundLifecycle

    func counted(tie: Bool = false) throws -> L {
        var round = L()
        _ = try round.handle(.adoptList(candidates: 30))
        _ = try round.handle(.issueBallots(issued: 120))
        _ = try round.handle(.openCounting(returned: 118))
        _ = try round.handle(.closeCounting(agreedBallots: 118))
        _ = try round.handle(.resultComputed(tiePending: tie))
        return round
    }

    @Test("the round goes draft → list adopted → ballots issued → counting → counted → certified → approved, with its effects")
    func happyPath() throws {
        var round = L()
        #expect(try round.handle(.adoptList(candidates: 30)) == [.persist])
        #expect(try round.handle(.issueBallots(issued: 120)) == [.persist, .printBallots(120)])
        #expect(try round.handle(.openCounting(returned: 118)) == [.persist, .openEntry])
        #expect(round.takesEntries)
        #expect(try round.handle(.closeCounting(agreedBallots: 118)) == [.persist, .computeResult])
        #expect(!round.takesEntries, "a closed round takes no more entries")
        #expect(try round.handle(.resultComputed(tiePending: false)) == [.persist, .printMinutes])
        #expect(try round.handle(.certify) == [.persist, .releaseResult, .notifyHigherCommittee])
        #expect(try round.handle(.approve) == [.persist])
        #expect(round.state == .approved)
    }

    @Test("R-E-23: a pending tie waits for the presidium, whose decision may open a new round")
    func tie() throws {
        var round = try counted(tie: true)
        #expect(round.state == .tiePending)
        #expect(throws: L.Refusal.notNow(state: .tiePending, event: "certify")) { try round.handle(.certify) }
        #expect(try round.handle(.tieDecided(newRound: true)) == [.persist, .openNextRound, .printMinutes])
        #expect(round.state == .counted)
    }

    @Test("R-E-28: ballots returned cannot exceed those issued, and every returned ballot must be in the agreed entries")
    func reconciliation() throws {
        var round = L()
        _ = try round.handle(.adoptList(candidates: 5))
        _ = try round.handle(.issueBallots(issued: 10))
        #expect(throws: L.Refusal.moreReturnedThanIssued(returned: 11, issued: 10)) { try round.handle(.openCounting(returned: 11)) }
        #expect(round.state == .ballotsIssued, "a refused event changes nothing")
        _ = try round.handle(.openCounting(returned: 10))
        #expect(throws: L.Refusal.entriesDoNotMatchReturned(agreed: 9, returned: 10)) { try round.handle(.closeCounting(agreedBallots: 9)) }
        #expect(round.takesEntries)
    }

    @Test("R-E-30: the higher committee annuls a certified round only with a reason, ordering a re-run")
    func annulment() throws {
        var round = try counted()
        _ = try round.handle(.certify)
        #expect(throws: L.Refusal.annulmentWithoutReason) { try round.handle(.annul(reason: "  ")) }
        #expect(try round.handle(.annul(reason: "Vi phạm quy trình giới thiệu")) == [.persist, .orderRerun])
        #expect(round.state == .annulled)
    }

    @Test("events out of order are refused", arguments: [
        L.Event.issueBallots(issued: 1), .openCounting(returned: 0), .closeCounting(agreedBallots: 0), .certify, .approve,
    ])
    func outOfOrder(_ event: L.Event) {
        var round = L()
        #expect(throws: L.Refusal.self) { try round.handle(event) }
        #expect(round.state == .draft)
    }
}

@Suite("Working bodies and show-of-hands motions")
struct WorkingBodiesTests {
    @Test("R-E-2: a motion is carried by more than half of those present")
    func motion() {
        let motion = Motion(subject: .numberOfSeats, text: "27 ủy viên", inFavour: 60, against: 50)
        #expect(motion.carried(present: 119))
        #expect(!motion.carried(present: 120))
    }

    @Test("R-E-4: nobody on an election list sits on the counting board; members come from the congress")
    func countingBoard() throws {
        let eligible: Set<Person.ID> = ["d1", "d2", "d3", "d4"]
        try CountingBoardCheck.check(board: ["d1", "d2"], eligible: eligible, lists: ["d3"])
        #expect(throws: CountingBoardProblem.memberOnList(memberID: "d3")) {
            try CountingBoardCheck.check(board: ["d1", "d3"], eligible: eligible, lists: ["d3"])
        }
        #expect(throws: CountingBoardProblem.notEligible(memberID: "guest")) {
            try CountingBoardCheck.check(board: ["guest"], eligible: eligible, lists: [])
        }
        #expect(CountingBoardProblem.empty.ruleID == "R-E-4")
    }
}
