import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// One PostgreSQL database shared by every store of a process (and by other processes: several
/// application servers may serve the same database). Owns the connection pool, runs it, brings
/// the schema up to date once, and gives the stores their transactions.
public final class PostgresDatabase: Sendable {
    /// Where the database is: `postgres://user:password@host:port/database`.
    public let location: PostgresLocation
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Connects to the database at `url` and migrates its schema (`PostgresSchema`).
    /// `migrate`: false leaves the schema as it is (`congress migrate` migrates and reports).
    public init(url: String, maximumConnections: Int = 24, migrate: Bool = true) async throws(StoreError) {
        guard let location = PostgresLocation(url) else {
            throw .database(message: "\(url) is not a PostgreSQL URL", advice: "Write postgres://user:password@host:port/database.")
        }
        self.location = location
        try await Self.probe(location)
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.user,
                                                         password: location.password, database: location.database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        let client = PostgresClient(configuration: configuration)
        self.client = client
        var logger = Logger(label: "congress.postgres")
        logger.logLevel = .critical
        self.logger = logger
        runner = Task { await client.run() }
        guard migrate else { return }
        do {
            try await PostgresSchema.migrate(self)
        } catch {
            runner.cancel()
            throw error
        }
    }

    /// Brings the schema up to date: the versions held before and after.
    public func migrate() async throws(StoreError) -> (before: [Int], after: [Int]) {
        try await PostgresSchema.migrate(self)
    }

    deinit { runner.cancel() }

    /// Stops the pool (the process is ending, or a test is done with its database).
    public func close() { runner.cancel() }

    // MARK: Transactions

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    /// `readOnlySnapshot`: a read-only transaction that sees one state of the database throughout.
    func transaction<T: Sendable>(readOnlySnapshot: Bool = false,
                                  _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in
                try await connection.query(readOnlySnapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        } catch {
            throw Self.storeError(error, advice: "Nothing was written. Check the input, or that the database server is running.")
        }
    }

    /// Runs `body` on one connection outside an explicit transaction (reads).
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { connection in try await body(connection) }
        } catch {
            throw Self.storeError(error, advice: "Try again; if it persists, check that the database server is running.")
        }
    }

    static func storeError(_ error: any Error, advice: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let transaction = error as? PostgresTransactionError, let inner = transaction.closureError {
            return storeError(inner, advice: advice)
        }
        if let psql = error as? PSQLError {
            if let message = psql.serverInfo?[.message] {
                return .database(message: message + (psql.serverInfo?[.detail].map { " (\($0))" } ?? ""), advice: advice)
            }
            return .database(message: "PostgreSQL: \(psql.code)", advice: advice)
        }
        return .database(message: String(describing: error), advice: advice)
    }
}

/// A parsed `postgres://` (or `postgresql://`) URL.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    public init?(_ text: String) {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
              let components = URLComponents(string: text), let host = components.host, !host.isEmpty else { return nil }
        self.host = host
        self.port = components.port ?? 5432
        self.user = components.user ?? "postgres"
        self.password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? self.user : path
    }

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool { text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") }

    /// The same server, another database (tests make one database each).
    public func with(database: String) -> PostgresLocation {
        var copy = self
        copy.database = database
        return copy
    }

    /// The URL without its password (for messages).
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The URL with its password (to connect).
    public var url: String {
        let credentials = password.map { "\(user):\($0)" } ?? user
        return "postgres://\(credentials)@\(host):\(port)/\(database)"
    }
}

// MARK: Rows

extension PostgresConnection {
    /// Every row of a query.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// Runs a statement; with `RETURNING 1`, the count is how many rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery, _ logger: Logger) async throws -> Int {
        try await self.query(query, logger: logger).collect().count
    }

    /// The first column of the first row, if any.
    func value<T: PostgresDecodable>(_ type: T.Type, _ query: PostgresQuery, _ logger: Logger) async throws -> T? {
        guard let row = try await rows(query, logger).first, let cell = row.first, cell.bytes != nil else { return nil }
        return try cell.decode(T.self)
    }
}

extension PostgresDatabase {
    /// One connection made and closed, so that a server that cannot be reached, a refused login or
    /// a missing database is said at once (the pool would keep retrying).
    static func probe(_ location: PostgresLocation) async throws(StoreError) {
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                            password: location.password, database: location.database, tls: .disable)
        var logger = Logger(label: "congress.postgres.probe")
        logger.logLevel = .critical
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 0, logger: logger)
            try await connection.close()
        } catch {
            let reason: String
            if let psql = error as? PSQLError, let message = psql.serverInfo?[.message] { reason = message } else {
                reason = (error as? PSQLError).map { "\($0.code)" } ?? String(describing: error)
            }
            throw .database(message: "\(location): \(reason)",
                            advice: "Check that the PostgreSQL server runs there, and the user, password and database in the URL.")
        }
    }

    /// Makes an empty database `name` on the server of `server` (whose own database is used to
    /// connect), unless it exists. Names are letters, digits and underscores only.
    public static func createDatabase(named name: String, on server: PostgresLocation) async throws(StoreError) {
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) })
        else { throw .database(message: "\(name) is not a database name", advice: "Use lower-case letters, digits and _.") }
        try await probe(server)
        let client = PostgresClient(configuration: PostgresClient.Configuration(
            host: server.host, port: server.port, username: server.user, password: server.password, database: server.database, tls: .disable))
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        do {
            let exists = try await client.query("SELECT 1 FROM pg_database WHERE datname = \(name)").collect()
            if exists.isEmpty { _ = try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name) TEMPLATE template0 ENCODING 'UTF8'")).collect() }
        } catch {
            throw storeError(error, advice: "Check that the server at \(server) runs and that its user may create databases.")
        }
    }
}
