/// The outcome of one round (formats.md §3).
public struct ElectionResult: Sendable, Equatable {
    public var election: Election
    public var ballotForm: BallotForm
    /// The base and the threshold measured against it (R-E-15, R-E-16, R-E-20).
    public var base: Int
    public var threshold: Int
    public var ballots: BallotCounts
    /// Every candidate in ballot order.
    public var candidates: [CandidateResult]
    /// Ballot positions of those elected (official places), in descending order of votes.
    public var electedPositions: [Int]
    /// Ballot positions of alternate delegates, in descending order of votes (R-E-25).
    public var alternatePositions: [Int]
    /// Ties at a cut-off waiting for the presidium (R-E-23); the first is the one to settle first.
    public var ties: [Tie]
    /// Official places nobody filled (R-E-24).
    public var unfilledSeats: Int
    /// Alternate places nobody filled (R-E-24, R-E-25).
    public var unfilledAlternateSeats: Int

    public var elected: [String] { electedPositions.map { candidates[$0].name } }
    public var alternates: [String] { alternatePositions.map { candidates[$0].name } }
    /// The tie to settle first, if any.
    public var tie: Tie? { ties.first }
}

/// Ballot counts for the minutes (R-E-28).
public struct BallotCounts: Sendable, Equatable {
    public var issued: Int
    public var returned: Int
    public var valid: Int
    public var invalid: Int
    public var invalidByReason: [InvalidReason: Int]
}

/// One candidate's line in the result.
public struct CandidateResult: Sendable, Equatable {
    /// Ballot number, from 1.
    public var number: Int
    public var name: String
    public var votes: Int
    /// Percentage of the base with two decimals, rounded per the rulebook.
    public var percentOfBase: String
    public var outcome: Outcome

    public enum Outcome: String, Sendable, Equatable {
        case elected, alternate, notElected, tied, passed, failed
    }
}

/// Candidates with equal votes across a cut-off (R-E-23): never broken by the product.
public struct Tie: Sendable, Equatable {
    /// Which places they compete for.
    public enum Cut: String, Sendable, Equatable { case official, alternate }
    public var cut: Cut
    /// Ballot positions of the tied candidates, in ballot order.
    public var positions: [Int]
    /// The tied candidates' names, in ballot order.
    public var names: [String]
    /// How many of the remaining places they compete for.
    public var seats: Int
    /// For an official-place tie among delegates: how many of them become alternates in any case.
    public var alternateSeats: Int

    public init(cut: Cut, positions: [Int], names: [String], seats: Int, alternateSeats: Int) {
        self.cut = cut
        self.positions = positions
        self.names = names
        self.seats = seats
        self.alternateSeats = alternateSeats
    }
}
