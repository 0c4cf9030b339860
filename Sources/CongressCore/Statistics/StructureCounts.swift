/// The structure of a body of members on a day: the tables organising committees report upward
/// (rules.md §6). Only non-zero counts are kept, so two reports compare by value.
public struct StructureCounts: Sendable, Equatable, Codable {
    public var day: Day
    public var total: Int = 0
    public var byGender: [Gender: Int] = [:]
    public var byAgeBand: [AgeBand: Int] = [:]
    /// By ethnic group's official name.
    public var byEthnicity: [String: Int] = [:]
    public var byEducation: [Education: Int] = [:]
    public var byPoliticalTheory: [PoliticalTheory: Int] = [:]
    public var byPartyAge: [PartyAgeBand: Int] = [:]
    public var byStatus: [MemberStatus: Int] = [:]

    public init(day: Day) { self.day = day }

    /// Members of an ethnic minority (every group but Kinh).
    public var ethnicMinorities: Int { byEthnicity.filter { $0.key != "Kinh" }.values.reduce(0, +) }
}

/// Age on the report's day, in the bands Vietnamese reports use.
public enum AgeBand: String, Sendable, Codable, CaseIterable, Hashable {
    case upTo30, from31To40, from41To50, from51To60, over60

    public static func of(age: Int) -> AgeBand {
        switch age {
        case ...30: .upTo30
        case 31...40: .from31To40
        case 41...50: .from41To50
        case 51...60: .from51To60
        default: .over60
        }
    }
}

/// Years since admission ("tuổi đảng") on the report's day.
public enum PartyAgeBand: String, Sendable, Codable, CaseIterable, Hashable {
    case under10, from10To19, from20To29, from30To39, atLeast40

    public static func of(years: Int) -> PartyAgeBand {
        switch years {
        case ..<10: .under10
        case 10..<20: .from10To19
        case 20..<30: .from20To29
        case 30..<40: .from30To39
        default: .atLeast40
        }
    }
}

/// The reference computation of structure counts: simple and obviously right, one person at a
/// time. Stores may compute faster; their contract tests compare with this.
public enum StructureReport {
    /// Counts `members` (each person once, with their status that day) on `day`.
    public static func count(_ members: [(person: Person, status: MemberStatus)], on day: Day) -> StructureCounts {
        var counts = StructureCounts(day: day)
        for (person, status) in members {
            counts.total += 1
            counts.byGender[person.gender, default: 0] += 1
            counts.byAgeBand[AgeBand.of(age: person.birthDate.wholeYears(until: day)), default: 0] += 1
            counts.byEthnicity[person.ethnicity, default: 0] += 1
            counts.byEducation[person.education, default: 0] += 1
            counts.byPoliticalTheory[person.politicalTheory, default: 0] += 1
            counts.byPartyAge[PartyAgeBand.of(years: person.joinedOn.wholeYears(until: day)), default: 0] += 1
            counts.byStatus[status, default: 0] += 1
        }
        return counts
    }

    /// The members of a subtree on a day, each person once (R-O-3): a person counts in the unit
    /// their span of that day is in, and only if that unit is in the subtree.
    public static func members(
        of unit: PartyUnit.ID, in tree: OrganisationTree, people: [Person], spans: [Person.ID: [MembershipSpan]]
    ) -> [(person: Person, status: MemberStatus)] {
        people.compactMap { person in
            guard let (at, status) = MembershipHistory.status(of: person, spans: spans[person.memberID] ?? [], on: tree.day),
                  tree.isWithin(at, unit) else { return nil }
            return (person, status)
        }
    }
}
