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
    /// The register's member ID of each candidate, in ballot order, where known: a congress's
    /// list names members (a name prints, an ID decides); a stand-alone election file may carry
    /// none (nil) or leave one out (""). Same length as `candidates` when present.
    public var memberIDs: [Person.ID]?
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
        self.memberIDs = nil
        self.base = base
        self.ballotsIssued = ballotsIssued
    }

    /// The member ID of the candidate at ballot position `position` (0-based), if known.
    public func memberID(at position: Int) -> Person.ID? {
        guard let memberIDs, memberIDs.indices.contains(position), !memberIDs[position].rawValue.isEmpty else { return nil }
        return memberIDs[position]
    }

    /// The list as (name, member ID) pairs in ballot order.
    public var listEntries: [ListEntry] {
        candidates.indices.map { ListEntry(name: candidates[$0], memberID: memberID(at: $0)) }
    }

    /// Replaces the list by `entries`, keeping their member IDs (nil when none is known).
    public mutating func setList(_ entries: [ListEntry]) {
        candidates = entries.map(\.name)
        memberIDs = entries.contains { $0.memberID != nil } ? entries.map { $0.memberID ?? "" } : nil
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

/// One person on an election list: the name printed on the ballot and, where known, the
/// member it refers to.
public struct ListEntry: Sendable, Hashable {
    public var name: String
    public var memberID: Person.ID?

    public init(name: String, memberID: Person.ID? = nil) {
        self.name = name
        self.memberID = memberID
    }
}
