import CongressCore
import Foundation

/// The examples shipped in `Examples/` and small builders for rule tests.
enum Fixtures {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    /// Every election example (folders with an `expected.json`).
    static let electionExamples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/expected.json").path) }.sorted()
    }()

    static func data(_ example: String, _ file: String) throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent("\(example)/\(file)"))
    }

    /// A members' congress base of exactly `base` (nobody excluded).
    static func base(_ base: Int, kind: BaseKind = .membersCongress) -> BaseRecord {
        BaseRecord(kind: kind, convened: base)
    }

    /// Candidates named "Người 1", "Người 2", …
    static func names(_ count: Int) -> [String] { (1...count).map { "Người \($0)" } }

    static func election(
        body: BodyKind = .executiveCommittee, seats: Int, candidates: Int, base: Int = 100,
        alternateSeats: Int = 0, round: Int = 1, rulebook: Rulebook = .qd190
    ) -> Election {
        Election(title: "Thử", body: body, rulebook: rulebook, round: round, seats: seats, alternateSeats: alternateSeats,
                 candidates: names(candidates), base: Self.base(base), ballotsIssued: base)
    }

    /// `valid` strike-out ballots giving candidate `i` exactly `votes[i]` votes. Votes are spread
    /// so each ballot keeps as few names as possible (each candidate goes to the least-filled
    /// ballots), which keeps them valid whenever the totals allow it.
    static func ballots(giving votes: [Int], valid: Int) -> [Ballot] {
        var kept = Array(repeating: [Int](), count: valid)
        for candidate in votes.indices.sorted(by: { votes[$0] > votes[$1] }) {
            let targets = kept.indices.sorted { kept[$0].count != kept[$1].count ? kept[$0].count < kept[$1].count : $0 < $1 }
            for ballot in targets.prefix(votes[candidate]) { kept[ballot].append(candidate) }
        }
        return kept.map { keep in Ballot.striking(votes.indices.filter { !keep.contains($0) }.map { $0 + 1 }) }
    }
}

/// A deterministic generator for property tests (SplitMix64), so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
