import CongressCore
import GRDB
import GRDBSQLite

/// The text values of one multi-row INSERT gathered in one buffer, then bound without copies:
/// SQLite would otherwise allocate and copy every text value of every row.
struct TextArena: Sendable {
    private var bytes: [UInt8] = []
    /// (parameter index, offset, length); length -1 binds NULL.
    private var texts: [(Int32, Int, Int)] = []
    private var integers: [(Int32, Int64)] = []
    /// Parameters that take a person's row ID, given as an offset from the first person written.
    private var persons: [(Int32, Int)] = []

    init() {
        bytes.reserveCapacity(64 * 200)
        texts.reserveCapacity(64 * 12)
    }

    mutating func text(_ index: Int32, _ value: String?) {
        guard let value else { texts.append((index, 0, -1)); return }
        let start = bytes.count
        bytes.append(contentsOf: value.utf8)
        texts.append((index, start, bytes.count - start))
    }

    mutating func day(_ index: Int32, _ value: Day?) {
        guard let value else { texts.append((index, 0, -1)); return }
        let start = bytes.count
        value.withISOBytes { bytes.append(contentsOf: $0) }
        texts.append((index, start, 10))
    }

    mutating func integer(_ index: Int32, _ value: Int64) { integers.append((index, value)) }

    mutating func person(_ index: Int32, offset: Int) { persons.append((index, offset)) }

    /// Binds everything to `statement` and runs it; the buffer lives until the step is done.
    mutating func run(_ statement: RawStatement, _ db: GRDB.Database, firstPerson: Int64 = 0) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            for (index, offset, length) in texts {
                if length < 0 { sqlite3_bind_null(statement.handle, index) } else { statement.bindStatic(index, base + offset, length) }
            }
            for (index, value) in integers { statement.bind(index, value) }
            for (index, offset) in persons { statement.bind(index, firstPerson + Int64(offset)) }
            try statement.run(db)
        }
        bytes.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
        integers.removeAll(keepingCapacity: true)
        persons.removeAll(keepingCapacity: true)
    }
}
