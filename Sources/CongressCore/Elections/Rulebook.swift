/// Every parameter of the election rules that the regulations leave open or that changes between
/// documents (rules.md §3 and §7). A rulebook is data: organisations may copy one and change it.
public struct Rulebook: Sendable, Equatable, Codable {
    /// The document's number as written, e.g. `190-QĐ/TW`.
    public var id: String
    /// The document's date as printed in the minutes, e.g. `10/10/2024`.
    public var date: String
    /// Short description in Vietnamese, printed in the minutes.
    public var titleVi: String
    /// Short description in English.
    public var titleEn: String

    /// R-E-6: the most surplus the congress may decide, in percent of seats.
    public var surplusCapPercent: Int
    /// R-E-6: the convening committee's own list carries this range of surplus, in percent.
    public var conveningSurplusPercentRange: ClosedRange<Int>
    /// R-E-6: bodies with this many seats have the small-body surplus cap instead.
    public var smallBodySeats: ClosedRange<Int>
    /// R-E-6: the surplus cap for small bodies, in persons.
    public var smallBodySurplusCap: Int
    /// R-E-6 (open): how the percentage caps are rounded to whole persons.
    public var capRounding: CapRounding
    /// R-E-6: bodies whose list must have more candidates than seats, capped.
    public var bodiesRequiringSurplus: Set<BodyKind>
    /// R-E-20 / R-E-7: an opinion ballot passes a nominee with more than this percent of attending.
    public var opinionThresholdPercent: Int
    /// R-E-14: which invalid-ballot reasons apply; the firm ones cannot be switched off.
    public var invalidReasons: Set<InvalidReason>
    /// Rounding of the percentages printed in the minutes (rules.md §3.4, default truncate).
    public var percentRounding: PercentRounding
    /// R-E-19 (open): whether absences with an accepted reason shrink a committee conference's base.
    public var conferenceExcludesAbsentWithReason: Bool
    /// R-E-24: a cell that elects no secretary in this many rounds gets one appointed from above.
    public var cellSecretaryRoundsBeforeAppointment: Int
    /// R-E-5: whether ballots may be cast electronically (off in both shipped rulebooks).
    public var electronicCasting: Bool

    /// How a percentage cap becomes a whole number of persons.
    public enum CapRounding: String, Sendable, Codable { case floor, round, ceiling }
    /// How a percentage is cut to two decimals.
    public enum PercentRounding: String, Sendable, Codable { case truncate, halfUp }
}

extension Rulebook {
    /// Quy định 190-QĐ/TW (10/10/2024) on in-Party elections: the default.
    public static let qd190 = Rulebook(
        id: "190-QĐ/TW", date: "10/10/2024",
        titleVi: "Quy định số 190-QĐ/TW ngày 10/10/2024 về thực hiện bầu cử trong Đảng",
        titleEn: "Regulation 190-QĐ/TW of 10/10/2024 on elections within the Party",
        surplusCapPercent: 30, conveningSurplusPercentRange: 10...15,
        smallBodySeats: 3...5, smallBodySurplusCap: 1, capRounding: .floor,
        bodiesRequiringSurplus: [.executiveCommittee, .standingCommittee, .cellCommittee],
        opinionThresholdPercent: 30, invalidReasons: Set(InvalidReason.allCases),
        percentRounding: .truncate, conferenceExcludesAbsentWithReason: true,
        cellSecretaryRoundsBeforeAppointment: 3, electronicCasting: false
    )

    /// Quy định 244-QĐ/TW (9/6/2014): for re-counting past congresses. Its counting parameters
    /// are the same as 190's as far as the sources read say; it is a separate value so that the
    /// minutes name the document that applied and so that a difference can be recorded here.
    public static let qd244: Rulebook = {
        var book = qd190
        book.id = "244-QĐ/TW"
        book.date = "9/6/2014"
        book.titleVi = "Quy chế bầu cử trong Đảng ban hành kèm Quyết định số 244-QĐ/TW ngày 9/6/2014"
        book.titleEn = "Rules on elections within the Party, Decision 244-QĐ/TW of 9/6/2014"
        return book
    }()

    /// The rulebooks shipped with the product.
    public static let shipped: [Rulebook] = [qd190, qd244]

    /// The shipped rulebook with this ID; ASCII spellings (`190-QD/TW`) are accepted too.
    public static func named(_ name: String) -> Rulebook? {
        let wanted = asciiFold(name)
        return shipped.first { asciiFold($0.id) == wanted }
    }

    private static func asciiFold(_ text: String) -> String {
        String(text.uppercased().map { $0 == "Đ" ? "D" : $0 })
    }
}
