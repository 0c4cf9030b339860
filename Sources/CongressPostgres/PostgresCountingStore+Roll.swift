import CongressCore
import CongressStore
import Foundation
import PostgresNIO

/// A congress's roll as rows (version 4): read for many congresses at once, written where it
/// changed, in one statement per kind of change.
extension PostgresCountingStore {
    static func readRolls(_ ids: [CongressRecord.ID], _ connection: PostgresConnection, _ logger: Logger) async throws -> [CongressRecord.ID: [CongressRollRow]] {
        var absences: [CongressRecord.ID: [CongressRollRow.Key: [Int]]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, roll, member_id, session FROM congress_absence WHERE congress_id = ANY(\(ids)) ORDER BY session
            """, logger) {
            let (congress, roll, member, session) = try row.decode((CongressRecord.ID, String, Person.ID, Int).self)
            guard let roll = CongressRollRow.Roll(rawValue: roll) else { continue }
            absences[congress, default: [:]][CongressRollRow.Key(roll: roll, memberID: member), default: []].append(session)
        }
        var rolls: [CongressRecord.ID: [CongressRollRow]] = [:]
        for row in try await connection.rows("""
            SELECT congress_id, roll, member_id, position, full_name, "full", condition, delegate_kind, alternate_order, elected_by,
                   absent_whole, reason_accepted
            FROM congress_roll WHERE congress_id = ANY(\(ids))
            """, logger) {
            let (congress, rollName, member, position, name, full, condition, kind, alternate, electedBy, absentWhole, accepted) =
                try row.decode((CongressRecord.ID, String, Person.ID, Int, String, Bool?, String?, String?, Int?, String?, Bool, Bool).self)
            guard let roll = CongressRollRow.Roll(rawValue: rollName) else { continue }
            rolls[congress, default: []].append(CongressRollRow(
                roll: roll, memberID: member, position: position, fullName: name, full: full, condition: condition, delegateKind: kind,
                alternateOrder: alternate, electedBy: electedBy, absentWhole: absentWhole, reasonAccepted: accepted,
                absentSessions: absences[congress]?[CongressRollRow.Key(roll: roll, memberID: member)] ?? []))
        }
        return rolls
    }

    /// Writes the rows of the roll that differ from the stored ones, in the caller's transaction.
    static func writeRoll(_ id: CongressRecord.ID, _ record: CongressRecord, _ connection: PostgresConnection, _ logger: Logger) async throws {
        let stored = try await readRolls([id], connection, logger)[id] ?? []
        let changes = CongressRollRow.changes(from: stored, to: CongressRollRow.rows(of: record))
        guard !changes.isEmpty else { return }
        if !changes.removed.isEmpty {
            try await connection.run("""
                DELETE FROM congress_roll r USING unnest(\(changes.removed.map(\.roll.rawValue))::text[], \(changes.removed.map(\.memberID.rawValue))::text[])
                    AS gone(roll, member_id)
                WHERE r.congress_id = \(id) AND r.roll = gone.roll AND r.member_id = gone.member_id
                """, logger)
        }
        guard !changes.upserts.isEmpty else { return }
        let rows = try json(changes.upserts)
        try await connection.run("""
            INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, "full", condition, delegate_kind, alternate_order,
                                       elected_by, absent_whole, reason_accepted)
            SELECT \(id), r.roll, r."memberID", r.position, r."fullName", r."full", r.condition, r."delegateKind", r."alternateOrder",
                   r."electedBy", r."absentWhole", r."reasonAccepted"
            FROM jsonb_to_recordset(\(rows)::jsonb) AS r(roll text, "memberID" text, position integer, "fullName" text, "full" boolean,
                 condition text, "delegateKind" text, "alternateOrder" integer, "electedBy" text, "absentWhole" boolean,
                 "reasonAccepted" boolean)
            ON CONFLICT (congress_id, roll, member_id) DO UPDATE SET position = EXCLUDED.position, full_name = EXCLUDED.full_name,
                "full" = EXCLUDED."full", condition = EXCLUDED.condition, delegate_kind = EXCLUDED.delegate_kind,
                alternate_order = EXCLUDED.alternate_order, elected_by = EXCLUDED.elected_by, absent_whole = EXCLUDED.absent_whole,
                reason_accepted = EXCLUDED.reason_accepted
            """, logger)
        try await connection.run("""
            DELETE FROM congress_absence a USING jsonb_to_recordset(\(rows)::jsonb) AS r(roll text, "memberID" text)
            WHERE a.congress_id = \(id) AND a.roll = r.roll AND a.member_id = r."memberID"
            """, logger)
        try await connection.run("""
            INSERT INTO congress_absence (congress_id, roll, member_id, session)
            SELECT \(id), r.roll, r."memberID", s.session::integer
            FROM jsonb_to_recordset(\(rows)::jsonb) AS r(roll text, "memberID" text, "absentSessions" jsonb),
                 jsonb_array_elements_text(r."absentSessions") AS s(session)
            """, logger)
    }
}
