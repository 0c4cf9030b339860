/// A seeded generator (SplitMix64): the same seed gives the same demo on every machine.
public struct DemoRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// An integer in the range.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    /// One of the items, chosen with the given weights.
    public mutating func pick<T>(_ table: WeightedTable<T>) -> T { table.pick(unit()) }

    /// A generator for a sub-stream (a commune, a province) that does not depend on the order
    /// in which other sub-streams were drawn.
    public static func stream(_ seed: UInt64, _ key: String) -> DemoRandom {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3 }
        return DemoRandom(seed: seed ^ hash)
    }
}

/// Items with weights, for draws at real frequencies.
public struct WeightedTable<T>: Sendable where T: Sendable {
    let items: [T]
    let cumulative: [Double]

    public init(_ pairs: [(T, Double)]) {
        items = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map { total += $0.1; return total }
    }

    func pick(_ fraction: Double) -> T {
        let target = fraction * (cumulative.last ?? 1)
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] <= target { low = middle + 1 } else { high = middle }
        }
        return items[low]
    }
}
