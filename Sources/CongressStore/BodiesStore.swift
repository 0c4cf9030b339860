import CongressCore

/// The compositions of elected and appointed bodies brought in from past terms (docs/formats.md
/// §5); a certified congress result's composition is read from its congress, not copied here.
public protocol BodiesStore: Sendable {
    /// Adds the rows in one transaction with its audit entry; a row already stored (same person,
    /// unit, term and body) is left as it is, so re-importing a file changes nothing. Returns how
    /// many were added. A member or unit the register does not hold is refused (nothing written).
    func importBodies(_ rows: [BodyMembership], audit: @escaping @Sendable (Int) -> AuditDraft) async throws(StoreError) -> Int
    /// The stored rows of one body and term.
    func bodies(role: BodyMembership.Role, term: String) async throws(StoreError) -> [BodyMembership]
    /// How many rows one body and term has.
    func count(role: BodyMembership.Role, term: String) async throws(StoreError) -> Int
    /// Changes whenever rows are added: the sequence of the last import's audit entry, written in
    /// the import's transaction (0 before any). Rows are never changed or removed, so an
    /// unchanged marker means unchanged rows on every server (`BodySeatCache`); one indexed read.
    func changeMarker() async throws(StoreError) -> Int
}

/// Bodies in memory, for tests.
public actor MemoryBodiesStore: BodiesStore {
    private var rows: [String: BodyMembership] = [:]
    private var imports = 0
    private let access: any AuditStore
    private let known: @Sendable (BodyMembership) async -> Bool

    public init(access: any AuditStore, known: @escaping @Sendable (BodyMembership) async -> Bool = { _ in true }) {
        self.access = access
        self.known = known
    }

    public func importBodies(_ rows: [BodyMembership], audit: @escaping @Sendable (Int) -> AuditDraft) async throws(StoreError) -> Int {
        for row in rows where await !known(row) { throw .unknownMember(row.memberID) }
        var added = 0
        for row in rows where self.rows[row.key] == nil {
            self.rows[row.key] = row
            added += 1
        }
        try await access.appendAudit(audit(added))
        imports += 1
        return added
    }

    public func changeMarker() -> Int { imports }

    public func count(role: BodyMembership.Role, term: String) -> Int {
        rows.values.count { $0.role == role && $0.term == term }
    }

    public func bodies(role: BodyMembership.Role, term: String) -> [BodyMembership] {
        rows.values.filter { $0.role == role && $0.term == term }.sorted { $0.key < $1.key }
    }
}
