import CongressCore
import Testing

/// R-E-12…R-E-14: ballot forms and validity.
@Suite struct BallotValidityTests {
    let strikeOut = Fixtures.election(seats: 3, candidates: 4)
    let agreeDisagree = Fixtures.election(body: .deputySecretary, seats: 2, candidates: 2)
    let singleName = Fixtures.election(body: .secretary, seats: 1, candidates: 1)

    @Test("R-E-12: strike-out with a surplus, agree/disagree without")
    func ballotForm() {
        #expect(strikeOut.ballotForm == .strikeOut)
        #expect(agreeDisagree.ballotForm == .agreeDisagree)
        #expect(Fixtures.election(body: .delegates, seats: 10, candidates: 12, alternateSeats: 2).ballotForm == .agreeDisagree)
        #expect(Fixtures.election(body: .opinion, seats: 0, candidates: 1).ballotForm == .strikeOut)
    }

    @Test("R-E-13: a ballot voting for the number of seats or fewer is valid", arguments: [[1], [1, 2], [1, 2, 3]])
    func fewerIsValid(struck: [Int]) {
        #expect(BallotValidity(election: strikeOut).invalidReason(of: .striking(struck)) == nil)
    }

    @Test("R-E-13: both boxes or neither on a multi-name ballot gives that name nothing, ballot stays valid")
    func bothOrNeitherOnMultiName() {
        let validity = BallotValidity(election: agreeDisagree)
        for marks in ["BA", "NA", "AB", "AN"] {
            #expect(validity.invalidReason(of: .marking(marks)) == nil)
            #expect(validity.votes(of: .marking(marks)).count == 1)
        }
    }

    @Test("R-E-14: not issued (no stamp) is invalid")
    func notIssued() {
        #expect(BallotValidity(election: strikeOut).invalidReason(of: .striking([1], issued: false)) == .notIssued)
    }

    @Test("R-E-14: voting for more names than seats is invalid")
    func tooManyVotes() {
        #expect(BallotValidity(election: strikeOut).invalidReason(of: .striking([])) == .tooManyVotes)
    }

    @Test("R-E-14: striking every name on a multi-name list is invalid")
    func noVotesStrikeOut() {
        #expect(BallotValidity(election: strikeOut).invalidReason(of: .striking([1, 2, 3, 4])) == .noVotes)
    }

    @Test("R-E-14: an agree/disagree ballot with no name marked Agree alone is invalid", arguments: ["DD", "NN", "BB", "DN", "BD"])
    func noVotesAgreeDisagree(marks: String) {
        #expect(BallotValidity(election: agreeDisagree).invalidReason(of: .marking(marks)) == .noVotes)
    }

    @Test("R-E-14: a single-name ballot with both boxes or neither is invalid; Disagree alone is valid",
          arguments: [("B", InvalidReason?.some(.singleNameBothOrNeither)), ("N", .singleNameBothOrNeither), ("D", nil), ("A", nil)])
    func singleName(marks: String, reason: InvalidReason?) {
        #expect(BallotValidity(election: singleName).invalidReason(of: .marking(marks)) == reason)
    }

    @Test("R-E-14: a write-in and identifying marks are invalid (practice reasons)")
    func practiceReasons() {
        let validity = BallotValidity(election: strikeOut)
        #expect(validity.invalidReason(of: Ballot(choice: .struck(CandidateSet([0])), writeIn: true)) == .writeIn)
        #expect(validity.invalidReason(of: Ballot(choice: .struck(CandidateSet([0])), identifyingMarks: true)) == .identifyingMarks)
    }

    @Test("R-E-14: the practice reasons are a rulebook parameter; the firm ones are not")
    func reasonsAreParameters() {
        var election = strikeOut
        election.rulebook.invalidReasons = [.notIssued]
        let validity = BallotValidity(election: election)
        #expect(validity.invalidReason(of: Ballot(choice: .struck(CandidateSet([0])), writeIn: true)) == nil)
        #expect(validity.invalidReason(of: .striking([])) == .tooManyVotes)
    }

    @Test("R-E-14: a ballot with several defects counts once, under the first reason in the documented order")
    func firstReasonWins() throws {
        let ballots = [
            Ballot(issued: false, choice: .struck(CandidateSet()), writeIn: true, identifyingMarks: true),
            Ballot(choice: .struck(CandidateSet()), writeIn: true),
            Ballot(choice: .struck(CandidateSet([0, 1, 2, 3])), identifyingMarks: true),
            Ballot(choice: .struck(CandidateSet([0])), writeIn: true, identifyingMarks: true),
        ]
        let result = try Tally.count(strikeOut, ballots: ballots)
        #expect(result.ballots.invalid == 4)
        #expect(result.ballots.invalidByReason == [.notIssued: 1, .tooManyVotes: 1, .noVotes: 1, .writeIn: 1])
        #expect(InvalidReason.allCases == [.notIssued, .tooManyVotes, .noVotes, .singleNameBothOrNeither, .writeIn, .identifyingMarks])
    }

    @Test("R-E-7: opinion ballots have no upper limit and striking every name is valid")
    func opinionBallotsHaveNoLimit() {
        let opinion = Fixtures.election(body: .opinion, seats: 0, candidates: 3)
        let validity = BallotValidity(election: opinion)
        #expect(validity.invalidReason(of: .striking([])) == nil)
        #expect(validity.invalidReason(of: .striking([1, 2, 3])) == nil)
        #expect(validity.invalidReason(of: .striking([1], issued: false)) == .notIssued)
    }

    @Test("R-E-25: a delegates ballot may keep official plus alternate seats")
    func delegatesLimitIncludesAlternates() {
        let delegates = Fixtures.election(body: .delegates, seats: 10, candidates: 14, alternateSeats: 2)
        let validity = BallotValidity(election: delegates)
        #expect(validity.invalidReason(of: .striking([1, 2])) == nil)
        #expect(validity.invalidReason(of: .striking([1])) == .tooManyVotes)
    }

    @Test("R-E-11: a ballot carries nothing that could identify it or its voter")
    func ballotHasNoIdentifier() {
        let fields = Mirror(reflecting: Ballot.striking([1])).children.compactMap(\.label)
        #expect(Set(fields) == ["issued", "choice", "writeIn", "identifyingMarks"])
    }
}
