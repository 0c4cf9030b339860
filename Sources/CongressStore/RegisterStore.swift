import CongressCore

/// The register of the organisation and its members. Every method is one business transaction:
/// it happens whole or not at all. Reads of members and statistics go through a snapshot.
public protocol RegisterStore: Sendable {
    /// Adds units, their dated placements and events (R-O-4). Refuses a code already present.
    /// `audit`, when given, is appended in the same transaction (the store must keep an audit log).
    func addOrganisation(_ records: OrganisationRecords, audit: AuditDraft?) async throws(StoreError)
    /// Every unit, placement and event, whether or not still in force (the input of `UnitImport.plan`).
    func organisation() async throws(StoreError) -> OrganisationRecords
    /// Applies a units file's decision (`UnitImport.plan`) in one transaction, with `audit`.
    func applyUnitChanges(_ changes: UnitImport.Changes, audit: AuditDraft?) async throws(StoreError)
    /// The unit with this code, whether or not it still exists.
    func unit(_ code: PartyUnit.ID) async throws(StoreError) -> PartyUnit?
    /// The dated changes (merges, renames, …) that name the unit, oldest first.
    func unitEvents(_ code: PartyUnit.ID) async throws(StoreError) -> [UnitEvent]
    /// Imports checked rows of a members file as of `day`, all or nothing (formats.md §4).
    /// Re-importing the same rows changes nothing.
    func importMembers(_ rows: [MemberImportRow], on day: Day) async throws(StoreError) -> ImportSummary
    /// Imports rows handed over in batches by `next`, which may block until the next batch is
    /// read: one transaction, all or nothing. `.abandoned` (the file turned out bad) writes nothing.
    /// `audit` makes the import's audit entry from its summary, appended in the same transaction.
    func importMembers(streaming next: @escaping @Sendable () -> ImportBatch, on day: Day,
                       audit: (@Sendable (ImportSummary) -> AuditDraft)?) async throws(StoreError) -> ImportSummary
    /// Records a dated membership event (transfer, suspension, …) for one member (R-O-3).
    func recordMembershipEvent(_ event: MembershipEvent, for memberID: Person.ID) async throws(StoreError)
    /// A person with their membership history.
    func personRecord(_ memberID: Person.ID) async throws(StoreError) -> PersonRecord?
    /// The `disciplined` events of the members named (R-P-4: a dossier's discipline is read from
    /// the register), by member ID; members with none are left out.
    func disciplineEvents(of memberIDs: [Person.ID]) async throws(StoreError) -> [Person.ID: [MembershipEvent]]
    /// The persons named, read together (the structure report's holders); an ID the register
    /// does not hold is left out.
    func people(_ memberIDs: [Person.ID]) async throws(StoreError) -> [Person]
    /// The current read snapshot (rebuilt after each change).
    func snapshot() async throws(StoreError) -> RegisterSnapshot
    /// What the register holds.
    func summary() async throws(StoreError) -> RegisterSummary
}

extension RegisterStore {
    /// One at a time: for stores in memory, where a read costs nothing.
    public func people(_ memberIDs: [Person.ID]) async throws(StoreError) -> [Person] {
        var found: [Person] = []
        for id in memberIDs { if let record = try await personRecord(id) { found.append(record.person) } }
        return found
    }

    /// Adds units with no audit entry (tests, and the demo, which audits its build as a whole).
    public func addOrganisation(_ records: OrganisationRecords) async throws(StoreError) {
        try await addOrganisation(records, audit: nil)
    }

    public func applyUnitChanges(_ changes: UnitImport.Changes) async throws(StoreError) {
        try await applyUnitChanges(changes, audit: nil)
    }

    public func importMembers(streaming next: @escaping @Sendable () -> ImportBatch, on day: Day) async throws(StoreError) -> ImportSummary {
        try await importMembers(streaming: next, on: day, audit: nil)
    }
}

/// How a register store on a database appends the audit entries of its writes: the chain of
/// the database's log and the clock that stamps them.
public struct RegisterAuditing: Sendable {
    public let chain: AuditChain
    public let clock: @Sendable () -> String

    public init(chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.chain = chain
        self.clock = clock
    }

    /// The store was opened without an audit log, and a write asked for an entry.
    public static let missing = StoreError.database(message: "this register store was opened without its audit log",
                                                     advice: "Report this: the command must open the database with its audit log.")
}

/// One step of a streamed import.
public enum ImportBatch: Sendable {
    case rows([MemberImportRow])
    case finished
    /// The source found problems: nothing of this import may be kept.
    case abandoned
}

/// A person, their events and the spans derived from them.
public struct PersonRecord: Sendable, Equatable {
    public var person: Person
    public var events: [MembershipEvent]
    public var spans: [MembershipSpan]

    public init(person: Person, events: [MembershipEvent], spans: [MembershipSpan]) {
        self.person = person
        self.events = events
        self.spans = spans
    }

    /// The record as it stood at the end of `day`: later events and spans left out, a span
    /// that went on past it shown as lasting.
    public func asOf(_ day: Day) -> PersonRecord {
        PersonRecord(person: person, events: events.filter { $0.day <= day },
                     spans: spans.filter { $0.from <= day }.map { span in
                         var span = span
                         if let to = span.to, to > day { span.to = nil }
                         return span
                     })
    }
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// Totals for `congress demo` and the home page.
public struct RegisterSummary: Sendable, Equatable {
    public var unitsByKind: [UnitKind: Int]
    public var persons: Int
    public var spans: Int
    public var events: Int

    public init(unitsByKind: [UnitKind: Int], persons: Int, spans: Int, events: Int) {
        self.unitsByKind = unitsByKind
        self.persons = persons
        self.spans = spans
        self.events = events
    }
}

extension RegisterStore {
    /// One record at a time (the memory store; the databases answer in one query).
    public func disciplineEvents(of memberIDs: [Person.ID]) async throws(StoreError) -> [Person.ID: [MembershipEvent]] {
        var found: [Person.ID: [MembershipEvent]] = [:]
        for id in Set(memberIDs) {
            let events = try await personRecord(id)?.events.filter { $0.kind == .disciplined } ?? []
            if !events.isEmpty { found[id] = events }
        }
        return found
    }

    /// A page of members (see `MemberQuery`); `StoreError.unknownUnit` if the unit does not exist that day.
    public func members(_ query: MemberQuery) async throws(StoreError) -> Page<MemberRow> {
        guard let page = try await snapshot().members(query) else { throw .unknownUnit(query.unit) }
        return page
    }

    /// Structure counts of a subtree on a day (R-O-3: per person).
    public func structure(of unit: PartyUnit.ID, on day: Day) async throws(StoreError) -> StructureCounts {
        guard let counts = try await snapshot().structure(of: unit, on: day) else { throw .unknownUnit(unit) }
        return counts
    }

    /// Members of a subtree on a day.
    public func memberCount(of unit: PartyUnit.ID, on day: Day) async throws(StoreError) -> Int {
        guard let count = try await snapshot().memberCount(of: unit, on: day) else { throw .unknownUnit(unit) }
        return count
    }

    /// The tree on a day.
    public func tree(on day: Day) async throws(StoreError) -> OrganisationTree {
        try await snapshot().tree(on: day)
    }
}

extension PersonRecord {
    /// The canonical record: admitted in `admittedUnit` on the day they joined, made official on
    /// their official day (if any), then the other events in date order; spans derived (R-O-3).
    /// Every store returns records in this form, so they compare equal.
    public init(person: Person, admittedUnit: PartyUnit.ID, otherEvents: [MembershipEvent]) {
        var events = [MembershipEvent(kind: .admitted, day: person.joinedOn, unit: admittedUnit)]
        if let official = person.officialOn { events.append(MembershipEvent(kind: .madeOfficial, day: official)) }
        events += otherEvents.sorted { $0.day < $1.day }
        self.init(person: person, events: events, spans: MembershipHistory.spans(events))
    }

    /// The units this record and `event` name: all a store needs to check and write the event.
    public func unitCodes(with event: MembershipEvent) -> Set<PartyUnit.ID> {
        Set((events + [event]).compactMap(\.unit) + spans.map(\.unit))
    }

    /// The unit the person was first admitted in.
    public var admittedUnit: PartyUnit.ID { events.first { $0.kind == .admitted }?.unit ?? "" }

    /// The events other than the first admission and the official day, as stores keep them.
    public var otherEvents: [MembershipEvent] {
        var skippedAdmission = false
        return events.filter { event in
            if event.kind == .madeOfficial { return false }
            if event.kind == .admitted, !skippedAdmission { skippedAdmission = true; return false }
            return true
        }
    }
}
