import CongressApp
import CongressCore
import CongressPostgres
import CongressStore
import Foundation
import Testing

/// A primary with a streaming standby (`pg_basebackup -R`) that every commit waits for
/// (`synchronous_standby_names = '*'`). Two servers take entries on the primary; the primary
/// dies mid-entry; the standby is promoted and the servers are pointed at it: every ballot a
/// clerk saw acknowledged is there (R-E-29), and the clerks finish their passes on it.
@Suite("Failover to a synchronous standby on PostgreSQL", .serialized)
struct StandbyFailoverTests {
    typealias Kill = KillDuringEntryTests

    /// PostgreSQL's programs (`CONGRESS_TEST_POSTGRES_BIN`, else the PATH's or Debian's).
    static let binaries: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["CONGRESS_TEST_POSTGRES_BIN"]].compactMap { $0 }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        candidates += ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted().reversed().map { "/usr/lib/postgresql/\($0)/bin" }
        return candidates.map { URL(fileURLWithPath: $0) }.first { directory in
            ["initdb", "pg_ctl", "pg_basebackup"].allSatisfy {
                FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent($0).path)
            }
        }
    }()

    static var enabled: Bool { PostgresTestServer.location != nil && binaries != nil }

    /// Runs one of PostgreSQL's programs, as user `postgres` when the tests run as root. Spawned
    /// and waited for directly: `pg_ctl start` leaves the server running behind it, and
    /// Foundation's `Process` can miss the exit of the program that started it.
    static func postgres(_ program: String, _ arguments: [String]) throws {
        let path = binaries!.appendingPathComponent(program).path
        let argv = getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", path] + arguments : [path] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else { throw StoreError.database(message: "\(program) could not start (\(spawned))", advice: "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, spelt out for Swift).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw StoreError.database(message: "\(program) \(arguments.joined(separator: " ")) ended with status \(status)", advice: "")
        }
    }

    static func freePort() -> Int { 30_000 + Int.random(in: 0..<20_000) }

    /// The two clusters in a folder of their own, removed at the end.
    struct Clusters {
        let folder: URL
        let primaryPort: Int
        let standbyPort: Int
        var primary: String { folder.appendingPathComponent("primary").path }
        var standby: String { folder.appendingPathComponent("standby").path }

        static func make() throws -> Clusters {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-standby-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if getuid() == 0 {
                let owner = Process()
                owner.executableURL = URL(fileURLWithPath: "/bin/chown")
                owner.arguments = ["postgres", folder.path]
                try owner.run()
                owner.waitUntilExit()
            }
            let primaryPort = freePort()
            return Clusters(folder: folder, primaryPort: primaryPort, standbyPort: primaryPort + 1)
        }

        func start(_ data: String, port: Int) throws {
            try StandbyFailoverTests.postgres("pg_ctl", ["-D", data, "-l", data + ".log", "-w", "-o",
                                                         "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1", "start"])
        }

        func url(port: Int) -> String { "postgres://postgres@127.0.0.1:\(port)/congress" }

        /// A primary whose every commit waits for the standby, and the standby streaming from it.
        func startBoth() throws {
            try StandbyFailoverTests.postgres("initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8"])
            try Self.append("\nsynchronous_standby_names = '*'\nsynchronous_commit = on\nwal_level = replica\nmax_wal_senders = 4\n",
                            to: primary + "/postgresql.conf")
            try start(primary, port: primaryPort)
            try StandbyFailoverTests.postgres("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres",
                                                                "-D", standby, "-R", "-X", "stream"])
            // The standby has no standby of its own: once promoted, its commits must not wait for one.
            try Self.append("\nsynchronous_standby_names = ''\n", to: standby + "/postgresql.auto.conf")
            try start(standby, port: standbyPort)
        }

        static func append(_ settings: String, to path: String) throws {
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try file.seekToEnd()
            try file.write(contentsOf: Data(settings.utf8))
            try file.close()
        }

        /// The primary dies as a crashed machine would: no shutdown checkpoint.
        func crashPrimary() throws { try StandbyFailoverTests.postgres("pg_ctl", ["-D", primary, "-m", "immediate", "stop"]) }

        func promoteStandby() throws { try StandbyFailoverTests.postgres("pg_ctl", ["-D", standby, "-w", "promote"]) }

        func remove() {
            for data in [primary, standby] { try? StandbyFailoverTests.postgres("pg_ctl", ["-D", data, "-m", "immediate", "stop"]) }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test("R-E-29: the primary dies during entry on two servers; the promoted synchronous standby holds every acknowledged ballot",
          .enabled(if: StandbyFailoverTests.enabled, "CONGRESS_TEST_POSTGRES is not set or PostgreSQL's programs are missing"))
    func failover() async throws {
        let clusters = try Clusters.make()
        defer { clusters.remove() }
        try clusters.startBoth()
        let primaryURL = clusters.url(port: clusters.primaryPort)
        try await PostgresDatabase.createDatabase(named: "congress", on: try #require(PostgresLocation(primaryURL)).with(database: "postgres"))
        let setup = OpenedDatabase(postgres: try await PostgresDatabase(url: primaryURL, maximumConnections: 4))
        let clerks = try await Kill.prepare(setup)
        setup.close()

        let base = 22_000 + Int.random(in: 0..<2_000)
        let ports = [base, base + 1]
        let servers = try ports.map { try Kill.serve(primaryURL, port: $0) }
        defer { servers.forEach(Kill.stop) }
        for port in ports { try await Kill.waitUntilUp(port: port) }

        let acknowledged = Counter()
        let crash = Task {
            while await acknowledged.total < 150 { try await Task.sleep(for: .milliseconds(5)) }
            try clusters.crashPrimary()
        }
        let reached = await withTaskGroup(of: (String, Int).self) { group in
            for clerk in clerks {
                let port = ports[(clerk.stack - 1) % 2]
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
        try await crash.value
        servers.forEach(Kill.stop)
        #expect(reached.values.allSatisfy { $0 < Kill.ballotsPerClerk }, "the primary died before any clerk finished: \(reached)")

        try clusters.promoteStandby()
        let standbyURL = clusters.url(port: clusters.standbyPort)
        let promoted = OpenedDatabase(postgres: try await PostgresDatabase(url: standbyURL, maximumConnections: 4))
        defer { promoted.close() }
        let afterFailover = try await PostgresKillDuringEntryTests.stored(promoted.counting, clerks)
        for clerk in clerks {
            let acked = reached[clerk.login] ?? 0
            let rows = afterFailover[clerk.login] ?? [:]
            #expect(rows.count >= acked && rows.count <= acked + 1, "\(clerk.login): \(acked) acknowledged, \(rows.count) on the standby")
            for position in 0..<acked {
                #expect(rows[position] == "yes,\(Kill.typed(position)),,,", "\(clerk.login) ballot \(position + 1)")
            }
        }

        // The servers pointed at the promoted standby: the clerks finish from their last acknowledgement.
        let newServers = try ports.map { try Kill.serve(standbyURL, port: $0 + 10) }
        defer { newServers.forEach(Kill.stop) }
        for port in ports { try await Kill.waitUntilUp(port: port + 10) }
        for clerk in clerks {
            let port = ports[(clerk.stack - 1) % 2] + 10
            for position in (reached[clerk.login] ?? 0)..<Kill.ballotsPerClerk {
                #expect(await Kill.send(clerk, position: position, port: port), "\(clerk.login) ballot \(position + 1) on the standby")
            }
        }
        let final = try await PostgresKillDuringEntryTests.stored(promoted.counting, clerks)
        for clerk in clerks {
            #expect(final[clerk.login]?.count == Kill.ballotsPerClerk, "\(clerk.login): \(final[clerk.login]?.count ?? 0) stored")
        }
    }
}
