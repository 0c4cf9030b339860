/// A calendar day (no time, no time zone), stored as days since 1970-01-01. Dates in the register
/// are civil dates; a time zone would only move them.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var daysSinceEpoch: Int32

    public init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The day, or `nil` when it does not exist (31/2, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...Day.length(ofMonth: month, year: year)).contains(day), (1...9999).contains(year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }

    /// `YYYY-MM-DD`.
    public var iso: String {
        withISOBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the ten bytes of `YYYY-MM-DD`, without building a string.
    public func withISOBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let (y, m, d) = components
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            let digits: [(Int, Int, Int)] = [(y, 4, 0), (m, 2, 5), (d, 2, 8)]
            for (value, width, offset) in digits {
                var rest = value
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(48 + rest % 10)
                    rest /= 10
                }
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[7] = UInt8(ascii: "-")
            return try body(UnsafeBufferPointer(buffer))
        }
    }

    /// `dd/MM/yyyy`, as Vietnamese documents write dates.
    public var vietnamese: String {
        let (y, m, d) = components
        return "\(Self.pad(d, 2))/\(Self.pad(m, 2))/\(y)"
    }

    public var description: String { iso }

    /// Parses `YYYY-MM-DD` exactly; `nil` for anything else or a day that does not exist.
    public init?(iso text: some StringProtocol) {
        guard let day = text.utf8.withContiguousStorageIfAvailable({ Day(isoBytes: $0) }) ?? Day(isoBytes: Array(text.utf8)) else { return nil }
        self = day
    }

    /// Parses `d/M/yyyy` or `dd/MM/yyyy`, as Vietnamese documents write dates.
    public init?(vietnamese text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              let day = Day(year: y, month: m, day: d) else { return nil }
        self = day
    }

    /// Parses the bytes of `YYYY-MM-DD` exactly.
    public init?<C: Collection<UInt8>>(isoBytes bytes: C) where C.Index == Int {
        let base = bytes.startIndex
        guard bytes.count == 10, bytes[base + 4] == UInt8(ascii: "-"), bytes[base + 7] == UInt8(ascii: "-"),
              let y = Self.number(bytes, base, 4), let m = Self.number(bytes, base + 5, 2), let d = Self.number(bytes, base + 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func number<C: Collection<UInt8>>(_ bytes: C, _ start: Int, _ count: Int) -> Int? where C.Index == Int {
        var value = 0
        for index in start..<(start + count) {
            let byte = bytes[index]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte) - 48
        }
        return value
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The day `count` days later (or earlier, when negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + Int32(count)) }

    /// Whole years from `self` to `other` (an age on `other` for a birth date `self`).
    public func wholeYears(until other: Day) -> Int {
        let a = components, b = other.components
        var years = b.year - a.year
        if (b.month, b.day) < (a.month, a.day) { years -= 1 }
        return years
    }

    /// The same day `years` years earlier, 29/2 becoming 28/2 in a common year. A person born on
    /// or before `day.subtracting(years: n)` is at least `n` years old on `day`.
    public func subtracting(years: Int) -> Day {
        let (y, m, d) = components
        return Day(year: y - years, month: m, day: min(d, Day.length(ofMonth: m, year: y - years)))!
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Day {
    /// 1/7/2025: the two-tier local structure takes effect (R-O-2).
    public static let reorganisation2025 = Day(year: 2025, month: 7, day: 1)!
}
