/// Counting one round: from the election and its ballots to the result (R-E-15…R-E-25).
public enum Tally {
    /// Counts `ballots` for `election`. Refuses an election that breaks the list rules before
    /// reading any ballot; stops at the first ballot that cannot belong to it (an entry error).
    public static func count(_ election: Election, ballots: some Sequence<Ballot>) throws(TallyFailure) -> ElectionResult {
        do { try ListCheck.validate(election) } catch { throw .refused(error) }
        var counter = TallyCounter(election: election)
        for (index, ballot) in ballots.enumerated() {
            do { try counter.add(ballot) } catch { throw .ballot(index: index, problem: error) }
        }
        return try result(of: election, counter: counter)
    }

    /// The result from a finished counter (one pass, or merged stacks).
    public static func result(of election: Election, counter: TallyCounter) throws(TallyFailure) -> ElectionResult {
        if counter.returned > election.ballotsIssued {
            throw .ballot(index: nil, problem: .moreBallotsThanIssued(returned: counter.returned, issued: election.ballotsIssued))
        }
        let base = election.baseValue
        let threshold = election.threshold
        let votes = counter.votes
        var result = ElectionResult(
            election: election, ballotForm: election.ballotForm, base: base, threshold: threshold,
            ballots: BallotCounts(
                issued: election.ballotsIssued, returned: counter.returned, valid: counter.valid,
                invalid: counter.invalid, invalidByReason: counter.invalidByReason),
            candidates: election.candidates.enumerated().map { position, name in
                CandidateResult(
                    number: position + 1, name: name, votes: votes[position],
                    percentOfBase: PercentFormat.percent(votes[position], of: base, rounding: election.rulebook.percentRounding),
                    outcome: .notElected)
            },
            electedPositions: [], alternatePositions: [], ties: [], unfilledSeats: 0, unfilledAlternateSeats: 0)
        if election.body.isPassFail {
            decidePassFail(&result, votes: votes)
        } else {
            SeatAllocation.allocate(&result, votes: votes)
        }
        return result
    }

    /// Opinion ballots (R-E-20) and introduction ballots (R-P-3): every name over the threshold passes.
    static func decidePassFail(_ result: inout ElectionResult, votes: [Int]) {
        for index in result.candidates.indices {
            result.candidates[index].outcome = votes[index] >= result.threshold ? .passed : .failed
        }
        result.electedPositions = SeatAllocation.ranking(votes)
            .filter { votes[$0] >= result.threshold }
    }
}

/// Why a count could not be made.
public enum TallyFailure: Error, Sendable, Equatable {
    /// The election breaks a rule before any ballot is read.
    case refused(ElectionRefusal)
    /// A ballot (0-based index in input order, when known) cannot be read for this election.
    case ballot(index: Int?, problem: BallotEntryProblem)
}
