/// The decision of `congress import units` (R-O-1, R-O-4): the rows of a units file, taken in
/// order against the organisation the register holds, become the units to add and the renames and
/// endings of units already there, or every problem with its line. Nothing is written here; a
/// store applies the changes in one transaction.
public enum UnitImport {
    /// What to write. An import that changes nothing has every list empty.
    public struct Changes: Sendable, Equatable {
        /// New units with their placements, and every new event (also those of existing units).
        public var added = OrganisationRecords()
        public var renamed: [Rename] = []
        public var ended: [Ending] = []
        /// Rows that the register already held exactly.
        public var unchanged = 0

        public var isEmpty: Bool { added.units.isEmpty && added.events.isEmpty && renamed.isEmpty && ended.isEmpty }
        public init() {}
    }

    public struct Rename: Sendable, Equatable {
        public var code: PartyUnit.ID
        public var name: String
        public init(code: PartyUnit.ID, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// The unit's last day and that of its placements still open then.
    public struct Ending: Sendable, Equatable {
        public var code: PartyUnit.ID
        public var lastDay: Day
        public init(code: PartyUnit.ID, lastDay: Day) {
            self.code = code
            self.lastDay = lastDay
        }
    }

    /// The parents a unit of this kind may have (R-O-1).
    public static func allowedParents(of kind: UnitKind) -> Set<UnitKind> {
        switch kind {
        case .cell: return [.grassrootsCommittee]
        case .grassrootsCommittee, .grassrootsCell: return [.communeCommittee, .aboveGrassroots, .underCentral]
        case .aboveGrassroots: return [.underCentral, .aboveGrassroots]
        case .communeCommittee: return [.underCentral]
        case .underCentral: return [.central]
        case .central: return []
        }
    }

    /// - Parameters:
    ///   - existing: the register's units and placements.
    ///   - members: how many members a unit holds on a day (a unit that still has members cannot end).
    public static func plan(_ rows: [UnitFileRow], existing: OrganisationRecords,
                            members: (PartyUnit.ID, Day) -> Int) -> Result<Changes, UnitFileErrors> {
        var state = Working(existing)
        var changes = Changes()
        var errors: [UnitFileError] = []
        for row in rows {
            switch state.apply(row, members: members, into: &changes) {
            case nil: break
            case let (column, problem)?: errors.append(UnitFileError(line: row.line, column: column, problem: problem))
            }
        }
        return errors.isEmpty ? .success(changes) : .failure(UnitFileErrors(errors))
    }

    /// The organisation as the rows so far leave it.
    struct Working {
        var units: [PartyUnit.ID: PartyUnit] = [:]
        var placements: [PartyUnit.ID: [UnitPlacement]] = [:]
        var children: [PartyUnit.ID: Set<PartyUnit.ID>] = [:]
        var added = Set<PartyUnit.ID>()
        /// The names a unit had before its renames.
        var formerNames: [PartyUnit.ID: Set<String>] = [:]

        init(_ records: OrganisationRecords) {
            for unit in records.units { units[unit.code] = unit }
            for event in records.events where event.kind == .renamed {
                if let old = event.oldName { formerNames[event.unit, default: []].insert(old) }
            }
            for placement in records.placements { place(placement) }
        }

        mutating func place(_ placement: UnitPlacement) {
            placements[placement.unit, default: []].append(placement)
            if let parent = placement.parent { children[parent, default: []].insert(placement.unit) }
        }

        func exists(_ code: PartyUnit.ID, on day: Day) -> Bool { units[code]?.exists(on: day) ?? false }

        func parent(of code: PartyUnit.ID, on day: Day) -> PartyUnit.ID? {
            placements[code]?.first { $0.holds(on: day) }?.parent
        }

        /// Applies one row; the column and problem when it cannot be taken.
        mutating func apply(_ row: UnitFileRow, members: (PartyUnit.ID, Day) -> Int, into changes: inout Changes) -> (String, UnitFileProblem)? {
            if let stored = units[row.code] {
                return change(stored, row, members: members, into: &changes)
            }
            if row.event == .renamed { return ("code", .unknownUnit(row.code)) }
            let lastDayByEvent = row.event.ends ? row.on.adding(days: -1) : nil
            let validFrom: Day? = row.validFrom ?? (row.event.ends ? nil : row.on)
            let validTo = row.validTo ?? lastDayByEvent
            if let validFrom, let validTo, validTo < validFrom { return ("on", .endsBeforeItStarts(code: row.code, lastDay: validTo)) }
            let firstDay = validFrom ?? validTo ?? row.on
            guard let parent = units[row.parent], parent.exists(on: firstDay) else {
                return ("parent_code", .unknownParent(code: row.parent, day: firstDay))
            }
            guard UnitImport.allowedParents(of: row.kind).contains(parent.kind) else {
                return ("parent_code", .parentKind(child: row.kind, parent: parent.kind))
            }
            var event: UnitEvent
            switch row.event {
            case .created: event = UnitEvent(kind: .created, day: row.on, unit: row.code)
            case .dissolved: event = UnitEvent(kind: .dissolved, day: row.on, unit: row.code)
            case .renamed: return ("code", .unknownUnit(row.code))
            case .mergedInto(let other):
                guard exists(other, on: row.on) else { return ("event", .unknownOther(code: other, day: row.on)) }
                event = UnitEvent(kind: .mergedInto, day: row.on, unit: row.code, other: other)
            case .splitFrom(let other):
                let before = row.on.adding(days: -1)
                guard exists(other, on: before) else { return ("event", .unknownOther(code: other, day: before)) }
                event = UnitEvent(kind: .partInto, day: row.on, unit: other, other: row.code)
            }
            let unit = PartyUnit(code: row.code, name: row.name, kind: row.kind, validFrom: validFrom, validTo: validTo)
            let placement = UnitPlacement(unit: row.code, parent: row.parent, validFrom: validFrom, validTo: validTo)
            units[row.code] = unit
            place(placement)
            added.insert(row.code)
            changes.added.units.append(unit)
            changes.added.placements.append(placement)
            changes.added.events.append(event)
            return nil
        }

        /// A row naming a unit the register (or an earlier row) holds.
        mutating func change(_ stored: PartyUnit, _ row: UnitFileRow, members: (PartyUnit.ID, Day) -> Int, into changes: inout Changes) -> (String, UnitFileProblem)? {
            guard stored.kind == row.kind else { return ("kind", .kindChanged(code: row.code, stored: stored.kind)) }
            guard UnitsFile.importableKinds.contains(stored.kind) else { return ("code", .notChangeable(code: row.code, kind: stored.kind)) }
            switch row.event {
            case .created, .splitFrom:
                let firstDay = stored.validFrom ?? row.on
                // A unit renamed since keeps the name it was created with among its former names.
                let same = (stored.name == row.name || formerNames[row.code]?.contains(row.name) == true) && stored.validFrom == (row.validFrom ?? row.on)
                    && (row.validTo == nil || row.validTo == stored.validTo) && parent(of: row.code, on: firstDay) == row.parent
                if same { changes.unchanged += 1; return nil }
                return ("code", .conflictsWithStored(code: row.code))
            case .renamed:
                if stored.name == row.name { changes.unchanged += 1; return nil }
                guard stored.exists(on: row.on) else { return ("on", .unknownOther(code: row.code, day: row.on)) }
                units[row.code]?.name = row.name
                formerNames[row.code, default: []].insert(stored.name)
                changes.added.events.append(UnitEvent(kind: .renamed, day: row.on, unit: row.code, oldName: stored.name))
                if let index = changes.added.units.firstIndex(where: { $0.code == row.code }) {
                    changes.added.units[index].name = row.name
                } else if let index = changes.renamed.firstIndex(where: { $0.code == row.code }) {
                    changes.renamed[index].name = row.name
                } else {
                    changes.renamed.append(Rename(code: row.code, name: row.name))
                }
                return nil
            case .dissolved, .mergedInto:
                let lastDay = row.on.adding(days: -1)
                if stored.validTo == lastDay { changes.unchanged += 1; return nil }
                if let validTo = stored.validTo { return ("on", .alreadyEnded(code: row.code, lastDay: validTo)) }
                if let validFrom = stored.validFrom, lastDay < validFrom { return ("on", .endsBeforeItStarts(code: row.code, lastDay: lastDay)) }
                var event = UnitEvent(kind: .dissolved, day: row.on, unit: row.code)
                if case .mergedInto(let other) = row.event {
                    guard exists(other, on: row.on) else { return ("event", .unknownOther(code: other, day: row.on)) }
                    event = UnitEvent(kind: .mergedInto, day: row.on, unit: row.code, other: other)
                }
                if let child = (children[row.code] ?? []).sorted().first(where: { exists($0, on: row.on) && parent(of: $0, on: row.on) == row.code }) {
                    return ("on", .childrenRemain(code: row.code, child: child))
                }
                let remaining = members(row.code, row.on)
                if remaining > 0 { return ("on", .membersRemain(code: row.code, members: remaining)) }
                end(row.code, lastDay: lastDay, into: &changes)
                changes.added.events.append(event)
                return nil
            }
        }

        mutating func end(_ code: PartyUnit.ID, lastDay: Day, into changes: inout Changes) {
            units[code]?.validTo = lastDay
            placements[code] = placements[code]?.map { placement in
                var placement = placement
                if placement.validTo.map({ $0 > lastDay }) ?? true { placement.validTo = lastDay }
                return placement
            }
            if let index = changes.added.units.firstIndex(where: { $0.code == code }) {
                changes.added.units[index].validTo = lastDay
                for index in changes.added.placements.indices where changes.added.placements[index].unit == code {
                    if changes.added.placements[index].validTo.map({ $0 > lastDay }) ?? true { changes.added.placements[index].validTo = lastDay }
                }
            } else {
                changes.ended.append(Ending(code: code, lastDay: lastDay))
            }
        }
    }
}
