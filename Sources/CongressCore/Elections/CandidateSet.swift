/// A set of ballot positions (0-based) as a bit set. The first 256 positions live inline, so a
/// national-congress ballot (220 names) costs no heap allocation; longer lists spill over.
public struct CandidateSet: Sendable, Hashable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var overflow: [UInt64] = []

    public init() {}

    public init<S: Sequence<Int>>(_ positions: S) {
        for position in positions { insert(position) }
    }

    /// Adds a position; returns false when it was already there.
    @discardableResult
    public mutating func insert(_ position: Int) -> Bool {
        precondition(position >= 0, "ballot positions are 0-based and non-negative")
        let bit = UInt64(1) << UInt64(position & 63)
        let word = position >> 6
        let old: UInt64
        switch word {
        case 0: old = w0; w0 |= bit
        case 1: old = w1; w1 |= bit
        case 2: old = w2; w2 |= bit
        case 3: old = w3; w3 |= bit
        default:
            let index = word - 4
            if overflow.count <= index { overflow.append(contentsOf: repeatElement(0, count: index - overflow.count + 1)) }
            old = overflow[index]
            overflow[index] |= bit
        }
        return old & bit == 0
    }

    public func contains(_ position: Int) -> Bool {
        guard position >= 0 else { return false }
        return self.word(position >> 6) & (UInt64(1) << UInt64(position & 63)) != 0
    }

    /// Number of positions in the set.
    public var count: Int {
        var total = w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount
        for word in overflow { total += word.nonzeroBitCount }
        return total
    }

    public var isEmpty: Bool { count == 0 }

    /// The positions in the set, ascending.
    public var positions: [Int] {
        var result: [Int] = []
        forEach { result.append($0) }
        return result
    }

    /// Calls `body` with each position, ascending.
    public func forEach(_ body: (Int) -> Void) {
        for index in 0..<(4 + overflow.count) {
            var bits = word(index)
            while bits != 0 {
                body(index * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The highest position in the set, without building an array.
    public var last: Int? {
        for index in stride(from: 3 + overflow.count, through: 0, by: -1) {
            let bits = word(index)
            if bits != 0 { return index * 64 + 63 - bits.leadingZeroBitCount }
        }
        return nil
    }

    /// The positions in `self` and not in `other`.
    public func subtracting(_ other: CandidateSet) -> CandidateSet {
        var result = CandidateSet()
        result.w0 = w0 & ~other.w0
        result.w1 = w1 & ~other.w1
        result.w2 = w2 & ~other.w2
        result.w3 = w3 & ~other.w3
        result.overflow = overflow.enumerated().map { $1 & ~other.word($0 + 4) }
        return result
    }

    private func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        case 3: w3
        default: index - 4 < overflow.count ? overflow[index - 4] : 0
        }
    }
}
