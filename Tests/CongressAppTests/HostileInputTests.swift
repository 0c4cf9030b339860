import AsyncHTTPClient
import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import NIOCore
import Testing

/// Hostile input never stops the server: the built `congress serve`, on loopback, receives for
/// every route of the route table and every request parameter the application reads hostile
/// values (huge, negative, zero, year 0 and 10000, empty, invalid UTF-8, wrong types, repeated
/// keys, 1 MB), as a user who may call the route. The test fails if the process exits or any
/// answer is a 5xx.
@Suite("Hostile input against the real server", .serialized)
struct HostileInputTests {
    /// Every name a handler reads from a query string or a form.
    static let parameters = [
        "page", "day", "q", "status", "gender", "age", "ethnicity", "education", "id", "paper", "next", "lang", "login",
        "password", "name", "role", "unit", "member", "remove", "active", "kind", "opens", "closes", "term", "delegates",
        "congress", "body", "seats", "alternates", "candidates", "entries", "title", "session", "opinion", "direction",
        "subject", "text", "for", "against", "abstaining", "board", "decision", "date", "names", "reason", "issued",
        "returned", "stack", "position", "typed", "notissued", "writein", "marked", "typed.0", "none.0", "confirm", "reject",
        "sessions", "attendance", "condition", "notConvened", "created", "saved",
    ]
    static let values = ["99999999999999999999", "9223372036854775807", "-1", "0", "0000-01-01", "0001-01-01", "10000-01-01",
                         "00%2F00%2F0000", "", "%FF%FE%00", "abc", "%0A%0D%09"]
    static let pathValues = ["0", "-1", "9223372036854775807", "99999999999999999999", "%FF", "..", "%00"]

    struct Account: Sendable { let token: String; let form: String }

    /// A small register with a congress, its board bound to accounts, and one round opened.
    static func prepare(_ path: String) async throws -> [String: Account] {
        let register = try SQLiteRegisterStore(path: path)
        try await register.addOrganisation(OrganisationRecords(
            units: [PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central),
                    PartyUnit(code: "T44", name: "Đảng bộ tỉnh Thử", kind: .underCentral),
                    PartyUnit(code: "X1", name: "Đảng bộ xã Thử", kind: .communeCommittee),
                    PartyUnit(code: "C1", name: "Chi bộ Thử", kind: .grassrootsCell)],
            placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "T44", parent: "TW"),
                         UnitPlacement(unit: "X1", parent: "T44"), UnitPlacement(unit: "C1", parent: "X1")], events: []))
        let access = AccessSetup.accessStore(for: register)
        let counting = AccessSetup.countingStore(for: register)
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
        let roll = (1...12).map { MemberOnRoll(memberID: Person.ID(String(format: "R%02d", $0)), fullName: "Nguyễn Văn \($0)") }
        let congress = try await counting.createCongress(CongressRecord(
            unit: "X1", name: "Đại hội thử", term: "2025–2030", kind: .members, opensOn: "2026-11-20", closesOn: "2026-11-21",
            members: roll, countingBoard: ["R12", "R11"]), audit: audit)
        let election = Election(title: "Bầu thử", body: .executiveCommittee, seats: 3,
                                candidates: ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình", "Đặng Văn Đức"],
                                base: BaseRecord(kind: .membersCongress, convened: 12), ballotsIssued: 12)
        let round = try await counting.openRound(election, unit: "X1", congress: congress, requiredEntries: 2, audit: audit)
        for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 12), .openCounting(returned: 12)] {
            _ = try await counting.apply(event, to: round, audit: audit)
        }
        try await counting.declareStack(round: round, stack: 1, ballots: 12, audit: audit)
        try await counting.claimPass(round: round, stack: 1, pass: 1, clerk: "counter", audit: audit)
        var accounts: [String: Account] = [:]
        let people: [(String, RoleGrant, Person.ID?)] = [
            ("admin", RoleGrant(role: .administrator, unit: "TW"), nil),
            ("counter", RoleGrant(role: .countingBoard, unit: "X1"), "R12"),
            ("reviewer", RoleGrant(role: .reviewer, unit: "T44"), nil),
        ]
        for (index, (login, grant, member)) in people.enumerated() {
            let user = try await access.createUser(
                NewUser(login: login, displayName: login, passwordHash: "$2b$04$unusedunusedunusedunusedunusedunusedunused",
                        grants: [grant], memberID: member), audit: AuditDraft(actor: "test", action: .userCreated, subject: login))
            let token = String(repeating: String(format: "%02x", index + 60), count: 32)
            let form = String(repeating: "h\(index)", count: 16)
            let hash = AccessSetup.sha256(Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
            try await access.createSession(StoredSession(tokenHash: hash, userID: user.id, formToken: form,
                                                         expires: Int64(Date().timeIntervalSince1970) + 7_200))
            accounts[login] = Account(token: token, form: form)
        }
        try register.close()
        return accounts
    }

    /// The account that may call a route, so that hostile values reach its handler.
    static func caller(_ access: RouteAccess) -> String {
        switch access {
        case .unit(.countBallots): "counter"
        case .unit(.approveResults): "reviewer"
        default: "admin"
        }
    }

    static func path(_ template: String, value: String? = nil) -> String {
        let defaults = ["code": "X1", "round": "1", "stack": "1", "pass": "1", "id": "R01", "userID": "2"]
        var path = template
        for (name, fallback) in defaults { path = path.replacingOccurrences(of: "{\(name)}", with: value ?? fallback) }
        return path
    }

    struct Outcome: Sendable { let status: UInt; let request: String }

    static func send(_ method: String, _ path: String, query: String?, form: String?, as account: Account, port: Int) async -> Outcome {
        var url = "http://127.0.0.1:\(port)\(path)"
        if let query { url += "?" + query }
        var request = HTTPClientRequest(url: url)
        request.method = method == "POST" ? .POST : .GET
        request.headers.add(name: "Cookie", value: "congress_session=\(account.token)")
        if method == "POST" {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "csrf=\(account.form)" + (form.map { "&" + $0 } ?? "")))
        }
        let label = "\(method) \(path)\(query.map { "?" + $0.prefix(60) } ?? "") \(form?.prefix(60) ?? "")"
        guard let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(20)) else { return Outcome(status: 0, request: label) }
        // The projector's feed streams for as long as the round is live: its head is the answer.
        if response.headers.first(name: "Content-Type")?.hasPrefix("text/event-stream") != true {
            _ = try? await response.body.collect(upTo: 1 << 22)
        }
        return Outcome(status: response.status.code, request: label)
    }

    @Test("every route × every parameter × hostile values: no 5xx, and the process stays up")
    func hostileValues() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("hostile.sqlite").path
        let accounts = try await Self.prepare(database)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = try KillDuringEntryTests.serve(database, port: port)
        defer { KillDuringEntryTests.stop(server) }
        try await KillDuringEntryTests.waitUntilUp(port: port)

        let routes = try WebApplication.routeTable(WebDependencies(
            register: MemoryRegisterStore(), access: MemoryAccessStore(chain: AccessSetup.chain, clock: { "" }),
            clock: { Date() }, today: { Day(iso: "2026-11-22")! }, passwords: BcryptPasswords(cost: 4), digest: AccessSetup.sha256))
        var requests: [(String, String, String?, String?, Account)] = []
        let huge = String(repeating: "A", count: 1_048_576)
        for route in routes where route.path != "/signout" {
            let method = route.method == .post ? "POST" : "GET"
            let account = accounts[Self.caller(route.access)]!
            let base = Self.path(route.path)
            for value in Self.pathValues where route.path.contains("{") {
                requests.append((method, Self.path(route.path, value: value), nil, nil, account))
            }
            for name in Self.parameters {
                for value in Self.values {
                    let pair = "\(name)=\(value)"
                    requests.append((method, base, method == "GET" ? pair : nil, method == "POST" ? pair : nil, account))
                }
            }
            let repeated = Self.parameters.flatMap { ["\($0)=1", "\($0)=2"] }.joined(separator: "&")
            requests.append((method, base, method == "GET" ? repeated : nil, method == "POST" ? repeated : nil, account))
            requests.append((method, base, method == "GET" ? "q=" + String(huge.prefix(60_000)) : nil,
                             method == "POST" ? "name=" + huge : nil, account))
        }
        var failures: [String] = []
        var sent = 0
        for batch in stride(from: 0, to: requests.count, by: 16) {
            let slice = requests[batch..<min(batch + 16, requests.count)]
            let outcomes = await withTaskGroup(of: Outcome.self) { group in
                for (method, path, query, form, account) in slice {
                    group.addTask { await Self.send(method, path, query: query, form: form, as: account, port: port) }
                }
                var all: [Outcome] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            sent += outcomes.count
            failures += outcomes.filter { $0.status >= 500 || $0.status == 0 }.map { "\($0.status) \($0.request)" }
            if !server.isRunning { break }
        }
        #expect(server.isRunning, "the server process exited under hostile input")
        #expect(failures.isEmpty, "\(failures.count) answers were 5xx or no answer, e.g. \(failures.prefix(5))")
        #expect(sent > 10_000)
    }
}
