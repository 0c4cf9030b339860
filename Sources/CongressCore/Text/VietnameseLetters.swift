/// The Vietnamese alphabet and tone marks, decomposed from precomposed characters by table so the
/// result never depends on the machine's locale or ICU version.
public enum VietnameseTone: Int, Comparable, Sendable {
    // R-E-10: tones as a secondary key, in this order.
    case none = 0, grave, hook, tilde, acute, dotBelow

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One letter of a word: its rank in the Vietnamese alphabet (a ă â b c d đ e ê …) and its tone.
struct VietnameseLetter: Sendable {
    /// Rank in the alphabet; letters outside it (digits, foreign letters) rank after `y` by scalar.
    var rank: UInt32
    var tone: VietnameseTone
}

enum VietnameseLetters {
    /// R-E-10: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
    static let alphabet: [Character] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
    ]

    /// Vowels with each tone, in tone order (none, grave, hook, tilde, acute, dot below).
    static let tonedVowels: [String] = [
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
    ]

    static let table: [Character: VietnameseLetter] = {
        var table: [Character: VietnameseLetter] = [:]
        let rankOf = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, UInt32($0)) })
        for (base, rank) in rankOf { table[base] = VietnameseLetter(rank: rank, tone: .none) }
        for row in tonedVowels {
            let forms = Array(row)
            guard let rank = rankOf[forms[0]] else { continue }
            for (toneIndex, form) in forms.enumerated() {
                table[form] = VietnameseLetter(rank: rank, tone: VietnameseTone(rawValue: toneIndex)!)
            }
        }
        for letter in ["f", "j", "w", "z"] as [Character] {
            table[letter] = VietnameseLetter(rank: 1000 + letter.unicodeScalars.first!.value, tone: .none)
        }
        return table
    }()

    /// The letters of one word, case-folded; characters outside the table keep their scalar order.
    static func letters(of word: Substring) -> [VietnameseLetter] {
        word.lowercased().map { character in
            if let letter = table[character] { return letter }
            let scalar = character.unicodeScalars.first?.value ?? 0
            return VietnameseLetter(rank: 2000 + scalar, tone: .none)
        }
    }
}
