import CongressCore

/// Decides what a members import does, the same way for every store: new persons, changed ones
/// (with the dated events that explain the change), and unchanged ones (R-O-3). Pure.
public enum ImportPlanner {
    public struct Plan: Sendable {
        public var inserts: [PersonRecord] = []
        /// Changed persons: the new record and the events added by this import.
        public var updates: [(record: PersonRecord, newEvents: [MembershipEvent])] = []
        public var unchanged = 0

        public var summary: ImportSummary { ImportSummary(added: inserts.count, updated: updates.count, unchanged: unchanged) }
    }

    /// - Parameters:
    ///   - unit: looks a unit up by code.
    ///   - existing: looks an existing person up by member ID.
    public static func plan(
        _ rows: [MemberImportRow], on day: Day,
        unit: (PartyUnit.ID) -> PartyUnit?, existing: (Person.ID) -> PersonRecord?
    ) -> Result<Plan, MemberFileErrors> {
        var errors: [MemberFileError] = []
        var unitChecked: [PartyUnit.ID: MemberFileProblem?] = [:]
        var plan = Plan()
        for row in rows {
            let problem: MemberFileProblem?
            if let known = unitChecked[row.unit] {
                problem = known
            } else {
                if let found = unit(row.unit) {
                    problem = found.exists(on: day) ? nil : .unitNotOpen(code: row.unit, day: day)
                } else {
                    problem = .unknownUnit(row.unit)
                }
                unitChecked[row.unit] = problem
            }
            if let problem {
                errors.append(MemberFileError(line: row.line, column: MembersCSV.Column.unit.rawValue, problem: problem))
                continue
            }
            guard let old = existing(row.person.memberID) else {
                plan.inserts.append(newRecord(row, on: day))
                continue
            }
            let newEvents = changes(from: old, to: row, on: day)
            if newEvents.isEmpty, old.person == row.person {
                plan.unchanged += 1
            } else {
                let record = PersonRecord(person: row.person, admittedUnit: old.admittedUnit, otherEvents: old.otherEvents + newEvents)
                plan.updates.append((record, newEvents))
            }
        }
        if !errors.isEmpty { return .failure(MemberFileErrors(errors: errors, total: errors.count)) }
        return .success(plan)
    }

    /// The record of a person new to the register: admitted in the unit on the day they joined,
    /// made official, and their standing on the import day if it is not normal activity.
    static func newRecord(_ row: MemberImportRow, on day: Day) -> PersonRecord {
        let standing = standingEvent(row.status).map { [MembershipEvent(kind: $0, day: max(day, row.person.joinedOn))] } ?? []
        return PersonRecord(person: row.person, admittedUnit: row.unit, otherEvents: standing)
    }

    /// Events that take an existing person to the row's unit and standing on `day`.
    static func changes(from old: PersonRecord, to row: MemberImportRow, on day: Day) -> [MembershipEvent] {
        guard let (unit, status) = MembershipHistory.status(of: old.person, spans: old.spans, on: day) else {
            return [MembershipEvent(kind: .admitted, day: day, unit: row.unit)] + (standingEvent(row.status).map { [MembershipEvent(kind: $0, day: day)] } ?? [])
        }
        var events: [MembershipEvent] = []
        if unit != row.unit { events.append(MembershipEvent(kind: .transferred, day: day, unit: row.unit)) }
        if standing(of: status) != standing(of: row.status) {
            events.append(MembershipEvent(kind: standingEvent(row.status) ?? .resumed, day: day))
        }
        return events
    }

    static func standing(of status: MemberStatus) -> Standing {
        switch status {
        case .official, .probationary: .active
        case .temporaryElsewhere: .temporaryElsewhere
        case .exempted: .exempted
        case .suspended: .suspended
        }
    }

    static func standingEvent(_ status: MemberStatus) -> MembershipEvent.Kind? {
        switch status {
        case .official, .probationary: nil
        case .temporaryElsewhere: .temporaryElsewhere
        case .exempted: .exempted
        case .suspended: .suspended
        }
    }
}
