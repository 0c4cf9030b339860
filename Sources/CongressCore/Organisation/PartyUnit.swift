/// A party organisation: a committee or cell at some level (R-O-1).
public struct PartyUnit: Sendable, Hashable, Codable {
    /// An organisation's code, unique across history (the GSO code with a prefix for real units).
    public typealias ID = Identifier<PartyUnit, String>

    /// The organisation's code.
    public var code: ID
    public var name: String
    public var kind: UnitKind
    /// First day the unit exists; `nil` for "always" (before the records begin).
    public var validFrom: Day?
    /// Last day the unit exists; `nil` while it exists.
    public var validTo: Day?

    public init(code: ID, name: String, kind: UnitKind, validFrom: Day? = nil, validTo: Day? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether the unit exists on `day`.
    public func exists(on day: Day) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }
}

/// The levels of the organisation (R-O-1, R-O-2).
public enum UnitKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// The Central Committee: the root.
    case central
    /// A committee directly under the Central Committee: a province, the Army, Public Security,
    /// a central committee.
    case underCentral
    /// A commune-level committee (commune, ward, special zone) of the 2025 structure.
    case communeCommittee
    /// A directly-above-grassroots committee (the district level before 1/7/2025, some sectors).
    case aboveGrassroots
    /// A grassroots committee (with cells under it).
    case grassrootsCommittee
    /// A grassroots cell (a cell that is itself a grassroots organisation).
    case grassrootsCell
    /// A party cell under a grassroots committee.
    case cell

    /// Whether members belong to units of this kind directly (cells and grassroots cells).
    public var holdsMembers: Bool { self == .cell || self == .grassrootsCell }
}

/// A unit's place in the tree over a period: its parent from `validFrom` to `validTo` (R-O-4).
public struct UnitPlacement: Sendable, Hashable, Codable {
    public var unit: PartyUnit.ID
    /// The parent's code; `nil` for the root.
    public var parent: PartyUnit.ID?
    public var validFrom: Day?
    public var validTo: Day?

    public init(unit: PartyUnit.ID, parent: PartyUnit.ID?, validFrom: Day? = nil, validTo: Day? = nil) {
        self.unit = unit
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
    }

    public func holds(on day: Day) -> Bool {
        (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }
}

/// A dated change to the organisation (R-O-4).
public struct UnitEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// `unit` ended and went into `other` (wholly or, with `part`, partly).
        case mergedInto
        /// `unit` ended and part of it went into `other` (a split).
        case partInto
        /// `unit` was renamed from `oldName` to its name.
        case renamed
        /// `unit` was created.
        case created
        /// `unit` was dissolved.
        case dissolved
    }

    public var kind: Kind
    public var day: Day
    public var unit: PartyUnit.ID
    public var other: PartyUnit.ID?
    public var oldName: String?

    public init(kind: Kind, day: Day, unit: PartyUnit.ID, other: PartyUnit.ID? = nil, oldName: String? = nil) {
        self.kind = kind
        self.day = day
        self.unit = unit
        self.other = other
        self.oldName = oldName
    }
}
