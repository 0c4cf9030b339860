import CongressCore
import CongressStore
import Logging
import PostgresNIO

/// The audit log's append, inside the caller's transaction. An advisory lock held until the
/// transaction ends makes appends from every server take their turn, so the chain never forks.
enum PostgresAudit {
    static let appendLock: Int64 = 0x436F_6E67_0002

    static let columns = "SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, unit FROM audit_entry"

    @discardableResult
    static func append(_ draft: AuditDraft, at time: String, _ chain: AuditChain, _ connection: PostgresConnection,
                       _ logger: Logger) async throws -> AuditEntry {
        try await connection.run("SELECT pg_advisory_xact_lock(\(appendLock))", logger)
        let last = try await connection.rows(PostgresQuery(unsafeSQL: columns + " ORDER BY sequence DESC LIMIT 1"), logger)
            .first.map(entry)
        let entry = chain.entry(after: last, draft, at: time)
        try await connection.run("""
            INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash, unit)
            VALUES (\(Int64(entry.sequence)), \(entry.at), \(entry.actor), \(entry.action.rawValue), \(entry.subject), \(entry.detail),
                    \(entry.previousHash), \(entry.hash), \(entry.unit))
            """, logger)
        return entry
    }

    /// Reads an entry as stored; an action the program does not know reads as a changed entry.
    static func entry(_ row: PostgresRow) throws -> AuditEntry {
        let (sequence, at, actor, action, subject, detail, previous, hash, unit) =
            try row.decode((Int64, String, String, String, String, String, String, String, PartyUnit.ID?).self)
        return AuditEntry(sequence: Int(sequence), at: at, actor: actor, action: AuditAction(rawValue: action) ?? .signedIn,
                          subject: subject, detail: detail, unit: unit, previousHash: previous, hash: hash)
    }
}
