import CongressCore
import CongressSQLite
import Foundation

/// What `--database` names: an SQLite file, or a PostgreSQL URL (not served by this build).
enum DatabaseLocation {
    /// Opens an SQLite database that must already exist (every command but `init` and `demo`).
    static func existing(_ database: String, language: Language) throws -> SQLiteRegisterStore {
        try refusePostgres(database, language: language)
        guard FileManager.default.fileExists(atPath: database) else {
            throw JobFailure([Catalogue.text("database.missing", language, database)])
        }
        return try SQLiteRegisterStore(path: database)
    }

    static func refusePostgres(_ database: String, language: Language) throws {
        if database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") {
            throw JobFailure([Catalogue.text("database.postgres", language, database)])
        }
    }
}
