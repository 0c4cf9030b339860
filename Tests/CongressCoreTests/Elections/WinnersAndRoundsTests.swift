import CongressCore
import Testing

/// R-E-22…R-E-25: winners, ties, shortfalls, rounds, delegates.
@Suite struct WinnersAndRoundsTests {
    /// Counts an election whose candidates get exactly `votes`.
    func count(_ election: Election, votes: [Int], valid: Int? = nil) throws -> ElectionResult {
        try Tally.count(election, ballots: Fixtures.ballots(giving: votes, valid: valid ?? election.ballotsIssued))
    }

    @Test("R-E-22: winners are those over the threshold, in descending order of votes, up to the seats")
    func winnersInDescendingOrder() throws {
        let result = try count(Fixtures.election(body: .inspectionCommittee, seats: 3, candidates: 5), votes: [55, 90, 20, 70, 60])
        #expect(result.ballots.valid == 100)
        #expect(result.elected == ["Người 2", "Người 4", "Người 5"])
        #expect(result.candidates.map(\.outcome) == [.notElected, .elected, .notElected, .elected, .elected])
        #expect(result.tie == nil)
        #expect(result.unfilledSeats == 0)
    }

    @Test("R-E-23: a tie at the last seat is pending, never broken")
    func tieAtCutoffIsPending() throws {
        let result = try count(Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 4), votes: [90, 55, 55, 0])
        #expect(result.elected == ["Người 1"])
        #expect(result.tie == Tie(cut: .official, positions: [1, 2], names: ["Người 2", "Người 3"], seats: 1, alternateSeats: 0))
        #expect(result.candidates.map(\.outcome) == [.elected, .tied, .tied, .notElected])
        #expect(result.unfilledSeats == 0)
    }

    @Test("R-E-23: equal votes inside the seats are no tie")
    func equalVotesInsideSeatsAreNoTie() throws {
        let result = try count(Fixtures.election(body: .inspectionCommittee, seats: 3, candidates: 4), votes: [70, 70, 60, 40])
        #expect(result.tie == nil)
        #expect(result.elected.count == 3)
    }

    @Test("R-E-23: a tie below the threshold is a shortfall, not a tie")
    func tieBelowThreshold() throws {
        let result = try count(Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 4), votes: [80, 40, 40, 30])
        #expect(result.tie == nil)
        #expect(result.unfilledSeats == 1)
    }

    @Test("R-E-23: the presidium's re-vote among the tied keeps base and threshold")
    func revoteAmongTied() throws {
        let first = try count(Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 4), votes: [90, 55, 55, 0])
        let next = try #require(try first.nextRound(.revoteAmongTied(ballotsIssued: 98)))
        #expect(next.round == 2)
        #expect(next.candidates == ["Người 2", "Người 3"])
        #expect(next.seats == 1)
        #expect(next.base == first.election.base)
        #expect(next.threshold == first.threshold)
        #expect(next.ballotForm == .strikeOut)
        let second = try count(next, votes: [70, 28])
        #expect(second.elected == ["Người 2"])
    }

    @Test("R-E-23: no re-vote without a tie, no further round while a tie is pending")
    func roundPreconditions() throws {
        let clean = try count(Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 3), votes: [90, 80, 10])
        #expect(throws: NextRoundProblem.noTie) { try clean.nextRound(.revoteAmongTied(ballotsIssued: 100)) }
        #expect(throws: NextRoundProblem.noUnfilledPlaces) { try clean.nextRound(.furtherRound(ballotsIssued: 100)) }
        let tied = try count(Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 4), votes: [90, 55, 55, 0])
        #expect(throws: NextRoundProblem.tiePending) { try tied.nextRound(.furtherRound(ballotsIssued: 100)) }
        #expect(try tied.nextRound(.stop) == nil)
    }

    @Test("R-E-24: too few over the threshold leaves seats unfilled; a further round uses those left")
    func shortfallAndFurtherRound() throws {
        let first = try count(Fixtures.election(body: .inspectionCommittee, seats: 3, candidates: 5), votes: [80, 45, 45, 40, 30])
        #expect(first.elected == ["Người 1"])
        #expect(first.unfilledSeats == 2)
        let next = try #require(try first.nextRound(.furtherRound(ballotsIssued: 100)))
        #expect(next.candidates == ["Người 2", "Người 3", "Người 4", "Người 5"])
        #expect(next.seats == 2)
        #expect(next.base == first.election.base)
        #expect(next.threshold == 51)
    }

    @Test("R-E-24: names added for a further round join the list in Vietnamese order (R-E-10)")
    func addedNamesAreSorted() throws {
        var election = Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 3)
        election.candidates = ["Trần Văn An", "Lê Thị Bình", "Phạm Văn Cường"]
        let first = try count(election, votes: [80, 30, 20])
        let next = try #require(try first.nextRound(.furtherRound(ballotsIssued: 100, addedCandidates: ["Nguyễn Thị Ánh"])))
        #expect(next.candidates == ["Nguyễn Thị Ánh", "Lê Thị Bình", "Phạm Văn Cường"])
    }

    @Test("R-E-25: official delegates first, then alternates in descending order of votes")
    func delegatesOfficialThenAlternate() throws {
        let election = Fixtures.election(body: .delegates, seats: 2, candidates: 5, alternateSeats: 2)
        let result = try count(election, votes: [60, 90, 55, 80, 70])
        #expect(result.elected == ["Người 2", "Người 4"])
        #expect(result.alternates == ["Người 5", "Người 1"])
        #expect(result.candidates[2].outcome == .notElected)
    }

    @Test("R-E-25: alternates need the threshold too; missing ones are unfilled")
    func alternatesNeedThreshold() throws {
        let election = Fixtures.election(body: .delegates, seats: 2, candidates: 5, alternateSeats: 2)
        let result = try count(election, votes: [90, 80, 70, 40, 30])
        #expect(result.alternates == ["Người 3"])
        #expect(result.unfilledSeats == 0)
        #expect(result.unfilledAlternateSeats == 1)
        let next = try #require(try result.nextRound(.furtherRound(ballotsIssued: 100)))
        #expect(next.seats == 0)
        #expect(next.alternateSeats == 1)
        #expect(next.candidates == ["Người 4", "Người 5"])
    }

    @Test("R-E-23 with R-E-25: a tie at the last official place; the loser is an alternate in any case")
    func delegatesTieAtOfficialCut() throws {
        let election = Fixtures.election(body: .delegates, seats: 2, candidates: 5, alternateSeats: 2)
        let result = try count(election, votes: [90, 70, 70, 60, 20])
        #expect(result.elected == ["Người 1"])
        #expect(result.tie == Tie(cut: .official, positions: [1, 2], names: ["Người 2", "Người 3"], seats: 1, alternateSeats: 1))
        #expect(result.alternates == ["Người 4"])
        let next = try #require(try result.nextRound(.revoteAmongTied(ballotsIssued: 100)))
        #expect(next.seats == 1)
        #expect(next.alternateSeats == 1)
    }

    @Test("R-E-23 with R-E-25: a tie at the last alternate place is pending")
    func delegatesTieAtAlternateCut() throws {
        let election = Fixtures.election(body: .delegates, seats: 1, candidates: 4, alternateSeats: 1)
        let result = try count(election, votes: [90, 55, 55, 0])
        #expect(result.elected == ["Người 1"])
        #expect(result.alternates.isEmpty)
        #expect(result.tie?.cut == .alternate)
        #expect(result.tie?.seats == 1)
        let next = try #require(try result.nextRound(.revoteAmongTied(ballotsIssued: 100)))
        #expect(next.seats == 0)
        #expect(next.alternateSeats == 1)
    }

    @Test("R-P-3: an introduction ballot introduces every name over half of the base")
    func introductionBallot() throws {
        let election = Fixtures.election(body: .introduction, seats: 2, candidates: 4, base: 30)
        let result = try count(election, votes: [20, 16, 15, 25])
        #expect(result.threshold == 16)
        #expect(result.candidates.map(\.outcome) == [.passed, .passed, .failed, .passed])
        #expect(result.elected == ["Người 4", "Người 1", "Người 2"])
    }

    @Test("Entry problems: a ballot number outside the list names the ballot")
    func ballotOutsideList() {
        #expect(throws: TallyFailure.ballot(index: 1, problem: .numberOutsideList(number: 7, candidates: 4))) {
            try Tally.count(Fixtures.election(body: .inspectionCommittee, seats: 3, candidates: 4), ballots: [.striking([1]), .striking([7])])
        }
    }

    @Test("Entry problems: more ballots returned than issued")
    func moreThanIssued() {
        var election = Fixtures.election(body: .inspectionCommittee, seats: 1, candidates: 2, base: 10)
        election.ballotsIssued = 1
        #expect(throws: TallyFailure.ballot(index: nil, problem: .moreBallotsThanIssued(returned: 2, issued: 1))) {
            try Tally.count(election, ballots: [.striking([1]), .striking([2])])
        }
    }
}

/// R-E-24: a cell secretary is appointed from above after three rounds without one.
@Suite struct CellSecretaryRoundsTests {
    @Test("R-E-24: after three rounds without a cell secretary, no fourth round: appointment")
    func appointmentAfterThreeRounds() throws {
        for round in 1...3 {
            let election = Election(title: "Bầu bí thư chi bộ", body: .cellSecretary, round: round, seats: 1,
                                    candidates: ["Lê Văn An"], base: BaseRecord(kind: .membersCongress, convened: 9), ballotsIssued: 9)
            let result = try Tally.count(election, ballots: (0..<9).map { Ballot.marking($0 < 4 ? "A" : "D") })
            #expect(result.unfilledSeats == 1)
            if round < 3 {
                #expect(try result.nextRound(.furtherRound(ballotsIssued: 9))?.round == round + 1)
            } else {
                #expect(throws: NextRoundProblem.appointmentDue(rounds: 3)) { try result.nextRound(.furtherRound(ballotsIssued: 9)) }
                #expect(NextRoundProblem.appointmentDue(rounds: 3).message(.vi).contains("chỉ định"))
            }
        }
    }
}
