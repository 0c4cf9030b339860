/// Accent-insensitive name search: each folded word of every name points to the persons whose
/// names contain it. A query word matches every indexed word it is a prefix of.
struct SearchIndex: Sendable {
    /// Distinct folded words, sorted bytewise, so a prefix is one contiguous range.
    let words: [[UInt8]]
    /// Persons (ascending) whose name has `words[i]`.
    let postings: [[UInt32]]

    /// Each person's word IDs (indexes into `words`): person p's are personWordStart[p] ..< [p + 1].
    let personWords: [Int32]
    let personWordStart: [UInt32]

    init(words: [[UInt8]], postings: [[UInt32]], personWords: [Int32], personWordStart: [UInt32]) {
        self.words = words
        self.postings = postings
        self.personWords = personWords
        self.personWordStart = personWordStart
    }

    /// Persons whose names match every query word (each the prefix of a different name word),
    /// unordered. Starts from the query word with the fewest postings and checks the others by
    /// word-ID ranges, so no posting lists are merged.
    func matches(_ query: [[UInt8]]) -> [Int] {
        matches(ranges: ranges(query))
    }

    /// The word-ID ranges of the query words, for `matches(ranges:)`, `cost` and `accepts`.
    func ranges(_ query: [[UInt8]]) -> [Range<Int>] { query.map { wordRange(prefix: $0) } }

    /// How many persons the cheapest query word's postings hold: the work of `matches`.
    func cost(_ ranges: [Range<Int>]) -> Int { ranges.map(cost).min() ?? 0 }

    func matches(ranges: [Range<Int>]) -> [Int] {
        guard let rarest = ranges.indices.min(by: { cost(ranges[$0]) < cost(ranges[$1]) }), !ranges[rarest].isEmpty else { return [] }
        var found: [Int] = []
        let several = ranges[rarest].count > 1
        for word in ranges[rarest] {
            for person in postings[word] where accepts(Int(person), ranges) { found.append(Int(person)) }
        }
        if several {   // a name with two words of the same prefix is listed once
            found.sort()
            var unique: [Int] = []
            for person in found where unique.last != person { unique.append(person) }
            return unique
        }
        return found
    }

    private func cost(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + postings[$1].count } }

    /// Greedy assignment of query words to distinct name words (names have a handful of words).
    func accepts(_ person: Int, _ ranges: [Range<Int>]) -> Bool {
        let start = Int(personWordStart[person]), end = Int(personWordStart[person + 1])
        var used: UInt32 = 0
        for range in ranges {
            var matched = false
            for slot in start..<end where used & (1 << UInt32(min(slot - start, 31))) == 0 {
                if range.contains(Int(personWords[slot])) {
                    used |= 1 << UInt32(min(slot - start, 31))
                    matched = true
                    break
                }
            }
            if !matched { return false }
        }
        return true
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
}
