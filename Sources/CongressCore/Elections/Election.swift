/// One round of one election: the list printed on the ballot and what the base is made of
/// (formats.md §1). Candidates are in ballot order; a ballot number is a position, from 1.
public struct Election: Sendable, Equatable {
    public var title: String
    public var body: BodyKind
    public var rulebook: Rulebook
    public var round: Int
    /// Places to fill; 0 for opinion ballots, which pass names instead.
    public var seats: Int
    /// Alternate delegates' places (R-E-25); 0 except for `delegates`.
    public var alternateSeats: Int
    public var candidates: [String]
    public var base: BaseRecord
    public var ballotsIssued: Int

    public init(
        title: String, body: BodyKind, rulebook: Rulebook = .qd190, round: Int = 1, seats: Int,
        alternateSeats: Int = 0, candidates: [String], base: BaseRecord, ballotsIssued: Int
    ) {
        self.title = title
        self.body = body
        self.rulebook = rulebook
        self.round = round
        self.seats = seats
        self.alternateSeats = alternateSeats
        self.candidates = candidates
        self.base = base
        self.ballotsIssued = ballotsIssued
    }

    /// All places a ballot may vote for: official plus alternate seats.
    public var places: Int { seats + alternateSeats }

    /// R-E-12: strike-out when there are more names than places, agree/disagree when equal;
    /// opinion and introduction ballots are always strike-out.
    public var ballotForm: BallotForm {
        body.isPassFail || candidates.count > places ? .strikeOut : .agreeDisagree
    }

    /// The base under this election's rulebook.
    public var baseValue: Int { base.base(under: rulebook) }

    /// R-E-16: more than half of the base, ⌊base/2⌋ + 1; R-E-20: more than the rulebook's percent
    /// of those attending for opinion ballots.
    public var threshold: Int {
        let base = baseValue
        if body == .opinion { return base * rulebook.opinionThresholdPercent / 100 + 1 }
        return base / 2 + 1
    }

    /// The most names a valid ballot may keep; `nil` when there is no limit (R-E-13, formats.md §1).
    public var voteLimit: Int? { body.isPassFail ? nil : places }
}
