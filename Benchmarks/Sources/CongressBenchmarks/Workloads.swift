import CongressCore
import Foundation

/// Deterministic elections and ballots for the benchmarks.
enum Workloads {
    static func election(title: String, seats: Int, candidates: Int, voters: Int) -> Election {
        Election(title: title, body: .executiveCommittee, round: 2, seats: seats,
                 candidates: (1...candidates).map { "Ứng Cử Viên \($0)" },
                 base: BaseRecord(kind: .delegatesCongress, convened: voters, present: voters), ballotsIssued: voters)
    }

    /// Strike-out ballots: most strike exactly the surplus, some strike more, a few are invalid.
    static func ballots(for election: Election, count: Int, seed: UInt64) -> [Ballot] {
        var random = SplitMix(state: seed)
        let names = election.candidates.count
        let surplus = names - election.seats
        return (0..<count).map { _ in
            var struck = CandidateSet()
            let strikes = random.next() % 20 == 0 ? Int(random.next() % UInt64(names + 1)) : surplus + Int(random.next() % 3)
            while struck.count < min(strikes, names) {
                // Skewed so that results spread out: low numbers are struck more often.
                let a = Int(random.next() % UInt64(names)), b = Int(random.next() % UInt64(names))
                struck.insert(min(a, b))
            }
            return Ballot(issued: random.next() % 500 != 0, choice: .struck(struck))
        }
    }

    static func write(_ election: Election, ballots: [Ballot], election electionURL: URL, csv csvURL: URL) throws {
        try (ElectionFile.encode(election).formatted() + "\n").write(to: electionURL, atomically: true, encoding: .utf8)
        var text = "issued,struck,marks,writein,marked\n"
        text.reserveCapacity(ballots.count * 20)
        for ballot in ballots {
            guard case .struck(let struck) = ballot.choice else { continue }
            text += ballot.issued ? "yes," : "no,"
            text += struck.positions.map { String($0 + 1) }.joined(separator: " ")
            text += ",,,\n"
        }
        try text.write(to: csvURL, atomically: true, encoding: .utf8)
    }
}

struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Wall-clock measurement: runs once to warm up, then reports min / median / max.
enum Measure {
    static func report(_ name: String, repetitions: Int, _ body: () -> Void) {
        body()
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        samples.sort()
        let median = samples[samples.count / 2]
        print(String(format: "%@\n    median %.2f ms   min %.2f ms   max %.2f ms   (%d runs)", name, median, samples.first!, samples.last!, repetitions))
    }
}
