/// R-C-1: the congress deadlines of a cycle, per level (per-cycle data).
public struct CycleCalendar: Sendable, Hashable {
    public var term: String
    public var grassroots: Day
    public var aboveGrassroots: Day
    public var underCentral: Day

    public static let c2020_2025 = CycleCalendar(term: "2020–2025", grassroots: Day(iso: "2020-06-30")!, aboveGrassroots: Day(iso: "2020-08-31")!,
                                                 underCentral: Day(iso: "2020-10-31")!)
    /// Directive 45-CT/TW: commune-level committees hold theirs with those directly above grassroots.
    public static let c2025_2030 = CycleCalendar(term: "2025–2030", grassroots: Day(iso: "2025-06-30")!, aboveGrassroots: Day(iso: "2025-08-31")!,
                                                 underCentral: Day(iso: "2025-10-31")!)
    public static let shipped = [c2020_2025, c2025_2030]

    public static func named(_ term: String) -> CycleCalendar? { shipped.first { $0.term == term } }

    /// The deadline of a unit of `kind`'s congress; nil for a kind that holds none of its own
    /// (the Central Committee; a cell of a grassroots committee holds a cell meeting, not counted).
    public func deadline(for kind: UnitKind) -> Day? {
        switch kind {
        case .grassrootsCommittee, .grassrootsCell: grassroots
        case .aboveGrassroots, .communeCommittee: aboveGrassroots
        case .underCentral: underCentral
        case .central, .cell: nil
        }
    }
}

/// Where one unit's congress of the cycle stands (R-C-1, R-E-30).
public enum CongressProgressState: String, Sendable, Hashable, CaseIterable {
    case notSetUp, setUp, held, minutesSent, approved

    /// Its own congress record, the rounds' states and today decide.
    public static func of(_ congress: CongressDates?, rounds: [RoundLifecycle.State], today: Day) -> CongressProgressState {
        guard let congress else { return .notSetUp }
        let counted = rounds.filter { $0 != .annulled }
        if !counted.isEmpty, counted.allSatisfy({ $0 == .approved }) { return .approved }
        if congress.submittedOn != nil { return .minutesSent }
        if let closes = Day(iso: congress.closesOn), closes <= today { return .held }
        return .setUp
    }
}

/// A congress as the progress overview reads it: its days.
public struct CongressDates: Sendable, Hashable {
    public var unit: PartyUnit.ID
    public var opensOn: String
    public var closesOn: String
    public var submittedOn: String?

    public init(unit: PartyUnit.ID, opensOn: String, closesOn: String, submittedOn: String?) {
        self.unit = unit
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.submittedOn = submittedOn
    }
}

/// One unit's line in the overview: its deadline, state, and whether it is late or was on time.
public struct UnitProgress: Sendable, Hashable {
    public var unit: PartyUnit.ID
    public var deadline: Day
    public var state: CongressProgressState
    /// The congress opened by its deadline.
    public var onTime: Bool
    /// The deadline passed without the congress held.
    public var late: Bool

    public init(unit: PartyUnit.ID, deadline: Day, congress: CongressDates?, rounds: [RoundLifecycle.State], today: Day) {
        self.unit = unit
        self.deadline = deadline
        state = CongressProgressState.of(congress, rounds: rounds, today: today)
        let opened = congress.flatMap { Day(iso: $0.opensOn) }
        onTime = opened.map { $0 <= deadline } ?? false
        late = (state == .notSetUp || state == .setUp) && today > deadline
    }
}

/// The figures of a subtree: how many must hold a congress, how many in each state, how many
/// held it on time ("N of M on time"), how many are late.
public struct ProgressTally: Sendable, Hashable {
    public var units = 0
    public var byState: [CongressProgressState: Int] = [:]
    public var onTime = 0
    public var late = 0

    public init(_ lines: [UnitProgress]) {
        units = lines.count
        for line in lines {
            byState[line.state, default: 0] += 1
            if line.onTime { onTime += 1 }
            if line.late { late += 1 }
        }
    }
}
