import AsyncHTTPClient
import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

// Congress day through the real web application (release build, SQLite, loopback):
// (1) durable ballot entries per second the server accepts from 20 concurrent clerks, each
//     posting its own pass ballot by ballot and waiting for the acknowledgement (which comes
//     only after the commit);
// (2) the time from the last agreed stack of a 550-delegate round with 60 names to printable
//     minutes: agree the last stack, close counting (the result is computed from the agreed
//     entries), and fetch the minutes page.
//   swift run -c release congress-day-benchmarks [ballots-per-clerk]

let perClerk = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-day-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let register = try SQLiteRegisterStore(path: folder.appendingPathComponent("day.sqlite").path)
try await register.addOrganisation(OrganisationRecords(
    units: [PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central),
            PartyUnit(code: "T01", name: "Đảng bộ thành phố Hà Nội", kind: .underCentral)],
    placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "T01", parent: "TW")]))
let dependencies = ServeJob.dependencies(register: register, secureCookies: false)
let access = AccessSetup.accessStore(for: register)
let store = AccessSetup.countingStore(for: register)
let names = VietnameseNameOrder.sorted((1...60).map { "Đại Biểu Số \($0)" })
let base = BaseRecord(kind: .delegatesCongress, convened: 550, present: 550)
let audit = AuditDraft(actor: "bench", action: .roundEvent, subject: "bench")

func openRound(returned: Int) async throws -> Round.ID {
    let election = Election(title: "Bầu Ban Chấp hành Đảng bộ thành phố", body: .executiveCommittee, seats: 50, candidates: names,
                            base: base, ballotsIssued: 550)
    let id = try await store.openRound(election, unit: "T01", congress: nil, requiredEntries: 2, audit: audit)
    // The entry benchmark types more ballots than a congress has voters, so its box holds them all.
    for event in [RoundLifecycle.Event.adoptList(candidates: 60), .issueBallots(issued: max(550, returned)), .openCounting(returned: returned)] {
        _ = try await store.apply(event, to: id, audit: audit)
    }
    return id
}

struct Clerk: Sendable { let login: String; let cookie: String; let form: String }
func clerk(_ index: Int) async throws -> Clerk {
    let login = "clerk\(index)"
    let user = try await access.createUser(NewUser(login: login, displayName: "Kiểm phiếu \(index)",
                                                   passwordHash: String(repeating: "x", count: 60),
                                                   grants: [RoleGrant(role: .countingBoard, unit: "T01")]),
                                           audit: AuditDraft(actor: "bench", action: .userCreated, subject: login))
    let token = randomHex(), form = randomHex()
    let hash = AccessSetup.sha256(Array(token.utf8)).map { String(format: "%02x", $0) }.joined()
    try await access.createSession(StoredSession(tokenHash: hash, userID: user.id, formToken: form,
                                                 expires: Int64(Date().timeIntervalSince1970) + 3_600))
    return Clerk(login: login, cookie: "congress_session=\(token)", form: form)
}
let clerks = try await (0..<20).asyncMap { try await clerk($0) }

var logger = Logger(label: "bench")
logger.logLevel = .critical
let port = 19_500 + Int.random(in: 0..<400)
let application = try await WebApplication.application(dependencies, host: "127.0.0.1", port: port, logger: logger)
let server = Task { try await application.runService() }
let client = HTTPClient(eventLoopGroupProvider: .singleton)
for _ in 0..<100 {
    if let response = try? await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/signin"), timeout: .seconds(1)),
       response.status == .ok { break }
    try await Task.sleep(for: .milliseconds(50))
}

func post(_ clerk: Clerk, _ path: String, _ body: String) async throws -> HTTPResponseStatus {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = .POST
    request.headers.add(name: "Cookie", value: clerk.cookie)
    request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
    request.body = .bytes(ByteBuffer(string: "csrf=\(clerk.form)&" + body))
    let response = try await client.execute(request, timeout: .seconds(30))
    _ = try await response.body.collect(upTo: 1 << 20)
    return response.status
}

func typed(_ position: Int) -> String {
    Array(Set([(position % 60) + 1, ((position * 7) % 60) + 1, ((position * 13) % 60) + 1])).sorted().map(String.init).joined(separator: "+")
}

// (1) Entries per second from 20 concurrent clerks: 10 stacks × 2 passes.
let entryRound = try await openRound(returned: 10 * perClerk)
for stack in 1...10 { try await store.declareStack(round: entryRound, stack: stack, ballots: perClerk, audit: audit) }
for (index, clerk) in clerks.enumerated() {
    try await store.claimPass(round: entryRound, stack: index / 2 + 1, pass: index % 2 + 1, clerk: clerk.login, audit: audit)
}
let start = Date()
try await withThrowingTaskGroup(of: Int.self) { group in
    for (index, clerk) in clerks.enumerated() {
        group.addTask {
            let path = "/api/units/T01/rounds/\(entryRound)/stacks/\(index / 2 + 1)/passes/\(index % 2 + 1)/ballots"
            var acknowledged = 0
            for position in 0..<perClerk where try await post(clerk, path, "position=\(position)&typed=\(typed(position))") == .ok {
                acknowledged += 1
            }
            return acknowledged
        }
    }
    var total = 0
    for try await count in group { total += count }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "(1) %d ballots acknowledged durably by the server to 20 concurrent clerks in %.2f s: %.0f entries/s (target ≥ 2,000/s)",
                 total, seconds, Double(total) / seconds))
    if total != 20 * perClerk { print("    \(20 * perClerk - total) were refused") }
}

// (2) From the last agreed stack to printable minutes: 550 delegates, 60 names, 10 stacks of 55.
let minutesRound = try await openRound(returned: 550)
var ballots: [[Ballot]] = []
for stack in 1...10 {
    let stackBallots = (0..<55).map { position in
        try! BallotKeyEntry(typed: typed(stack * 55 + position)).ballot(form: .strikeOut, candidates: 60)
    }
    ballots.append(stackBallots)
    try await store.declareStack(round: minutesRound, stack: stack, ballots: 55, audit: audit)
    for pass in 1...2 {
        let login = clerks[(stack - 1) * 2 + pass - 1].login
        try await store.claimPass(round: minutesRound, stack: stack, pass: pass, clerk: login, audit: audit)
        for (position, ballot) in stackBallots.enumerated() {
            try await store.recordBallot(round: minutesRound, stack: stack, pass: pass, clerk: login, position: position, ballot: ballot)
        }
        try await store.finishPass(round: minutesRound, stack: stack, pass: pass, clerk: login, audit: audit)
    }
    if stack < 10 { try await store.agreeStack(round: minutesRound, stack: stack, ballots: stackBallots, audit: [audit]) }
}
let board = clerks[0]
let round = "/units/T01/rounds/\(minutesRound)"
var timings: [Double] = []
let lastStart = Date()
let accepted = try await post(board, "\(round)/stacks/10", "")
let closed = try await post(board, "\(round)/close", "confirm=yes")
var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(round)/minutes")
request.headers.add(name: "Cookie", value: board.cookie)
let response = try await client.execute(request, timeout: .seconds(30))
let page = try await response.body.collect(upTo: 1 << 24)
let elapsed = Date().timeIntervalSince(lastStart)
timings.append(elapsed)
print(String(format: "(2) last stack agreed (%d), counting closed and result computed (%d), minutes page (%d, %d bytes) in %.0f ms (target ≤ 1,000 ms)",
             accepted.code, closed.code, response.status.code, page.readableBytes, elapsed * 1000))

try await client.shutdown()
server.cancel()

func randomHex() -> String { (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined() }

extension Sequence where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async throws -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
