import CongressApp
import CongressCore
import CongressPostgres
import CongressStore
import Foundation

// The register on either engine (issue 12), release mode only:
//   cd Benchmarks && swift run -c release storage-benchmarks --database postgres://user@host:port/NAME
//   cd Benchmarks && swift run -c release storage-benchmarks --database /tmp/national.sqlite
// The database is made anew (a PostgreSQL database of that name is dropped first). Measures:
// 1. `congress import members` of the national members file, beside the engine's own bulk load of
//    the same file into a bare table (`psql \copy`, or the sqlite3 shell's `.import`);
// 2. structure counts of the nation (warm) and name search;
// 3. one transfer between provinces until the province's count shows it, and the reads' p99
//    during a stream of 10 transfers a second.

/// Printed at once, so that a long run shows its figures as they come.
func report(_ text: String) { print(text); fflush(nil) }
let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
guard let target = option("--database") else { report("usage: storage-benchmarks --database PATH|postgres://…"); exit(2) }
let onPostgres = PostgresLocation.isURL(target)
let folder = URL(fileURLWithPath: option("--folder") ?? NSTemporaryDirectory() + "congress-register-benchmarks")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let csv = folder.appendingPathComponent("members-national.csv").path
let day = DemoProbe.referenceDay

func milliseconds(_ samples: [Double]) -> String {
    let sorted = samples.sorted()
    let p99 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.99).rounded(.up)) - 1)]
    return String(format: "median %.1f ms, p99 %.1f ms, max %.1f ms (%d runs)", sorted[sorted.count / 2], p99, sorted.last!, sorted.count)
}
func time(_ runs: Int, _ body: () async throws -> Void) async rethrows -> [Double] {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try await body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return samples
}
func run(_ program: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "\(program) failed")
    return Date().timeIntervalSince(start)
}
func which(_ program: String) -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []).map { "/usr/lib/postgresql/\($0)/bin" }
    return folders.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

report("Storage benchmarks on \(onPostgres ? "PostgreSQL" : "SQLite"), national scale, release build, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
report(String(repeating: "-", count: 72))

// Setup (not timed): the members file written by the demo generator, a new database with the tree.
let plan = try DemoJob.plan(scale: .national, seed: 2025)
if !FileManager.default.fileExists(atPath: csv) {
    FileManager.default.createFile(atPath: csv, contents: Data((MembersCSV.header + "\n").utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
    for province in plan.cellsByProvince.keys.sorted() {
        handle.seekToEndOfFile()
        handle.write(Data(plan.rows(province: province).map { MembersCSV.line($0) + "\n" }.joined().utf8))
    }
    try handle.close()
}
let lines = try String(contentsOfFile: csv, encoding: .utf8).utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
report("members file: \(lines) rows")
if onPostgres {
    let location = PostgresLocation(target)!
    let psql = which("psql")!
    _ = try run(psql, ["-h", location.host, "-p", String(location.port), "-U", location.user, "-d", "postgres", "-c",
                       "DROP DATABASE IF EXISTS \(location.database)"])
} else {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
}
do {
    let opened = try await DatabaseLocation.creating(target, language: .en)
    try await opened.register.addOrganisation(plan.records)
    opened.close()
}

// 1. Import, exactly as `congress import members` does it, and the engine's bare bulk load.
let importStart = Date()
let output = await ImportJob.run(file: csv, database: target, asOf: day, language: .en, say: { _ in })
let importSeconds = Date().timeIntervalSince(importStart)
precondition(output.status == 0, output.standardError)
report(String(format: "1. congress import members: %.1f s (%.0f rows/s)", importSeconds, Double(lines) / importSeconds))
let columns = MembersCSV.header.split(separator: ",").count
if onPostgres {
    let location = PostgresLocation(target)!
    let psql = which("psql")!
    let connection = ["-h", location.host, "-p", String(location.port), "-U", location.user, "-d", location.database]
    let table = "bare_members (" + (1...columns).map { "c\($0) text" }.joined(separator: ", ") + ")"
    _ = try run(psql, connection + ["-c", "DROP TABLE IF EXISTS bare_members", "-c", "CREATE TABLE \(table)"])
    let seconds = try run(psql, connection + ["-c", "\\copy bare_members FROM '\(csv)' WITH (FORMAT csv, HEADER true)"])
    report(String(format: "   psql \\copy of the same file into a bare table: %.1f s; ratio %.1f×", seconds, importSeconds / seconds))
    _ = try run(psql, connection + ["-c", "DROP TABLE bare_members"])
} else if let sqlite3 = which("sqlite3") {
    let bare = folder.appendingPathComponent("bare.sqlite").path
    try? FileManager.default.removeItem(atPath: bare)
    let seconds = try run(sqlite3, [bare, ".mode csv", ".import \(csv) members"])
    report(String(format: "   sqlite3 .import of the same file into a bare table: %.1f s; ratio %.1f×", seconds, importSeconds / seconds))
}

// 2. Counts and search, as a server that has loaded its view.
let opened = try await DatabaseLocation.existing(target, language: .en)
let store = opened.register
let loadStart = Date()
_ = try await store.snapshot()
report(String(format: "2. register view loaded in %.1f s", Date().timeIntervalSince(loadStart)))
let nation = try await time(10) { _ = try await store.structure(of: "TW", on: day) }
report("   structure counts of the nation (warm): \(milliseconds(nation))")
for query in ["nguyen van an", "Trần Thị Hương", "hoang minh"] {
    var total = 0
    let samples = try await time(10) { total = try await store.members(MemberQuery(unit: "TW", day: day, search: query, limit: 50)).total }
    report("   search \"\(query)\" in the nation: \(total) matches, \(milliseconds(samples))")
}

// 3. Transfers between two provinces: from the write until the province's count shows it.
let transferDay = Day(iso: "2026-11-01")!
var provinces: [PartyUnit.ID] = []
for code in plan.records.units.filter({ $0.kind == .underCentral && $0.validTo == nil }).map(\.code).sorted() where provinces.count < 2 {
    if try await store.structure(of: code, on: transferDay).total > 1_000 { provinces.append(code) }
}
let (from, to) = (provinces[0], provinces[1])
let movers = try await store.members(MemberQuery(unit: from, day: transferDay, limit: 200)).items
let destination = try await store.members(MemberQuery(unit: to, day: transferDay, limit: 1)).items[0].unit
let before = try await store.structure(of: from, on: transferDay).total
let changeStart = Date()
try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: transferDay, unit: destination), for: movers[0].memberID)
var seen = 0.0
while true {
    if try await store.structure(of: from, on: transferDay).total == before - 1 { seen = Date().timeIntervalSince(changeStart); break }
    try await Task.sleep(for: .milliseconds(10))
}
report(String(format: "3. one transfer %@ → %@ visible in %@'s counts after %.2f s", from.rawValue, to.rawValue, from.rawValue, seen))
actor Finished {
    var done = false
    var moved = 0
    var refused: [String] = []
    func finish() { done = true }
    func record(_ error: (any Error)?) { if let error { refused.append("\(error)") } else { moved += 1 } }
}
let finished = Finished()
// A transfer the register refuses is counted and reported, never left to stop the stream.
let stream = Task {
    // Paced at 10 a second: each transfer starts 100 ms after the one before it started.
    let paceStart = DispatchTime.now().uptimeNanoseconds
    for (index, mover) in movers.dropFirst().prefix(50).enumerated() {
        let due = paceStart + UInt64(index) * 100_000_000
        let now = DispatchTime.now().uptimeNanoseconds
        if due > now { try? await Task.sleep(for: .nanoseconds(Int(due - now))) }
        do {
            try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: transferDay, unit: destination), for: mover.memberID)
            await finished.record(nil)
        } catch {
            await finished.record(error)
        }
    }
    await finished.finish()
}
var reads: [Double] = []
let streamStart = Date()
while await !finished.done {
    reads += try await time(1) { _ = try await store.structure(of: "TW", on: transferDay) }
}
await stream.value
let streamSeconds = Date().timeIntervalSince(streamStart)
let moved = await finished.moved
let refused = await finished.refused
let after = try await store.structure(of: from, on: transferDay).total
report(String(format: "   %d transfers in %.1f s (%.1f a second), %d refused%@", moved, streamSeconds, Double(moved) / streamSeconds,
              refused.count, refused.first.map { ": \($0)" } ?? ""))
precondition(after == before - 1 - moved, "every transfer is in the counts")
report("   reads of the nation's counts during the stream: \(milliseconds(reads))")
opened.close()
