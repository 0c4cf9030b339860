import CongressCore
@testable import CongressPostgres
import CongressStore
import Foundation
import Testing

/// An import into an empty PostgreSQL register drops the member tables' references and
/// secondary indexes and makes them again at its end, in its own transaction.
@Suite struct PostgresBulkLoadTests {
    static func schema(_ database: PostgresDatabase) async throws -> [String] {
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
