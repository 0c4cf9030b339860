/// Ballot order of Vietnamese full names (R-E-10).
///
/// Names compare word by word: the given name (last word) first, then the family name (first word),
/// then the middle names in order; a name with fewer words first when all else is equal. Each word
/// compares its letters in the Vietnamese alphabet completely, and only then its tones. Case does
/// not matter. This is deliberately not a locale collation of the whole string, which would compare
/// every word's letters before any tone ("Phạm Thị Anh" must come before "Hoàng Văn Ánh").
public enum VietnameseNameOrder {
    /// The names in ballot order; equal names keep their input order.
    public static func sorted(_ names: [String]) -> [String] {
        order(names).map { names[$0] }
    }

    /// The list in ballot order by name, each name keeping its member; equal names keep their
    /// input order.
    public static func sorted(_ entries: [ListEntry]) -> [ListEntry] {
        order(entries.map(\.name)).map { entries[$0] }
    }

    /// The indices of `names` in ballot order.
    static func order(_ names: [String]) -> [Int] {
        let keys = names.map(SortKey.init)
        return keys.indices.sorted { lhs, rhs in
            let order = keys[lhs].compare(keys[rhs])
            return order == 0 ? lhs < rhs : order < 0
        }
    }

    /// Whether `lhs` comes strictly before `rhs` in ballot order.
    public static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        SortKey(lhs).compare(SortKey(rhs)) < 0
    }

    /// A precomputed comparison key for one full name.
    struct SortKey {
        var words: [[VietnameseLetter]]

        init(_ name: String) {
            let parts = name.split(whereSeparator: \.isWhitespace)
            guard let given = parts.last else { words = []; return }
            // Given name, family name, then the middle names in order (R-E-10, practice for ties).
            var ordered = [given]
            if parts.count > 1 { ordered.append(parts[0]) }
            if parts.count > 2 { ordered.append(contentsOf: parts[1..<(parts.count - 1)]) }
            words = ordered.map(VietnameseLetters.letters(of:))
        }

        /// Negative, zero or positive, like `strcmp`.
        func compare(_ other: SortKey) -> Int {
            for (mine, theirs) in zip(words, other.words) {
                let order = Self.compareWord(mine, theirs)
                if order != 0 { return order }
            }
            return words.count - other.words.count
        }

        static func compareWord(_ lhs: [VietnameseLetter], _ rhs: [VietnameseLetter]) -> Int {
            for (a, b) in zip(lhs, rhs) where a.rank != b.rank {
                return a.rank < b.rank ? -1 : 1
            }
            if lhs.count != rhs.count { return lhs.count - rhs.count }
            for (a, b) in zip(lhs, rhs) where a.tone != b.tone {
                return a.tone < b.tone ? -1 : 1
            }
            return 0
        }
    }
}
