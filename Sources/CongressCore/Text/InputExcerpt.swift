/// How a message quotes input it refuses: a short excerpt, with every unprintable character
/// (controls, format characters, the replacement character of invalid UTF-8) written as
/// `\u{…}`, so that an error message can neither carry a file's binary content nor spoof a
/// terminal or a page.
public enum InputExcerpt {
    /// Characters kept before the excerpt is cut with "…".
    public static let length = 40

    public static func quote(_ text: some StringProtocol, length: Int = Self.length) -> String {
        var out = ""
        var kept = 0
        for scalar in text.unicodeScalars {
            if kept == length { out += "…"; break }
            kept += 1
            if isPrintable(scalar) { out.unicodeScalars.append(scalar) } else { out += "\\u{" + hex(scalar.value) + "}" }
        }
        return out
    }

    /// Bytes that may not be UTF-8 at all (a file's content).
    public static func quote(bytes: some Collection<UInt8>, length: Int = Self.length) -> String {
        quote(String(decoding: bytes.prefix(length * 4), as: UTF8.self), length: length)
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: false
        default: scalar != "\u{FFFD}"
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
