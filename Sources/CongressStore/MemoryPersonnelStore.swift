import CongressCore

/// Personnel work in memory, for tests; the same contract as SQLite's and PostgreSQL's.
public actor MemoryPersonnelStore: PersonnelStore {
    private struct DossierKey: Hashable {
        var unit: PartyUnit.ID
        var memberID: Person.ID
        var post: PersonnelPost
    }

    private struct SchemeKey: Hashable {
        var unit: PartyUnit.ID
        var term: String
    }

    private var revisions: [PlanningRevision] = []
    private var dossierRecords: [DossierKey: DossierRecord] = [:]
    private var schemes: [SchemeKey: StoredScheme] = [:]
    private var version = 0
    private let access: any AuditStore
    private let units: @Sendable (PartyUnit.ID) async -> Bool

    /// Audit entries go to `access`; `units` says whether a unit code exists (writes naming
    /// another are refused as the databases' foreign keys refuse them).
    public init(access: any AuditStore, units: @escaping @Sendable (PartyUnit.ID) async -> Bool = { _ in true }) {
        self.access = access
        self.units = units
    }

    public func planningRevisions(of unit: PartyUnit.ID, term: String) -> [PlanningRevision] {
        // By day, then in the order recorded (the databases' row order).
        revisions.enumerated().filter { $0.element.unit == unit && $0.element.term == term }
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }

    public func revisePlanning(_ revision: PlanningRevision, audit: AuditDraft) async throws(StoreError) {
        try await requireUnit(revision.unit)
        revisions.append(revision)
        version += 1
        try await access.appendAudit(audit)
    }

    public func dossiers(of unit: PartyUnit.ID) -> [DossierRecord] {
        dossierRecords.filter { $0.key.unit == unit }.values.sorted { ($0.memberID, $0.post.rawValue) < ($1.memberID, $1.post.rawValue) }
    }

    public func recordDossier(_ dossier: DossierRecord, unit: PartyUnit.ID, audit: AuditDraft) async throws(StoreError) {
        try await requireUnit(unit)
        dossierRecords[DossierKey(unit: unit, memberID: dossier.memberID, post: dossier.post)] = dossier
        version += 1
        try await access.appendAudit(audit)
    }

    public func scheme(of unit: PartyUnit.ID, term: String) -> StoredScheme? {
        schemes[SchemeKey(unit: unit, term: term)]
    }

    public func scheme(countingRound round: Round.ID) -> StoredScheme? {
        schemes.values.first { $0.record.rounds.contains(round) }
    }

    public func saveScheme(_ record: SchemeRecord, version expected: Int?, audit: AuditDraft) async throws(StoreError) -> Int {
        try await requireUnit(record.scheme.unit)
        let key = SchemeKey(unit: record.scheme.unit, term: record.scheme.term)
        guard schemes[key]?.version == expected else { throw .schemeChanged }
        let next = (expected ?? 0) + 1
        schemes[key] = StoredScheme(version: next, record: record)
        version += 1
        try await access.appendAudit(audit)
        return next
    }

    public func personnelVersion() -> Int { version }

    private func requireUnit(_ unit: PartyUnit.ID) async throws(StoreError) {
        guard await units(unit) else { throw .unknownUnit(unit) }
    }
}
