import CongressCore
import CongressStore
import GRDB

/// A congress's roll as rows (v9): read whole, written where it changed.
extension SQLiteCountingStore {
    static func readRoll(_ id: CongressRecord.ID, _ db: Database) throws -> [CongressRollRow] {
        var absences: [CongressRollRow.Key: [Int]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: """
            SELECT roll, member_id, session FROM congress_absence WHERE congress_id = ? ORDER BY session
            """), arguments: [id]) {
            guard let roll = CongressRollRow.Roll(rawValue: row[0]) else { continue }
            absences[CongressRollRow.Key(roll: roll, memberID: Person.ID(row[1] as String)), default: []].append(row[2])
        }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT roll, member_id, position, full_name, full, condition, delegate_kind, alternate_order, elected_by, absent_whole,
                   reason_accepted
            FROM congress_roll WHERE congress_id = ?
            """), arguments: [id]).compactMap { row in
            guard let roll = CongressRollRow.Roll(rawValue: row[0]) else { return nil }
            let memberID: Person.ID = row[1]
            return CongressRollRow(roll: roll, memberID: memberID, position: row[2], fullName: row[3], full: row[4], condition: row[5],
                                   delegateKind: row[6], alternateOrder: row[7], electedBy: row[8], absentWhole: row[9],
                                   reasonAccepted: row[10],
                                   absentSessions: absences[CongressRollRow.Key(roll: roll, memberID: memberID)] ?? [])
        }
    }

    /// Writes the rows of the roll that differ from the stored ones, in the caller's transaction.
    static func writeRoll(_ id: CongressRecord.ID, _ record: CongressRecord, _ db: Database) throws {
        let changes = CongressRollRow.changes(from: try readRoll(id, db), to: CongressRollRow.rows(of: record))
        guard !changes.isEmpty else { return }
        let remove = try db.cachedStatement(sql: "DELETE FROM congress_roll WHERE congress_id = ? AND roll = ? AND member_id = ?")
        for key in changes.removed { try remove.execute(arguments: [id, key.roll.rawValue, key.memberID]) }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, full, condition, delegate_kind, alternate_order,
                                       elected_by, absent_whole, reason_accepted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (congress_id, roll, member_id) DO UPDATE SET position = excluded.position, full_name = excluded.full_name,
                full = excluded.full, condition = excluded.condition, delegate_kind = excluded.delegate_kind,
                alternate_order = excluded.alternate_order, elected_by = excluded.elected_by, absent_whole = excluded.absent_whole,
                reason_accepted = excluded.reason_accepted
            """)
        let clear = try db.cachedStatement(sql: "DELETE FROM congress_absence WHERE congress_id = ? AND roll = ? AND member_id = ?")
        let absent = try db.cachedStatement(sql: "INSERT INTO congress_absence (congress_id, roll, member_id, session) VALUES (?, ?, ?, ?)")
        for row in changes.upserts {
            try upsert.execute(arguments: [id, row.roll.rawValue, row.memberID, row.position, row.fullName, row.full, row.condition,
                                           row.delegateKind, row.alternateOrder, row.electedBy, row.absentWhole, row.reasonAccepted])
            try clear.execute(arguments: [id, row.roll.rawValue, row.memberID])
            for session in row.absentSessions { try absent.execute(arguments: [id, row.roll.rawValue, row.memberID, session]) }
        }
    }
}
