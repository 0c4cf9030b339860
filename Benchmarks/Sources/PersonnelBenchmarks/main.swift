import CongressApp
import CongressCore
import Foundation

// `congress personnel check` on 100,000 dossiers (issue 13's target: ≤ 1 s, release build):
// the file written once, then the job timed whole (read, parse, R-P-1 and R-P-4 for each row,
// the JSON result document), five runs.
//   cd Benchmarks && swift run -c release personnel-benchmarks [ROWS]
let rows = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossiers-\(rows).csv").path
var text = DossiersFile.columns.joined(separator: ",") + "\n"
let levels = CommitteeLevel.allCases, posts = PersonnelPost.allCases, entries = PersonnelEntry.allCases
let disciplines = ["none", "none", "none", "reprimand", "warning", "dismissal"]
for index in 0..<rows {
    let year = 1960 + index % 40, month = 1 + index % 12
    let discipline = disciplines[index % disciplines.count]
    let until = discipline == "none" ? "" : (index % 2 == 0 ? "2025-03-31" : "")
    text += "DV\(1_000_000 + index),Nguyễn Văn \(index),\(index % 3 == 0 ? "nữ" : "nam"),\(year)-\(month < 10 ? "0" : "")\(month)-15,"
        + "\(levels[index % levels.count].rawValue),\(posts[index % posts.count].rawValue),\(entries[index % entries.count].rawValue),"
        + "\(index % 17 == 0 ? "probationary" : "official"),yes,no,\(discipline),\(until),\(index % 5 == 0 ? "no" : "yes"),yes\n"
}
try text.write(toFile: path, atomically: true, encoding: .utf8)
print("personnel check on \(rows) dossiers (\(text.utf8.count / 1_000_000) MB), release build, \(ProcessInfo.processInfo.activeProcessorCount) cores")
var seconds: [Double] = []
for _ in 0..<5 {
    let start = Date()
    let output = PersonnelCheckJob.run(path: path, format: .json, language: .vi)
    seconds.append(Date().timeIntervalSince(start))
    precondition(output.status == 0, output.standardError)
}
let sorted = seconds.sorted()
print(String(format: "  JSON result: median %.3f s, best %.3f s, worst %.3f s (target ≤ 1 s)", sorted[2], sorted[0], sorted[4]))
let start = Date()
_ = PersonnelCheckJob.run(path: path, format: .text, language: .vi)
print(String(format: "  text result: %.3f s", Date().timeIntervalSince(start)))
// Where the time goes: reading the file, checking the rows, rendering the document.
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
var phase = Date()
guard case .success(let dossiers) = DossiersFile.parse(bytes) else { fatalError("the generated file parses") }
let parsed = Date().timeIntervalSince(phase)
phase = Date()
let verdicts = dossiers.map { DossierCheck.check($0) }
let checked = Date().timeIntervalSince(phase)
phase = Date()
let rendered = PersonnelCheckJob.render(verdicts, cycle: .c2025_2030, format: .json, language: .vi)
print(String(format: "  of which: parse %.3f s, check %.3f s, render %.3f s (%d bytes)", parsed, checked, Date().timeIntervalSince(phase), rendered.utf8.count))
try? FileManager.default.removeItem(atPath: path)
