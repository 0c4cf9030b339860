import CongressCore
import CongressSQLite
import CongressStore
import Crypto
import Foundation

// Durable ballot entries per second into the SQLite counting store (R-E-29) from 20 concurrent
// clerks: 10 stacks × 2 passes, each ballot one transaction with its audit entry (SHA-256 chain),
// acknowledged only after commit. The store level, without HTTP: the ceiling for the server.
//   swift run -c release entry-benchmarks [ballots-per-pass]

let perPass = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 500 : 500
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("entry-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let register = try SQLiteRegisterStore(path: folder.appendingPathComponent("count.sqlite").path)
try await register.addOrganisation(OrganisationRecords(
    units: [PartyUnit(code: "TW", name: "Trung ương", kind: .central)], placements: [UnitPlacement(unit: "TW", parent: nil)]))
let chain = AuditChain(digest: { Array(SHA256.hash(data: $0)) })
let store = SQLiteCountingStore(register: register, chain: chain, clock: { Date().formatted(.iso8601) })
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
print(String(format: "%d ballot entries by 20 concurrent clerks in %.2f s: %.0f entries/s (each committed with its audit entry)",
             total, seconds, Double(total) / seconds))
try? FileManager.default.removeItem(at: folder)
