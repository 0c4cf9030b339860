/// Messages cite the rule they apply by its ID (`R-E-29`) for the people who maintain the
/// rulebook; pages show users the rule in words instead, and keep the ID for a tooltip.
/// `humanise` removes the IDs from a message and returns the rules it cited, each with the
/// words users know it by (`rule.R-E-29` in the catalogue).
public enum RuleCitation {
    public struct Rule: Sendable, Equatable {
        public let id: String
        public let name: String
    }

    /// The message without rule IDs, and the rules it cited in order, without repeats.
    public static func humanise(_ message: String, _ language: Language) -> (text: String, rules: [Rule]) {
        var ids: [String] = []
        var text = ""
        var rest = Substring(message)
        while let range = nextID(in: rest) {
            let id = String(rest[range])
            if !ids.contains(id) { ids.append(id) }
            text += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
        }
        text += rest
        let cleaned = tidy(text)
        let rules = ids.map { Rule(id: $0, name: Catalogue.has("rule." + $0, language) ? Catalogue.text("rule." + $0, language) : $0) }
        return (cleaned, rules)
    }

    /// The next `R-X-N` (X one capital letter, N digits) in `text`.
    static func nextID(in text: Substring) -> Range<Substring.Index>? {
        var index = text.startIndex
        while let r = text[index...].firstIndex(of: "R") {
            var cursor = text.index(after: r)
            func take(_ predicate: (Character) -> Bool) -> Bool {
                guard cursor < text.endIndex, predicate(text[cursor]) else { return false }
                cursor = text.index(after: cursor)
                return true
            }
            if take({ $0 == "-" }), take({ $0.isUppercase && $0.isASCII }), take({ $0 == "-" }), take({ $0.isASCII && $0.isNumber }) {
                while take({ $0.isASCII && $0.isNumber }) {}
                return r..<cursor
            }
            index = text.index(after: r)
        }
        return nil
    }

    /// The punctuation the IDs leave behind: `()`, `(, x)`, `(x, )`, a leading `: `, doubled spaces.
    static func tidy(_ text: String) -> String {
        var text = text
        let replacements: [(String, String)] = [(" ()", ""), ("()", ""), ("(, ", "("), (", )", ")"), (" ,", ","), ("  ", " "), (" .", "."), (" :", ":")]
        var changed = true
        while changed {
            changed = false
            for (from, to) in replacements where text.contains(from) {
                text = text.replacing(from, with: to)
                changed = true
            }
        }
        while text.hasPrefix(":") || text.hasPrefix(" ") || text.hasPrefix(",") { text.removeFirst() }
        return text
    }
}
