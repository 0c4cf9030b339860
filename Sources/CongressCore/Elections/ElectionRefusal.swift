/// Why an election is refused before any ballot is read. Every case names its rule.
public enum ElectionRefusal: Error, Sendable, Equatable {
    /// R-E-6: an executive or standing committee list needs more candidates than seats.
    case listWithoutSurplus(body: BodyKind, seats: Int, candidates: Int)
    /// R-E-6: the surplus is over the cap (30% of seats floor-rounded, or 1 for 3–5 seats).
    case surplusOverCap(body: BodyKind, seats: Int, candidates: Int, cap: Int)
    /// R-E-12: a list with fewer names than places cannot be voted on.
    case fewerCandidatesThanPlaces(candidates: Int, places: Int)
    /// R-E-16: the base must be positive for a threshold to exist.
    case baseNotPositive(base: Int)
    /// A count in the base or the ballots that is negative.
    case negativeCount(field: String, value: Int)
    /// R-E-25: alternate seats exist only for delegates to the higher congress.
    case alternateSeatsOutsideDelegates(body: BodyKind)
    /// R-E-22: seats must be positive for bodies that fill seats.
    case noSeats(body: BodyKind)
    /// R-E-11: a ballot prints the full names; a list with none cannot be printed.
    case noCandidates
    /// R-E-11: every ballot number must print a full name.
    case blankCandidateName(number: Int)
    /// R-E-15: more ballots issued than the roll could hold.
    case moreBallotsIssuedThanConvened(issued: Int, convened: Int)

    /// The rule the refusal enforces.
    public var ruleID: String {
        switch self {
        case .listWithoutSurplus, .surplusOverCap: "R-E-6"
        case .fewerCandidatesThanPlaces: "R-E-12"
        case .baseNotPositive: "R-E-16"
        case .negativeCount, .moreBallotsIssuedThanConvened: "R-E-15"
        case .alternateSeatsOutsideDelegates: "R-E-25"
        case .noSeats: "R-E-22"
        case .noCandidates, .blankCandidateName: "R-E-11"
        }
    }
}
