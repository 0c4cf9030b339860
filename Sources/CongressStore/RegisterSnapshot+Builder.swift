import CongressCore

extension RegisterSnapshot {
    /// Fills the columns person by person. Works on bytes: a national register has millions of
    /// names but only thousands of distinct name words, so each word is folded once (a cache) and
    /// each distinct name is ranked once (R-E-10).
    public struct Builder: Sendable {
        let units: [PartyUnit]
        let placements: [UnitPlacement]
        let unitIndex: [PartyUnit.ID: Int32]
        var columns = Columns()
        var words = WordTable()
        /// Distinct names: key (word IDs) → name ID, and each name's text.
        var nameIDs: [UInt64: Int32] = [:]
        var longNameIDs: [NameKey: Int32] = [:]
        var nameTexts: [String] = []
        var personName: [Int32] = []
        /// Each person's folded word IDs (in first-seen numbering), `personWordStart` delimiting them.
        var personWords: [Int32] = []
        var personWordStart: [UInt32] = [0]

        public init(units: [PartyUnit], placements: [UnitPlacement], expectedPersons: Int = 0) {
            self.units = units
            self.placements = placements
            unitIndex = Dictionary(units.enumerated().map { ($1.code, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            columns.names.reserve(strings: expectedPersons, bytes: expectedPersons * 18)
            columns.memberIDs.reserve(strings: expectedPersons, bytes: expectedPersons * 12)
            personName.reserveCapacity(expectedPersons)
        }

        /// Adds a person and their spans (which must not overlap, R-O-3).
        public mutating func add(_ person: Person, spans: [MembershipSpan]) {
            var name = Array(person.fullName.utf8)
            var memberID = Array(person.memberID.rawValue.utf8)
            memberID.withUnsafeBufferPointer { id in name.withUnsafeBufferPointer { bytes in
                addPerson(memberID: id, name: bytes,
                          gender: UInt8(Gender.allCases.firstIndex(of: person.gender)!),
                          ethnicity: UInt8(EthnicGroups.index(of: person.ethnicity) ?? 255),
                          education: UInt8(Education.allCases.firstIndex(of: person.education)!),
                          theory: UInt8(PoliticalTheory.allCases.firstIndex(of: person.politicalTheory)!),
                          birth: person.birthDate.daysSinceEpoch, joined: person.joinedOn.daysSinceEpoch,
                          official: person.officialOn?.daysSinceEpoch ?? Int32.max)
            } }
            name.removeAll()
            memberID.removeAll()
            for span in spans {
                addSpan(unit: unitIndex[span.unit] ?? -1, from: span.from.daysSinceEpoch, to: span.to?.daysSinceEpoch ?? Int32.max,
                        standing: UInt8(Standing.allCases.firstIndex(of: span.standing)!))
            }
            closePerson()
        }

        /// Adds a person's columns; their spans follow with `addSpan`, then `closePerson`.
        /// Enumerations are indexes into `allCases` (ethnicity: into `EthnicGroups.all`, 255 unknown).
        public mutating func addPerson(memberID: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, gender: UInt8, ethnicity: UInt8,
                                       education: UInt8, theory: UInt8, birth: Int32, joined: Int32, official: Int32) {
            let person = UInt32(columns.memberIDs.count)
            columns.memberIDs.append(bytes: memberID)
            columns.names.append(bytes: name)
            var key = NameKey()
            var start = 0
            while start < name.count {
                var end = start
                while end < name.count, name[end] != UInt8(ascii: " ") { end += 1 }
                if end > start {
                    let (original, id) = words.fold(UnsafeBufferPointer(rebasing: name[start..<end]))
                    words.post(id, person)
                    personWords.append(id)
                    key.append(original)
                }
                start = end + 1
            }
            personWordStart.append(UInt32(personWords.count))
            if key.rest.isEmpty, let id = nameIDs[key.packed] {
                personName.append(id)
            } else if !key.rest.isEmpty, let id = longNameIDs[key] {
                personName.append(id)
            } else {
                let id = Int32(nameTexts.count)
                if key.rest.isEmpty { nameIDs[key.packed] = id } else { longNameIDs[key] = id }
                nameTexts.append(String(decoding: name, as: UTF8.self))
                personName.append(id)
            }
            columns.gender.append(gender)
            columns.ethnicity.append(ethnicity)
            columns.education.append(education)
            columns.theory.append(theory)
            columns.birth.append(birth)
            columns.joined.append(joined)
            columns.official.append(official)
        }

        public mutating func addSpan(unit: Int32, from: Int32, to: Int32, standing: UInt8) {
            columns.spanUnit.append(unit)
            columns.spanFrom.append(from)
            columns.spanTo.append(to)
            columns.spanStanding.append(standing)
        }

        public mutating func closePerson() {
            columns.spanStart.append(UInt32(columns.spanUnit.count))
        }

        public func build() -> RegisterSnapshot {
            RegisterSnapshot(units: units, placements: placements, columns: columns,
                             byRank: Ranking.byName(nameTexts: nameTexts, personName: personName, memberIDs: columns.memberIDs),
                             search: words.searchIndex(personWords: personWords, personWordStart: personWordStart))
        }
    }

    /// Up to four original-word IDs packed in one integer; longer names keep the whole list.
    struct NameKey: Hashable, Sendable {
        var packed: UInt64 = 0
        var count = 0
        var rest: [Int32] = []

        mutating func append(_ id: Int32) {
            if count < 4 { packed |= UInt64(UInt16(truncatingIfNeeded: id &+ 1)) << (16 * UInt64(count)) } else { rest.append(id) }
            count += 1
            if id >= 65_535 { rest.append(id) }   // beyond 16 bits: keep it exactly
        }
    }
}

/// Name words seen so far: original spelling → folded word, and each folded word's persons.
struct WordTable: Sendable {
    /// A word of up to 16 bytes packed in two integers (hashing them is cheap); longer words
    /// (rare in Vietnamese names) are keyed by their bytes.
    struct ShortWord: Hashable, Sendable {
        var low: UInt64 = 0, high: UInt64 = 0
    }

    private var shortWords: [ShortWord: (original: Int32, folded: Int32)] = [:]
    private var longWords: [[UInt8]: (original: Int32, folded: Int32)] = [:]
    private var foldedIDs: [[UInt8]: Int32] = [:]
    private var originalCount: Int32 = 0
    private(set) var folded: [[UInt8]] = []
    private(set) var postings: [[UInt32]] = []

    /// The original word's own ID (distinguishes "An" from "Ân" for ranking) and its folded
    /// word's ID, folding it the first time it is seen.
    mutating func fold(_ word: UnsafeBufferPointer<UInt8>) -> (original: Int32, folded: Int32) {
        if word.count <= 16 {
            var key = ShortWord()
            for (index, byte) in word.enumerated() {
                if index < 8 { key.low |= UInt64(byte) << (8 * UInt64(index)) } else { key.high |= UInt64(byte) << (8 * UInt64(index - 8)) }
            }
            if let known = shortWords[key] { return known }
            let entry = newWord(word)
            shortWords[key] = entry
            return entry
        }
        let key = Array(word)
        if let known = longWords[key] { return known }
        let entry = newWord(word)
        longWords[key] = entry
        return entry
    }

    private mutating func newWord(_ word: UnsafeBufferPointer<UInt8>) -> (original: Int32, folded: Int32) {
        let foldedWord = Array(VietnameseText.folded(String(decoding: word, as: UTF8.self)).utf8)
        let id: Int32
        if let existing = foldedIDs[foldedWord] {
            id = existing
        } else {
            id = Int32(folded.count)
            foldedIDs[foldedWord] = id
            folded.append(foldedWord)
            postings.append([])
        }
        defer { originalCount += 1 }
        return (originalCount, id)
    }

    mutating func post(_ word: Int32, _ person: UInt32) {
        if postings[Int(word)].last != person { postings[Int(word)].append(person) }
    }

    /// The search index: folded words sorted bytewise with their persons, and each person's
    /// words renumbered in that order (so a prefix is a contiguous range of word IDs).
    func searchIndex(personWords: [Int32], personWordStart: [UInt32]) -> SearchIndex {
        let order = folded.indices.sorted { folded[$0].lexicographicallyPrecedes(folded[$1]) }
        var sortedID = [Int32](repeating: 0, count: folded.count)
        for (position, id) in order.enumerated() { sortedID[id] = Int32(position) }
        return SearchIndex(words: order.map { folded[$0] }, postings: order.map { postings[$0] },
                           personWords: personWords.map { sortedID[Int($0)] }, personWordStart: personWordStart)
    }
}

/// Ballot-name order (R-E-10) for millions of persons: distinct names are ranked once with the
/// core's sort key; persons follow their name's rank, equal names by member ID.
enum Ranking {
    static func byName(nameTexts: [String], personName: [Int32], memberIDs: PackedStrings) -> [UInt32] {
        let keys = nameTexts.map(VietnameseNameOrder.sortKey)
        let sortedNames = nameTexts.indices.sorted {
            keys[$0] != keys[$1] ? keys[$0].lexicographicallyPrecedes(keys[$1]) : nameTexts[$0].utf8.lexicographicallyPrecedes(nameTexts[$1].utf8)
        }
        var rankOfName = [Int32](repeating: 0, count: nameTexts.count)
        for (rank, id) in sortedNames.enumerated() { rankOfName[id] = Int32(rank) }
        var bucketStart = [Int](repeating: 0, count: nameTexts.count + 1)
        for name in personName { bucketStart[Int(rankOfName[Int(name)]) + 1] += 1 }
        for index in 1..<bucketStart.count { bucketStart[index] += bucketStart[index - 1] }
        var order = [UInt32](repeating: 0, count: personName.count)
        var next = bucketStart
        for (person, name) in personName.enumerated() {
            let rank = Int(rankOfName[Int(name)])
            order[next[rank]] = UInt32(person)
            next[rank] += 1
        }
        // Equal names by member ID, so every store lists them alike.
        for rank in 0..<nameTexts.count where bucketStart[rank + 1] - bucketStart[rank] > 1 {
            order[bucketStart[rank]..<bucketStart[rank + 1]].sort { memberIDs.precedes(Int($0), Int($1)) }
        }
        return order
    }
}
