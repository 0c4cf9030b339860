import CongressCore
@testable import CongressPostgres
import CongressStore
import Foundation
import PostgresNIO
import Testing

/// An import into an empty PostgreSQL register drops the member tables' references and
/// secondary indexes and makes them again at its end, in its own transaction.
@Suite struct PostgresBulkLoadTests {
    static func schema(_ database: CongressPostgres.PostgresDatabase) async throws -> [String] {
        try await database.read { connection in
            let constraints = try await connection.rows("""
                SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid::regclass::text IN ('person', 'membership_span', 'membership_event')
                """, database.logger).map { try $0.decode(String.self) }
            let indexes = try await connection.rows("""
                SELECT indexdef FROM pg_indexes WHERE tablename IN ('person', 'membership_span', 'membership_event')
                """, database.logger).map { try $0.decode(String.self) }
            return (constraints + indexes).sorted()
        }
    }

    @Test("A first import leaves the member tables' references and indexes exactly as the schema made them; a rejected one too",
          .enabled(if: PostgresTestServer.location != nil))
    func referencesRestored() async throws {
        let database = try await PostgresTestServer.freshDatabase()
        let store = PostgresRegisterStore(database: database)
        try await store.addOrganisation(SampleRegister.organisation)
        let made = try await Self.schema(database)
        #expect(made.contains { $0.contains("membership_span_person_id_fkey FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE") })
        #expect(made.contains { $0.contains("CREATE INDEX membership_span_unit") })

        var rejected = SampleRegister.rows()
        rejected[1].unit = "NOPE"
        await #expect(throws: StoreError.self) { _ = try await store.importMembers(rejected, on: SampleRegister.importDay) }
        #expect(try await Self.schema(database) == made, "the rejected import rolled its changes to the schema back")

        _ = try await store.importMembers(SampleRegister.rows(), on: SampleRegister.importDay)
        #expect(try await Self.schema(database) == made)
        // The references hold again: a span naming no person is refused.
        await #expect(throws: (any Error).self) {
            try await database.read { connection in
                try await connection.run("INSERT INTO membership_span (person_id, valid_from, unit_id, standing) VALUES (999999, '2025-01-01', 1, 'active')",
                                         database.logger)
            }
        }
    }
}

/// A PostgreSQL database made before schema version 3 upgrades: its congresses get their typed
/// columns from the stored records.
@Suite struct PostgresUpgradeTests {
    @Test("R-E-17: versions 3 and 4 fill each congress's typed columns, seat and roll rows from its stored record", .enabled(if: PostgresTestServer.location != nil))
    func congressColumnsBackfilled() async throws {
        guard let server = PostgresTestServer.location else { return }
        let name = "congress_test_v2_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try await CongressPostgres.PostgresDatabase.createDatabase(named: name, on: server)
        let url = server.with(database: name).url
        // Versions 1 and 2 only, as a database made before version 3, holding one paused congress.
        let old = try await CongressPostgres.PostgresDatabase(url: url, maximumConnections: 2, migrate: false)
        var record = SampleRegister.congressBeforeTables(name: "Đại hội Chi bộ thôn An Xá")
        record.pause = CongressPause(reason: "R-E-26", since: "2026-11-21")
        record.submittedOn = "2026-11-23"
        // As version 2 stored it: the whole record, its composition inside.
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        let delegates = SampleRegister.delegatesCongressBeforeTables()
        let delegatesJSON = String(decoding: try JSONEncoder().encode(delegates), as: UTF8.self)
        try await old.transaction { connection in
            try await connection.run("""
                CREATE TABLE schema_version (number integer PRIMARY KEY CHECK (number >= 1), name text NOT NULL,
                                             applied_at timestamptz NOT NULL DEFAULT now())
                """, old.logger)
            for version in [PostgresSchema.v1, PostgresSchema.v2] {
                for statement in version.sql { try await connection.run(PostgresQuery(unsafeSQL: statement), old.logger) }
                try await connection.run("INSERT INTO schema_version (number, name) VALUES (\(version.number), \(version.name))", old.logger)
            }
            try await connection.run("INSERT INTO unit (code, name, kind) VALUES ('X1', 'Chi bộ thôn An Xá', 'grassrootsCell')", old.logger)
            try await connection.run("""
                INSERT INTO congress (unit_id, record, version) SELECT id, \(json)::jsonb, 1 FROM unit WHERE code = 'X1'
                """, old.logger)
            try await connection.run("""
                INSERT INTO congress (unit_id, record, version) SELECT id, \(delegatesJSON)::jsonb, 1 FROM unit WHERE code = 'X1'
                """, old.logger)
        }
        old.close()

        let upgraded = try await CongressPostgres.PostgresDatabase(url: url, maximumConnections: 2)
        let counting = PostgresCountingStore(database: upgraded, chain: AuditChain(digest: AccessStoreContractTests.digest),
                                             clock: { "2026-12-03T03:00:00Z" })
        let summaries = try await counting.congressSummaries()
        #expect(summaries.map(\.name) == ["Đại hội Chi bộ thôn An Xá", delegates.name])
        #expect(summaries.first.map { [$0.opensOn, $0.closesOn, $0.submittedOn ?? ""] } == ["2026-11-20", "2026-11-21", "2026-11-23"])
        #expect(summaries.first?.paused == true)
        // Version 3 moved the composition into seat rows; the record reads back whole.
        #expect(try await counting.allCongresses().map(\.record) == [record, delegates])
        // Version 4 moved the roll and its attendance into rows, and no JSON is left for a congress.
        let left = try await upgraded.read { connection in
            try await connection.rows("""
                SELECT (SELECT count(*) FROM information_schema.columns WHERE table_name = 'congress' AND column_name = 'record'),
                       (SELECT count(*) FROM congress_absence), (SELECT count(*) FROM congress_roll)
                """, upgraded.logger).first?.decode((Int, Int, Int).self)
        }
        #expect(left.map { [$0.0, $0.1, $0.2] } == [0, 3, 6])
        upgraded.close()
    }
}
