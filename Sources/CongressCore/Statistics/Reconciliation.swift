/// The reported figures of lower units compared with what the register and the compositions give
/// for the same unit and day (docs/formats.md §9), and each reported subtree figure compared with
/// the sum of its parts' reported figures. Pure: the caller computes the product's figures.
public struct Reconciliation: Sendable, Equatable {
    /// One reported figure and the product's.
    public struct Line: Sendable, Equatable {
        public var reported: ReportedFigure
        /// The people the product counts, in the order given (ballot-name order).
        public var people: [Person.ID]
        public var product: Int { people.count }
        /// Reported minus the product's count.
        public var difference: Int { reported.value - people.count }
        public var agrees: Bool { difference == 0 }
    }

    /// A reported subtree figure against the reported figures of its parts: its children that day
    /// and the members placed directly in the unit (the product's count, not reported apart).
    public struct PartsCheck: Sendable, Equatable {
        public var reported: ReportedFigure
        /// The children that day.
        public var parts: [PartyUnit.ID]
        /// The children the file gives no figure for.
        public var missing: [PartyUnit.ID]
        /// The children's reported figures plus the unit's own members.
        public var sumOfParts: Int
        public var isComplete: Bool { missing.isEmpty }
        public var agrees: Bool { isComplete && sumOfParts == reported.value }
    }

    /// A unit on a day.
    public struct UnitDay: Sendable, Hashable {
        public var unit: PartyUnit.ID
        public var day: Day
        public init(unit: PartyUnit.ID, day: Day) {
            self.unit = unit
            self.day = day
        }
    }

    /// Every reported figure, in file order.
    public var lines: [Line]
    /// Every reported additive figure of a unit with children that day, in file order.
    public var parts: [PartsCheck]

    public var differences: [Line] { lines.filter { !$0.agrees } }
    /// Complete checks whose sum differs.
    public var partsDiffering: [PartsCheck] { parts.filter { $0.isComplete && !$0.agrees } }
    /// Checks that cannot be made: some part has no figure in the file.
    public var partsIncomplete: [PartsCheck] { parts.filter { !$0.isComplete } }
    /// No figure differs and no sum of parts that can be made differs.
    public var agrees: Bool { differences.isEmpty && partsDiffering.isEmpty }

    /// `product`: the people behind each reported figure; `children`: each reported unit's
    /// children on the day; `direct`: of an additive figure, the people counted in the unit itself
    /// rather than in one of its children.
    public init(reported: [ReportedFigure], product: [FigureKey: [Person.ID]], children: [UnitDay: [PartyUnit.ID]], direct: [FigureKey: Int]) {
        lines = reported.map { Line(reported: $0, people: product[$0.key] ?? []) }
        let byKey = Dictionary(reported.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        parts = reported.compactMap { figure in
            guard figure.figure.isAdditive, let parts = children[UnitDay(unit: figure.unit, day: figure.day)], !parts.isEmpty else { return nil }
            var sum = direct[figure.key] ?? 0
            var missing: [PartyUnit.ID] = []
            for part in parts {
                if let value = byKey[FigureKey(unit: part, day: figure.day, figure: figure.figure)] { sum += value } else { missing.append(part) }
            }
            return PartsCheck(reported: figure, parts: parts, missing: missing, sumOfParts: sum)
        }
    }
}
