import CongressCore
import CongressStore
import Foundation
import PostgresNIO

/// Congresses as rows (versions 3 and 4): the header with the congress's facts, and a table for
/// each of its lists (the roll and attendance, seats, motions, the counting board, those not
/// convened, the designated leaders, the pause), replaced under a version check in one
/// transaction, each list in one statement.
extension PostgresCountingStore {
    public func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> CongressRecord.ID {
        try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(record.unit, connection, logger)
            guard let id = try await connection.value(CongressRecord.ID.self, """
                INSERT INTO congress (unit_id, version) VALUES (\(unitID), 1) RETURNING id
                """, logger) else { throw StoreError.unknownUnit(record.unit) }
            try await Self.writeRows(id, record, connection, logger)
            return id
        }
    }

    public func congress(_ id: CongressRecord.ID) async throws(StoreError) -> StoredCongress? {
        try await congresses(where: "c.id = \(id)").first
    }

    public func congresses(of unit: PartyUnit.ID) async throws(StoreError) -> [StoredCongress] {
        try await congresses(where: "u.code = \(unit)", newestFirst: true)
    }

    public func allCongresses() async throws(StoreError) -> [StoredCongress] {
        try await congresses(where: "true")
    }

    /// The congresses `condition` selects, each built from its header and its tables.
    private func congresses(where condition: PostgresQuery, newestFirst: Bool = false) async throws(StoreError) -> [StoredCongress] {
        var query: PostgresQuery = """
            SELECT c.id, c.version, u.code, h.name, h.term, h.kind, h.opens_on::text, h.closes_on::text, h.submitted_on::text, h.rulebook_id
            FROM congress c JOIN unit u ON u.id = c.unit_id JOIN congress_header h ON h.congress_id = c.id WHERE
            """
        query.sql += " " + condition.sql + (newestFirst ? " ORDER BY c.id DESC" : " ORDER BY c.id")
        query.binds = condition.binds
        return try await database.read { [logger] connection in
            let found = try await connection.rows(query, logger).map { row in
                let (id, version, unit, name, term, kind, opens, closes, submitted, rulebook) =
                    try row.decode((CongressRecord.ID, Int, PartyUnit.ID, String, String, String, String, String, String?, String).self)
                var record = CongressRecord(unit: unit, name: name, term: term, kind: CongressKind(rawValue: kind) ?? .members,
                                            opensOn: opens, closesOn: closes)
                record.submittedOn = submitted
                record.rulebookID = rulebook
                return StoredCongress(id: id, version: version, record: record)
            }
            guard !found.isEmpty else { return [] }
            return try await Self.fillLists(found, connection, logger)
        }
    }

    /// The congresses' lists, read from their tables, one query per table for all of them.
    private static func fillLists(_ found: [StoredCongress], _ connection: PostgresConnection, _ logger: Logger) async throws -> [StoredCongress] {
        let ids = found.map(\.id)
        let rolls = try await readRolls(ids, connection, logger)
        var seats: [CongressRecord.ID: [BodySeat]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, member_id, name, role, source FROM congress_seat WHERE congress_id = ANY(\(ids))
            ORDER BY congress_id, position
            """, logger) {
            let (congress, member, name, role, source) = try row.decode((CongressRecord.ID, Person.ID?, String, String, String).self)
            seats[congress, default: []].append(BodySeat(memberID: member, name: name, role: SeatRole(rawValue: role) ?? .committeeMember,
                                                         source: source))
        }
        var motions: [CongressRecord.ID: [Motion]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, subject, text, in_favour, against, abstaining FROM congress_motion
            WHERE congress_id = ANY(\(ids)) ORDER BY congress_id, position
            """, logger) {
            let (congress, subject, text, inFavour, against, abstaining) = try row.decode((CongressRecord.ID, String, String, Int, Int, Int).self)
            motions[congress, default: []].append(Motion(subject: Motion.Subject(rawValue: subject) ?? .presidium, text: text,
                                                         inFavour: inFavour, against: against, abstaining: abstaining))
        }
        var boards: [CongressRecord.ID: [Person.ID]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, member_id FROM congress_board_member WHERE congress_id = ANY(\(ids)) ORDER BY congress_id, position
            """, logger) {
            let (congress, member) = try row.decode((CongressRecord.ID, Person.ID).self)
            boards[congress, default: []].append(member)
        }
        var absent: [CongressRecord.ID: [NotConvened]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, member_id, full_name, reason FROM congress_not_convened WHERE congress_id = ANY(\(ids))
            ORDER BY congress_id, position
            """, logger) {
            let (congress, member, name, reason) = try row.decode((CongressRecord.ID, Person.ID, String, String).self)
            absent[congress, default: []].append(NotConvened(memberID: member, fullName: name,
                                                             reason: NotConvened.Reason(rawValue: reason) ?? .retiredOrTransferredOut))
        }
        var designated: [CongressRecord.ID: [DesignatedLeader]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, name, role, member_id FROM congress_designated WHERE congress_id = ANY(\(ids))
            ORDER BY congress_id, position
            """, logger) {
            let (congress, name, role, member) = try row.decode((CongressRecord.ID, String, String, Person.ID?).self)
            designated[congress, default: []].append(DesignatedLeader(name: name, role: SeatRole(rawValue: role) ?? .secretary, memberID: member))
        }
        var pauses: [CongressRecord.ID: CongressPause] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, reason, since::text, direction FROM congress_pause WHERE congress_id = ANY(\(ids))
            """, logger) {
            let (congress, reason, since, direction) = try row.decode((CongressRecord.ID, String, String, String?).self)
            pauses[congress] = CongressPause(reason: reason, since: since, direction: direction)
        }
        return found.map { stored in
            var stored = stored
            CongressRollRow.fill(&stored.record, from: rolls[stored.id] ?? [])
            stored.record.composition = seats[stored.id] ?? []
            stored.record.motions = motions[stored.id] ?? []
            stored.record.countingBoard = boards[stored.id] ?? []
            stored.record.notConvened = absent[stored.id] ?? []
            stored.record.designated = designated[stored.id] ?? []
            stored.record.pause = pauses[stored.id]
            return stored
        }
    }

    public func compositions() async throws(StoreError) -> [CongressComposition] {
        // The header and the seats in one join; the rolls and other lists are never read.
        try await database.read { [logger] connection in
            var found: [CongressComposition] = []
            for row in try await connection.rows("""
                SELECT c.id, u.code, h.term, h.opens_on::text, s.member_id, s.name, s.role, s.source
                FROM congress_seat s JOIN congress c ON c.id = s.congress_id JOIN unit u ON u.id = c.unit_id
                JOIN congress_header h ON h.congress_id = c.id ORDER BY c.id, s.position
                """, logger) {
                let (id, unit, term, opens, member, name, role, source) =
                    try row.decode((CongressRecord.ID, PartyUnit.ID, String, String, Person.ID?, String, String, String).self)
                let seat = BodySeat(memberID: member, name: name, role: SeatRole(rawValue: role) ?? .committeeMember, source: source)
                if found.last?.id == id { found[found.count - 1].seats.append(seat) } else {
                    found.append(CongressComposition(id: id, unit: unit, term: term, opensOn: opens, seats: [seat]))
                }
            }
            return found
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
                    try row.decode((CongressRecord.ID, PartyUnit.ID, String, String, String, String?, Bool).self)
                return CongressSummary(id: id, unit: unit, name: name, opensOn: opens, closesOn: closes, submittedOn: submitted,
                                       paused: paused)
            }
        }
    }

    public func roundStates() async throws(StoreError) -> [CongressRecord.ID: [RoundLifecycle.State]] {
        try await database.read { [logger] connection in
            var states: [CongressRecord.ID: [RoundLifecycle.State]] = [:]
            for row in try await connection.rows("""
                SELECT congress_id, state FROM counting_round WHERE congress_id IS NOT NULL ORDER BY id
                """, logger) {
                let (congress, state) = try row.decode((CongressRecord.ID, String).self)
                states[congress, default: []].append(RoundLifecycle.State(rawValue: state) ?? .draft)
            }
            return states
        }
    }

    public func updateCongress(_ id: CongressRecord.ID, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int {
        try await audited(audit) { connection, logger in
            guard let stored = try await connection.value(Int.self, "SELECT version FROM congress WHERE id = \(id) FOR UPDATE", logger) else {
                throw StoreError.counting(.unknownCongress(id))
            }
            guard stored == version else { throw StoreError.counting(.congressChanged(id)) }
            try await connection.run("UPDATE congress SET version = \(version + 1) WHERE id = \(id)", logger)
            try await Self.writeRows(id, record, connection, logger)
            return version + 1
        }
    }

    /// The congress's header and lists, written in the caller's transaction: each list in one
    /// statement from a JSON array of its rows, the roll only where it changed.
    static func writeRows(_ id: CongressRecord.ID, _ record: CongressRecord, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused, rulebook_id)
            VALUES (\(id), \(record.name), \(record.term), \(record.kind.rawValue), \(record.opensOn)::date, \(record.closesOn)::date,
                    \(record.submittedOn)::date, \(record.isPaused), \(record.rulebookID))
            ON CONFLICT (congress_id) DO UPDATE SET name = EXCLUDED.name, term = EXCLUDED.term, kind = EXCLUDED.kind,
                opens_on = EXCLUDED.opens_on, closes_on = EXCLUDED.closes_on, submitted_on = EXCLUDED.submitted_on, paused = EXCLUDED.paused,
                rulebook_id = EXCLUDED.rulebook_id
            """, logger)
        try await writeRoll(id, record, connection, logger)
        try await replaceList("congress_seat", columns: "member_id, name, role, source",
                              values: "e.v->>'memberID', e.v->>'name', e.v->>'role', e.v->>'source'", record.composition, of: id, connection, logger)
        try await replaceList("congress_motion", columns: "subject, text, in_favour, against, abstaining",
                              values: "e.v->>'subject', e.v->>'text', (e.v->>'inFavour')::integer, (e.v->>'against')::integer, coalesce((e.v->>'abstaining')::integer, 0)",
                              record.motions, of: id, connection, logger)
        try await replaceList("congress_board_member", columns: "member_id", values: "e.v #>> '{}'", record.countingBoard, of: id, connection, logger)
        try await replaceList("congress_not_convened", columns: "member_id, full_name, reason",
                              values: "e.v->>'memberID', e.v->>'fullName', e.v->>'reason'", record.notConvened, of: id, connection, logger)
        try await replaceList("congress_designated", columns: "name, role, member_id",
                              values: "e.v->>'name', e.v->>'role', e.v->>'memberID'", record.designated, of: id, connection, logger)
        try await connection.run("DELETE FROM congress_pause WHERE congress_id = \(id)", logger)
        if let pause = record.pause {
            try await connection.run("""
                INSERT INTO congress_pause (congress_id, reason, since, direction) VALUES (\(id), \(pause.reason), \(pause.since)::date, \(pause.direction))
                """, logger)
        }
    }

    /// Replaces the congress's rows of `table` (a list kept in order) with one row per element of
    /// `list`: its position, then `values`, expressions over the element `e.v`. Two statements,
    /// whatever the list's length. `table`, `columns` and `values` are this file's literals.
    static func replaceList(_ table: String, columns: String, values: String, _ list: some Encodable, of id: CongressRecord.ID,
                            _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings(capacity: 2)
        binds.append(id)
        try await connection.run(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE congress_id = $1", binds: binds), logger)
        binds.append(try json(list))
        try await connection.run(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table) (congress_id, position, \(columns))
            SELECT $1, e.ordinality - 1, \(values) FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(v, ordinality)
            """, binds: binds), logger)
    }

    /// A list as the JSON array a bulk statement reads.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}
