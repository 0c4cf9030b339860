import CongressApp
import CongressCore
import Foundation

// Benchmarks of counting (issue 2). Release mode only:
//   cd Benchmarks && swift run -c release congress-benchmarks [--quick]
// (a) a national-congress round: 1,600 ballots × 220 names;
// (b) 1,000,000 strike-out ballots × 30 names, from the CSV file to the printed result, exactly
//     what `congress tally` does (target ≤ 1.5 s on the project's 2-core machine).

let quick = CommandLine.arguments.contains("--quick")
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-benchmarks")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

print("Congress benchmarks (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
print(String(repeating: "-", count: 72))

// (a) National congress: 220 names, 180 seats, 1,600 voters.
let national = Workloads.election(title: "Bầu Ban Chấp hành Trung ương (benchmark)", seats: 180, candidates: 220, voters: 1_600)
let nationalBallots = Workloads.ballots(for: national, count: 1_600, seed: 14)
let nationalCSV = folder.appendingPathComponent("national-ballots.csv")
let nationalElection = folder.appendingPathComponent("national-election.json")
try Workloads.write(national, ballots: nationalBallots, election: nationalElection, csv: nationalCSV)

Measure.report("(a) 1,600 ballots × 220 names: count in memory", repetitions: quick ? 5 : 30) {
    _ = try! Tally.count(national, ballots: nationalBallots)
}
Measure.report("(a) 1,600 ballots × 220 names: CSV file → JSON result", repetitions: quick ? 5 : 30) {
    let output = TallyJob.run(electionPath: nationalElection.path, ballotsPath: nationalCSV.path, format: .json, language: .vi)
    precondition(output.status == 0, output.standardError)
}
Measure.report("(a) 1,600 ballots × 220 names: CSV file → HTML minutes", repetitions: quick ? 5 : 30) {
    let output = TallyJob.run(electionPath: nationalElection.path, ballotsPath: nationalCSV.path, format: .html, language: .vi)
    precondition(output.status == 0, output.standardError)
}

// (b) One million strike-out ballots, 30 names, 27 seats.
let million = Workloads.election(title: "Một triệu phiếu (benchmark)", seats: 27, candidates: 30, voters: 1_000_000)
let millionCSV = folder.appendingPathComponent("million-ballots.csv")
let millionElection = folder.appendingPathComponent("million-election.json")
try Workloads.write(million, ballots: Workloads.ballots(for: million, count: 1_000_000, seed: 30), election: millionElection, csv: millionCSV)
let size = (try FileManager.default.attributesOfItem(atPath: millionCSV.path)[.size] as? Int) ?? 0
print("    (b) ballot file: \(millionCSV.path), \(size / 1_000_000) MB")

Measure.report("(b) 1,000,000 ballots × 30 names: CSV file → JSON result", repetitions: quick ? 3 : 10) {
    let output = TallyJob.run(electionPath: millionElection.path, ballotsPath: millionCSV.path, format: .json, language: .vi)
    precondition(output.status == 0, output.standardError)
}
print(String(repeating: "-", count: 72))
print("For the whole process, time the release binary on the same files:")
print("  .build/release/congress tally \(millionElection.path) \(millionCSV.path) --format json")
