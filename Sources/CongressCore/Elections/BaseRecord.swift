/// What the base of an election is made of (R-E-15…R-E-21): the roll and its exclusions.
public struct BaseRecord: Sendable, Equatable {
    /// Which rule computes the base.
    public var kind: BaseKind
    /// Those convened (for `attending`: those attending). R-E-21: people never convened are not here.
    public var convened: Int
    /// Those present, for the minutes only; the base never depends on it.
    public var present: Int?
    /// The exclusions, each allowed for the kind.
    public var excluded: [BaseExclusion: Int]

    public init(kind: BaseKind, convened: Int, present: Int? = nil, excluded: [BaseExclusion: Int] = [:]) {
        self.kind = kind
        self.convened = convened
        self.present = present
        self.excluded = excluded
    }

    /// The exclusions that count for this kind under the rulebook, in documented order.
    public func countedExclusions(under rulebook: Rulebook) -> [(BaseExclusion, Int)] {
        kind.exclusions.compactMap { exclusion in
            if kind == .committeeConference, !rulebook.conferenceExcludesAbsentWithReason { return nil }
            return (exclusion, excluded[exclusion] ?? 0)
        }
    }

    /// The base: convened minus the counted exclusions (R-E-17, R-E-18, R-E-19, R-E-20).
    public func base(under rulebook: Rulebook) -> Int {
        convened - countedExclusions(under: rulebook).reduce(0) { $0 + $1.1 }
    }
}

/// The rule that makes the base.
public enum BaseKind: String, Sendable, Codable, CaseIterable {
    /// R-E-17: full members convened, minus four kinds of exclusion.
    case membersCongress
    /// R-E-18: official delegates convened, minus absent committee members and unreplaced delegates.
    case delegatesCongress
    /// R-E-19 (open): committee members convened, minus those absent with an accepted reason.
    case committeeConference
    /// R-E-20: opinion ballots count against those attending.
    case attending

    /// The exclusions this kind allows, in documented order.
    public var exclusions: [BaseExclusion] {
        switch self {
        case .membersCongress:
            [.temporaryActivityElsewhere, .exemptedAbsent, .suspendedOrProsecuted, .absentWithAcceptedReason]
        case .delegatesCongress: [.committeeMembersAbsent, .delegatesAbsentNotReplaced]
        case .committeeConference: [.absentWithAcceptedReason]
        case .attending: []
        }
    }

    /// The rule that defines this base.
    public var ruleID: String {
        switch self {
        case .membersCongress: "R-E-17"
        case .delegatesCongress: "R-E-18"
        case .committeeConference: "R-E-19"
        case .attending: "R-E-20"
        }
    }
}

/// One kind of person taken out of the base.
public enum BaseExclusion: String, Sendable, Codable, CaseIterable, Hashable {
    case temporaryActivityElsewhere, exemptedAbsent, suspendedOrProsecuted, absentWithAcceptedReason
    case committeeMembersAbsent, delegatesAbsentNotReplaced
}
