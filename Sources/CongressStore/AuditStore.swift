import CongressCore

/// The hash-chained audit log (one aggregate): appended to by every important write, in that
/// write's own transaction, and read for the log page, the minutes and `congress audit verify`.
public protocol AuditStore: Sendable {
    /// Appends one entry after the last one; returns it with its place and hash.
    @discardableResult
    func appendAudit(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry
    /// A page of entries matching the query, newest first unless the query says otherwise.
    func auditEntries(_ query: AuditQuery) async throws(StoreError) -> Page<AuditEntry>
    /// How many entries the log holds and the hash of the last: what minutes print and
    /// `congress audit verify --expect` checks, so that a cut tail is seen.
    func auditHead() async throws(StoreError) -> AuditHead
    /// Every entry in sequence order, for verification.
    func auditLog() async throws(StoreError) -> [AuditEntry]
}
