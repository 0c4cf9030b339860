import Foundation

/// Fields of an `application/x-www-form-urlencoded` body or a query string, in order, with
/// repeated names kept.
public struct FormFields: Sendable, Equatable {
    public private(set) var pairs: [(name: String, value: String)] = []

    public init() {}

    public init(encoded text: Substring) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(halves[0])
            let value = halves.count > 1 ? Self.decode(halves[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The fields of a posted form, or nil when it has more than `InputLimits.formPairs` pairs.
    public init?(bounded text: Substring) {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "&") {
            count += 1
            if count >= InputLimits.formPairs { return nil }
        }
        self.init(encoded: text)
    }

    /// The first value of `name`, trimmed; nil when missing or empty.
    public subscript(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name`, in order (untrimmed, empty ones kept).
    public func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }
}
