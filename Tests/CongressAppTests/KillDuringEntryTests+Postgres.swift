import AsyncHTTPClient
import CongressApp
import CongressCore
import CongressPostgres
import CongressStore
import Foundation
import NIOCore
import Testing

/// Two application servers on one PostgreSQL database (R-E-29): clerks 1–2 enter on server A,
/// clerks 3–4 on server B; A is SIGKILLed mid-entry. Every ballot acknowledged by A is in the
/// database once, B never stops accepting, and A's clerks finish their passes on B.
@Suite("Kill during entry on PostgreSQL, two servers", .serialized)
struct PostgresKillDuringEntryTests {
    typealias Kill = KillDuringEntryTests

    /// A new database on the test server (`CONGRESS_TEST_POSTGRES`).
    static func newDatabase() async throws -> (url: String, opened: OpenedDatabase) {
        guard let server = PostgresTestServer.location else { throw StoreError.database(message: "no server", advice: "") }
        let name = "congress_kill_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try await PostgresDatabase.createDatabase(named: String(name), on: server)
        let url = server.with(database: String(name)).url
        return (url, OpenedDatabase(postgres: try await PostgresDatabase(url: url, maximumConnections: 4)))
    }

    /// Each clerk's pass as stored: position → ballot row.
    static func stored(_ counting: any CountingStore, _ clerks: [Kill.Clerk]) async throws -> [String: [Int: String]] {
        var passes: [String: [Int: String]] = [:]
        for clerk in clerks {
            let entries = try await counting.entries(round: 1, stack: clerk.stack)
            let ballots = entries.first { $0.clerk == clerk.login }?.ballots ?? []
            passes[clerk.login] = Dictionary(uniqueKeysWithValues: ballots.enumerated().map { ($0.offset, BallotCSV.row($0.element, candidates: 4)) })
        }
        return passes
    }

    @Test("R-E-29: SIGKILL of one of two servers during concurrent entry loses no acknowledged ballot, doubles none; the other keeps accepting",
          .enabled(if: PostgresTestServer.location != nil, "CONGRESS_TEST_POSTGRES is not set"))
    func killOneOfTwoServers() async throws {
        let (url, database) = try await Self.newDatabase()
        defer { database.close() }
        let clerks = try await Kill.prepare(database)
        let base = 20_000 + Int.random(in: 0..<2_000)
        let ports = [base, base + 1]
        let servers = try ports.map { try Kill.serve(url, port: $0) }
        defer { servers.forEach(Kill.stop) }
        for port in ports { try await Kill.waitUntilUp(port: port) }

        let acknowledged = Counter()
        let killer = Task {
            while await acknowledged.total < 200 { try await Task.sleep(for: .milliseconds(5)) }
            kill(servers[0].processIdentifier, SIGKILL)
        }
        let reached = await withTaskGroup(of: (String, Int).self) { group in
            for clerk in clerks {
                let port = clerk.stack <= 2 ? ports[0] : ports[1]
                group.addTask {
                    var next = 0
                    while next < Kill.ballotsPerClerk, await Kill.send(clerk, position: next, port: port) {
                        next += 1
                        await acknowledged.add()
                    }
                    return (clerk.login, next)
                }
            }
            var reached: [String: Int] = [:]
            for await (login, next) in group { reached[login] = next }
            return reached
        }
        try await killer.value
        servers[0].waitUntilExit()
        #expect(servers[0].terminationReason == .uncaughtSignal, "server A was killed, not stopped")

        let afterKill = try await Self.stored(database.counting, clerks)
        for clerk in clerks {
            let acked = reached[clerk.login] ?? 0
            let rows = afterKill[clerk.login] ?? [:]
            if clerk.stack <= 2 {
                #expect(acked < Kill.ballotsPerClerk, "\(clerk.login) was still typing on A when it died")
                #expect(rows.count >= acked && rows.count <= acked + 1, "\(clerk.login): \(acked) acknowledged, \(rows.count) stored")
            } else {
                #expect(acked == Kill.ballotsPerClerk, "\(clerk.login) on B finished: B kept accepting")
            }
            for position in 0..<acked {
                #expect(rows[position] == "yes,\(Kill.typed(position)),,,", "\(clerk.login) ballot \(position + 1)")
            }
        }

        // A's clerks go on at B from their last acknowledgement (the one in flight is a retry there).
        for clerk in clerks where clerk.stack <= 2 {
            for position in (reached[clerk.login] ?? 0)..<Kill.ballotsPerClerk {
                #expect(await Kill.send(clerk, position: position, port: ports[1]), "\(clerk.login) ballot \(position + 1) on B")
            }
        }
        let final = try await Self.stored(database.counting, clerks)
        for clerk in clerks {
            let rows = final[clerk.login] ?? [:]
            #expect(rows.count == Kill.ballotsPerClerk, "\(clerk.login): \(rows.count) stored")
            #expect((0..<Kill.ballotsPerClerk).allSatisfy { rows[$0] == "yes,\(Kill.typed($0)),,," })
        }
    }
}

/// The server of `CONGRESS_TEST_POSTGRES` (`.ci/run` starts one).
enum PostgresTestServer {
    static let location: PostgresLocation? = ProcessInfo.processInfo.environment["CONGRESS_TEST_POSTGRES"].flatMap(PostgresLocation.init)
}
