/// A seat a person holds in an elected or appointed body of one term (docs/formats.md §5): the
/// record the structure reports count, from a certified congress result or a bodies file.
public struct BodyMembership: Sendable, Hashable, Codable {
    /// The body, as the bodies file names it.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        case executiveCommittee, standingCommittee, secretary, deputySecretary, inspectionCommittee, inspectionChair
        case cellCommittee, cellSecretary, officialDelegate, alternateDelegate
    }

    /// How the seat was taken: at the congress or its first conference, by the higher committee's
    /// designation instead of an election (R-E-27), or later in the term.
    public enum Origin: String, Sendable, Hashable, Codable, CaseIterable {
        case elected, appointed, added
    }

    public var memberID: Person.ID
    public var unit: PartyUnit.ID
    /// `YYYY-YYYY`.
    public var term: String
    public var role: Role
    public var how: Origin
    public var on: Day

    public init(memberID: Person.ID, unit: PartyUnit.ID, term: String, role: Role, how: Origin, on: Day) {
        self.memberID = memberID
        self.unit = unit
        self.term = term
        self.role = role
        self.how = how
        self.on = on
    }

    /// The same seat twice: one row per person per body per term.
    public var key: String { "\(memberID.rawValue)|\(unit.rawValue)|\(term)|\(role.rawValue)" }
}
