/// Accent-insensitive name search: each folded word of every name points to the persons whose
/// names contain it. A query word matches every indexed word it is a prefix of.
struct SearchIndex: Sendable {
    /// Distinct folded words, sorted bytewise, so a prefix is one contiguous range.
    let words: [[UInt8]]
    /// Persons (ascending) whose name has `words[i]`.
    let postings: [[UInt32]]

    init(words: [[UInt8]], postings: [[UInt32]]) {
        self.words = words
        self.postings = postings
    }

    /// The indexes of `words` that start with `prefix`.
    func wordRange(prefix: [UInt8]) -> Range<Int> {
        var low = 0, high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle].lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < words.count, words[end].starts(with: prefix) { end += 1 }
        return low..<end
    }

    /// How many postings the query word touches (to start from the rarest word).
    func cost(prefix: [UInt8]) -> Int { wordRange(prefix: prefix).reduce(0) { $0 + postings[$1].count } }

    /// Persons having a word that starts with `prefix`, ascending, without duplicates.
    func persons(prefix: [UInt8]) -> [UInt32] {
        let range = wordRange(prefix: prefix)
        if range.count == 1 { return postings[range.lowerBound] }
        var all: [UInt32] = []
        for index in range { all.append(contentsOf: postings[index]) }
        all.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(all.count)
        for person in all where unique.last != person { unique.append(person) }
        return unique
    }
}
