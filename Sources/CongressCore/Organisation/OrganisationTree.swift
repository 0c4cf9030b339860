/// The organisation as it stood on one day (R-O-4): who is under whom, in a fixed pre-order so that
/// every subtree is one contiguous range of positions.
public struct OrganisationTree: Sendable {
    public let day: Day
    /// Units that exist on `day`, in pre-order (parents before children, children by code).
    public let units: [PartyUnit]
    /// Position of each unit in `units`.
    public let position: [PartyUnit.ID: Int]
    /// For the unit at position `i`, the positions of its subtree are `i ..< subtreeEnd[i]`.
    public let subtreeEnd: [Int]
    /// Parent position of the unit at position `i`, or -1 for a root.
    public let parentPosition: [Int]

    /// Builds the tree of `day` from every unit and placement in the register.
    public init(units allUnits: [PartyUnit], placements: [UnitPlacement], on day: Day) {
        self.day = day
        let existing = allUnits.filter { $0.exists(on: day) }
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var parentOf: [PartyUnit.ID: PartyUnit.ID] = [:]
        for placement in placements where placement.holds(on: day) && byCode[placement.unit] != nil {
            if let parent = placement.parent, byCode[parent] != nil { parentOf[placement.unit] = parent }
        }
        var children: [PartyUnit.ID: [PartyUnit.ID]] = [:]
        var roots: [PartyUnit.ID] = []
        for unit in existing {
            if let parent = parentOf[unit.code] { children[parent, default: []].append(unit.code) } else { roots.append(unit.code) }
        }
        var ordered: [PartyUnit] = []
        var parents: [Int] = []
        ordered.reserveCapacity(existing.count)
        // Depth-first with an explicit stack: a subtree is walked whole before its next sibling.
        var stack: [(code: PartyUnit.ID, parent: Int)] = roots.sorted(by: >).map { ($0, -1) }
        while let (code, parent) = stack.popLast() {
            let index = ordered.count
            ordered.append(byCode[code]!)
            parents.append(parent)
            for child in (children[code] ?? []).sorted(by: >) { stack.append((child, index)) }
        }
        var sizes = Array(repeating: 1, count: ordered.count)
        for index in ordered.indices.reversed() where parents[index] >= 0 { sizes[parents[index]] += sizes[index] }
        let ends = ordered.indices.map { $0 + sizes[$0] }
        units = ordered
        subtreeEnd = ends
        parentPosition = parents
        position = Dictionary(ordered.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The positions of the unit's subtree (itself included), or `nil` if it does not exist that day.
    public func subtree(of code: PartyUnit.ID) -> Range<Int>? {
        guard let start = position[code] else { return nil }
        return start..<subtreeEnd[start]
    }

    /// The unit's direct children, in pre-order.
    public func children(of code: PartyUnit.ID) -> [PartyUnit] {
        guard let start = position[code] else { return [] }
        var result: [PartyUnit] = []
        var index = start + 1
        while index < subtreeEnd[start] {
            result.append(units[index])
            index = subtreeEnd[index]
        }
        return result
    }

    /// The unit with this code on this day, or `nil`.
    public func unit(_ code: PartyUnit.ID) -> PartyUnit? { position[code].map { units[$0] } }

    /// The chain from the root down to the unit (for breadcrumbs), the unit last.
    public func ancestry(of code: PartyUnit.ID) -> [PartyUnit] {
        guard var index = position[code] else { return [] }
        var chain: [PartyUnit] = [units[index]]
        while parentPosition[index] >= 0 {
            index = parentPosition[index]
            chain.append(units[index])
        }
        return chain.reversed()
    }

    /// Whether `code` is `ancestor` or under it on this day.
    public func isWithin(_ code: PartyUnit.ID, _ ancestor: PartyUnit.ID) -> Bool {
        guard let range = subtree(of: ancestor), let at = position[code] else { return false }
        return range.contains(at)
    }
}
