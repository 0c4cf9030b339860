import CongressApp
import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Crypto
import Foundation

// Durable ballot entries per second (R-E-29) from 20 concurrent clerks: 10 stacks × 2 passes,
// each ballot its own transaction, acknowledged only after commit. The store level, without
// HTTP: the ceiling for the servers. On SQLite one store; on PostgreSQL two connection pools on
// one database, as two application servers, the clerks spread over them.
//   swift run -c release entry-benchmarks [ballots-per-pass] [--postgres postgres://user@host:port/NAME]

let arguments = CommandLine.arguments
let perPass = arguments.count > 1 ? Int(arguments[1]) ?? 500 : 500
let postgres = arguments.firstIndex(of: "--postgres").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entry-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let tree = OrganisationRecords(units: [PartyUnit(code: "TW", name: "Trung ương", kind: .central)],
                               placements: [UnitPlacement(unit: "TW", parent: nil)])
let chain = AuditChain(digest: { Array(SHA256.hash(data: $0)) })
let servers: [any CountingStore]
var opened: [OpenedDatabase] = []
if let postgres, let location = PostgresLocation(postgres) {
    let name = location.database + "_\(Int(Date().timeIntervalSince1970))"
    try await PostgresDatabase.createDatabase(named: name, on: location.with(database: "postgres"))
    for _ in 0..<2 { opened.append(OpenedDatabase(postgres: try await PostgresDatabase(url: location.with(database: name).url))) }
    try await opened[0].register.addOrganisation(tree)
    servers = opened.map(\.counting)
    print("PostgreSQL database \(name), two pools of 24 connections as two servers")
} else {
    let register = try SQLiteRegisterStore(path: folder.appendingPathComponent("count.sqlite").path)
    try await register.addOrganisation(tree)
    servers = [SQLiteCountingStore(register: register, chain: chain, clock: { Date().formatted(.iso8601) })]
    print("SQLite, one store")
}
let store = servers[0]
let candidates = (1...60).map { "Ứng viên Số \($0)" }
let election = Election(title: "Đại hội đại biểu", body: .executiveCommittee, rulebook: .qd190, round: 1, seats: 50,
                        candidates: VietnameseNameOrder.sorted(candidates),
                        base: BaseRecord(kind: .delegatesCongress, convened: 550), ballotsIssued: 550)
let audit = AuditDraft(actor: "board", action: .roundEvent, subject: "bench")
let id = try await store.openRound(election, unit: "TW", requiredEntries: 2, audit: audit)
_ = try await store.apply(.adoptList(candidates: 60), to: id, audit: audit)
// 20 clerks type 10 stacks of `perPass` ballots: the box holds them all.
_ = try await store.apply(.issueBallots(issued: 10 * perPass), to: id, audit: audit)
_ = try await store.apply(.openCounting(returned: 10 * perPass), to: id, audit: audit)
for stack in 1...10 { try await store.declareStack(round: id, stack: stack, ballots: perPass, audit: audit) }

let start = Date()
try await withThrowingTaskGroup(of: Void.self) { group in
    for clerk in 0..<20 {
        let store = servers[clerk % servers.count]
        group.addTask {
            let stack = clerk / 2 + 1, pass = clerk % 2 + 1, name = "clerk\(clerk)"
            try await store.claimPass(round: id, stack: stack, pass: pass, clerk: name, audit: audit)
            for position in 0..<perPass {
                let struck = [(position % 60) + 1, ((position * 7) % 60) + 1, ((position * 13) % 60) + 1]
                try await store.recordBallot(round: id, stack: stack, pass: pass, clerk: name, position: position,
                                             ballot: .striking(Array(Set(struck))))
            }
        }
    }
    try await group.waitForAll()
}
let seconds = Date().timeIntervalSince(start)
let total = 20 * perPass
print(String(format: "%d ballot entries by 20 concurrent clerks over %d server(s) in %.2f s: %.0f durable entries/s",
             total, servers.count, seconds, Double(total) / seconds))
opened.forEach { $0.close() }
try? FileManager.default.removeItem(at: folder)
