/// The level of the committee being prepared: it fixes the reference month of R-P-1.
public enum CommitteeLevel: String, Sendable, Codable, CaseIterable, Hashable {
    case grassroots, aboveGrassroots, commune, underCentral
}

/// The post someone is considered for (docs/formats.md §7 `post`).
public enum PersonnelPost: String, Sendable, Codable, CaseIterable, Hashable {
    case committee, standingCommittee, secretary, deputySecretary, provincialDeputySecretary, inspectionCommittee, inspectionChair

    /// A seat in a body (the committee, its standing committee, the inspection committee), whose
    /// planning list is sized by the body and whose structure is reported (R-P-2, R-P-7); the
    /// others are posts one person holds.
    public var isBody: Bool { self == .committee || self == .standingCommittee || self == .inspectionCommittee }
}

/// How someone enters the post: for the first time in this committee, again in the same post,
/// or in a higher post than the one held (which needs what first-time entry needs, R-P-1).
public enum PersonnelEntry: String, Sendable, Codable, CaseIterable, Hashable {
    case first, reelection, higher
}

/// The parameters of a cycle's personnel work (R-P-1, open: per-cycle data).
public struct PersonnelCycle: Sendable, Hashable {
    public var id: String
    /// Months of working time first-time entry needs (and a higher post).
    public var firstEntryMonths: Int
    /// Months re-election needs, and the exception for provincial deputy secretaries.
    public var reelectionMonths: Int
    public var provincialDeputySecretaryReelectionMonths: Int
    /// The reference month of each level's congresses.
    public var referenceMonths: [CommitteeLevel: CalendarMonth]

    /// Directive 45 (2025–2030): one full term (60 months) for first-time entry, 48 months for
    /// re-election (provincial deputy secretaries 42); reference months grassroots 4/2025,
    /// directly above grassroots 6/2025, commune level 7/2025, directly under Central 9/2025.
    public static let c2025_2030 = PersonnelCycle(
        id: "2025-2030", firstEntryMonths: 60, reelectionMonths: 48, provincialDeputySecretaryReelectionMonths: 42,
        referenceMonths: [.grassroots: CalendarMonth(year: 2025, month: 4), .aboveGrassroots: CalendarMonth(year: 2025, month: 6),
                          .commune: CalendarMonth(year: 2025, month: 7), .underCentral: CalendarMonth(year: 2025, month: 9)])

    public static let shipped = [c2025_2030]

    /// The months of working time R-P-1 requires for `post` entered by `entry`.
    public func requiredMonths(post: PersonnelPost, entry: PersonnelEntry) -> Int {
        guard entry == .reelection else { return firstEntryMonths }
        return post == .provincialDeputySecretary ? provincialDeputySecretaryReelectionMonths : reelectionMonths
    }
}
