import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import GRDB
import Testing
import AsyncHTTPClient
import NIOCore

/// Reliability of entry (R-E-29): the real `congress serve` is killed with SIGKILL while four
/// clerks enter ballots concurrently over HTTP. Every ballot a clerk saw acknowledged is on disk
/// after the kill, none twice; after a restart the clerks resend what was not acknowledged and
/// the passes end complete, each ballot once.
@Suite("Kill during entry", .serialized)
struct KillDuringEntryTests {
    static let clerks = 4
    static let ballotsPerClerk = 150
    static let election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, seats: 3,
                                   candidates: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đặng Văn Đức"],
                                   base: BaseRecord(kind: .membersCongress, convened: 2_000), ballotsIssued: 2_000)

    /// The ballot a clerk types at a position: a fixed pattern, so a wrong row is detectable.
    static func typed(_ position: Int) -> String { String(position % 4 + 1) }

    struct Clerk: Sendable {
        let login: String
        let token: String
        let formToken: String
        let stack: Int
    }

    /// A database with a counting round open and one session per clerk, each holding stack k's pass 1.
    static func prepare(_ path: String) async throws -> [Clerk] {
        let register = try SQLiteRegisterStore(path: path)
        let clerks = try await prepare(OpenedDatabase(sqlite: register))
        try register.close()
        return clerks
    }

    /// The same on any opened database.
    static func prepare(_ database: OpenedDatabase) async throws -> [Clerk] {
        let register = database.register
        try await register.addOrganisation(OrganisationRecords(
            units: [PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central),
                    PartyUnit(code: "X1", name: "Đảng bộ xã Thử", kind: .communeCommittee)],
            placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "X1", parent: "TW")], events: []))
        let access = database.access
        let counting = database.counting
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
        let round = try await counting.openRound(election, unit: "X1", congress: nil, requiredEntries: 2, audit: audit)
        for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 2_000), .openCounting(returned: 2_000)] {
            _ = try await counting.apply(event, to: round, audit: audit)
        }
        var prepared: [Clerk] = []
        for index in 1...Self.clerks {
            let login = "clerk\(index)"
            let user = try await access.createUser(
                NewUser(login: login, displayName: "Kiểm phiếu \(index)", passwordHash: "$2b$04$unusedunusedunusedunusedunusedunusedunused",
                        grants: [RoleGrant(role: .countingBoard, unit: "X1")]),
                audit: AuditDraft(actor: "test", action: .userCreated, subject: login))
            let token = String(repeating: String(format: "%02x", index + 40), count: 32)
            let formToken = String(repeating: "k\(index)", count: 16)
            let hash = AccessSetup.sha256(Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
            try await access.createSession(StoredSession(tokenHash: hash, userID: user.id, formToken: formToken,
                                                         expires: Int64(Date().timeIntervalSince1970) + 3_600))
            try await counting.declareStack(round: round, stack: index, ballots: Self.ballotsPerClerk,
                                            audit: AuditDraft(actor: "board", action: .stackDeclared, subject: "stack \(index)"))
            try await counting.claimPass(round: round, stack: index, pass: 1, clerk: login,
                                         audit: AuditDraft(actor: login, action: .passClaimed, subject: "stack \(index)"))
            prepared.append(Clerk(login: login, token: token, formToken: formToken, stack: index))
        }
        return prepared
    }

    static func serve(_ path: String, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = ExecutableTests.binary
        process.arguments = ["serve", "--database", path, "--port", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Stops a server started by a test: SIGTERM, then SIGKILL if it is still up after 5 s (live
    /// feeds can hold a graceful shutdown), so no test leaves a server running.
    static func stop(_ server: Process) {
        guard server.isRunning else { return }
        server.terminate()
        for _ in 0..<50 where server.isRunning { usleep(100_000) }
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
    }

    static func waitUntilUp(port: Int) async throws {
        for _ in 0..<300 {
            let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/signin")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status.code == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the server did not start")
    }

    /// Sends one ballot; true when the server acknowledged it (200), false when the connection failed.
    static func send(_ clerk: Clerk, position: Int, port: Int) async -> Bool {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/units/X1/rounds/1/stacks/\(clerk.stack)/passes/1/ballots")
        request.method = .POST
        request.headers.add(name: "Cookie", value: "congress_session=\(clerk.token)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: "csrf=\(clerk.formToken)&position=\(position)&typed=\(typed(position))"))
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(10)) else { return false }
        _ = try? await response.body.collect(upTo: 1 << 16)
        return response.status.code == 200
    }

    /// Each clerk's pass as stored: position → ballot row.
    static func stored(_ path: String) throws -> [String: [Int: String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var passes: [String: [Int: String]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT p.clerk, e.position, e.ballot FROM ballot_entry e JOIN stack_pass p ON p.round_id = e.round_id AND p.stack = e.stack AND p.pass = e.pass") {
                passes[row["clerk"], default: [:]][row["position"]] = row["ballot"]
            }
            return passes
        }
    }

    @Test("R-E-29: SIGKILL during concurrent entry loses no acknowledged ballot and doubles none")
    func killDuringEntry() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kill.sqlite").path
        let clerks = try await Self.prepare(path)
        let port = 18_000 + Int.random(in: 0..<2_000)
        let server = try Self.serve(path, port: port)
        try await Self.waitUntilUp(port: port)

        // Four clerks type concurrently; the server is killed once 200 ballots are acknowledged.
        let acknowledged = Counter()
        let killer = Task {
            while await acknowledged.total < 200 { try await Task.sleep(for: .milliseconds(5)) }
            kill(server.processIdentifier, SIGKILL)
        }
        let reached = await withTaskGroup(of: (String, Int).self) { group in
            for clerk in clerks {
                group.addTask {
                    var next = 0
                    while next < Self.ballotsPerClerk, await Self.send(clerk, position: next, port: port) {
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
        server.waitUntilExit()
        #expect(server.terminationReason == .uncaughtSignal, "the server was killed, not stopped")

        let afterKill = try Self.stored(path)
        for clerk in clerks {
            let acked = reached[clerk.login] ?? 0
            let rows = afterKill[clerk.login] ?? [:]
            #expect(acked < Self.ballotsPerClerk, "\(clerk.login) was still typing when the server died")
            #expect(rows.count >= acked, "\(clerk.login): \(acked) acknowledged, \(rows.count) on disk")
            #expect(rows.count <= acked + 1, "at most the one in flight is on disk unacknowledged")
            #expect(Set(rows.keys) == Set(0..<rows.count), "positions are contiguous, none twice")
            for position in 0..<acked {
                #expect(rows[position] == "yes,\(Self.typed(position)),,,", "\(clerk.login) ballot \(position + 1)")
            }
        }

        // Restarted, each clerk resends from its last acknowledgement: the one in flight is taken as a retry.
        let again = try Self.serve(path, port: port)
        defer { again.terminate(); again.waitUntilExit() }
        try await Self.waitUntilUp(port: port)
        for clerk in clerks {
            for position in (reached[clerk.login] ?? 0)..<Self.ballotsPerClerk {
                #expect(await Self.send(clerk, position: position, port: port), "\(clerk.login) ballot \(position + 1) after restart")
            }
        }
        let final = try Self.stored(path)
        for clerk in clerks {
            let rows = final[clerk.login] ?? [:]
            #expect(rows.count == Self.ballotsPerClerk)
            #expect((0..<Self.ballotsPerClerk).allSatisfy { rows[$0] == "yes,\(Self.typed($0)),,," })
        }
    }
}

actor Counter {
    private(set) var total = 0
    func add() { total += 1 }
}
