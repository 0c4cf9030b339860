import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import Foundation

// Benchmarks of the register (issue 3). Release mode only:
//   cd Benchmarks && swift run -c release register-benchmarks [--scale national|province] [--folder DIR]
// 1. import of the members file into a register that holds the organisation (target ≤ 60 s for
//    the nation), beside the sqlite3 shell's `.import` of the same file into a bare table;
// 2. structure counts of the nation and of one province (target ≤ 500 ms);
// 3. accent-insensitive name search in the nation (target ≤ 50 ms).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let scale = DemoJob.Scale(rawValue: option("--scale") ?? "national") ?? .national
let folder = URL(fileURLWithPath: option("--folder") ?? NSTemporaryDirectory() + "congress-register-benchmarks")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
let csv = folder.appendingPathComponent("members-\(scale.rawValue).csv").path
let database = folder.appendingPathComponent("register-\(scale.rawValue).sqlite").path
let day = DemoProbe.referenceDay

func seconds(_ start: Date) -> String { String(format: "%.2f s", Date().timeIntervalSince(start)) }
func milliseconds(_ samples: [Double]) -> String {
    let sorted = samples.sorted()
    return String(format: "median %.1f ms, min %.1f ms, max %.1f ms (%d runs)", sorted[sorted.count / 2], sorted.first!, sorted.last!, sorted.count)
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

print("Register benchmarks, \(scale.rawValue) scale, release build, \(ProcessInfo.processInfo.activeProcessorCount) cores")
print(String(repeating: "-", count: 72))

// Setup (not timed): the organisation, and the members file written by the demo generator.
let plan = try DemoJob.plan(scale: scale, seed: 2025)
if !FileManager.default.fileExists(atPath: csv) {
    let start = Date()
    FileManager.default.createFile(atPath: csv, contents: Data((MembersCSV.header + "\n").utf8))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
    for province in plan.cellsByProvince.keys.sorted() {
        handle.seekToEndOfFile()
        handle.write(Data(plan.rows(province: province).map { MembersCSV.line($0) + "\n" }.joined().utf8))
    }
    try handle.close()
    print("setup: wrote \(csv) in \(seconds(start))")
}
let size = (try FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0
let lines = try String(contentsOfFile: csv, encoding: .utf8).utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } - 1
print("members file: \(lines) rows, \(size / 1_000_000) MB")
let skipImport = arguments.contains("--skip-import") && FileManager.default.fileExists(atPath: database)
if !skipImport {
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
do {
    let store = try SQLiteRegisterStore(path: database)
    try await store.addOrganisation(plan.records)
    try store.close()
}

// 1. Import: parse, check and write, all or nothing, exactly as `congress import members` does.
let importStart = Date()
let output = await ImportJob.run(file: csv, database: database, asOf: day, language: .en, say: { _ in })
let importSeconds = Date().timeIntervalSince(importStart)
precondition(output.status == 0, output.standardError)
print(String(format: "1. congress import members: %.1f s (%.0f rows/s)", importSeconds, Double(lines) / importSeconds))
print("   " + output.standardOutput.trimmingCharacters(in: .newlines))
let bare = folder.appendingPathComponent("bare.sqlite").path
try? FileManager.default.removeItem(atPath: bare)
let shell = Process()
shell.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
shell.arguments = [bare, ".mode csv", ".import \(csv) members"]
let shellStart = Date()
try shell.run()
shell.waitUntilExit()
let shellSeconds = Date().timeIntervalSince(shellStart)
print(String(format: "   sqlite3 shell .import into a bare table: %.1f s; ratio %.1f×", shellSeconds, importSeconds / shellSeconds))
}

// 2. Structure counts: the first call loads the snapshot (cold), later calls reuse it (warm).
let store = try SQLiteRegisterStore(path: database)
let loadStart = Date()
_ = try await store.snapshot()
print("2. snapshot load (once per change of the register): \(seconds(loadStart))")
let root = scale == .national ? "TW" : "T44"
let coldDay = Day(iso: "2025-12-31")!
let cold = try await time(1) { _ = try await store.structure(of: root, on: coldDay) }
print("   structure counts of \(root), first query of a new day: \(milliseconds(cold))")
let nation = try await time(10) { _ = try await store.structure(of: root, on: day) }
print("   structure counts of \(root): \(milliseconds(nation))")
let province = try await time(10) { _ = try await store.structure(of: "T44", on: day) }
print("   structure counts of one province (T44): \(milliseconds(province))")
let counts = try await store.structure(of: root, on: day)
print("   \(root) on \(day.vietnamese): \(counts.total) members, \(counts.byGender[.female] ?? 0) women, \(counts.ethnicMinorities) minorities")

// 3. Name search, accent-insensitive, first page in ballot-name order.
for query in ["nguyen van an", "Trần Thị Hương", "hoang minh", "lo van", "thao"] {
    var total = 0
    let samples = try await time(10) {
        total = try await store.members(MemberQuery(unit: root, day: day, search: query, limit: 50)).total
    }
    print("3. search \"\(query)\" in \(root): \(total) matches, \(milliseconds(samples))")
}
let page = try await time(10) { _ = try await store.members(MemberQuery(unit: "T44", day: day, offset: 50_000, limit: 50)) }
print("   members page 1,001 of T44 in name order: \(milliseconds(page))")
