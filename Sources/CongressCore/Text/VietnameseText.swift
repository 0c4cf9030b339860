/// Folding Vietnamese text for accent-insensitive search: "Nguyễn Văn Đạt" → "nguyen van dat".
public enum VietnameseText {
    /// Lower case, tone and vowel marks removed, đ → d, runs of spaces collapsed, trimmed.
    public static func folded(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" "); pendingSpace = false }
            result.append(base(of: character))
        }
        return result
    }

    /// The folded words of a text.
    public static func foldedWords(_ text: String) -> [Substring] {
        folded(text).split(separator: " ")
    }

    static func base(of character: Character) -> Character {
        if character.isASCII { return character }
        if let letter = VietnameseLetters.table[character], letter.rank < UInt32(VietnameseLetters.alphabet.count) {
            return foldedAlphabet[Int(letter.rank)]
        }
        // Other letters: drop combining marks.
        let scalars = character.unicodeScalars.filter { !(0x0300...0x036F).contains($0.value) }
        return scalars.first.map { Character($0) } ?? character
    }

    /// The alphabet of R-E-10 with marks removed, position for position.
    static let foldedAlphabet: [Character] = VietnameseLetters.alphabet.map { letter in
        switch letter {
        case "ă", "â": "a"
        case "đ": "d"
        case "ê": "e"
        case "ô", "ơ": "o"
        case "ư": "u"
        default: letter
        }
    }
}
