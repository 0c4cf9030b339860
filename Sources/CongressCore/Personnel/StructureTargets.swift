/// R-P-2: the structure a body's list should have, as warnings on a personnel scheme or a
/// planning list, never blocks. The 2025–2030 percentages not confirmed keep the 2020–2025 values.
public struct StructureTargets: Sendable, Hashable {
    /// Women: at least this share of the list, and a woman on the standing committee.
    public var womenPercent: Int
    /// Young cadres (under `youngAge`): at least this share, at province and district level.
    public var youngPercent: Int
    public var youngAge: Int
    /// Aged 40 to 50: about this share, at province and district level.
    public var middlePercent: ClosedRange<Int>
    /// Ethnic minorities: in line with the local population, when its share is given.
    public var minorityPercentOfPopulation: Int?

    public static let defaults = StructureTargets(womenPercent: 15, youngPercent: 10, youngAge: 40, middlePercent: 40...50,
                                                  minorityPercentOfPopulation: nil)

    public init(womenPercent: Int, youngPercent: Int, youngAge: Int, middlePercent: ClosedRange<Int>, minorityPercentOfPopulation: Int?) {
        self.womenPercent = womenPercent
        self.youngPercent = youngPercent
        self.youngAge = youngAge
        self.middlePercent = middlePercent
        self.minorityPercentOfPopulation = minorityPercentOfPopulation
    }
}

/// One target a list misses, with the figure that misses it.
public enum StructureWarning: Sendable, Hashable {
    case women(count: Int, of: Int, target: Int)
    case noWomanOnStandingCommittee
    case young(count: Int, of: Int, target: Int)
    case middleAged(count: Int, of: Int, target: ClosedRange<Int>)
    case ethnicMinorities(count: Int, of: Int, target: Int)

    public var ruleID: String { "R-P-2" }
}

public enum StructureCheck {
    /// The warnings for a list of `people` on `day` (ages in whole years on that day).
    /// `ageBands`: whether the young and 40–50 targets apply (province and district level).
    public static func warnings(_ people: [Person], standingCommittee: [Person]? = nil, on day: Day, ageBands: Bool,
                                targets: StructureTargets = .defaults) -> [StructureWarning] {
        guard !people.isEmpty else { return [] }
        let total = people.count
        // A share reaches `percent` when count × 100 ≥ percent × total (no rounding).
        func reaches(_ count: Int, _ percent: Int) -> Bool { count * 100 >= percent * total }
        var warnings: [StructureWarning] = []
        let women = people.filter { $0.gender == .female }.count
        if !reaches(women, targets.womenPercent) { warnings.append(.women(count: women, of: total, target: targets.womenPercent)) }
        if let standing = standingCommittee, !standing.isEmpty, !standing.contains(where: { $0.gender == .female }) {
            warnings.append(.noWomanOnStandingCommittee)
        }
        if ageBands {
            let ages = people.map { $0.birthDate.wholeYears(until: day) }
            let young = ages.filter { $0 < targets.youngAge }.count
            if !reaches(young, targets.youngPercent) { warnings.append(.young(count: young, of: total, target: targets.youngPercent)) }
            let middle = ages.filter { (40...50).contains($0) }.count
            if !reaches(middle, targets.middlePercent.lowerBound) || middle * 100 > targets.middlePercent.upperBound * total {
                warnings.append(.middleAged(count: middle, of: total, target: targets.middlePercent))
            }
        }
        if let share = targets.minorityPercentOfPopulation {
            let minorities = people.filter { $0.ethnicity != "Kinh" }.count
            if !reaches(minorities, share) { warnings.append(.ethnicMinorities(count: minorities, of: total, target: share)) }
        }
        return warnings
    }
}

/// R-P-7 (open, defaults): at most 4 people planned for one post, and one person planned for at
/// most 3 posts of the same level.
public enum PlanningLimits {
    public static let peoplePerPost = 4
    public static let postsPerPerson = 3

    public enum Problem: Sendable, Hashable {
        case tooManyForPost(PersonnelPost, count: Int)
        case tooManyPosts(Person.ID, count: Int)
        public var ruleID: String { "R-P-7" }
    }

    /// The problems of a planning list of one level: (post, person) pairs.
    public static func problems(_ entries: [(post: PersonnelPost, person: Person.ID)]) -> [Problem] {
        var byPost: [PersonnelPost: Set<Person.ID>] = [:], byPerson: [Person.ID: Set<PersonnelPost>] = [:]
        for entry in entries {
            byPost[entry.post, default: []].insert(entry.person)
            byPerson[entry.person, default: []].insert(entry.post)
        }
        let posts = PersonnelPost.allCases.compactMap { post in
            byPost[post].flatMap { $0.count > peoplePerPost ? Problem.tooManyForPost(post, count: $0.count) : nil }
        }
        let people = byPerson.filter { $0.value.count > postsPerPerson }.keys.sorted().map { Problem.tooManyPosts($0, count: byPerson[$0]!.count) }
        return posts + people
    }
}
