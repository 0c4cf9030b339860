@testable import CongressSQLite
import CongressCore
import Foundation
import GRDB
import Testing

/// The migrations are frozen text; the enumerations are not. Every case of every enumeration the
/// database stores must be admitted by the schema the migrations build, or a value added in
/// Swift would be refused at run time by a database that looks up to date.
@Suite("Schema coverage")
struct SchemaCoverageTests {
    /// The values a CHECK of `table.column` admits, read from the schema's own text.
    static func admitted(_ db: Database, table: String, column: String) throws -> Set<String> {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table]) ?? ""
        let line = sql.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(column + " ") } ?? ""
        let pattern = try Regex("\(column) = '([^']*)'")
        return Set(line.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) })
    }

    static func migrated() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Schema.migrator().migrate(queue)
        return queue
    }

    @Test("Every enumerated column admits every case of today's enumeration")
    func everyCaseAdmitted() throws {
        let checks: [(String, String, [String])] = [
            ("unit", "kind", UnitKind.allCases.map(\.rawValue)),
            ("unit_event", "kind", UnitEvent.Kind.allCases.map(\.rawValue)),
            ("person", "gender", Gender.allCases.map(\.rawValue)),
            ("person", "education", Education.allCases.map(\.rawValue)),
            ("person", "academic_title", AcademicTitle.allCases.map(\.rawValue)),
            ("person", "political_theory", PoliticalTheory.allCases.map(\.rawValue)),
            ("membership_span", "standing", Standing.allCases.map(\.rawValue)),
            ("membership_event", "kind", MembershipEvent.Kind.allCases.map(\.rawValue)),
            ("app_user", "language", Language.allCases.map(\.rawValue)),
            ("role_grant", "role", Role.allCases.map(\.rawValue)),
            ("pending_grant", "role", Role.allCases.map(\.rawValue)),
            ("counting_round", "state", RoundLifecycle.State.allCases.map(\.rawValue)),
            ("personnel_planning", "post", PersonnelPost.allCases.map(\.rawValue)),
            ("body_membership", "role", BodyMembership.Role.allCases.map(\.rawValue)),
            ("body_membership", "how", BodyMembership.Origin.allCases.map(\.rawValue)),
            ("personnel_dossier", "post", PersonnelPost.allCases.map(\.rawValue)),
            ("personnel_dossier", "level", CommitteeLevel.allCases.map(\.rawValue)),
            ("personnel_dossier", "entry", PersonnelEntry.allCases.map(\.rawValue)),
            ("congress_header", "kind", CongressKind.allCases.map(\.rawValue)),
            ("congress_seat", "role", SeatRole.allCases.map(\.rawValue)),
            ("congress_motion", "subject", Motion.Subject.allCases.map(\.rawValue)),
            ("congress_not_convened", "reason", NotConvened.Reason.allCases.map(\.rawValue)),
            ("congress_designated", "role", SeatRole.allCases.map(\.rawValue)),
        ]
        try Self.migrated().read { db in
            for (table, column, cases) in checks {
                let admitted = try Self.admitted(db, table: table, column: column)
                #expect(!admitted.isEmpty, "no CHECK found on \(table).\(column)")
                let missing = Set(cases).subtracting(admitted)
                #expect(missing.isEmpty, "\(table).\(column) refuses \(missing.sorted()): add a schema version that admits them")
            }
            let actions = try Set(String.fetchAll(db, sql: "SELECT name FROM audit_action"))
            let missing = Set(AuditAction.allCases.map(\.rawValue)).subtracting(actions)
            #expect(missing.isEmpty, "audit_action lacks \(missing.sorted()): add a schema version that inserts them")
        }
    }

    @Test("The audit log refuses an action its lookup table does not hold, and stays append-only")
    func auditActionLookup() throws {
        try Self.migrated().write { db in
            let zero = String(repeating: "0", count: 64), one = String(repeating: "1", count: 64)
            #expect(throws: (any Error).self) {
                try db.execute(sql: """
                    INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash)
                    VALUES (1, '2026-12-01T00:00:00Z', 'a', 'noSuchAction', 's', '', ?, ?)
                    """, arguments: [zero, one])
            }
            try db.execute(sql: """
                INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash)
                VALUES (1, '2026-12-01T00:00:00Z', 'a', 'unitsImported', 's', '', ?, ?)
                """, arguments: [zero, one])
            #expect(throws: (any Error).self) { try db.execute(sql: "UPDATE audit_entry SET actor = 'b'") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_entry") == 1)
        }
    }
}
