/// One seat of a structure report with what the report reads of its holder (rules.md §6).
public struct ReportSeat: Sendable, Hashable {
    public var membership: BodyMembership
    public var person: Person
    /// The 2025 province the body's unit lies in (the unit itself or an ancestor); nil for bodies
    /// outside any province (the Army, Public Security, the central committees).
    public var unitProvince: String?
    /// The person's province of origin in the codes of the body's day: a 63-province code mapped
    /// onto the 34 provinces for a body elected on or after 1/7/2025.
    public var originProvince: String?
    /// The unit directly below the report's unit (or that unit itself) the seat's body belongs to
    /// today, reached through the 2025 merges for a previous term (R-O-4); nil when none is.
    public var part: PartyUnit.ID?
    /// Whole years of age on the day elected or appointed.
    public let age: Int

    public init(membership: BodyMembership, person: Person, unitProvince: String?, originProvince: String?, part: PartyUnit.ID? = nil) {
        self.membership = membership
        self.person = person
        self.unitProvince = unitProvince
        self.originProvince = originProvince
        self.part = part
        age = person.birthDate.wholeYears(until: membership.on)
    }
}

/// The groups every structure report gives, in the published order (rules.md §6).
public enum StructureGroup: String, Sendable, Hashable, CaseIterable {
    case women, ethnicMinority, mastersOrHigher, professors, under40, from40To50, over50, aged50OrUnder, notLocal

    public func contains(_ seat: ReportSeat) -> Bool {
        let person = seat.person
        switch self {
        case .women: return person.gender == .female
        case .ethnicMinority: return person.ethnicity != "Kinh"
        case .mastersOrHigher: return person.education >= .master
        case .professors: return person.academicTitle == .professor || person.academicTitle == .associateProfessor
        case .under40: return seat.age < 40
        case .from40To50: return (40...50).contains(seat.age)
        case .over50: return seat.age > 50
        case .aged50OrUnder: return seat.age <= 50
        case .notLocal:
            guard let province = seat.unitProvince, let origin = seat.originProvince else { return false }
            return origin != province
        }
    }
}

/// The structure of the selected bodies of a term, compared with the previous term's (formats.md
/// §6). Pure: the caller selects the seats (body, subtree, unit kind, how) for each term.
public struct BodiesStructureReport: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        public var group: StructureGroup
        public var count: Int
        public var previousCount: Int?
    }

    public var body: BodyMembership.Role
    public var term: String
    public var previousTerm: String?
    public var under: PartyUnit.ID
    public var kind: UnitKind?
    public var how: BodyMembership.Origin?
    /// Units with at least one selected seat.
    public var bodies: Int
    public var members: Int
    public var previousMembers: Int?
    public var groups: [Group]
    /// This term's figures as the sum of its parts; the previous term's.
    public var parts: SumOfParts
    public var previousParts: SumOfParts?

    public init(body: BodyMembership.Role, term: String, previousTerm: String?, under: PartyUnit.ID, kind: UnitKind?,
                how: BodyMembership.Origin?, seats: [ReportSeat], previous: [ReportSeat]?) {
        self.body = body
        self.term = term
        self.previousTerm = previousTerm
        self.under = under
        self.kind = kind
        self.how = how
        bodies = Set(seats.map(\.membership.unit)).count
        members = seats.count
        previousMembers = previous?.count
        let now = SumOfParts.Tally(seats)
        let before = previous.map(SumOfParts.Tally.init)
        groups = StructureGroup.allCases.enumerated().map { index, group in
            Group(group: group, count: now.all[index], previousCount: before?.all[index])
        }
        parts = SumOfParts(now)
        previousParts = before.map(SumOfParts.init)
    }

    /// The report document of formats.md §6, keys in its order.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [("body", .string(body.rawValue)), ("term", .string(term))]
        if let previousTerm { fields.append(("previousTerm", .string(previousTerm))) }
        fields += [("under", .string(under.rawValue)), ("kind", kind.map { .string($0.rawValue) } ?? .null),
                   ("how", .string(how?.rawValue ?? "all")), ("bodies", .int(bodies)), ("members", .int(members))]
        if let previousMembers {
            fields += [("previousMembers", .int(previousMembers)), ("changePercent", .string(Hundredths.change(from: previousMembers, to: members)))]
        }
        let groupFields: [(String, JSONValue)] = groups.map { group in
            var values: [(String, JSONValue)] = [("count", .int(group.count)), ("percent", .string(Hundredths.percent(group.count, of: members)))]
            if let previous = group.previousCount, let previousMembers {
                values += [("previousCount", .int(previous)), ("previousPercent", .string(Hundredths.percent(previous, of: previousMembers))),
                           ("changePoints", .string(Hundredths.points(group.count, of: members, previous: previous, of: previousMembers)))]
            }
            return (group.group.rawValue, .object(values))
        }
        fields.append(("groups", .object(groupFields)))
        return .object(fields)
    }
}

/// A report's figures checked as the sum of its parts: each unit directly below the report's
/// unit (and the unit's own bodies) counted apart, their sums compared with the report's
/// figures; a seat that belongs to no part is counted as outside (issue 14: a subtree's figures
/// equal the sum of its parts, shown on every report).
public struct SumOfParts: Sendable, Equatable {
    /// Members per part.
    public var members: [PartyUnit.ID: Int] = [:]
    /// Seats in no part.
    public var outside = 0
    /// Every group's and the members' sum over the parts equals the report's figure.
    public var agrees: Bool

    /// One pass over the seats: each group's count over all of them, and over those in a part.
    struct Tally {
        var all = [Int](repeating: 0, count: StructureGroup.allCases.count)
        var inParts = [Int](repeating: 0, count: StructureGroup.allCases.count)
        var members: [PartyUnit.ID: Int] = [:]
        var outside = 0
        var total = 0

        init(_ seats: [ReportSeat]) {
            total = seats.count
            for seat in seats {
                let part = seat.part
                if let part { members[part, default: 0] += 1 } else { outside += 1 }
                for (index, group) in StructureGroup.allCases.enumerated() where group.contains(seat) {
                    all[index] += 1
                    if part != nil { inParts[index] += 1 }
                }
            }
        }
    }

    init(_ tally: Tally) {
        members = tally.members
        outside = tally.outside
        agrees = tally.outside == 0 && tally.members.values.reduce(0, +) == tally.total && tally.inParts == tally.all
    }

    /// The check over `seats` alone.
    public init(seats: [ReportSeat]) { self.init(Tally(seats)) }

    public var count: Int { members.count }
}

extension SumOfParts {
    /// "✓ 3.330 = tổng 67 phần", or the seats in no part.
    public func summary(members: Int, _ language: Language) -> String {
        if outside > 0 { return "✗ " + Catalogue.text("statistics.check.outside", language, language.number(outside)) }
        return (agrees ? "✓ " : "✗ ") + Catalogue.text("statistics.check.parts", language, language.number(members), language.number(count))
    }
}
