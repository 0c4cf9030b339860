/// R-C-5: the sizes of the bodies a cycle allows (per-cycle data). 2025–2030: a commune-level
/// executive committee of at most 27 when the commune was formed from at most 2 units, at most 33
/// from 3 or more; its standing committee 9 to 11; 2 deputy secretaries. A provincial standing
/// committee 13 to 15, at most 17 for Hà Nội, Hồ Chí Minh City, Thanh Hóa and Nghệ An.
public struct CommitteeSizes: Sendable, Hashable {
    public enum Problem: Error, Sendable, Hashable {
        case executiveCommittee(seats: Int, allowed: ClosedRange<Int>)
        case standingCommittee(seats: Int, allowed: ClosedRange<Int>)
        case deputySecretaries(seats: Int, allowed: ClosedRange<Int>)
        public var ruleID: String { "R-C-5" }
    }

    public var id: String
    /// A commune's executive committee: its sizes when formed from fewer than `manyUnits` units, and from that many or more.
    public var communeExecutiveFromFew: ClosedRange<Int>
    public var communeExecutiveFromMany: ClosedRange<Int>
    public var manyUnits: Int
    public var communeStanding: ClosedRange<Int>
    public var communeDeputies: ClosedRange<Int>
    public var provincialStanding: ClosedRange<Int>
    public var largeProvincialStanding: ClosedRange<Int>
    /// The provinces with the larger standing committee (2025 codes: Hà Nội, HCMC, Thanh Hóa, Nghệ An).
    public var largeProvinces: Set<String>

    public static let c2025_2030 = CommitteeSizes(
        id: "2025-2030", communeExecutiveFromFew: 1...27, communeExecutiveFromMany: 1...33, manyUnits: 3, communeStanding: 9...11,
        communeDeputies: 2...2, provincialStanding: 13...15, largeProvincialStanding: 13...17, largeProvinces: ["01", "79", "38", "40"])

    /// The problems of a commune-level scheme's numbers; `mergedUnits`: how many units the commune was formed from.
    public func commune(executive: Int, standing: Int, deputies: Int, mergedUnits: Int) -> [Problem] {
        let allowed = mergedUnits >= manyUnits ? communeExecutiveFromMany : communeExecutiveFromFew
        var problems: [Problem] = []
        if !allowed.contains(executive) { problems.append(.executiveCommittee(seats: executive, allowed: allowed)) }
        if !communeStanding.contains(standing) { problems.append(.standingCommittee(seats: standing, allowed: communeStanding)) }
        if !communeDeputies.contains(deputies) { problems.append(.deputySecretaries(seats: deputies, allowed: communeDeputies)) }
        return problems
    }

    /// The problem of a provincial standing committee's size, if any; `province`: its 2025 code.
    public func provincialStanding(_ seats: Int, province: String) -> Problem? {
        let allowed = largeProvinces.contains(province) ? largeProvincialStanding : provincialStanding
        return allowed.contains(seats) ? nil : .standingCommittee(seats: seats, allowed: allowed)
    }
}

/// R-C-6 (practice): adding members to the executive or standing committee stops 6 months
/// before the congress, unless the competent level recorded an exception (police and military
/// posts) with its decision.
public enum AdditionWindow {
    public enum Refusal: Error, Sendable, Equatable {
        case tooCloseToCongress(lastDay: Day)
        public var ruleID: String { "R-C-6" }
    }

    /// The last day members may be added for a congress opening on `opens`: the day before the
    /// same day six months earlier (the 6 months before the congress are closed).
    public static func lastDay(before opens: Day) -> Day {
        let (year, month, day) = opens.components
        let months = year * 12 + (month - 1) - 6
        let targetYear = months / 12, targetMonth = months % 12 + 1
        let start = Day(year: targetYear, month: targetMonth, day: min(day, Day.length(ofMonth: targetMonth, year: targetYear)))
            ?? opens
        return Day(daysSinceEpoch: start.daysSinceEpoch - 1)
    }

    /// Refuses an addition on `day` for a congress opening on `opens`, unless `exceptionDecision`
    /// names the competent level's decision.
    public static func check(addingOn day: Day, congressOpens opens: Day, exceptionDecision: String?) throws(Refusal) {
        let last = lastDay(before: opens)
        guard day > last else { return }
        if let decision = exceptionDecision, !decision.allSatisfy(\.isWhitespace) { return }
        throw .tooCloseToCongress(lastDay: last)
    }
}
