/// Vietnamese alphabetical order of texts read in their written order (unit names, titles):
/// word by word, letters by the Vietnamese alphabet (a ă â b c d đ e ê …), then tones, a word
/// that is a prefix of another first. People's names sort by `VietnameseNameOrder` instead.
public enum VietnameseTextOrder {
    public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
        let left = words(lhs), right = words(rhs)
        for (a, b) in zip(left, right) {
            let order = VietnameseNameOrder.SortKey.compareWord(a, b)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
    }

    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        items.sorted { areInIncreasingOrder(text($0), text($1)) }
    }

    static func words(_ text: String) -> [[VietnameseLetter]] {
        text.split(whereSeparator: \.isWhitespace).map(VietnameseLetters.letters(of:))
    }
}
