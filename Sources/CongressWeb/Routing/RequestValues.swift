import CongressCore
import Hummingbird

/// The named bounds of every value a request may carry. Each lies above the largest real case
/// (R-C-2: the national congress convenes about 1,600 delegates; the register holds 5.6 million
/// members, 112,000 pages of 50) and far below anything that could overflow an `Int`.
public enum InputLimits {
    /// People, ballots or votes in any one count (issued, returned, for, against, …).
    public static let count = 0...20_000
    /// Places to fill in one election.
    public static let seats = 0...2_000
    /// A stack of ballots within a round.
    public static let stack = 1...1_000
    /// A pass of a stack (R-E-29: two or three independent entries).
    public static let pass = 1...3
    /// A ballot's position within a pass.
    public static let position = 0...(count.upperBound - 1)
    /// The entries each stack needs (R-E-29).
    public static let entries = 2...3
    /// A session of the congress.
    public static let session = 1...50
    /// A page of a paged list.
    public static let page = 1...200_000
    /// A stored record's number (users, congresses, rounds).
    public static let recordID: ClosedRange<Int64> = 1...9_007_199_254_740_991
    /// Days a request may name: the Party's register starts in 1930.
    public static let days = Day(year: 1900, month: 1, day: 1)!...Day(year: 2100, month: 12, day: 31)!
    /// One line of text (a name, a decision number, a reason), in characters.
    public static let lineLength = 500
    /// A text box (a list of candidates or delegates), in characters.
    public static let textLength = 200_000
    /// A list typed one item per line (candidates, delegates, names), in lines.
    public static let listLines = 20_000
    /// Pairs in one form or query string.
    public static let formPairs = 30_000
    /// Bytes of a posted form.
    public static let formBytes = 256 * 1024
    /// A member ID or a unit code, in bytes.
    public static let codeLength = 32
}

/// Why a request value was refused: the field and the hint, shown on a 400 page in the user's
/// language. The bad input is quoted only as a short excerpt with unprintable bytes escaped.
enum FieldProblem {
    case missing
    case notANumber(ClosedRange<Int>)
    case notADay
    case tooLong(Int)
    case notAChoice([String])

    func error(field name: String, value: String?) -> WebError {
        let excerpt = InputExcerpt.quote(value ?? "")
        // The field as its form labels it (`web.fieldLabel.…`), its name where none does.
        let field = FieldLabel.marker + name
        switch self {
        case .missing: return .badInput(key: "web.field.missing", arguments: [field])
        case .notANumber(let range):
            return .badInput(key: "web.field.number", arguments: [field, excerpt, String(range.lowerBound), String(range.upperBound)])
        case .notADay:
            return .badInput(key: "web.field.day", arguments: [field, excerpt, InputLimits.days.lowerBound.vietnamese,
                                                                InputLimits.days.upperBound.vietnamese])
        case .tooLong(let limit): return .badInput(key: "web.field.tooLong", arguments: [field, String(limit)])
        case .notAChoice(let allowed):
            return .badInput(key: "web.field.choice", arguments: [field, excerpt, allowed.joined(separator: ", ")])
        }
    }
}

/// Typed, bounded reads of a form or query string: each throws a 400 naming the field.
extension FormFields {
    /// A whole number within `range`; `fallback` when the field is missing or empty.
    func int(_ name: String, in range: ClosedRange<Int>, default fallback: Int? = nil) throws(WebError) -> Int {
        guard let text = self[name] else {
            if let fallback { return fallback }
            throw FieldProblem.missing.error(field: name, value: nil)
        }
        guard let value = RequestValue.int(text, in: range) else {
            throw FieldProblem.notANumber(range).error(field: name, value: text)
        }
        return value
    }

    /// A whole number within `range`, or nil when the field is missing.
    func optionalInt(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int? {
        guard self[name] != nil else { return nil }
        return try int(name, in: range)
    }

    /// A record's number (a congress, a round).
    func recordID(_ name: String) throws(WebError) -> Int64 {
        guard let text = self[name] else { throw FieldProblem.missing.error(field: name, value: nil) }
        guard let value = RequestValue.recordID(text) else {
            throw FieldProblem.notANumber(1...Int.max).error(field: name, value: text)
        }
        return value
    }

    /// A record's number, or nil when the field is missing.
    func optionalRecordID(_ name: String) throws(WebError) -> Int64? {
        guard self[name] != nil else { return nil }
        return try recordID(name)
    }

    /// A day within `InputLimits.days`, as `2026-11-22` or `22/11/2026`.
    func day(_ name: String) throws(WebError) -> Day {
        guard let text = self[name] else { throw FieldProblem.missing.error(field: name, value: nil) }
        guard let day = RequestValue.day(text) else { throw FieldProblem.notADay.error(field: name, value: text) }
        return day
    }

    /// A single line of text, trimmed, at most `InputLimits.lineLength` characters; nil when missing.
    func line(_ name: String, max limit: Int = InputLimits.lineLength) throws(WebError) -> String? {
        guard let text = self[name] else { return nil }
        guard text.count <= limit, !text.contains(where: \.isNewline) else {
            throw FieldProblem.tooLong(limit).error(field: name, value: text)
        }
        return text
    }

    /// A required single line of text.
    func requiredLine(_ name: String, max limit: Int = InputLimits.lineLength) throws(WebError) -> String {
        guard let text = try line(name, max: limit) else { throw FieldProblem.missing.error(field: name, value: nil) }
        return text
    }

    /// The non-empty trimmed lines of a multi-line field, at most `InputLimits.listLines` of
    /// at most `InputLimits.lineLength` characters each.
    func lines(_ name: String) throws(WebError) -> [String] {
        let text = all(name).first ?? ""
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard trimmed.count <= InputLimits.lineLength else { throw FieldProblem.tooLong(InputLimits.lineLength).error(field: name, value: nil) }
            guard lines.count < InputLimits.listLines else { throw FieldProblem.tooLong(InputLimits.listLines).error(field: name, value: nil) }
            lines.append(trimmed)
        }
        return lines
    }

    /// One of an enumeration's raw values; nil when missing.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) throws(WebError) -> Value?
        where Value.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = Value(rawValue: text) else {
            throw FieldProblem.notAChoice(Value.allCases.map(\.rawValue)).error(field: name, value: text)
        }
        return value
    }

    /// One of an enumeration's raw values, required.
    func requiredChoice<Value: RawRepresentable & CaseIterable>(_ name: String, _ type: Value.Type) throws(WebError) -> Value
        where Value.RawValue == String {
        guard let value = try choice(name, type) else { throw FieldProblem.missing.error(field: name, value: nil) }
        return value
    }
}

/// Parsing of single request values, without traps: digits only, bounded before conversion.
enum RequestValue {
    static func int(_ text: String, in range: ClosedRange<Int>) -> Int? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 12, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
              range.contains(value) else { return nil }
        return value
    }

    static func recordID(_ text: String) -> Int64? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= 16, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int64(text),
              InputLimits.recordID.contains(value) else { return nil }
        return value
    }

    static func day(_ text: String) -> Day? {
        guard text.utf8.count <= 10, let day = Day(iso: text) ?? Day(vietnamese: text), InputLimits.days.contains(day) else { return nil }
        return day
    }

    /// A unit code or member ID: 1–32 bytes of ASCII letters, digits, `-`, `_`, `.`.
    static func code(_ text: String) -> String? {
        let utf8 = text.utf8
        guard (1...InputLimits.codeLength).contains(utf8.count), utf8.allSatisfy({ byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }) else { return nil }
        return text
    }
}

/// Typed reads of the path's parameters: a value that does not parse names nothing (404).
extension Parameters {
    func recordID(_ name: String) throws(WebError) -> Int64 {
        guard let text = get(name), let value = RequestValue.recordID(text) else { throw WebError.notFound }
        return value
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws(WebError) -> Int {
        guard let text = get(name), let value = RequestValue.int(text, in: range) else { throw WebError.notFound }
        return value
    }

    func code(_ name: String) throws(WebError) -> String {
        guard let text = get(name), let value = RequestValue.code(text) else { throw WebError.notFound }
        return value
    }
}

/// A form field's name, shown as the label users see on the form, in their language when the
/// message is rendered (`web.fieldLabel.<name>`; names with a position suffix, `typed.4`, take
/// the label of their stem).
enum FieldLabel {
    /// Marks a message argument that is a field's name, resolved when the message is rendered.
    static let marker = "\u{1}field:"

    static func text(_ name: String, _ language: Language) -> String {
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        return Catalogue.has("web.fieldLabel.\(stem)", language) ? Catalogue.text("web.fieldLabel.\(stem)", language) : name
    }

    /// A message argument as shown: a marked field name becomes its label.
    static func resolve(_ argument: String, _ language: Language) -> String {
        argument.hasPrefix(marker) ? text(String(argument.dropFirst(marker.count)), language) : argument
    }
}
