import CongressStore
import Foundation
import GRDB

/// `congress migrate` and `congress backup` on an SQLite database.
public enum DatabaseMaintenance {
    public struct MigrationReport: Sendable, Equatable {
        /// Versions applied before and after, oldest first.
        public var before: [String]
        public var after: [String]
        /// The database holds versions this build does not know (a newer program made it).
        public var superseded: Bool
    }

    /// Brings the database's schema to this build's latest version, saying what it did.
    public static func migrate(path: String) throws(StoreError) -> MigrationReport {
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            let pool = try DatabasePool(path: path, configuration: configuration)
            defer { try? pool.close() }
            let migrator = Schema.migrator()
            let before = try pool.read { db in try migrator.appliedIdentifiers(db) }
            if try pool.read({ db in try migrator.hasBeenSuperseded(db) }) {
                return MigrationReport(before: ordered(before), after: ordered(before), superseded: true)
            }
            try migrator.migrate(pool)
            let after = try pool.read { db in try migrator.appliedIdentifiers(db) }
            return MigrationReport(before: ordered(before), after: ordered(after), superseded: false)
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was changed; check that \(path) is a Congress database.")
        }
    }

    /// Version identifiers in their order ("v1: …" to "v7: …").
    static func ordered(_ identifiers: some Collection<String>) -> [String] {
        identifiers.sorted { (Int($0.dropFirst().prefix { $0.isNumber }) ?? 0) < (Int($1.dropFirst().prefix { $0.isNumber }) ?? 0) }
    }

    /// The latest version this build knows.
    public static var latestVersion: String { Schema.migrator().migrations.last ?? "" }

    /// A consistent copy of a live database (`VACUUM INTO` reads one snapshot while writers go on),
    /// checked whole afterwards; the size of the copy in bytes.
    public static func backup(_ store: SQLiteRegisterStore, to destination: String) throws(StoreError) -> Int64 {
        do {
            try store.pool.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [destination]) }
            let copy = try DatabaseQueue(path: destination)
            defer { try? copy.close() }
            let check = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            guard check == ["ok"] else {
                throw StoreError.database(message: "integrity check: " + check.prefix(5).joined(separator: "; "), advice: "Keep the original; try again.")
            }
            let attributes = try? FileManager.default.attributesOfItem(atPath: destination)
            return (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "The original database is unchanged; check the destination folder.")
        }
    }
}
