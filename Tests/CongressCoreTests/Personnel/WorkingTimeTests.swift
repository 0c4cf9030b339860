import CongressCore
import Testing

/// R-P-1: the statutory retirement month against the rows of Decree 135/2020's appendices
/// (men: Appendix I, women: Appendix II), a dozen birth months of each sex across the ramp.
@Suite struct WorkingTimeTests {
    static func month(_ text: String) -> CalendarMonth {
        let parts = text.split(separator: "/").map { Int($0)! }
        return CalendarMonth(year: parts[1], month: parts[0])
    }

    /// (born, retires at the end of, age then) as the decree's tables print them.
    static let men: [(String, String, String)] = [
        ("1/1961", "4/2021", "60y3m"), ("9/1961", "12/2021", "60y3m"), ("10/1961", "4/2022", "60y6m"),
        ("6/1962", "12/2022", "60y6m"), ("7/1962", "4/2023", "60y9m"), ("3/1963", "12/2023", "60y9m"),
        ("4/1963", "4/2024", "61y0m"), ("12/1963", "12/2024", "61y0m"), ("1/1964", "4/2025", "61y3m"),
        ("10/1964", "4/2026", "61y6m"), ("7/1965", "4/2027", "61y9m"), ("4/1966", "4/2028", "62y0m"),
        ("12/1970", "12/2032", "62y0m"),
    ]
    static let women: [(String, String, String)] = [
        ("1/1966", "5/2021", "55y4m"), ("8/1966", "12/2021", "55y4m"), ("9/1966", "5/2022", "55y8m"),
        ("4/1967", "12/2022", "55y8m"), ("5/1967", "5/2023", "56y0m"), ("12/1967", "12/2023", "56y0m"),
        ("1/1968", "5/2024", "56y4m"), ("9/1968", "5/2025", "56y8m"), ("5/1969", "5/2026", "57y0m"),
        ("1/1970", "5/2027", "57y4m"), ("1/1975", "9/2034", "59y8m"), ("1/1980", "1/2040", "60y0m"),
    ]

    @Test("R-P-1: men retire as Decree 135/2020 Appendix I says", arguments: men)
    func menRetire(_ row: (String, String, String)) {
        let retirement = WorkingTime.retirementMonth(.male, born: Self.month(row.0))
        #expect(retirement == Self.month(row.1), "born \(row.0)")
        let age = retirement.index - Self.month(row.0).index
        #expect("\(age / 12)y\(age % 12)m" == row.2)
    }

    @Test("R-P-1: women retire as Decree 135/2020 Appendix II says", arguments: women)
    func womenRetire(_ row: (String, String, String)) {
        let retirement = WorkingTime.retirementMonth(.female, born: Self.month(row.0))
        #expect(retirement == Self.month(row.1), "born \(row.0)")
        let age = retirement.index - Self.month(row.0).index
        #expect("\(age / 12)y\(age % 12)m" == row.2)
    }

    @Test("R-P-1: the statutory age rises 3 months (men) or 4 months (women) a year from 2021 and stops at 62 and 60")
    func statutoryAge() {
        #expect(WorkingTime.statutoryAge(.male, in: 2020) == 720 && WorkingTime.statutoryAge(.male, in: 2021) == 723)
        #expect(WorkingTime.statutoryAge(.male, in: 2028) == 744 && WorkingTime.statutoryAge(.male, in: 2040) == 744)
        #expect(WorkingTime.statutoryAge(.female, in: 2019) == 660 && WorkingTime.statutoryAge(.female, in: 2021) == 664)
        #expect(WorkingTime.statutoryAge(.female, in: 2035) == 720 && WorkingTime.statutoryAge(.female, in: 2034) == 716)
    }

    @Test("R-P-1: months left count from the reference month to the retirement month")
    func monthsLeft() {
        // A man born 3/1972 retires at the end of 3/2034: from commune-level 7/2025, 104 months.
        #expect(WorkingTime.monthsLeft(.male, born: CalendarMonth(year: 1972, month: 3), from: CalendarMonth(year: 2025, month: 7)) == 104)
        #expect(CalendarMonth(year: 2029, month: 6).description == "2029-06" && CalendarMonth(index: CalendarMonth(year: 2029, month: 12).index).month == 12)
    }
}
