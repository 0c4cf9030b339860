import CongressCore
import Foundation

/// Numbers, shares and dates as pages write them: 125.781 and 12,5% in Vietnamese; dates always
/// dd/mm/yyyy.
enum Formatting {
    static func share(_ part: Int, of whole: Int, _ language: Language) -> String {
        guard whole > 0 else { return "–" }
        return language.decimal(String(format: "%.1f", Double(part) * 100 / Double(whole))) + "%"
    }

    /// Vietnam's time (Asia/Ho_Chi_Minh, UTC+7 all year): the audit log's UTC instants as users
    /// read them, `14:05:09 02/12/2026`.
    static let vietnam = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!

    static func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d %02d/%02d/%04d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0, c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    /// An audit entry's ISO 8601 UTC time (`2026-11-22T09:10:11Z`) in Vietnam's time; the text
    /// itself if it does not parse.
    static func localTime(iso: String) -> String {
        guard let date = try? Date(iso, strategy: .iso8601) else { return iso }
        return localTime(date)
    }

    /// A deadline as users read it: "hạn 02/12/2026, còn 3 ngày làm việc", or once passed
    /// "quá hạn 2 ngày làm việc (hạn 30/11/2026)" — never a negative count.
    static func deadline(_ due: Day, today: Day, _ language: Language) -> String {
        let left = WorkingDays.between(today, due)
        return left < 0 ? Catalogue.text("web.deadline.overdue", language, -left, due.vietnamese)
            : Catalogue.text("web.congress.dueIn", language, due.vietnamese, left)
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
