/// Vietnamese alphabetical order of texts read in their written order (unit names, titles):
/// word by word, letters by the Vietnamese alphabet (a ă â b c d đ e ê …), then tones, a word
/// that is a prefix of another first. People's names sort by `VietnameseNameOrder` instead.
public enum VietnameseTextOrder {
    public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        precedes(words(lhs), words(rhs))
    }

    /// Each text read into letters once, not at every comparison (a province's children are
    /// hundreds of names).
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        let keys = items.map { words(text($0)) }
        return items.indices.sorted { precedes(keys[$0], keys[$1]) }.map { items[$0] }
    }

    private static func precedes(_ left: [[VietnameseLetter]], _ right: [[VietnameseLetter]]) -> Bool {
        for (a, b) in zip(left, right) {
            let order = VietnameseNameOrder.SortKey.compareWord(a, b)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    static func words(_ text: String) -> [[VietnameseLetter]] {
        text.split(whereSeparator: \.isWhitespace).map(VietnameseLetters.letters(of:))
    }
}
