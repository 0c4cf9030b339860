/// A calendar month (R-P-1 counts in whole months).
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1…12.
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Months since the start of year 0: differences of two indices are months apart.
    public var index: Int { year * 12 + (month - 1) }

    public init(index: Int) {
        year = index / 12
        month = index % 12 + 1
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }

    /// `2029-06`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}

/// R-P-1: the statutory retirement age (Labour Code 2019, Decree 135/2020) and the working
/// time a person has left from a cycle's reference month.
public enum WorkingTime {
    /// The statutory retirement age of year `year` in months: men 60 years + 3 months a year
    /// from 2021, at most 62 years; women 55 years + 4 months a year from 2021, at most 60 years.
    public static func statutoryAge(_ gender: Gender, in year: Int) -> Int {
        let steps = max(0, year - 2020)
        switch gender {
        case .male: return min(62 * 12, 60 * 12 + 3 * steps)
        case .female: return min(60 * 12, 55 * 12 + 4 * steps)
        }
    }

    /// The month at whose end a person born in `birth` reaches the statutory age: the first month
    /// in which their age in whole months, counted from the birth month, reaches that month's
    /// year's statutory age (a man born 1/1961 retires at the end of 4/2021, at 60 years 3 months).
    public static func retirementMonth(_ gender: Gender, born birth: CalendarMonth) -> CalendarMonth {
        // The earliest candidate is at the youngest statutory age; the age only grows from there.
        var index = birth.index + statutoryAge(gender, in: 0)
        while index - birth.index < statutoryAge(gender, in: CalendarMonth(index: index).year) { index += 1 }
        return CalendarMonth(index: index)
    }

    /// Months from `reference` to the retirement month: what R-P-1 compares with the months required.
    public static func monthsLeft(_ gender: Gender, born birth: CalendarMonth, from reference: CalendarMonth) -> Int {
        retirementMonth(gender, born: birth).index - reference.index
    }
}
