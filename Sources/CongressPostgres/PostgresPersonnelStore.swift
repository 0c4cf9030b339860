import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// Personnel work in PostgreSQL (schema version 5), shared by every application server. Every
/// write is one transaction with its audit entry and a step of the personnel counter; a scheme's
/// row lock orders two writers of the same scheme.
public final class PostgresPersonnelStore: PersonnelStore, Sendable {
    let database: PostgresDatabase
    let chain: AuditChain
    let clock: @Sendable () -> String
    var logger: Logger { database.logger }

    public init(database: PostgresDatabase, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.database = database
        self.chain = chain
        self.clock = clock
    }

    public func planningRevisions(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> [PlanningRevision] {
        try await database.read { [logger] connection in
            let rows = try await connection.rows("""
                SELECT p.post, p.day::text, p.recorded_by, p.note,
                       coalesce((SELECT array_agg(m.member_id ORDER BY m.position) FROM personnel_planning_member m WHERE m.planning_id = p.id),
                                '{}'::text[])
                FROM personnel_planning p JOIN unit u ON u.id = p.unit_id WHERE u.code = \(unit) AND p.term = \(term) ORDER BY p.day, p.id
                """, logger)
            return try rows.map { row in
                let (post, day, by, note, members) = try row.decode((String, String, String, String, [String]).self)
                return PlanningRevision(unit: unit, term: term, post: try Self.decode(post), day: try Self.day(day),
                                        members: members.map { Person.ID($0) }, recordedBy: by, note: note)
            }
        }
    }

    public func revisePlanning(_ revision: PlanningRevision, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(revision.unit, connection, logger)
            guard let id = try await connection.value(Int64.self, """
                INSERT INTO personnel_planning (unit_id, term, post, day, recorded_by, note)
                VALUES (\(unitID), \(revision.term), \(revision.post.rawValue), \(revision.day.iso)::date, \(revision.recordedBy), \(revision.note))
                RETURNING id
                """, logger) else { throw StoreError.database(message: "no planning row", advice: "Try again.") }
            try await connection.run("""
                INSERT INTO personnel_planning_member (planning_id, position, member_id)
                SELECT \(id), t.ord - 1, t.m FROM unnest(\(revision.members.map(\.rawValue))::text[]) WITH ORDINALITY AS t(m, ord)
                """, logger)
        }
    }

    public func dossiers(of unit: PartyUnit.ID) async throws(StoreError) -> [DossierRecord] {
        try await database.read { [logger] connection in
            let rows = try await connection.rows("""
                SELECT d.member_id, d.post, d.level, d.entry, d.standards_document, d.standards_day::text, d.standards_by,
                       d.assets_document, d.assets_day::text, d.assets_by
                FROM personnel_dossier d JOIN unit u ON u.id = d.unit_id WHERE u.code = \(unit) ORDER BY d.member_id, d.post
                """, logger)
            return try rows.map { row in
                let (member, post, level, entry, sDoc, sDay, sBy, aDoc, aDay, aBy) =
                    try row.decode((String, String, String, String, String?, String?, String?, String?, String?, String?).self)
                return DossierRecord(memberID: Person.ID(member), post: try Self.decode(post), level: try Self.decode(level),
                                     entry: try Self.decode(entry), standardsConclusion: try Self.evidence(sDoc, sDay, sBy),
                                     assetsDeclared: try Self.evidence(aDoc, aDay, aBy))
            }
        }
    }

    public func recordDossier(_ dossier: DossierRecord, unit: PartyUnit.ID, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(unit, connection, logger)
            let standards = dossier.standardsConclusion, assets = dossier.assetsDeclared
            try await connection.run("""
                INSERT INTO personnel_dossier (unit_id, member_id, post, level, entry, standards_document, standards_day, standards_by,
                                               assets_document, assets_day, assets_by)
                VALUES (\(unitID), \(dossier.memberID.rawValue), \(dossier.post.rawValue), \(dossier.level.rawValue), \(dossier.entry.rawValue),
                        \(standards?.document), \(standards?.day.iso)::date, \(standards?.recordedBy),
                        \(assets?.document), \(assets?.day.iso)::date, \(assets?.recordedBy))
                ON CONFLICT (unit_id, member_id, post) DO UPDATE SET level = excluded.level, entry = excluded.entry,
                    standards_document = excluded.standards_document, standards_day = excluded.standards_day, standards_by = excluded.standards_by,
                    assets_document = excluded.assets_document, assets_day = excluded.assets_day, assets_by = excluded.assets_by
                """, logger)
        }
    }

    public func scheme(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> StoredScheme? {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT s.version, s.record::text FROM personnel_scheme s JOIN unit u ON u.id = s.unit_id WHERE u.code = \(unit) AND s.term = \(term)
                """, logger).first.map(Self.stored)
        }
    }

    public func scheme(countingRound round: Round.ID) async throws(StoreError) -> StoredScheme? {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT s.version, s.record::text FROM personnel_scheme s JOIN personnel_scheme_round r ON r.scheme_id = s.id
                WHERE r.round_id = \(round)
                """, logger).first.map(Self.stored)
        }
    }

    public func saveScheme(_ record: SchemeRecord, version: Int?, audit: AuditDraft) async throws(StoreError) -> Int {
        let json = try SchemeJSON.encode(record)
        return try await audited(audit) { connection, logger in
            let unitID = try await PostgresAccessStore.unitID(record.scheme.unit, connection, logger)
            let current = try await connection.rows("""
                SELECT id, version FROM personnel_scheme WHERE unit_id = \(unitID) AND term = \(record.scheme.term) FOR UPDATE
                """, logger).first.map { try $0.decode((Int64, Int).self) }
            guard current?.1 == version else { throw StoreError.schemeChanged }
            let next = (version ?? 0) + 1
            let schemeID: Int64
            if let current {
                schemeID = current.0
                try await connection.run("UPDATE personnel_scheme SET version = \(next), record = \(json)::jsonb WHERE id = \(schemeID)", logger)
            } else {
                // A concurrent creation meets the unique key: nothing is written, and the second writer hears the scheme changed.
                guard let id = try await connection.value(Int64.self, """
                    INSERT INTO personnel_scheme (unit_id, term, version, record) VALUES (\(unitID), \(record.scheme.term), \(next), \(json)::jsonb)
                    ON CONFLICT (unit_id, term) DO NOTHING RETURNING id
                    """, logger) else { throw StoreError.schemeChanged }
                schemeID = id
            }
            try await connection.run("""
                INSERT INTO personnel_scheme_round (round_id, scheme_id) SELECT r, \(schemeID) FROM unnest(\(record.rounds.map(\.rawValue))::bigint[]) AS r
                ON CONFLICT (round_id) DO NOTHING
                """, logger)
            return next
        }
    }

    public func personnelVersion() async throws(StoreError) -> Int {
        try await database.read { [logger] connection in
            // The sequence's last value, without advancing it.
            try await connection.value(Int.self, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM personnel_version", logger) ?? 0
        }
    }

    // MARK: Rows

    private func audited<T: Sendable>(_ audit: AuditDraft,
                                      _ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(StoreError) -> T {
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            let value = try await body(connection, logger)
            try await connection.run("SELECT nextval('personnel_version')", logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            return value
        }
    }

    private static func evidence(_ document: String?, _ day: String?, _ by: String?) throws -> Evidence? {
        guard let document, let day, let by else { return nil }
        return Evidence(document: document, day: try Self.day(day), recordedBy: by)
    }

    private static func decode<T: RawRepresentable>(_ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError.database(message: "unknown value '\(text)'", advice: "Run congress migrate.") }
        return value
    }

    private static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw StoreError.database(message: "bad day '\(text)'", advice: "Check the database.") }
        return day
    }

    private static func stored(_ row: PostgresRow) throws -> StoredScheme {
        let (version, json) = try row.decode((Int, String).self)
        return StoredScheme(version: version, record: try SchemeJSON.decode(json))
    }
}
