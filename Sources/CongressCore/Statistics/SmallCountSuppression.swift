/// Small-count suppression for structure tables published outside the organising committees
/// (issue 14; a rulebook parameter, default: counts below 5): a cell counting 1 to 4 people is
/// hidden, and, so that no hidden cell can be worked out from the others and the total, further
/// cells are hidden wherever a set of cells that add up (a partition of the members, or a group
/// and its parts) would otherwise have exactly one hidden. The organising committee's own view
/// is not suppressed.
public enum SmallCountSuppression {
    public static let defaultThreshold = 5

    /// Cells whose counts add up: each relation says its first cell equals the sum of the others,
    /// or (`members` first) that the cells partition the members.
    static let relations: [[StructureGroup?]] = [
        [nil, .under40, .from40To50, .over50],
        [nil, .aged50OrUnder, .over50],
        [.aged50OrUnder, .under40, .from40To50],
    ]

    public enum Cell: Sendable, Hashable {
        /// Below the threshold.
        case small
        /// Hidden so that a small one cannot be recomputed.
        case complementary
    }

    /// Which groups' counts to hide, given each group's count and the members (shown).
    public static func hidden(_ counts: [StructureGroup: Int], members: Int, threshold: Int = defaultThreshold) -> [StructureGroup: Cell] {
        var hidden: [StructureGroup: Cell] = [:]
        for (group, count) in counts where count > 0 && count < threshold { hidden[group] = .small }
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                let cells = relation.compactMap { $0 }
                let hiddenHere = cells.filter { hidden[$0] != nil }
                // The members are always shown, so a relation with one hidden cell gives it away.
                guard hiddenHere.count == 1 else { continue }
                let candidates = cells.filter { hidden[$0] == nil }.sorted { (counts[$0] ?? 0, $0.rawValue) < (counts[$1] ?? 0, $1.rawValue) }
                if let next = candidates.first {
                    hidden[next] = .complementary
                    changed = true
                }
            }
        }
        return hidden
    }
}
