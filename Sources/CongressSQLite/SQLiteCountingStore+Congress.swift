import CongressCore
import CongressStore
import Foundation
import GRDB

/// Congresses as rows (v8, v9): the header with the congress's facts, and a table for each of
/// its lists (the roll and attendance, seats, motions, the counting board, those not convened,
/// the designated leaders, the pause), replaced under a version check in one transaction.
extension SQLiteCountingStore {
    public func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> CongressRecord.ID {
        let time = clock()
        return try await write { [chain] db in
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [record.unit]) else {
                throw StoreError.unknownUnit(record.unit)
            }
            try db.execute(sql: "INSERT INTO congress (unit_id, version) VALUES (?, 1)", arguments: [unitID])
            let id = CongressRecord.ID(db.lastInsertedRowID)
            try Self.writeRows(id, record, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return id
        }
    }

    public func congress(_ id: CongressRecord.ID) async throws(StoreError) -> StoredCongress? {
        try await read { db in try Self.congresses(where: "c.id = ?", [id], db).first }
    }

    public func congresses(of unit: PartyUnit.ID) async throws(StoreError) -> [StoredCongress] {
        try await read { db in try Self.congresses(where: "u.code = ?", [unit], order: "c.id DESC", db) }
    }

    public func allCongresses() async throws(StoreError) -> [StoredCongress] {
        try await read { db in try Self.congresses(where: "1", [], db) }
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

    public func compositions() async throws(StoreError) -> [CongressComposition] {
        // The header and the seats in one join; the rolls and other lists are never read.
        try await read { db in
            var found: [CongressComposition] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT c.id, u.code, h.term, h.opens_on, s.member_id, s.name, s.role, s.source
                FROM congress_seat s JOIN congress c ON c.id = s.congress_id JOIN unit u ON u.id = c.unit_id
                JOIN congress_header h ON h.congress_id = c.id ORDER BY c.id, s.position
                """) {
                let id: CongressRecord.ID = row[0]
                let seat = BodySeat(memberID: row[4], name: row[5], role: SeatRole(rawValue: row[6]) ?? .committeeMember, source: row[7])
                if found.last?.id == id { found[found.count - 1].seats.append(seat) } else {
                    found.append(CongressComposition(id: id, unit: row[1], term: row[2], opensOn: row[3], seats: [seat]))
                }
            }
            return found
        }
    }

    public func roundStates() async throws(StoreError) -> [CongressRecord.ID: [RoundLifecycle.State]] {
        try await read { db in
            var states: [CongressRecord.ID: [RoundLifecycle.State]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT congress_id, state FROM counting_round WHERE congress_id IS NOT NULL ORDER BY id") {
                states[row[0], default: []].append(RoundLifecycle.State(rawValue: row[1]) ?? .draft)
            }
            return states
        }
    }

    public func updateCongress(_ id: CongressRecord.ID, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int {
        let time = clock()
        return try await write { [chain] db in
            guard let stored = try Int.fetchOne(db, sql: "SELECT version FROM congress WHERE id = ?", arguments: [id]) else {
                throw StoreError.counting(.unknownCongress(id))
            }
            guard stored == version else { throw StoreError.counting(.congressChanged(id)) }
            try db.execute(sql: "UPDATE congress SET version = ? WHERE id = ?", arguments: [version + 1, id])
            try Self.writeRows(id, record, db)
            try SQLiteAccessStore.append(audit, at: time, chain, db)
            return version + 1
        }
    }

    /// The congress's header and lists, written in the caller's transaction; the roll only where
    /// it changed.
    static func writeRows(_ id: CongressRecord.ID, _ record: CongressRecord, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused, rulebook_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (congress_id) DO UPDATE SET name = excluded.name, term = excluded.term, kind = excluded.kind,
                opens_on = excluded.opens_on, closes_on = excluded.closes_on, submitted_on = excluded.submitted_on, paused = excluded.paused,
                rulebook_id = excluded.rulebook_id
            """, arguments: [id, record.name, record.term, record.kind.rawValue, record.opensOn, record.closesOn, record.submittedOn,
                             record.isPaused ? 1 : 0, record.rulebookID])
        try writeRoll(id, record, db)
        try db.execute(sql: "DELETE FROM congress_seat WHERE congress_id = ?", arguments: [id])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO congress_seat (congress_id, position, member_id, name, role, source) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, seat) in record.composition.enumerated() {
            try insert.execute(arguments: [id, position, seat.memberID, seat.name, seat.role.rawValue, seat.source])
        }
        try db.execute(sql: "DELETE FROM congress_motion WHERE congress_id = ?", arguments: [id])
        let motion = try db.cachedStatement(sql: """
            INSERT INTO congress_motion (congress_id, position, subject, text, in_favour, against, abstaining) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, carried) in record.motions.enumerated() {
            try motion.execute(arguments: [id, position, carried.subject.rawValue, carried.text, carried.inFavour, carried.against, carried.abstaining])
        }
        try db.execute(sql: "DELETE FROM congress_board_member WHERE congress_id = ?", arguments: [id])
        let member = try db.cachedStatement(sql: "INSERT INTO congress_board_member (congress_id, position, member_id) VALUES (?, ?, ?)")
        for (position, memberID) in record.countingBoard.enumerated() { try member.execute(arguments: [id, position, memberID]) }
        try db.execute(sql: "DELETE FROM congress_not_convened WHERE congress_id = ?", arguments: [id])
        let absent = try db.cachedStatement(sql: """
            INSERT INTO congress_not_convened (congress_id, position, member_id, full_name, reason) VALUES (?, ?, ?, ?, ?)
            """)
        for (position, entry) in record.notConvened.enumerated() {
            try absent.execute(arguments: [id, position, entry.memberID, entry.fullName, entry.reason.rawValue])
        }
        try db.execute(sql: "DELETE FROM congress_designated WHERE congress_id = ?", arguments: [id])
        let leader = try db.cachedStatement(sql: "INSERT INTO congress_designated (congress_id, position, name, role, member_id) VALUES (?, ?, ?, ?, ?)")
        for (position, designated) in record.designated.enumerated() {
            try leader.execute(arguments: [id, position, designated.name, designated.role.rawValue, designated.memberID])
        }
        try db.execute(sql: "DELETE FROM congress_pause WHERE congress_id = ?", arguments: [id])
        if let pause = record.pause {
            try db.execute(sql: "INSERT INTO congress_pause (congress_id, reason, since, direction) VALUES (?, ?, ?, ?)",
                           arguments: [id, pause.reason, pause.since, pause.direction])
        }
    }

    /// The congresses `condition` selects, each built from its header and its tables.
    private static func congresses(where condition: String, _ arguments: StatementArguments, order: String = "c.id",
                                   _ db: Database) throws -> [StoredCongress] {
        try Row.fetchAll(db, sql: """
            SELECT c.id, c.version, u.code, h.name, h.term, h.kind, h.opens_on, h.closes_on, h.submitted_on, h.rulebook_id
            FROM congress c JOIN unit u ON u.id = c.unit_id JOIN congress_header h ON h.congress_id = c.id
            WHERE \(condition) ORDER BY \(order)
            """, arguments: arguments).map { row in
            var record = CongressRecord(unit: row[2], name: row[3], term: row[4], kind: CongressKind(rawValue: row[5]) ?? .members,
                                        opensOn: row[6], closesOn: row[7])
            record.submittedOn = row[8]
            record.rulebookID = row[9]
            let id: CongressRecord.ID = row[0]
            try fillLists(&record, id, db)
            return StoredCongress(id: id, version: row[1], record: record)
        }
    }

    /// The record's lists, read from their tables.
    private static func fillLists(_ record: inout CongressRecord, _ id: CongressRecord.ID, _ db: Database) throws {
        CongressRollRow.fill(&record, from: try readRoll(id, db))
        record.composition = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT member_id, name, role, source FROM congress_seat WHERE congress_id = ? ORDER BY position
            """), arguments: [id]).map { seat in
            BodySeat(memberID: seat[0], name: seat[1], role: SeatRole(rawValue: seat[2]) ?? .committeeMember, source: seat[3])
        }
        record.motions = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT subject, text, in_favour, against, abstaining FROM congress_motion WHERE congress_id = ? ORDER BY position
            """), arguments: [id]).map { motion in
            Motion(subject: Motion.Subject(rawValue: motion[0]) ?? .presidium, text: motion[1], inFavour: motion[2], against: motion[3],
                   abstaining: motion[4])
        }
        record.countingBoard = try Person.ID.fetchAll(db.cachedStatement(sql: """
            SELECT member_id FROM congress_board_member WHERE congress_id = ? ORDER BY position
            """), arguments: [id])
        record.notConvened = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT member_id, full_name, reason FROM congress_not_convened WHERE congress_id = ? ORDER BY position
            """), arguments: [id]).map { entry in
            NotConvened(memberID: entry[0], fullName: entry[1], reason: NotConvened.Reason(rawValue: entry[2]) ?? .retiredOrTransferredOut)
        }
        record.designated = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT name, role, member_id FROM congress_designated WHERE congress_id = ? ORDER BY position
            """), arguments: [id]).map { leader in
            DesignatedLeader(name: leader[0], role: SeatRole(rawValue: leader[1]) ?? .secretary, memberID: leader[2])
        }
        record.pause = try Row.fetchOne(db.cachedStatement(sql: "SELECT reason, since, direction FROM congress_pause WHERE congress_id = ?"),
                                        arguments: [id]).map { CongressPause(reason: $0[0], since: $0[1], direction: $0[2]) }
    }
}
