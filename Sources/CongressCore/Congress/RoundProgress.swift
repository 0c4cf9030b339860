/// R-C-1: the congress deadlines of a cycle, per level (per-cycle data).
public struct CycleCalendar: Sendable, Hashable {
    public var term: String
    public var grassroots: Day
    public var aboveGrassroots: Day
    public var underCentral: Day
    /// R-C-4 (open, per cycle): a grassroots organisation with fewer members holds a members'
    /// congress; 200 in 2020, kept for 2025.
    public var membersCongressThreshold = 200

    public static let c2020_2025 = CycleCalendar(term: "2020–2025", grassroots: Day(iso: "2020-06-30")!, aboveGrassroots: Day(iso: "2020-08-31")!,
                                                 underCentral: Day(iso: "2020-10-31")!)
    /// Directive 45-CT/TW: commune-level committees hold theirs with those directly above grassroots.
    public static let c2025_2030 = CycleCalendar(term: "2025–2030", grassroots: Day(iso: "2025-06-30")!, aboveGrassroots: Day(iso: "2025-08-31")!,
                                                 underCentral: Day(iso: "2025-10-31")!)

    /// R-C-4: the congress a unit of `kind` with `members` holds this cycle; a grassroots
    /// organisation below the threshold holds a members' congress, every other a delegates'.
    public func congressKind(for kind: UnitKind, members: Int) -> CongressKind? {
        switch kind {
        case .grassrootsCommittee, .grassrootsCell: CongressKind.forGrassroots(members: members, threshold: membersCongressThreshold)
        case .aboveGrassroots, .communeCommittee, .underCentral: .delegates
        case .central, .cell: nil
        }
    }
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

/// The round across a subtree (R-C-1, R-C-4): every unit in it that must hold a congress this
/// cycle with its state, the subtree's tally, the tally of each unit directly below, and how many
/// hold a members' or a delegates' congress. Pure: the caller reads the congresses and counts.
public struct RoundOverview: Sendable, Equatable {
    /// A unit directly below, with the tally of its subtree.
    public struct Part: Sendable, Equatable {
        public var unit: PartyUnit
        public var tally: ProgressTally
    }

    public var cycle: CycleCalendar
    public var whole: ProgressTally
    /// The unit's own congress, when it holds one.
    public var own: UnitProgress?
    /// R-C-4: the congress the unit itself holds.
    public var ownKind: CongressKind?
    public var parts: [Part]
    /// R-C-4 over the subtree: how many hold each kind of congress.
    public var byKind: [CongressKind: Int]

    /// `latest`: each unit's congress of the cycle; `rounds`: the states of its rounds;
    /// `members`: the members of a unit's subtree today.
    public init(tree: OrganisationTree, unit: PartyUnit.ID, cycle: CycleCalendar, latest: [PartyUnit.ID: CongressDates],
                rounds: [PartyUnit.ID: [RoundLifecycle.State]], members: (PartyUnit.ID) -> Int, today: Day) {
        self.cycle = cycle
        let range = tree.subtree(of: unit) ?? 0..<0
        // By pre-order position from the unit's own: a subtree is a slice.
        var lines = [UnitProgress?](repeating: nil, count: range.count)
        var byKind: [CongressKind: Int] = [:]
        var ownKind: CongressKind?
        for position in range {
            let held = tree.units[position]
            guard let deadline = cycle.deadline(for: held.kind) else { continue }
            lines[position - range.lowerBound] = UnitProgress(unit: held.code, deadline: deadline, congress: latest[held.code],
                                                              rounds: rounds[held.code] ?? [], today: today)
            let needsCount = held.kind == .grassrootsCommittee || held.kind == .grassrootsCell
            if let kind = cycle.congressKind(for: held.kind, members: needsCount ? members(held.code) : 0) {
                byKind[kind, default: 0] += 1
                if position == range.lowerBound { ownKind = kind }
            }
        }
        whole = ProgressTally(lines.compactMap { $0 })
        own = lines.first ?? nil
        self.ownKind = ownKind
        self.byKind = byKind
        parts = tree.children(of: unit).compactMap { child in
            guard let sub = tree.subtree(of: child.code) else { return nil }
            let tally = ProgressTally(lines[(sub.lowerBound - range.lowerBound)..<(sub.upperBound - range.lowerBound)].compactMap { $0 })
            return tally.units > 0 ? Part(unit: child, tally: tally) : nil
        }
    }
}
