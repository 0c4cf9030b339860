import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// The compositions of past terms in PostgreSQL (schema version 6).
public final class PostgresBodiesStore: BodiesStore, Sendable {
    let database: PostgresDatabase
    let chain: AuditChain
    let clock: @Sendable () -> String
    var logger: Logger { database.logger }

    public init(database: PostgresDatabase, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.database = database
        self.chain = chain
        self.clock = clock
    }

    public func importBodies(_ rows: [BodyMembership], audit: @escaping @Sendable (Int) -> AuditDraft) async throws(StoreError) -> Int {
        let time = clock()
        let drafts = audit
        return try await database.transaction { [chain, logger] connection in
            let ids = rows.map(\.memberID.rawValue)
            let missing = try await connection.rows("""
                SELECT m FROM unnest(\(ids)::text[]) AS m WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.member_id = m) LIMIT 1
                """, logger).first.map { try $0.decode(String.self) }
            if let missing { throw StoreError.unknownMember(Person.ID(missing)) }
            let units = Array(Set(rows.map(\.unit.rawValue)))
            let strange = try await connection.rows("""
                SELECT c FROM unnest(\(units)::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM unit u WHERE u.code = c) LIMIT 1
                """, logger).first.map { try $0.decode(String.self) }
            if let strange { throw StoreError.unknownUnit(PartyUnit.ID(strange)) }
            let added = try await connection.value(Int.self, """
                WITH added AS (
                    INSERT INTO body_membership (member_id, unit_code, term, role, how, on_day)
                    SELECT * FROM unnest(\(ids)::text[], \(rows.map(\.unit.rawValue))::text[], \(rows.map(\.term))::text[],
                                         \(rows.map(\.role.rawValue))::text[], \(rows.map(\.how.rawValue))::text[], \(rows.map(\.on.iso))::date[])
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT count(*)::bigint FROM added
                """, logger) ?? 0
            try await PostgresAudit.append(drafts(added), at: time, chain, connection, logger)
            return added
        }
    }

    public func changeMarker() async throws(StoreError) -> Int {
        try await database.read { [logger] connection in
            try await connection.rows("SELECT coalesce(max(sequence), 0)::bigint FROM audit_entry WHERE action = 'bodiesImported'", logger)
                .first?.decode(Int.self) ?? 0
        }
    }

    public func count(role: BodyMembership.Role, term: String) async throws(StoreError) -> Int {
        try await database.read { [logger] connection in
            try await connection.rows("SELECT count(*) FROM body_membership WHERE term = \(term) AND role = \(role.rawValue)", logger)
                .first?.decode(Int.self) ?? 0
        }
    }

    public func bodies(role: BodyMembership.Role, term: String) async throws(StoreError) -> [BodyMembership] {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT member_id, unit_code, how, on_day::text FROM body_membership WHERE term = \(term) AND role = \(role.rawValue)
                ORDER BY member_id, unit_code
                """, logger).compactMap { row in
                let (member, unit, how, day) = try row.decode((String, String, String, String).self)
                guard let origin = BodyMembership.Origin(rawValue: how), let on = Day(iso: day) else { return nil }
                return BodyMembership(memberID: Person.ID(member), unit: PartyUnit.ID(unit), term: term, role: role, how: origin, on: on)
            }
        }
    }
}
