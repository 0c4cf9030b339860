import CongressCore
import Testing

/// R-E-15…R-E-21: the base and the threshold.
@Suite struct BaseAndThresholdTests {
    @Test("R-E-16: elected means votes ≥ ⌊base/2⌋ + 1", arguments: [(10, 6), (11, 6), (100, 51), (27, 14), (1, 1), (2, 2)])
    func threshold(base: Int, expected: Int) {
        #expect(Fixtures.election(seats: 3, candidates: 4, base: base).threshold == expected)
    }

    @Test("R-E-16: 5 of 10 is not elected, 6 of 10 is")
    func halfIsNotEnough() throws {
        let election = Fixtures.election(seats: 1, candidates: 2, base: 10)
        let half = try Tally.count(election, ballots: Fixtures.ballots(giving: [5, 5], valid: 10))
        #expect(half.ballots.valid == 10)
        #expect(half.candidates[0].votes == 5)
        #expect(half.candidates[0].outcome == .notElected)
        let more = Fixtures.ballots(giving: [6, 4], valid: 10)
        #expect(try Tally.count(election, ballots: more).candidates[0].outcome == .elected)
    }

    @Test("R-E-15: the majority is of the base, not of valid ballots or ballots cast")
    func majorityOfBaseNotOfValid() throws {
        // 60 valid ballots, 40 of them for candidate 1: a majority of valid ballots, not of the base 100.
        let election = Fixtures.election(seats: 1, candidates: 2, base: 100)
        let result = try Tally.count(election, ballots: Fixtures.ballots(giving: [40, 20], valid: 60))
        #expect(result.base == 100)
        #expect(result.threshold == 51)
        #expect(result.candidates[0].votes == 40)
        #expect(result.elected.isEmpty)
        #expect(result.unfilledSeats == 1)
    }

    @Test("R-E-15: invalid ballots give no votes")
    func invalidBallotsCountForNobody() throws {
        let election = Fixtures.election(seats: 1, candidates: 2, base: 10)
        let ballots = [Ballot.striking([2]), Ballot.striking([2], issued: false), Ballot.striking([])]
        let result = try Tally.count(election, ballots: ballots)
        #expect(result.candidates.map(\.votes) == [1, 0])
        #expect(result.ballots.valid == 1)
        #expect(result.ballots.invalid == 2)
    }

    @Test("R-E-17: members' congress base subtracts four kinds of exclusion")
    func membersCongressBase() {
        let record = BaseRecord(kind: .membersCongress, convened: 108, present: 100, excluded: [
            .temporaryActivityElsewhere: 3, .exemptedAbsent: 2, .suspendedOrProsecuted: 1, .absentWithAcceptedReason: 2,
        ])
        #expect(record.base(under: .qd190) == 100)
    }

    @Test("R-E-17: present does not change the base")
    func presentDoesNotMatter() {
        let a = BaseRecord(kind: .membersCongress, convened: 50, present: 30)
        let b = BaseRecord(kind: .membersCongress, convened: 50, present: 50)
        #expect(a.base(under: .qd190) == b.base(under: .qd190))
    }

    @Test("R-E-18: delegates' congress base subtracts absent committee members and unreplaced delegates")
    func delegatesCongressBase() {
        let record = BaseRecord(kind: .delegatesCongress, convened: 240, excluded: [
            .committeeMembersAbsent: 3, .delegatesAbsentNotReplaced: 2,
        ])
        #expect(record.base(under: .qd190) == 235)
        #expect(BaseKind.delegatesCongress.exclusions == [.committeeMembersAbsent, .delegatesAbsentNotReplaced])
    }

    @Test("R-E-19: conference base subtracts absences with an accepted reason, a rulebook parameter")
    func conferenceBase() {
        let record = BaseRecord(kind: .committeeConference, convened: 27, excluded: [.absentWithAcceptedReason: 2])
        #expect(record.base(under: .qd190) == 25)
        var book = Rulebook.qd190
        book.conferenceExcludesAbsentWithReason = false
        #expect(record.base(under: book) == 27)
    }

    @Test("R-E-20: an opinion ballot passes with more than 30% of those attending", arguments: [(100, 31), (35, 11), (10, 4)])
    func opinionThreshold(attending: Int, needed: Int) throws {
        var election = Fixtures.election(body: .opinion, seats: 0, candidates: 2, base: attending)
        election.base = BaseRecord(kind: .attending, convened: attending)
        #expect(election.threshold == needed)
        let result = try Tally.count(election, ballots: Fixtures.ballots(giving: [needed, needed - 1], valid: attending))
        #expect(result.candidates.map(\.outcome) == [.passed, .failed])
    }

    @Test("R-E-21: people never convened are not in the roll; the file cannot exclude them from the base")
    func notConvenedIsNotAnExclusion() {
        for kind in BaseKind.allCases {
            #expect(!kind.exclusions.map(\.rawValue).contains { $0.lowercased().contains("notconvened") })
        }
        let record = BaseRecord(kind: .membersCongress, convened: 98)
        #expect(record.base(under: .qd190) == 98)
    }

    @Test("R-E-16: a base of zero is refused")
    func zeroBaseRefused() {
        var election = Fixtures.election(seats: 1, candidates: 2, base: 5)
        election.base = BaseRecord(kind: .committeeConference, convened: 2, excluded: [.absentWithAcceptedReason: 2])
        election.ballotsIssued = 0
        #expect(throws: ElectionRefusal.baseNotPositive(base: 0)) { try ListCheck.validate(election) }
    }

    @Test("R-E-15: negative counts are refused")
    func negativeCountsRefused() {
        var election = Fixtures.election(seats: 1, candidates: 2)
        election.base.excluded[.exemptedAbsent] = -1
        #expect(throws: ElectionRefusal.negativeCount(field: "base.excluded.exemptedAbsent", value: -1)) {
            try ListCheck.validate(election)
        }
    }

    @Test("Percentages truncate to two decimals by default; half-up is a parameter")
    func percentages() {
        #expect(PercentFormat.percent(5, of: 35, rounding: .truncate) == "14.28")
        #expect(PercentFormat.percent(2, of: 3, rounding: .truncate) == "66.66")
        #expect(PercentFormat.percent(2, of: 3, rounding: .halfUp) == "66.67")
        #expect(PercentFormat.percent(1, of: 200, rounding: .truncate) == "0.50")
        #expect(PercentFormat.percent(100, of: 100, rounding: .truncate) == "100.00")
    }
}
