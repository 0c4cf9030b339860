import CongressApp
import CongressCore
import CongressPostgres
import CongressStore
import CongressWeb
import Foundation
import Testing

/// What two application servers on one PostgreSQL database share besides their data: the
/// sign-in throttle (a guesser gains nothing by spreading attempts over servers) and the round
/// changes that feed every server's projectors. Each server is its own connection pool here.
@Suite("Two servers on PostgreSQL share throttling and the projector", .serialized)
struct SharedServersTests {
    static func twoServers() async throws -> (OpenedDatabase, OpenedDatabase) {
        let (url, first) = try await PostgresKillDuringEntryTests.newDatabase()
        return (first, OpenedDatabase(postgres: try await PostgresDatabase(url: url, maximumConnections: 4)))
    }

    static func guarding(_ database: OpenedDatabase) throws -> SignInGuard {
        let shared = try #require(database.access as? any SharedSignInRecords)
        return SignInGuard(throttle: SignInThrottle(freeFailures: 2, firstDelay: 60, window: 900), shared: shared)
    }

    @Test("Sign-in throttle: failures on server A slow the same login down on server B; the slowing is audited once",
          .enabled(if: PostgresTestServer.location != nil, "CONGRESS_TEST_POSTGRES is not set"))
    func throttleIsShared() async throws {
        let (a, b) = try await Self.twoServers()
        defer { a.close(); b.close() }
        let (guardA, guardB) = (try Self.guarding(a), try Self.guarding(b))
        let now = 1_800_000_000.0
        let first = try await guardA.failed(login: "lan", address: "203.0.113.7", now: now)
        #expect(first?.moment == .firstFailure)
        #expect(try await guardB.failed(login: "lan", address: "203.0.113.7", now: now + 1) == nil)
        #expect(try await guardB.retryAfter(login: "lan", address: "203.0.113.7", now: now + 2) == nil)
        // The third failure, on A, is the first past the free ones: slowed, and audited once.
        let slowed = try await guardA.failed(login: "lan", address: "203.0.113.7", now: now + 2)
        #expect(slowed?.moment == .slowedDown)
        #expect(slowed?.failures == 3)
        let retry = try #require(try await guardB.retryAfter(login: "lan", address: "203.0.113.7", now: now + 3))
        #expect(retry == now + 2 + 60)
        #expect(try await guardB.failed(login: "lan", address: "203.0.113.7", now: now + 4) == nil)
        // The real user from elsewhere is not slowed; a success on B forgets the pair on A.
        #expect(try await guardA.retryAfter(login: "lan", address: "198.51.100.2", now: now + 5) == nil)
        try await guardB.succeeded(login: "lan", address: "203.0.113.7")
        #expect(try await guardA.retryAfter(login: "lan", address: "203.0.113.7", now: now + 6) == nil)
    }

    @Test("Projector: a round changed through server B wakes server A's waiting feed at once (LISTEN/NOTIFY)",
          .enabled(if: PostgresTestServer.location != nil, "CONGRESS_TEST_POSTGRES is not set"))
    func roundChangesReachTheOtherServer() async throws {
        let (a, b) = try await Self.twoServers()
        defer { a.close(); b.close() }
        _ = try await KillDuringEntryTests.prepare(a)
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "round")
        let round = try await a.counting.openRound(KillDuringEntryTests.election, unit: "X1", congress: nil, requiredEntries: 2, audit: audit)
        let changes = PostgresRoundChanges(database: try #require(a.postgres))
        defer { changes.close() }
        while !changes.isListening { try await Task.sleep(for: .milliseconds(10)) }
        // Unchanged, the wait lasts its timeout.
        let clock = ContinuousClock()
        let idle = await clock.measure { await changes.waitForChange(of: round, timeout: .milliseconds(400)) }
        #expect(idle >= .milliseconds(400))

        let waiter = Task { await clock.measure { await changes.waitForChange(of: round, timeout: .seconds(30)) } }
        while await changes.waiting == 0 { try await Task.sleep(for: .milliseconds(10)) }
        _ = try await b.counting.apply(.adoptList(candidates: 4), to: round, audit: audit)
        let waited = await waiter.value
        #expect(waited < .seconds(5), "woken after \(waited)")
        #expect(try await a.counting.round(round)?.lifecycle.state == .listAdopted)
    }
}
