import GRDB
import GRDBSQLite
import CongressCore

/// A prepared statement driven through SQLite's C interface, for the bulk paths (millions of
/// rows) where building `StatementArguments` per row would dominate. Used only inside GRDB's
/// database access closures, on GRDB's connection.
struct RawStatement {
    let statement: Statement
    var handle: OpaquePointer { statement.sqliteStatement }

    init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// A statement compiled once per connection and reused (for look-ups made row by row).
    init(cached db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ index: Int32, _ text: String?) {
        guard let text else { sqlite3_bind_null(handle, index); return }
        var copy = text
        copy.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                  Int32(buffer.count), Self.transient)
        }
    }

    /// Binds bytes that stay valid until the statement has run (no copy is made).
    func bindStatic(_ index: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) {
        _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self), Int32(count), nil)
    }

    func bind(_ index: Int32, _ day: Day?) {
        guard let day else { sqlite3_bind_null(handle, index); return }
        day.withISOBytes { bytes in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), 10, Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else { sqlite3_bind_null(handle, index); return }
        sqlite3_bind_int64(handle, index, value)
    }

    /// Runs a write statement once with the bound values, then resets it.
    func run(_ db: Database) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }

    /// Steps a read statement, calling `body` for each row.
    func forEachRow(_ db: Database, _ body: (OpaquePointer) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(handle)
        }
    }

    static func text(_ row: OpaquePointer, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(row, column) else { return nil }
        return String(cString: pointer)
    }

    static func int(_ row: OpaquePointer, _ column: Int32) -> Int64 { sqlite3_column_int64(row, column) }
}
