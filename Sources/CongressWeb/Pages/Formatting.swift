import CongressCore
import Foundation

/// Numbers, shares and dates as pages write them: 125.781 and 12,5% in Vietnamese; dates always
/// dd/mm/yyyy.
enum Formatting {
    static func share(_ part: Int, of whole: Int, _ language: Language) -> String {
        guard whole > 0 else { return "–" }
        return language.decimal(String(format: "%.1f", Double(part) * 100 / Double(whole))) + "%"
    }

    static func escapeXML(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A query string from pairs, values percent-encoded.
    static func query(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}

extension CharacterSet {
    /// Unreserved characters (RFC 3986): everything else in a query value is percent-encoded.
    static let urlQueryValueAllowed = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
