import CongressCore
import CongressStore
import PostgresNIO

/// The PostgreSQL schema, as numbered versions of literal SQL. A version, once shipped, is never
/// edited: a change is a new version. Each runs in its own transaction under an advisory lock,
/// so two servers starting together migrate once.
enum PostgresSchema {
    struct Version {
        var number: Int
        var name: String
        var sql: [String]
    }

    static let versions: [Version] = [v1, v2, v3, v4, v5, v6]

    /// The advisory lock every migration holds.
    static let migrationLock: Int64 = 0x436F_6E67_0001

    /// Applies the versions the database lacks; returns the versions it held before and after.
    @discardableResult
    static func migrate(_ database: PostgresDatabase) async throws(StoreError) -> (before: [Int], after: [Int]) {
        let logger = database.logger
        return try await database.transaction { connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(migrationLock))", logger)
            try await connection.run("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    number integer PRIMARY KEY CHECK (number >= 1),
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, logger)
            let applied = Set(try await connection.rows("SELECT number FROM schema_version", logger).map { try $0.decode(Int.self) })
            let known = Set(versions.map(\.number))
            if let unknown = applied.subtracting(known).max() {
                throw StoreError.database(message: "\(database.location) was made by a newer version of Congress (schema \(unknown))",
                                          advice: "Use the newer program.")
            }
            for version in versions where !applied.contains(version.number) {
                for statement in version.sql { try await connection.run(PostgresQuery(unsafeSQL: statement), logger) }
                try await connection.run("INSERT INTO schema_version (number, name) VALUES (\(version.number), \(version.name))", logger)
            }
            return (applied.sorted(), applied.union(known).sorted())
        }
    }

    /// The version numbers a database holds (for `congress migrate`).
    static func applied(_ database: PostgresDatabase) async throws(StoreError) -> [Int] {
        try await database.read { connection in
            try await connection.rows("SELECT number FROM schema_version ORDER BY number", database.logger).map { try $0.decode(Int.self) }
        }
    }
}
