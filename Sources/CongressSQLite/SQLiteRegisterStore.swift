import CongressCore
import CongressStore
import Foundation
import GRDB

/// The register in an SQLite file (WAL mode, one pool per file for the process). Writes are
/// single transactions; reads of members and statistics come from a snapshot rebuilt when the
/// register's version changes (also after another process's writes).
public final class SQLiteRegisterStore: RegisterStore, Sendable {
    let pool: DatabasePool
    public let path: String
    private let snapshots: SnapshotCache
    /// The audit log's chain and clock, for the writes that append their entry in their transaction.
    let auditing: RegisterAuditing?

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, auditing: RegisterAuditing? = nil) throws(StoreError) {
        self.path = path
        self.auditing = auditing
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // secure_delete: deleted rows (a certified round's raw entries) are overwritten, not left in free pages.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY; PRAGMA secure_delete = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let migrator = Schema.migrator()
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                throw StoreError.database(message: "\(path) was made by a newer version of Congress", advice: "Use the newer program.")
            }
            try migrator.migrate(pool)
        } catch {
            throw Self.storeError(error, advice: "Check that \(path) is a Congress database and that its folder is writable.")
        }
        let pool = self.pool
        snapshots = SnapshotCache { () async throws(StoreError) in
            do {
                return try await pool.read { db in (try Self.version(db), try SnapshotLoader.load(db)) }
            } catch {
                throw Self.storeError(error, advice: "Try again; if it persists, check the database file.")
            }
        }
    }

    // MARK: Organisation

    public func addOrganisation(_ records: OrganisationRecords, audit: AuditDraft?) async throws(StoreError) {
        let append = try appender(audit)
        try await write { db in
            try OrganisationWriter.add(records, db)
            try append(db)
        }
    }

    public func organisation() async throws(StoreError) -> OrganisationRecords {
        try await read { db in try OrganisationReader.all(db) }
    }

    public func applyUnitChanges(_ changes: UnitImport.Changes, audit: AuditDraft?) async throws(StoreError) {
        let append = try appender(audit)
        try await write { db in
            try OrganisationWriter.apply(changes, db)
            try append(db)
        }
    }

    /// Appends `draft` to the audit log in the caller's transaction; nothing when there is none.
    private func appender(_ draft: AuditDraft?) throws(StoreError) -> @Sendable (Database) throws -> Void {
        guard let draft else { return { _ in } }
        guard let auditing else { throw RegisterAuditing.missing }
        let time = auditing.clock()
        return { db in _ = try SQLiteAccessStore.append(draft, at: time, auditing.chain, db) }
    }

    public func unit(_ code: PartyUnit.ID) async throws(StoreError) -> PartyUnit? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT code, name, kind, valid_from, valid_to FROM unit WHERE code = ?", arguments: [code])
                .map(OrganisationReader.unit)
        }
    }

    public func unitEvents(_ code: PartyUnit.ID) async throws(StoreError) -> [UnitEvent] {
        try await read { db in try OrganisationReader.events(naming: code, db) }
    }

    // MARK: Members

    public func importMembers(_ rows: [MemberImportRow], on day: Day) async throws(StoreError) -> ImportSummary {
        try await write { db in try MemberWriter.importRows(rows, on: day, db) }
    }

    public func importMembers(streaming next: @escaping @Sendable () -> ImportBatch, on day: Day,
                              audit: (@Sendable (ImportSummary) -> AuditDraft)?) async throws(StoreError) -> ImportSummary {
        if audit != nil, auditing == nil { throw RegisterAuditing.missing }
        let auditing = auditing
        return try await write { db in
            let summary = try MemberWriter.importStream(next, on: day, db)
            if let audit, let auditing { _ = try SQLiteAccessStore.append(audit(summary), at: auditing.clock(), auditing.chain, db) }
            return summary
        }
    }

    /// One event changes one person: the kept snapshot is patched at once (no reload), so the
    /// change is in the next read and no read waits.
    public func recordMembershipEvent(_ event: MembershipEvent, for memberID: Person.ID) async throws(StoreError) {
        _ = try await snapshots.patching({ () async throws(StoreError) in
            try await write(patching: true) { db in (try MemberWriter.record(event, for: memberID, db), try Self.version(db) + 1) }
        }, patch: { updated, kept in kept.replacing(person: memberID, with: updated) })
    }

    public func personRecord(_ memberID: Person.ID) async throws(StoreError) -> PersonRecord? {
        try await read { db in try MemberReader.record(memberID, db) }
    }

    public func people(_ memberIDs: [Person.ID]) async throws(StoreError) -> [Person] {
        let ids = String(decoding: (try? JSONEncoder().encode(memberIDs.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
        return try await read { db in
            let statement = try RawStatement(cached: db, "SELECT \(MemberReader.personColumns) FROM person p WHERE p.member_id IN (SELECT value FROM json_each(?))")
            statement.bind(1, ids)
            var found: [Person] = []
            found.reserveCapacity(memberIDs.count)
            try statement.forEachRow(db) { row in found.append(MemberReader.person(row)) }
            return found
        }
    }

    public func disciplineEvents(of memberIDs: [Person.ID]) async throws(StoreError) -> [Person.ID: [MembershipEvent]] {
        let ids = String(decoding: (try? JSONEncoder().encode(memberIDs.map(\.rawValue))) ?? Data("[]".utf8), as: UTF8.self)
        return try await read { db in
            var found: [Person.ID: [MembershipEvent]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT p.member_id, e.day, e.until, e.detail FROM membership_event e JOIN person p ON p.id = e.person_id
                WHERE e.kind = 'disciplined' AND p.member_id IN (SELECT value FROM json_each(?)) ORDER BY e.day, e.id
                """, arguments: [ids]) {
                guard let day = Day(iso: row[1] as String) else { continue }
                let until = (row[2] as String?).flatMap { Day(iso: $0) }
                found[Person.ID(row[0] as String), default: []].append(MembershipEvent(kind: .disciplined, day: day, until: until, detail: row[3]))
            }
            return found
        }
    }

    /// The snapshot of the register's current version (see `SnapshotCache`: a read never waits
    /// for another process's write).
    public func snapshot() async throws(StoreError) -> RegisterSnapshot {
        let version = try await read { db in try Self.version(db) }
        return try await snapshots.snapshot(current: version)
    }

    public func summary() async throws(StoreError) -> RegisterSummary {
        try await read { db in
            var byKind: [UnitKind: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM unit GROUP BY kind") {
                if let kind = UnitKind(rawValue: row[0]) { byKind[kind] = row[1] }
            }
            return RegisterSummary(
                unitsByKind: byKind,
                persons: try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0,
                spans: try Int.fetchOne(db, sql: "SELECT count(*) FROM membership_span") ?? 0,
                events: try Int.fetchOne(db, sql: "SELECT count(*) FROM membership_event") ?? 0)
        }
    }

    /// Writes the WAL into the main file and closes the connections (before moving the file).
    public func close() throws(StoreError) {
        do {
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try pool.close()
        } catch {
            throw Self.storeError(error, advice: "The database may still be in use by another program.")
        }
    }

    // MARK: Plumbing

    static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM register_version") ?? 0
    }

    static func bumpVersion(_ db: Database) throws {
        try db.execute(sql: "UPDATE register_version SET version = version + 1")
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.read(body) } catch { throw Self.storeError(error, advice: "Try again; if it persists, check the database file.") }
    }

    /// One write transaction that bumps the register's version; `patching` writes tell the
    /// snapshot cache themselves (`patched`), every other write marks it for a reload.
    private func write<T: Sendable>(patching: Bool = false, _ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do {
            let result = try await pool.write { db in
                let result = try body(db)
                try Self.bumpVersion(db)
                return result
            }
            if !patching { snapshots.wrote() }
            return result
        } catch {
            throw Self.storeError(error, advice: "Nothing was written. Check the input, or that the disk has room.")
        }
    }

    static func storeError(_ error: any Error, advice: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let databaseError = error as? DatabaseError {
            return .database(message: databaseError.message ?? "\(databaseError.resultCode)", advice: advice)
        }
        return .database(message: String(describing: error), advice: advice)
    }
}
