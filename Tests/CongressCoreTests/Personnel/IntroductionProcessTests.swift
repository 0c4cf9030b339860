import CongressCore
import Testing

/// R-P-3's five steps as a state machine: every transition, without I/O.
@Suite struct IntroductionProcessTests {
    static func ids(_ range: ClosedRange<Int>) -> [Person.ID] { range.map { "P\($0)" } }

    /// Every name of `names` gets `votes` of `convened`, except those given otherwise.
    static func ballot(_ names: [Person.ID], votes: Int, convened: Int = 40, present: Int = 36, summoned: Int = 40,
                       except: [Person.ID: Int] = [:]) -> IntroductionProcess.Event {
        .ballot(.init(summoned: summoned, present: present, convened: convened,
                      votes: Dictionary(uniqueKeysWithValues: names.map { ($0, except[$0] ?? votes) })))
    }

    @Test("R-P-3: a 27-seat committee goes through the five steps with 30 names and is adopted")
    func fiveSteps() throws {
        var process = IntroductionProcess(seats: 27)
        #expect(process.listSize == 30...31, "R-E-6: the convening list carries 10–15% of 27 seats")
        let names = Self.ids(1...30)
        _ = try process.handle(.adoptList(names))
        #expect(process.state == .awaiting(.keyCadres))
        _ = try process.handle(Self.ballot(names, votes: 30))
        #expect(process.state == .awaiting(.executiveConference))
        _ = try process.handle(Self.ballot(names, votes: 25, convened: 33, present: 30, summoned: 33))
        #expect(process.state == .awaiting(.standingVote))
        let detail = try process.handle(.standingVote(inFavour: 9, members: 11))
        #expect(detail.contains("9 of 11") && process.state == .awaiting(.executiveVote))
        _ = try process.handle(Self.ballot(names, votes: 20, convened: 33, present: 31, summoned: 33, except: ["P30": 18]))
        #expect(process.state == .adopted && process.list.count == 30 && process.list.last == "P30", "most votes first")
        #expect(process.step == nil)
        #expect(throws: IntroductionProcess.Refusal.notNow(.adopted)) { try process.handle(.standingVote(inFavour: 9, members: 11)) }
    }

    @Test("R-P-3: step 2 needs two thirds of those summoned present; a name needs more than half of those convened")
    func quorumAndThreshold() throws {
        var process = IntroductionProcess(seats: 27)
        let names = Self.ids(1...31)
        _ = try process.handle(.adoptList(names))
        #expect(throws: IntroductionProcess.Refusal.noQuorum(present: 26, needed: 27)) {
            try process.handle(Self.ballot(names, votes: 26, present: 26, summoned: 40))
        }
        #expect(process.state == .awaiting(.keyCadres), "a refused ballot changes nothing")
        // 20 of 40 convened is not more than half: P31 drops out, 30 remain.
        _ = try process.handle(Self.ballot(names, votes: 30, present: 32, summoned: 40, except: ["P31": 20]))
        #expect(process.state == .awaiting(.executiveConference) && !process.list.contains("P31"))
    }

    @Test("R-P-3, R-E-6: short of the surplus, names are added and the step is voted again")
    func shortfall() throws {
        var process = IntroductionProcess(seats: 27)
        #expect(throws: IntroductionProcess.Refusal.listTooShort(names: 29, needed: 30)) { try process.handle(.adoptList(Self.ids(1...29))) }
        let names = Self.ids(1...30)
        _ = try process.handle(.adoptList(names))
        _ = try process.handle(Self.ballot(names, votes: 30, except: ["P1": 10, "P2": 12]))
        guard case .shortOfSurplus(.keyCadres, let passed, needed: 30) = process.state else {
            Issue.record("expected a shortfall, got \(process.state)"); return
        }
        #expect(passed.count == 28)
        #expect(throws: IntroductionProcess.Refusal.repeatedName("P3")) { try process.handle(.addNames(["P3"])) }
        _ = try process.handle(.addNames(["P41", "P42"]))
        #expect(process.state == .awaiting(.keyCadres) && process.list.count == 30)
        _ = try process.handle(Self.ballot(process.list, votes: 30))
        #expect(process.state == .awaiting(.executiveConference))
    }

    @Test("R-P-3: a tie at the end of a 5-member body's list is settled by the head, who and why recorded")
    func tieAtTheEnd() throws {
        var process = IntroductionProcess(seats: 5)
        #expect(process.listSize == 6...6, "3–5 seats: one more name than seats")
        let names = Self.ids(1...7)
        _ = try process.handle(.adoptList(names))
        _ = try process.handle(Self.ballot(names, votes: 30, except: ["P6": 25, "P7": 25]))
        #expect(process.state == .tieAtEnd(.keyCadres, kept: Self.ids(1...5), tied: ["P6", "P7"], places: 1))
        #expect(throws: IntroductionProcess.Refusal.choiceNotAmongTied) { try process.handle(.headChooses(["P1"], head: "H1", reason: "x")) }
        #expect(throws: IntroductionProcess.Refusal.choiceCount(chosen: 2, places: 1)) {
            try process.handle(.headChooses(["P6", "P7"], head: "H1", reason: "x"))
        }
        #expect(throws: IntroductionProcess.Refusal.reasonMissing) { try process.handle(.headChooses(["P7"], head: "H1", reason: "  ")) }
        let detail = try process.handle(.headChooses(["P7"], head: "H1", reason: "trẻ hơn, nữ"))
        #expect(detail.contains("H1") && detail.contains("trẻ hơn, nữ"))
        #expect(process.state == .awaiting(.executiveConference) && process.list == Self.ids(1...5) + ["P7"])
    }

    @Test("R-P-3: the steps go in order; step 4 needs more than half of the standing committee; counts must be possible")
    func order() throws {
        var process = IntroductionProcess(seats: 5)
        let names = Self.ids(1...6)
        #expect(throws: IntroductionProcess.Refusal.notNow(.awaiting(.standingList))) { try process.handle(Self.ballot(names, votes: 30)) }
        #expect(throws: IntroductionProcess.Refusal.repeatedName("P1")) { try process.handle(.adoptList(["P1"] + names)) }
        _ = try process.handle(.adoptList(names))
        #expect(throws: IntroductionProcess.Refusal.notNow(.awaiting(.keyCadres))) { try process.handle(.standingVote(inFavour: 5, members: 9)) }
        #expect(throws: IntroductionProcess.Refusal.unknownName("P9")) { try process.handle(Self.ballot(names + ["P9"], votes: 30)) }
        #expect(throws: IntroductionProcess.Refusal.impossibleCounts) { try process.handle(Self.ballot(names, votes: 37)) }
        _ = try process.handle(Self.ballot(names, votes: 30))
        _ = try process.handle(Self.ballot(names, votes: 30))
        #expect(throws: IntroductionProcess.Refusal.standingVoteFailed(inFavour: 4, members: 9)) {
            try process.handle(.standingVote(inFavour: 4, members: 9))
        }
        #expect(throws: IntroductionProcess.Refusal.impossibleCounts) { try process.handle(.standingVote(inFavour: 10, members: 9)) }
        _ = try process.handle(.standingVote(inFavour: 5, members: 9))
        #expect(process.state == .awaiting(.executiveVote))
        #expect(IntroductionProcess.Step.allCases.filter(\.isSecretBallot) == [.keyCadres, .executiveConference, .executiveVote])
    }
}

extension IntroductionProcessTests {
    @Test("R-P-3: a step's ballot comes from the product's own counting of a round, by member ID")
    func ballotFromCounting() throws {
        var election = Election(title: "Giới thiệu nhân sự — bước 2", body: .executiveCommittee, seats: 5,
                                candidates: ["An", "Bình", "Cường", "Dung", "Em", "Giang"],
                                base: BaseRecord(kind: .attending, convened: 40, present: 36), ballotsIssued: 36)
        election.memberIDs = Self.ids(1...6)
        // Each ballot strikes one name (keeping 5 for 5 seats): P6 on 12 of them, P1…P5 in turn on the others.
        let ballots = (0..<36).map { index in Ballot.striking(index < 12 ? [6] : [(index - 12) % 5 + 1]) }
        let result = try Tally.count(election, ballots: ballots)
        let ballot = try #require(IntroductionProcess.Ballot(result, summoned: 40))
        #expect(ballot.convened == 40 && ballot.present == 36 && ballot.votes["P1"] == 31 && ballot.votes["P5"] == 32 && ballot.votes["P6"] == 24)
        var process = IntroductionProcess(seats: 5)
        _ = try process.handle(.adoptList(Self.ids(1...6)))
        _ = try process.handle(.ballot(ballot))
        #expect(process.state == .awaiting(.executiveConference) && process.list.last == "P6")
        election.memberIDs = nil
        #expect(IntroductionProcess.Ballot(try Tally.count(election, ballots: ballots), summoned: 40) == nil)
    }
}
