/// The languages the product speaks: Vietnamese first, English available.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// A number with two decimals as written in this language (Vietnamese uses a decimal comma).
    public func decimal(_ text: String) -> String {
        self == .vi ? String(text.map { $0 == "." ? "," : $0 }) : text
    }
}

extension Language {
    /// A whole number with thousands separators: 5.600.000 in Vietnamese, 5,600,000 in English.
    public func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(self == .vi ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}

/// User-facing text, one catalogue per language (`Catalogue+Vietnamese.swift`,
/// `Catalogue+English.swift`). Placeholders `{0}`, `{1}`, … take the arguments in order.
public enum Catalogue {
    public static func text(_ key: String, _ language: Language, _ arguments: CustomStringConvertible...) -> String {
        text(key, language, arguments: arguments)
    }

    /// Whether the catalogue of `language` has `key`.
    public static func has(_ key: String, _ language: Language) -> Bool {
        (language == .vi ? vietnameseAll : englishAll)[key] != nil
    }

    /// The text for `key` with `arguments` in place of `{0}`, `{1}`, …
    public static func text(_ key: String, _ language: Language, arguments: [CustomStringConvertible]) -> String {
        let table = language == .vi ? vietnameseAll : englishAll
        var text = table[key] ?? englishAll[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacing("{\(index)}", with: argument.description)
        }
        return text
    }

    /// Every key of a catalogue, for the test that both languages have them all.
    public static func keys(_ language: Language) -> Set<String> {
        Set((language == .vi ? vietnameseAll : englishAll).keys)
    }

    /// Every `prefix…` key with its text, the prefix removed and dots made underscores (the
    /// form Mustache templates read: `web.nav.home` → `nav_home`).
    public static func table(prefix: String, _ language: Language) -> [String: String] {
        var result: [String: String] = [:]
        for (key, text) in language == .vi ? vietnameseAll : englishAll where key.hasPrefix(prefix) {
            result[String(key.dropFirst(prefix.count)).replacing(".", with: "_")] = text
        }
        return result
    }

    static let vietnameseAll = vietnamese.merging(vietnamesePages) { first, _ in first }.merging(vietnameseCongress) { first, _ in first }
        .merging(vietnameseSecurity) { first, _ in first }.merging(vietnameseDay) { first, _ in first }.merging(vietnameseStorage) { first, _ in first }
        .merging(vietnamesePersonnel) { first, _ in first }.merging(vietnameseScheme) { first, _ in first }
        .merging(vietnamesePersonnelPages) { first, _ in first }.merging(vietnameseStatistics) { first, _ in first }
    static let englishAll = english.merging(englishPages) { first, _ in first }.merging(englishCongress) { first, _ in first }
        .merging(englishSecurity) { first, _ in first }.merging(englishDay) { first, _ in first }.merging(englishStorage) { first, _ in first }
        .merging(englishPersonnel) { first, _ in first }.merging(englishScheme) { first, _ in first }
        .merging(englishPersonnelPages) { first, _ in first }.merging(englishStatistics) { first, _ in first }
}
