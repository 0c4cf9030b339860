import AsyncHTTPClient
import CongressApp
import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

// The dossier list of a province's whole planning pool through the real web application
// (issue 13): 20,000 people, each with a dossier checked against the conditions (R-P-1, R-P-4),
// read page by page by 20 concurrent clients of the organising staff; every read is audited
// (R-P-5), so every request also appends to the hash-chained log. Release build, loopback.
//   swift run -c release dossier-list-benchmarks [seconds] [--postgres postgres://…/NAME]

let arguments = CommandLine.arguments.dropFirst()
let seconds = arguments.first.flatMap { Double($0) } ?? 20
let postgresURL = arguments.firstIndex(of: "--postgres").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
let people = 20_000
let clients = 20

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-list-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let opened: OpenedDatabase
if let postgresURL {
    guard let location = PostgresLocation(postgresURL) else { fatalError("\(postgresURL) is not a PostgreSQL URL") }
    try? await PostgresDatabase.createDatabase(named: location.database, on: location)
    let database = try await PostgresDatabase(url: postgresURL, maximumConnections: 24)
    opened = OpenedDatabase(postgres: database)
} else {
    opened = OpenedDatabase(sqlite: try SQLiteRegisterStore(path: folder.appendingPathComponent("pool.sqlite").path))
}
let engine = postgresURL == nil ? "SQLite" : "PostgreSQL"

// A province of 20 communes with 1,000 members each.
let communes = (1...20).map { PartyUnit.ID(String(format: "BX%02d", $0)) }
var units = [PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central),
             PartyUnit(code: "BT", name: "Đảng bộ tỉnh Thử Nghiệm", kind: .underCentral)]
var placements = [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "BT", parent: "TW")]
for (index, code) in communes.enumerated() {
    units.append(PartyUnit(code: code, name: "Đảng bộ xã Thử Nghiệm \(index + 1)", kind: .communeCommittee))
    placements.append(UnitPlacement(unit: code, parent: "BT"))
}
if try await opened.register.unit("BT") == nil {
    try await opened.register.addOrganisation(OrganisationRecords(units: units, placements: placements))
    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
    let middles = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thanh"]
    let given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Oanh", "Phúc", "Quang", "Sơn", "Thảo"]
    var csv = "member_id,full_name,gender,birth_date,ethnicity,hometown_province_code,unit_code,joined_on,official_on,status,education,academic_title,political_theory\n"
    for index in 0..<people {
        let name = "\(families[index % 10]) \(middles[(index / 10) % 6]) \(given[(index / 60) % 15])"
        let year = 1962 + index % 38, female = index % 3 == 0
        let probationary = index % 97 == 0
        csv += "BP\(String(format: "%06d", index)),\(name),\(female ? "nữ" : "nam"),\(year)-\(String(format: "%02d", index % 12 + 1))-15,Kinh,44,"
            + "\(communes[index % 20]),\(year + 25)-01-01,\(probationary ? "" : "\(year + 26)-01-01"),\(probationary ? "probationary" : "official"),cử nhân,,trung cấp\n"
    }
    guard case .success(let rows) = MembersCSV.parse(Array(csv.utf8), today: Day(iso: "2026-01-01")!) else { fatalError("bad generated members") }
    _ = try await opened.register.importMembers(rows, on: Day(iso: "2026-01-01")!)
}
let ids = (0..<people).map { Person.ID("BP" + String(format: "%06d", $0)) }
let audit = AuditDraft(actor: "bench", action: .dossierRecorded, subject: "pool", unit: "BT")
let setupStart = Date()
if try await opened.personnel.dossiers(of: "BT").count < people {
    try await opened.personnel.revisePlanning(PlanningRevision(unit: "BT", term: "2025–2030", post: .committee, day: Day(iso: "2024-03-01")!,
                                                               members: ids.enumerated().filter { $0.offset % 5 != 0 }.map(\.element),
                                                               recordedBy: "bench", note: "pool"), audit: audit)
    let evidence = Evidence(document: "KL 1", day: Day(iso: "2025-01-01")!, recordedBy: "bench")
    for (index, id) in ids.enumerated() {
        try await opened.personnel.recordDossier(DossierRecord(memberID: id, post: .committee, level: .underCentral,
                                                               entry: index % 4 == 0 ? .reelection : .first,
                                                               standardsConclusion: index % 50 == 0 ? nil : evidence,
                                                               assetsDeclared: evidence), unit: "BT", audit: audit)
    }
    for id in ids.prefix(60) {
        try await opened.register.recordMembershipEvent(MembershipEvent(kind: .disciplined, day: Day(iso: "2025-02-01")!, detail: "khiển trách"),
                                                        for: id)
    }
}
print("setup: \(people) members, \(people) dossiers, one planning list (\(engine)): \(String(format: "%.1f", Date().timeIntervalSince(setupStart))) s")

// The organising staff of the province, with a session.
let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
let user = try await opened.access.createUser(NewUser(login: "bto\(Int.random(in: 1000...9999))", displayName: "Ban Tổ chức",
                                                      passwordHash: String(repeating: "x", count: 60),
                                                      grants: [RoleGrant(role: .organisingStaff, unit: "BT")]),
                                              audit: AuditDraft(actor: "bench", action: .userCreated, subject: "bto"))
try await opened.access.createSession(StoredSession(tokenHash: AccessSetup.sha256(Array(token.utf8)).map { String(format: "%02x", $0) }.joined(),
                                                    userID: user.id, formToken: token, expires: Int64(Date().timeIntervalSince1970) + 7_200))

var logger = Logger(label: "bench")
logger.logLevel = .critical
let port = 19_900 + Int.random(in: 0..<90)
let application = try await WebApplication.application(ServeJob.dependencies(opened, secureCookies: false), host: "127.0.0.1", port: port,
                                                        logger: logger)
let server = Task { try await application.runService() }
let client = HTTPClient(eventLoopGroupProvider: .singleton)
for _ in 0..<100 {
    if let response = try? await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/signin"), timeout: .seconds(1)),
       response.status == .ok { break }
    try await Task.sleep(for: .milliseconds(50))
}

func get(_ path: String) async throws -> (HTTPResponseStatus, Int, Double) {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.headers.add(name: "Cookie", value: "congress_session=\(token)")
    let start = DispatchTime.now().uptimeNanoseconds
    let response = try await client.execute(request, timeout: .seconds(30))
    let body = try await response.body.collect(upTo: 16 << 20)
    return (response.status, body.readableBytes, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}

let (coldStatus, coldBytes, cold) = try await get("/units/BT/personnel/dossiers")
print("first read (the pool checked and kept): HTTP \(coldStatus.code), \(coldBytes) bytes, \(String(format: "%.1f", cold)) ms")
let deadline = Date().addingTimeInterval(seconds)
let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
    for clientIndex in 0..<clients {
        group.addTask {
            var mine: [Double] = []
            var page = clientIndex
            while Date() < deadline {
                page = (page * 7 + 13) % 200 + 1
                let path = page % 10 == 0 ? "/units/BT/personnel/dossiers?show=failing" : "/units/BT/personnel/dossiers?page=\(page)"
                let (status, _, ms) = try await get(path)
                guard status == .ok else { throw NSError(domain: "bench", code: Int(status.code)) }
                mine.append(ms)
            }
            return mine
        }
    }
    var all: [Double] = []
    for try await part in group { all += part }
    return all.sorted()
}
func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
print("dossier list of \(people) (100 a page, conditions checked), \(clients) clients, \(Int(seconds)) s, \(engine): "
      + "\(latencies.count) requests (\(Int(Double(latencies.count) / seconds))/s), p50 \(String(format: "%.1f", percentile(0.5))) ms, "
      + "p95 \(String(format: "%.1f", percentile(0.95))) ms, p99 \(String(format: "%.1f", percentile(0.99))) ms")
let head = try await opened.access.auditHead()
print("audit log after the run: \(head.count) entries (each read is one)")
try await client.shutdown()
server.cancel()
