import CongressPostgres
import Foundation
import Testing

/// Outside CI the PostgreSQL runs of the contract suites skip when no server is configured; CI
/// sets `CONGRESS_TEST_POSTGRES_REQUIRED=1`, and then a missing server is a failure.
@Suite("PostgreSQL test server")
struct PostgresConfigurationTests {
    static let required = ProcessInfo.processInfo.environment["CONGRESS_TEST_POSTGRES_REQUIRED"] == "1"

    @Test("the store contract suites run on PostgreSQL",
          .enabled(if: PostgresTestServer.location != nil || required,
                   "CONGRESS_TEST_POSTGRES is not set: the store contract suites skip their PostgreSQL runs"))
    func configured() async throws {
        #expect(PostgresTestServer.location != nil, "CONGRESS_TEST_POSTGRES=postgres://… is required here")
        let database = try await PostgresTestServer.freshDatabase()
        #expect(database.location.database.hasPrefix("congress_test_"))
    }

    @Test("a postgres:// URL is read into host, port, user, password and database; anything else is refused")
    func urls() {
        let location = PostgresLocation("postgres://congress:secret@db.example:6543/nation")
        #expect(location == PostgresLocation("postgresql://congress:secret@db.example:6543/nation"))
        #expect(location?.host == "db.example")
        #expect(location?.port == 6543)
        #expect(location?.user == "congress")
        #expect(location?.password == "secret")
        #expect(location?.database == "nation")
        #expect(location?.description == "postgres://congress@db.example:6543/nation")
        #expect(PostgresLocation("postgres://localhost")?.database == "postgres")
        #expect(PostgresLocation("/var/lib/congress/register.sqlite") == nil)
        #expect(PostgresLocation("postgres://") == nil)
    }
}
