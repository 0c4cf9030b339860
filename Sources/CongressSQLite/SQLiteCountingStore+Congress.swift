import CongressCore
import CongressStore
import Foundation
import GRDB

/// Congresses: one JSON record each, replaced whole under a version check, with its typed
/// columns (`congress_header`, v8) written in the same transaction.
extension SQLiteCountingStore {
    public func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int64 {
        let json = try Self.encode(record)
        let time = clock()
        return try await write { [chain] db in
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [record.unit]) else {
                throw StoreError.unknownUnit(record.unit)
            }
            try db.execute(sql: "INSERT INTO congress (unit_id, record, version) VALUES (?, ?, 1)", arguments: [unitID, json])
            let id = db.lastInsertedRowID
            try Self.writeHeader(id, record, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return id
        }
    }

    public func congress(_ id: Int64) async throws(StoreError) -> StoredCongress? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT id, version, record FROM congress WHERE id = ?", arguments: [id]).map { try Self.congress($0, db) }
        }
    }

    public func congresses(of unit: String) async throws(StoreError) -> [StoredCongress] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.version, c.record FROM congress c JOIN unit u ON u.id = c.unit_id WHERE u.code = ? ORDER BY c.id DESC
                """, arguments: [unit]).map { try Self.congress($0, db) }
        }
    }

    public func allCongresses() async throws(StoreError) -> [StoredCongress] {
        try await read { db in
            var seats: [Int64: [BodySeat]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT congress_id, member_id, name, role, source FROM congress_seat ORDER BY congress_id, position") {
                seats[row[0], default: []].append(Self.seat(row, from: 1))
            }
            return try Row.fetchAll(db, sql: "SELECT id, version, record FROM congress ORDER BY id").map { row in
                try Self.congress(row, seats: seats[row["id"]] ?? [])
            }
        }
    }

    public func congressSummaries() async throws(StoreError) -> [CongressSummary] {
        // The typed columns (v8); the records are never decoded here.
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, u.code, h.name, h.opens_on, h.closes_on, h.submitted_on, h.paused
                FROM congress c JOIN unit u ON u.id = c.unit_id JOIN congress_header h ON h.congress_id = c.id ORDER BY c.id
                """).map { row in
                CongressSummary(id: row[0], unit: row[1], name: row[2], opensOn: row[3], closesOn: row[4], submittedOn: row[5],
                                paused: (row[6] as Int?) == 1)
            }
        }
    }

    public func roundStates() async throws(StoreError) -> [Int64: [RoundLifecycle.State]] {
        try await read { db in
            var states: [Int64: [RoundLifecycle.State]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT congress_id, state FROM counting_round WHERE congress_id IS NOT NULL ORDER BY id") {
                states[row[0], default: []].append(RoundLifecycle.State(rawValue: row[1]) ?? .draft)
            }
            return states
        }
    }

    public func updateCongress(_ id: Int64, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int {
        let json = try Self.encode(record)
        let time = clock()
        return try await write { [chain] db in
            guard let stored = try Int.fetchOne(db, sql: "SELECT version FROM congress WHERE id = ?", arguments: [id]) else {
                throw StoreError.counting(.unknownCongress(id))
            }
            guard stored == version else { throw StoreError.counting(.congressChanged(id)) }
            try db.execute(sql: "UPDATE congress SET record = ?, version = ? WHERE id = ?", arguments: [json, version + 1, id])
            try Self.writeHeader(id, record, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return version + 1
        }
    }

    /// The congress's typed columns and its seats, written with its record in the same transaction.
    static func writeHeader(_ id: Int64, _ record: CongressRecord, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (congress_id) DO UPDATE SET name = excluded.name, term = excluded.term, kind = excluded.kind,
                opens_on = excluded.opens_on, closes_on = excluded.closes_on, submitted_on = excluded.submitted_on, paused = excluded.paused
            """, arguments: [id, record.name, record.term, record.kind.rawValue, record.opensOn, record.closesOn, record.submittedOn,
                             record.isPaused ? 1 : 0])
        try db.execute(sql: "DELETE FROM congress_seat WHERE congress_id = ?", arguments: [id])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO congress_seat (congress_id, position, member_id, name, role, source) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, seat) in record.composition.enumerated() {
            try insert.execute(arguments: [id, position, seat.memberID, seat.name, seat.role.rawValue, seat.source])
        }
    }

    /// A stored congress: its record with the composition from its seat rows.
    private static func congress(_ row: Row, _ db: Database) throws -> StoredCongress {
        let seats = try Row.fetchAll(db.cachedStatement(sql: "SELECT member_id, name, role, source FROM congress_seat WHERE congress_id = ? ORDER BY position"),
                                     arguments: [row["id"] as Int64]).map { Self.seat($0, from: 0) }
        return try congress(row, seats: seats)
    }

    private static func congress(_ row: Row, seats: [BodySeat]) throws -> StoredCongress {
        var record = try JSONDecoder().decode(CongressRecord.self, from: Data((row["record"] as String).utf8))
        record.composition = seats
        return StoredCongress(id: row["id"], version: row["version"], record: record)
    }

    private static func seat(_ row: Row, from column: Int) -> BodySeat {
        BodySeat(memberID: row[column], name: row[column + 1], role: SeatRole(rawValue: row[column + 2]) ?? .committeeMember,
                 source: row[column + 3])
    }

    /// The record as stored: its composition lives in `congress_seat`, not in the JSON.
    static func encode(_ record: CongressRecord) throws(StoreError) -> String {
        var stored = record
        stored.composition = []
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(stored), as: UTF8.self)
        } catch {
            throw StoreError.database(message: "the congress record could not be encoded: \(error)", advice: "Report this.")
        }
    }
}
