import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation

/// An opened `--database` with the stores the commands and the server use: a path opens an
/// SQLite file, a `postgres://` URL a PostgreSQL database. The same commands run on either.
public struct OpenedDatabase: Sendable {
    public let register: any RegisterStore
    public let access: any AccessStore
    public let counting: any CountingStore
    /// Planning, dossiers and personnel schemes (R-P-5).
    public let personnel: any PersonnelStore
    /// The compositions of past terms (formats.md §5).
    public let bodies: any BodiesStore
    /// The file's store (backup, migrate, close), when the database is SQLite.
    public let sqlite: SQLiteRegisterStore?
    /// The database, when it is PostgreSQL.
    public let postgres: PostgresDatabase?
    /// What the audit log names as the database: the file's name or the URL without its password.
    public let name: String

    public init(sqlite store: SQLiteRegisterStore) {
        register = store
        access = AccessSetup.accessStore(for: store)
        counting = AccessSetup.countingStore(for: store)
        personnel = SQLitePersonnelStore(register: store, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        bodies = SQLiteBodiesStore(register: store, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        sqlite = store
        postgres = nil
        name = (store.path as NSString).lastPathComponent
    }

    public init(postgres database: PostgresDatabase) {
        register = PostgresRegisterStore(database: database, auditing: AccessSetup.auditing)
        access = PostgresAccessStore(database: database, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        counting = PostgresCountingStore(database: database, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        personnel = PostgresPersonnelStore(database: database, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        bodies = PostgresBodiesStore(database: database, chain: AccessSetup.chain, clock: AccessSetup.auditTime)
        sqlite = nil
        postgres = database
        name = database.location.description
    }

    /// Ends the connections (PostgreSQL) or folds the WAL into the file (SQLite).
    public func close() {
        postgres?.close()
    }
}

/// What `--database` names: an SQLite file, or a PostgreSQL URL.
public enum DatabaseLocation {
    /// Opens a database that must already exist (every command but `init` and `demo`).
    public static func existing(_ database: String, language: Language) async throws -> OpenedDatabase {
        if PostgresLocation.isURL(database) { return try await postgres(database, creating: false, language: language) }
        guard FileManager.default.fileExists(atPath: database) else {
            throw JobFailure([Catalogue.text("database.missing", language, database)])
        }
        return OpenedDatabase(sqlite: try SQLiteRegisterStore(path: database, auditing: AccessSetup.auditing))
    }

    /// Opens the database, making it when it does not exist (`init`, `demo`).
    public static func creating(_ database: String, language: Language) async throws -> OpenedDatabase {
        if PostgresLocation.isURL(database) { return try await postgres(database, creating: true, language: language) }
        return OpenedDatabase(sqlite: try SQLiteRegisterStore(path: database, auditing: AccessSetup.auditing))
    }

    /// Connects to a PostgreSQL database; `creating`: makes it first on its server when missing.
    static func postgres(_ url: String, creating: Bool, language: Language) async throws -> OpenedDatabase {
        guard let location = PostgresLocation(url) else { throw JobFailure([Catalogue.text("database.badURL", language, url)]) }
        if creating, location.database != "postgres" {
            try await PostgresDatabase.createDatabase(named: location.database, on: location.with(database: "postgres"))
        }
        return OpenedDatabase(postgres: try await PostgresDatabase(url: url))
    }
}
