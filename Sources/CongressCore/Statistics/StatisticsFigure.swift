/// A figure a lower unit reports upward in a statistics file (docs/formats.md §9): a count of the
/// register's members of the unit's subtree on the day (R-O-3), or a count of a body of the unit
/// itself in the term in force that day (rules.md §6).
public enum StatisticsFigure: Sendable, Hashable, Comparable {
    case register(RegisterFigure)
    case body(BodyMembership.Role, BodyFigure)

    /// `members`, `members.women`, …; `executiveCommittee.members`, `secretary.notLocal`, ….
    public init?(key: String) {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts == ["members"] { self = .register(.all); return }
        guard parts.count == 2 else { return nil }
        if parts[0] == "members", let figure = RegisterFigure(rawValue: parts[1]), figure != .all { self = .register(figure); return }
        guard let role = BodyMembership.Role(rawValue: parts[0]) else { return nil }
        if parts[1] == "members" { self = .body(role, .members); return }
        guard let group = StructureGroup(rawValue: parts[1]) else { return nil }
        self = .body(role, .group(group))
    }

    public var key: String {
        switch self {
        case .register(.all): "members"
        case .register(let figure): "members.\(figure.rawValue)"
        case let .body(role, .members): "\(role.rawValue).members"
        case let .body(role, .group(group)): "\(role.rawValue).\(group.rawValue)"
        }
    }

    /// Register figures add up the tree (a subtree's members are its parts' members, each person
    /// once, R-O-3); a body's figures belong to that unit alone.
    public var isAdditive: Bool { if case .register = self { true } else { false } }

    /// Every key, for messages and the documentation.
    public static var allKeys: [String] {
        RegisterFigure.allCases.map { StatisticsFigure.register($0).key }
            + BodyMembership.Role.allCases.flatMap { role in
                [StatisticsFigure.body(role, .members).key] + StructureGroup.allCases.map { StatisticsFigure.body(role, .group($0)).key }
            }
    }

    public static func < (left: StatisticsFigure, right: StatisticsFigure) -> Bool { left.key < right.key }
}

/// A count of a body: all its members, or one structure group of them.
public enum BodyFigure: Sendable, Hashable {
    case members
    case group(StructureGroup)

    public func contains(_ seat: ReportSeat) -> Bool {
        switch self {
        case .members: true
        case .group(let group): group.contains(seat)
        }
    }
}

/// The register's figures: members of a subtree on a day, each person once (R-O-3).
public enum RegisterFigure: String, Sendable, Hashable, CaseIterable {
    case all, probationary, women, ethnicMinority, mastersOrHigher, theoryAdvanced
    case upTo30, from31To40, from41To50, from51To60, over60

    /// The reference definition over one person; the register snapshot computes the same over
    /// its columns, and a test compares the two.
    public func contains(_ person: Person, status: MemberStatus, on day: Day) -> Bool {
        switch self {
        case .all: true
        case .probationary: status == .probationary
        case .women: person.gender == .female
        case .ethnicMinority: person.ethnicity != "Kinh"
        case .mastersOrHigher: person.education >= .master
        case .theoryAdvanced: person.politicalTheory >= .advanced
        case .upTo30, .from31To40, .from41To50, .from51To60, .over60:
            AgeBand.of(age: person.birthDate.wholeYears(until: day)).rawValue == rawValue
        }
    }
}
