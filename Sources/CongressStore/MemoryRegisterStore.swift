import CongressCore

/// The register in memory: for tests, and the reference the SQLite store is held to.
public actor MemoryRegisterStore: RegisterStore {
    private var units: [PartyUnit.ID: PartyUnit] = [:]
    private var unitOrder: [PartyUnit.ID] = []
    private var placements: [UnitPlacement] = []
    private var unitEventList: [UnitEvent] = []
    private var records: [Person.ID: PersonRecord] = [:]
    private var cached: RegisterSnapshot?
    /// Where audited writes append their entry (after the write: memory has no transactions).
    private let audit: MemoryAccessStore?

    public init(audit: MemoryAccessStore? = nil) {
        self.audit = audit
    }

    public func addOrganisation(_ batch: OrganisationRecords, audit draft: AuditDraft?) async throws(StoreError) {
        try addRecords(batch)
        try await append(draft)
    }

    public func applyUnitChanges(_ changes: UnitImport.Changes, audit draft: AuditDraft?) async throws(StoreError) {
        try applyChanges(changes)
        try await append(draft)
    }

    private func append(_ draft: AuditDraft?) async throws(StoreError) {
        guard let draft else { return }
        guard let audit else { throw RegisterAuditing.missing }
        _ = await audit.appendAudit(draft)
    }

    private func addRecords(_ batch: OrganisationRecords) throws(StoreError) {
        var added = Set<PartyUnit.ID>()
        for unit in batch.units {
            if units[unit.code] != nil || !added.insert(unit.code).inserted { throw .duplicateUnit(unit.code) }
        }
        let known = { (code: PartyUnit.ID) in self.units[code] != nil || added.contains(code) }
        for placement in batch.placements {
            if !known(placement.unit) { throw .danglingReference(placement.unit) }
            if let parent = placement.parent, !known(parent) { throw .danglingReference(parent) }
        }
        for event in batch.events {
            if !known(event.unit) { throw .danglingReference(event.unit) }
            if let other = event.other, !known(other) { throw .danglingReference(other) }
        }
        for unit in batch.units {
            units[unit.code] = unit
            unitOrder.append(unit.code)
        }
        placements += batch.placements
        unitEventList += batch.events
        cached = nil
    }

    public func organisation() -> OrganisationRecords {
        OrganisationRecords(units: unitOrder.compactMap { units[$0] }, placements: placements, events: unitEventList.sorted { $0.day < $1.day })
    }

    private func applyChanges(_ changes: UnitImport.Changes) throws(StoreError) {
        try addRecords(changes.added)
        for rename in changes.renamed { units[rename.code]?.name = rename.name }
        for ending in changes.ended {
            units[ending.code]?.validTo = ending.lastDay
            for index in placements.indices where placements[index].unit == ending.code {
                let placement = placements[index]
                if (placement.validTo.map { $0 > ending.lastDay } ?? true) && (placement.validFrom.map { $0 <= ending.lastDay } ?? true) {
                    placements[index].validTo = ending.lastDay
                }
            }
        }
        cached = nil
    }

    public func unit(_ code: PartyUnit.ID) -> PartyUnit? { units[code] }

    public func unitEvents(_ code: PartyUnit.ID) -> [UnitEvent] {
        unitEventList.filter { $0.unit == code || $0.other == code }.sorted { $0.day < $1.day }
    }

    public func importMembers(_ rows: [MemberImportRow], on day: Day) throws(StoreError) -> ImportSummary {
        let planned = ImportPlanner.plan(rows, on: day, unit: { self.units[$0] }, existing: { self.records[$0] })
        switch planned {
        case .failure(let errors): throw .importRejected(errors)
        case .success(let plan):
            for record in plan.inserts { records[record.person.memberID] = record }
            for (record, _) in plan.updates { records[record.person.memberID] = record }
            if !plan.inserts.isEmpty || !plan.updates.isEmpty { cached = nil }
            return plan.summary
        }
    }

    public func importMembers(streaming next: @escaping @Sendable () -> ImportBatch, on day: Day,
                              audit draft: (@Sendable (ImportSummary) -> AuditDraft)?) async throws(StoreError) -> ImportSummary {
        var rows: [MemberImportRow] = []
        while true {
            switch next() {
            case .rows(let batch): rows += batch
            case .finished:
                let summary = try importMembers(rows, on: day)
                try await append(draft?(summary))
                return summary
            case .abandoned: throw .importAbandoned
            }
        }
    }

    public func recordMembershipEvent(_ event: MembershipEvent, for memberID: Person.ID) throws(StoreError) {
        guard var record = records[memberID] else { throw .unknownMember(memberID) }
        try MembershipEventCheck.validate(event, record: record, unit: { self.units[$0] })
        var person = record.person
        if event.kind == .madeOfficial { person.officialOn = event.day }
        let others = event.kind == .madeOfficial ? record.otherEvents : record.otherEvents + [event]
        record = PersonRecord(person: person, admittedUnit: record.admittedUnit, otherEvents: others)
        records[memberID] = record
        cached = nil
    }

    public func personRecord(_ memberID: Person.ID) -> PersonRecord? { records[memberID] }

    public func snapshot() -> RegisterSnapshot {
        if let cached { return cached }
        var builder = RegisterSnapshot.Builder(units: unitOrder.map { units[$0]! }, placements: placements, expectedPersons: records.count)
        for memberID in records.keys.sorted() {
            let record = records[memberID]!
            builder.add(record.person, spans: record.spans)
        }
        let snapshot = builder.build()
        cached = snapshot
        return snapshot
    }

    public func summary() -> RegisterSummary {
        var byKind: [UnitKind: Int] = [:]
        for unit in units.values { byKind[unit.kind, default: 0] += 1 }
        return RegisterSummary(unitsByKind: byKind, persons: records.count,
                               spans: records.values.reduce(0) { $0 + $1.spans.count },
                               events: records.values.reduce(0) { $0 + $1.events.count })
    }
}
