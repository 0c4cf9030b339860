import CongressCore
import Synchronization

/// An immutable, columnar copy of the register for fast reads at national size: members of a
/// subtree on a day, structure counts, pages in ballot-name order (R-E-10) and accent-insensitive
/// search. Both store implementations build one after each change and answer from it, so they give
/// the same answers; contract tests compare them with the core's reference computation.
public final class RegisterSnapshot: Sendable {
    let units: [PartyUnit]
    let unitIndex: [PartyUnit.ID: Int32]
    let placements: [UnitPlacement]

    // One row per person.
    let memberIDs: PackedStrings
    let names: PackedStrings
    let gender: [UInt8]
    let ethnicity: [UInt8]
    let education: [UInt8]
    let theory: [UInt8]
    let birth: [Int32]
    let joined: [Int32]
    /// Day made official, or `Int32.max` while probationary.
    let official: [Int32]
    /// Persons in ballot-name order (R-E-10), ties by member ID.
    let byRank: [UInt32]
    /// Position of each person in `byRank`.
    let rankOf: [UInt32]

    // Spans, grouped by person: person p's spans are spanStart[p] ..< spanStart[p + 1].
    let spanStart: [UInt32]
    let spanUnit: [Int32]
    let spanFrom: [Int32]
    /// Last day, inclusive, or `Int32.max` while open.
    let spanTo: [Int32]
    let spanStanding: [UInt8]

    let search: SearchIndex
    /// Where each member ID is, shared with the snapshots patched from this one.
    let memberIndex: MemberIDIndex
    private let views = Mutex<[Day: DayView]>([:])
    /// Trees of the organisation alone, by the first day of the period they hold for.
    let organisationTrees = Mutex<OrganisationTrees>(OrganisationTrees())
    /// The members of the subtrees read last, in name order, by day and pre-order range.
    private let subtrees = Mutex<[SubtreeKey: [UInt32]]>([:])

    struct SubtreeKey: Hashable {
        let day: Day
        let lower: Int
        let upper: Int
    }

    convenience init(units: [PartyUnit], placements: [UnitPlacement], columns: Columns, byRank order: [UInt32], search: SearchIndex) {
        var inverse = [UInt32](repeating: 0, count: order.count)
        for (rank, person) in order.enumerated() { inverse[Int(person)] = UInt32(rank) }
        self.init(units: units, placements: placements, columns: columns, byRank: order, rankOf: inverse, search: search)
    }

    /// A snapshot sharing an existing one's ranking (`replacing(person:with:)`).
    init(units: [PartyUnit], placements: [UnitPlacement], columns: Columns, byRank: [UInt32], rankOf: [UInt32], search: SearchIndex,
         memberIndex: MemberIDIndex = MemberIDIndex()) {
        self.memberIndex = memberIndex
        self.units = units
        self.placements = placements
        unitIndex = Dictionary(units.enumerated().map { ($1.code, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        memberIDs = columns.memberIDs
        names = columns.names
        gender = columns.gender
        ethnicity = columns.ethnicity
        education = columns.education
        theory = columns.theory
        birth = columns.birth
        joined = columns.joined
        official = columns.official
        spanStart = columns.spanStart
        spanUnit = columns.spanUnit
        spanFrom = columns.spanFrom
        spanTo = columns.spanTo
        spanStanding = columns.spanStanding
        self.byRank = byRank
        self.rankOf = rankOf
        self.search = search
    }

    /// Number of persons (members and former members).
    public var personCount: Int { gender.count }

    /// The organisation and where each person is, on `day` (cached for a few days).
    func view(on day: Day) -> DayView {
        if let cached = views.withLock({ $0[day] }) { return cached }
        let view = DayView(snapshot: self, day: day)
        views.withLock { cache in
            if cache.count >= 8 { cache.removeAll() }
            cache[day] = view
        }
        return view
    }

    /// The members of the subtree at pre-order positions `range` on the view's day, in name order
    /// (R-E-10): one walk of the register the first time, then kept (a few subtrees), so that the
    /// next page of the same unit costs its rows only.
    func subtreeInNameOrder(_ view: DayView, _ range: Range<Int>) -> [UInt32] {
        let key = SubtreeKey(day: view.day, lower: range.lowerBound, upper: range.upperBound)
        if let kept = subtrees.withLock({ $0[key] }) { return kept }
        let low = Int32(range.lowerBound), high = Int32(range.upperBound)
        var ranks: [UInt32] = []
        ranks.reserveCapacity(view.memberCount(range))
        view.personPosition.withUnsafeBufferPointer { positions in
            for person in 0..<positions.count where positions[person] >= low && positions[person] < high {
                ranks.append(rankOf[person])
            }
        }
        ranks.sort()
        let ordered = ranks.map { byRank[Int($0)] }
        subtrees.withLock { kept in
            if kept.count >= 8 { kept.removeAll() }
            kept[key] = ordered
        }
        return ordered
    }

    /// The day views this snapshot has built, for a patched snapshot to carry on.
    var cachedViews: [DayView] { views.withLock { Array($0.values) } }

    /// Keeps views already made for this snapshot (a patch's, moved on from the one before).
    func adopt(_ adopted: [DayView]) {
        views.withLock { cache in for view in adopted { cache[view.day] = view } }
    }

    /// The tree on `day`.
    public func tree(on day: Day) -> OrganisationTree { view(on: day).tree }
}

extension RegisterSnapshot {
    /// The columns a store fills, one row per person and one per span.
    struct Columns: Sendable {
        var memberIDs = PackedStrings()
        var names = PackedStrings()
        var gender: [UInt8] = []
        var ethnicity: [UInt8] = []
        var education: [UInt8] = []
        var theory: [UInt8] = []
        var birth: [Int32] = []
        var joined: [Int32] = []
        var official: [Int32] = []
        var spanStart: [UInt32] = [0]
        var spanUnit: [Int32] = []
        var spanFrom: [Int32] = []
        var spanTo: [Int32] = []
        var spanStanding: [UInt8] = []
    }
}
