/// Decides whether a ballot is valid and, if not, its one reason (R-E-13, R-E-14).
public struct BallotValidity: Sendable, Equatable {
    let candidateCount: Int
    let voteLimit: Int?
    let passFail: Bool
    let reasons: Set<InvalidReason>

    public init(election: Election) {
        candidateCount = election.candidates.count
        voteLimit = election.voteLimit
        passFail = election.body.isPassFail
        reasons = election.rulebook.invalidReasons.union(InvalidReason.firm)
    }

    /// The names a ballot votes for: not struck out, or marked Agree alone.
    public func votes(of ballot: Ballot) -> CandidateSet {
        switch ballot.choice {
        case .struck(let struck):
            var kept = CandidateSet()
            for position in 0..<candidateCount where !struck.contains(position) { kept.insert(position) }
            return kept
        case .marks(let agree, let disagree):
            return agree.subtracting(disagree)
        }
    }

    /// `nil` for a valid ballot; otherwise the first reason in the documented order
    /// (formats.md §3: a ballot with several defects counts once).
    public func invalidReason(of ballot: Ballot) -> InvalidReason? {
        if !ballot.issued { return .notIssued }                                        // R-E-14
        let voteCount = self.voteCount(of: ballot)
        if !passFail {
            if let limit = voteLimit, voteCount > limit { return .tooManyVotes }       // R-E-13, R-E-14
            if candidateCount > 1, voteCount == 0 { return .noVotes }                  // R-E-14
            if candidateCount == 1, case .marks(let agree, let disagree) = ballot.choice,
               agree.contains(0) == disagree.contains(0) {
                return .singleNameBothOrNeither                                        // R-E-14
            }
        }
        if ballot.writeIn, reasons.contains(.writeIn) { return .writeIn }              // R-E-14 (practice)
        if ballot.identifyingMarks, reasons.contains(.identifyingMarks) { return .identifyingMarks }
        return nil
    }

    /// How many names the ballot votes for, without building the set.
    func voteCount(of ballot: Ballot) -> Int {
        switch ballot.choice {
        case .struck(let struck): candidateCount - struck.count
        case .marks(let agree, let disagree): agree.subtracting(disagree).count
        }
    }
}
