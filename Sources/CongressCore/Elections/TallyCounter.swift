/// Running counts of one round's ballots. Counters of separate stacks merge into the same totals
/// as one pass over all ballots, so a count can be split among clerks and machines (R-E-29).
/// It keeps totals only: nothing in it reveals which ballot said what, or in which order.
public struct TallyCounter: Sendable, Equatable {
    /// Ballots read (physical ballots returned, valid or not).
    public private(set) var returned = 0
    /// Valid ballots.
    public private(set) var valid = 0
    /// Invalid ballots per reason, indexed like `InvalidReason.allCases`.
    public private(set) var invalidCounts: [Int]
    /// Strike-out: strikes among valid ballots; agree/disagree: Agree-alone marks among valid ballots.
    private var perCandidate: [Int]
    private let form: BallotForm
    private let validity: BallotValidity

    public init(election: Election) {
        form = election.ballotForm
        validity = BallotValidity(election: election)
        perCandidate = Array(repeating: 0, count: election.candidates.count)
        invalidCounts = Array(repeating: 0, count: InvalidReason.allCases.count)
    }

    /// Counts one ballot. Throws when the ballot cannot belong to this election (an entry error).
    public mutating func add(_ ballot: Ballot) throws(BallotEntryProblem) {
        try check(ballot)
        returned += 1
        if let reason = validity.invalidReason(of: ballot) {
            invalidCounts[reason.index] += 1
            return
        }
        valid += 1
        switch ballot.choice {
        case .struck(let struck):
            struck.forEach { perCandidate[$0] += 1 }
        case .marks(let agree, let disagree):
            agree.subtracting(disagree).forEach { perCandidate[$0] += 1 }
        }
    }

    /// Adds the counts of another stack of the same election.
    public mutating func merge(_ other: TallyCounter) {
        precondition(perCandidate.count == other.perCandidate.count && form == other.form,
                     "only counters of the same election merge")
        returned += other.returned
        valid += other.valid
        for index in invalidCounts.indices { invalidCounts[index] += other.invalidCounts[index] }
        for index in perCandidate.indices { perCandidate[index] += other.perCandidate[index] }
    }

    /// Votes per candidate in ballot order (R-E-15: valid ballots only).
    public var votes: [Int] {
        switch form {
        case .strikeOut: perCandidate.map { valid - $0 }
        case .agreeDisagree: perCandidate
        }
    }

    /// Invalid ballots in all.
    public var invalid: Int { invalidCounts.reduce(0, +) }

    /// Invalid ballots per reason, only the reasons that occurred.
    public var invalidByReason: [InvalidReason: Int] {
        var result: [InvalidReason: Int] = [:]
        for (reason, count) in zip(InvalidReason.allCases, invalidCounts) where count > 0 { result[reason] = count }
        return result
    }

    private func check(_ ballot: Ballot) throws(BallotEntryProblem) {
        let count = perCandidate.count
        switch (ballot.choice, form) {
        case (.struck(let struck), .strikeOut):
            if let beyond = struck.last, beyond >= count {
                throw .numberOutsideList(number: beyond + 1, candidates: count)
            }
        case (.marks(let agree, let disagree), .agreeDisagree):
            if let beyond = Swift.max(agree.last ?? -1, disagree.last ?? -1) as Int?, beyond >= count {
                throw .marksLength(found: beyond + 1, expected: count)
            }
        case (.struck, .agreeDisagree): throw .struckOnAgreeDisagree
        case (.marks, .strikeOut): throw .marksOnStrikeOut
        }
    }
}

extension InvalidReason {
    /// Position in the documented order.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
