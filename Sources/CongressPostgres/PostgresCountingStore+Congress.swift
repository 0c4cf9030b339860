import CongressCore
import CongressStore
import Foundation
import PostgresNIO

/// Congresses: one JSON record each, replaced whole under a version check, with its typed
/// columns (`congress_header`) written in the same transaction.
extension PostgresCountingStore {
    public func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int64 {
        let json = try Self.encode(record)
        return try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(record.unit, connection, logger)
            guard let id = try await connection.value(Int64.self, """
                INSERT INTO congress (unit_id, record, version) VALUES (\(unitID), \(json)::jsonb, 1) RETURNING id
                """, logger) else { throw StoreError.unknownUnit(record.unit) }
            try await Self.writeHeader(id, record, connection, logger)
            return id
        }
    }

    public func congress(_ id: Int64) async throws(StoreError) -> StoredCongress? {
        try await congresses("SELECT id, version, record::text FROM congress WHERE id = \(id)").first
    }

    public func congresses(of unit: String) async throws(StoreError) -> [StoredCongress] {
        try await congresses("""
            SELECT c.id, c.version, c.record::text FROM congress c JOIN unit u ON u.id = c.unit_id WHERE u.code = \(unit) ORDER BY c.id DESC
            """)
    }

    public func allCongresses() async throws(StoreError) -> [StoredCongress] {
        try await congresses("SELECT id, version, record::text FROM congress ORDER BY id")
    }

    /// The congresses `query` selects, each record with its composition from its seat rows.
    private func congresses(_ query: PostgresQuery) async throws(StoreError) -> [StoredCongress] {
        try await database.read { [logger] connection in
            let found = try await connection.rows(query, logger).map { row in
                let (id, version, json) = try row.decode((Int64, Int, String).self)
                return StoredCongress(id: id, version: version, record: try JSONDecoder().decode(CongressRecord.self, from: Data(json.utf8)))
            }
            guard !found.isEmpty else { return [] }
            var seats: [Int64: [BodySeat]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, member_id, name, role, source FROM congress_seat WHERE congress_id = ANY(\(found.map(\.id)))
                ORDER BY congress_id, position
                """, logger) {
                let (congress, member, name, role, source) = try row.decode((Int64, String?, String, String, String).self)
                seats[congress, default: []].append(BodySeat(memberID: member, name: name, role: SeatRole(rawValue: role) ?? .committeeMember,
                                                             source: source))
            }
            var motions: [Int64: [Motion]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, subject, text, in_favour, against, abstaining FROM congress_motion
                WHERE congress_id = ANY(\(found.map(\.id))) ORDER BY congress_id, position
                """, logger) {
                let (congress, subject, text, inFavour, against, abstaining) = try row.decode((Int64, String, String, Int, Int, Int).self)
                motions[congress, default: []].append(Motion(subject: Motion.Subject(rawValue: subject) ?? .presidium, text: text,
                                                             inFavour: inFavour, against: against, abstaining: abstaining))
            }
            var boards: [Int64: [String]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, member_id FROM congress_board_member WHERE congress_id = ANY(\(found.map(\.id))) ORDER BY congress_id, position
                """, logger) {
                let (congress, member) = try row.decode((Int64, String).self)
                boards[congress, default: []].append(member)
            }
            var absent: [Int64: [NotConvened]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, member_id, full_name, reason FROM congress_not_convened WHERE congress_id = ANY(\(found.map(\.id)))
                ORDER BY congress_id, position
                """, logger) {
                let (congress, member, name, reason) = try row.decode((Int64, String, String, String).self)
                absent[congress, default: []].append(NotConvened(memberID: member, fullName: name,
                                                                 reason: NotConvened.Reason(rawValue: reason) ?? .retiredOrTransferredOut))
            }
            var designated: [Int64: [DesignatedLeader]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, name, role, member_id FROM congress_designated WHERE congress_id = ANY(\(found.map(\.id)))
                ORDER BY congress_id, position
                """, logger) {
                let (congress, name, role, member) = try row.decode((Int64, String, String, String?).self)
                designated[congress, default: []].append(DesignatedLeader(name: name, role: SeatRole(rawValue: role) ?? .secretary, memberID: member))
            }
            var pauses: [Int64: CongressPause] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, reason, since::text, direction FROM congress_pause WHERE congress_id = ANY(\(found.map(\.id)))
                """, logger) {
                let (congress, reason, since, direction) = try row.decode((Int64, String, String, String?).self)
                pauses[congress] = CongressPause(reason: reason, since: since, direction: direction)
            }
            return found.map { stored in
                var stored = stored
                stored.record.composition = seats[stored.id] ?? []
                stored.record.motions = motions[stored.id] ?? []
                stored.record.countingBoard = boards[stored.id] ?? []
                stored.record.notConvened = absent[stored.id] ?? []
                stored.record.designated = designated[stored.id] ?? []
                stored.record.pause = pauses[stored.id]
                return stored
            }
        }
    }

    public func congressSummaries() async throws(StoreError) -> [CongressSummary] {
        // The typed columns (schema version 3); the records are never decoded here.
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT c.id, u.code, h.name, h.opens_on::text, h.closes_on::text, h.submitted_on::text, h.paused
                FROM congress c JOIN unit u ON u.id = c.unit_id JOIN congress_header h ON h.congress_id = c.id ORDER BY c.id
                """, logger).map { row in
                let (id, unit, name, opens, closes, submitted, paused) =
                    try row.decode((Int64, String, String, String, String, String?, Bool).self)
                return CongressSummary(id: id, unit: unit, name: name, opensOn: opens, closesOn: closes, submittedOn: submitted,
                                       paused: paused)
            }
        }
    }

    public func roundStates() async throws(StoreError) -> [Int64: [RoundLifecycle.State]] {
        try await database.read { [logger] connection in
            var states: [Int64: [RoundLifecycle.State]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, state FROM counting_round WHERE congress_id IS NOT NULL ORDER BY id
                """, logger) {
                let (congress, state) = try row.decode((Int64, String).self)
                states[congress, default: []].append(RoundLifecycle.State(rawValue: state) ?? .draft)
            }
            return states
        }
    }

    public func updateCongress(_ id: Int64, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int {
        let json = try Self.encode(record)
        return try await audited(audit) { connection, logger in
            guard let stored = try await connection.value(Int.self, "SELECT version FROM congress WHERE id = \(id) FOR UPDATE", logger) else {
                throw StoreError.counting(.unknownCongress(id))
            }
            guard stored == version else { throw StoreError.counting(.congressChanged(id)) }
            try await connection.run("UPDATE congress SET record = \(json)::jsonb, version = \(version + 1) WHERE id = \(id)", logger)
            try await Self.writeHeader(id, record, connection, logger)
            return version + 1
        }
    }

    /// The congress's typed columns and its seats, written with its record in the same transaction.
    static func writeHeader(_ id: Int64, _ record: CongressRecord, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused)
            VALUES (\(id), \(record.name), \(record.term), \(record.kind.rawValue), \(record.opensOn)::date, \(record.closesOn)::date,
                    \(record.submittedOn)::date, \(record.isPaused))
            ON CONFLICT (congress_id) DO UPDATE SET name = EXCLUDED.name, term = EXCLUDED.term, kind = EXCLUDED.kind,
                opens_on = EXCLUDED.opens_on, closes_on = EXCLUDED.closes_on, submitted_on = EXCLUDED.submitted_on, paused = EXCLUDED.paused
            """, logger)
        try await connection.run("DELETE FROM congress_seat WHERE congress_id = \(id)", logger)
        for (position, seat) in record.composition.enumerated() {
            try await connection.run("""
                INSERT INTO congress_seat (congress_id, position, member_id, name, role, source)
                VALUES (\(id), \(position), \(seat.memberID), \(seat.name), \(seat.role.rawValue), \(seat.source))
                """, logger)
        }
        try await connection.run("DELETE FROM congress_motion WHERE congress_id = \(id)", logger)
        for (position, motion) in record.motions.enumerated() {
            try await connection.run("""
                INSERT INTO congress_motion (congress_id, position, subject, text, in_favour, against, abstaining)
                VALUES (\(id), \(position), \(motion.subject.rawValue), \(motion.text), \(motion.inFavour), \(motion.against), \(motion.abstaining))
                """, logger)
        }
        try await connection.run("DELETE FROM congress_board_member WHERE congress_id = \(id)", logger)
        for (position, member) in record.countingBoard.enumerated() {
            try await connection.run("""
                INSERT INTO congress_board_member (congress_id, position, member_id) VALUES (\(id), \(position), \(member))
                """, logger)
        }
        try await connection.run("DELETE FROM congress_not_convened WHERE congress_id = \(id)", logger)
        for (position, entry) in record.notConvened.enumerated() {
            try await connection.run("""
                INSERT INTO congress_not_convened (congress_id, position, member_id, full_name, reason)
                VALUES (\(id), \(position), \(entry.memberID), \(entry.fullName), \(entry.reason.rawValue))
                """, logger)
        }
        try await connection.run("DELETE FROM congress_designated WHERE congress_id = \(id)", logger)
        for (position, leader) in record.designated.enumerated() {
            try await connection.run("""
                INSERT INTO congress_designated (congress_id, position, name, role, member_id)
                VALUES (\(id), \(position), \(leader.name), \(leader.role.rawValue), \(leader.memberID))
                """, logger)
        }
        try await connection.run("DELETE FROM congress_pause WHERE congress_id = \(id)", logger)
        if let pause = record.pause {
            try await connection.run("""
                INSERT INTO congress_pause (congress_id, reason, since, direction) VALUES (\(id), \(pause.reason), \(pause.since)::date, \(pause.direction))
                """, logger)
        }
    }

    /// The record as stored (`CongressRecordJSON`: without the parts kept in tables).
    static func encode(_ record: CongressRecord) throws(StoreError) -> String {
        try CongressRecordJSON.encode(record)
    }
}
