import CongressCore

/// The organising staff's personnel work (R-P-5: confidential, read only through routes that
/// require the personnel capability): dated planning revisions (R-P-7), the dossiers' recorded
/// conditions with their evidence (R-P-4), and each unit's personnel scheme with its five-step
/// introductions (R-P-3). Each write is one transaction with its audit entry.
public protocol PersonnelStore: Sendable {
    /// Every planning revision of `unit` for `term`, oldest first.
    func planningRevisions(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> [PlanningRevision]
    /// Adds a revision (revisions are never changed or removed: the history stays).
    func revisePlanning(_ revision: PlanningRevision, audit: AuditDraft) async throws(StoreError)
    /// The dossiers kept for `unit`, by member ID then post.
    func dossiers(of unit: PartyUnit.ID) async throws(StoreError) -> [DossierRecord]
    /// Records (or replaces) the dossier of one person for one post.
    func recordDossier(_ dossier: DossierRecord, unit: PartyUnit.ID, audit: AuditDraft) async throws(StoreError)
    /// The scheme of `unit` for `term`, if one was made.
    func scheme(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> StoredScheme?
    /// The scheme one of whose introduction ballots `round` counts.
    func scheme(countingRound round: Round.ID) async throws(StoreError) -> StoredScheme?
    /// Writes the scheme: `version` nil creates it (refused with `.schemeChanged` when one
    /// exists), otherwise it must be the version read. Returns the new version.
    @discardableResult
    func saveScheme(_ record: SchemeRecord, version: Int?, audit: AuditDraft) async throws(StoreError) -> Int
    /// A number that changes with every personnel write, for caches of what is computed from it.
    func personnelVersion() async throws(StoreError) -> Int
}

/// A scheme as stored, with the version that guards concurrent edits.
public struct StoredScheme: Sendable, Equatable {
    public var version: Int
    public var record: SchemeRecord

    public init(version: Int, record: SchemeRecord) {
        self.version = version
        self.record = record
    }
}
