@testable import CongressCore
import Testing

/// rules.md §6: how the published figures are defined, each by its own test, and the rounding.
@Suite("Structure report of elected bodies")
struct BodiesStructureReportTests {
    static func seat(_ id: String, unit: String = "T01", on: String = "2020-10-15", gender: Gender = .male, born: String = "1970-01-01",
                     ethnicity: String = "Kinh", education: Education = .bachelor, title: AcademicTitle = .none,
                     province: String? = "01", origin: String? = "01", role: BodyMembership.Role = .executiveCommittee,
                     how: BodyMembership.Origin = .elected) -> ReportSeat {
        ReportSeat(membership: BodyMembership(memberID: Person.ID(id), unit: PartyUnit.ID(unit), term: "2020-2025", role: role, how: how,
                                              on: Day(iso: on)!),
                   person: Person(memberID: Person.ID(id), fullName: "Người \(id)", gender: gender, birthDate: Day(iso: born)!, ethnicity: ethnicity,
                                  education: education, academicTitle: title, joinedOn: Day(iso: "1995-01-01")!),
                   unitProvince: province, originProvince: origin)
    }

    @Test("§6: percentages round half away from zero from exact fractions; a change of count and of share as published")
    func rounding() {
        #expect(Hundredths.percent(523, of: 3_330) == "15.71")
        #expect(Hundredths.percent(389, of: 3_330) == "11.68")
        #expect(Hundredths.percent(2_220, of: 3_330) == "66.67")
        #expect(Hundredths.percent(9, of: 65) == "13.85" && Hundredths.percent(28, of: 65) == "43.08" && Hundredths.percent(27, of: 65) == "41.54")
        #expect(Hundredths.change(from: 3_550, to: 3_330) == "-6.20")
        #expect(Hundredths.points(523, of: 3_330, previous: 462, of: 3_550) == "2.69")
        #expect(Hundredths.percent(1, of: 8) == "12.50" && Hundredths.percent(1, of: 16) == "6.25" && Hundredths.percent(1, of: 1_600) == "0.06")
        #expect(Hundredths.text(-5) == "-0.05" && Hundredths.rounded(-1, 2) == -1, "half away from zero below zero too")
    }

    @Test("§6: women, ethnic minority, master's or higher, professors")
    func personGroups() {
        let seats = [Self.seat("A", gender: .female), Self.seat("B", ethnicity: "Tày"), Self.seat("C", education: .master),
                     Self.seat("D", education: .doctor, title: .associateProfessor), Self.seat("E", education: .doctorOfScience, title: .professor),
                     Self.seat("F")]
        let report = BodiesStructureReport(body: .executiveCommittee, term: "2020-2025", previousTerm: nil, under: "TW", kind: nil, how: nil,
                                     seats: seats, previous: nil)
        let count = { (group: StructureGroup) in report.groups.first { $0.group == group }?.count }
        #expect(count(.women) == 1 && count(.ethnicMinority) == 1 && count(.mastersOrHigher) == 3 && count(.professors) == 2)
        #expect(report.members == 6 && report.bodies == 1)
    }

    @Test("§6: ages in whole years on the day elected: under 40, 40–50, over 50, 50 or under")
    func ages() {
        let seats = [Self.seat("A", born: "1980-10-16"), Self.seat("B", born: "1980-10-15"), Self.seat("C", born: "1970-10-15"),
                     Self.seat("D", born: "1970-10-14"), Self.seat("E", born: "1969-10-16")]
        let report = BodiesStructureReport(body: .executiveCommittee, term: "2020-2025", previousTerm: nil, under: "TW", kind: nil, how: nil,
                                     seats: seats, previous: nil)
        let count = { (group: StructureGroup) in report.groups.first { $0.group == group }?.count }
        // A turns 40 the day after; B turns 40 that day; C turns 50 that day; D turned 50 the day before; E turns 51 the day after.
        #expect(count(.under40) == 1 && count(.from40To50) == 4 && count(.over50) == 0 && count(.aged50OrUnder) == 5)
        #expect(Self.seat("X", born: "1969-10-14").age == 51 && StructureGroup.over50.contains(Self.seat("X", born: "1969-10-14")))
    }

    @Test("§6: not local: origin in another province than the body's; bodies outside any province never count")
    func notLocal() {
        #expect(StructureGroup.notLocal.contains(Self.seat("A", province: "01", origin: "44")))
        #expect(!StructureGroup.notLocal.contains(Self.seat("B", province: "01", origin: "01")))
        #expect(!StructureGroup.notLocal.contains(Self.seat("C", province: nil, origin: "44")), "the Army's committee")
        #expect(!StructureGroup.notLocal.contains(Self.seat("D", province: "01", origin: nil)), "no origin recorded")
    }

    @Test("§6: with the previous term: counts, shares and changes; the document's keys in formats.md's order")
    func comparison() {
        let now = [Self.seat("A", gender: .female), Self.seat("B", unit: "T02"), Self.seat("C")]
        let before = [Self.seat("A"), Self.seat("B"), Self.seat("C"), Self.seat("D", gender: .female)]
        let report = BodiesStructureReport(body: .executiveCommittee, term: "2020-2025", previousTerm: "2015-2020", under: "TW", kind: .underCentral,
                                     how: nil, seats: now, previous: before)
        let json = report.json
        guard case .object(let fields) = json, case .object(let groups)? = json["groups"], case .object(let women)? = json["groups"]?["women"] else {
            Issue.record("not an object")
            return
        }
        #expect(fields.map(\.0) == ["body", "term", "previousTerm", "under", "kind", "how", "bodies", "members", "previousMembers", "changePercent",
                                      "groups"])
        #expect(groups.map(\.0) == StructureGroup.allCases.map(\.rawValue))
        #expect(json["how"] == .string("all") && json["bodies"] == .int(2) && json["members"] == .int(3) && json["changePercent"] == .string("-25.00"))
        #expect(women.map(\.0) == ["count", "percent", "previousCount", "previousPercent", "changePoints"])
        #expect(women.map(\.1) == [.int(1), .string("33.33"), .int(1), .string("25.00"), .string("8.33")])
    }

    @Test("Sum of parts: a report's figures equal the sum over the units below; a seat in no part is shown, and the check fails")
    func sumOfParts() {
        var seats = [Self.seat("A", unit: "X1", gender: .female), Self.seat("B", unit: "X1"), Self.seat("C", unit: "X2", ethnicity: "Tày"),
                     Self.seat("D", unit: "T01")]
        seats[0].part = "X1"
        seats[1].part = "X1"
        seats[2].part = "X2"
        seats[3].part = "T01"
        let report = BodiesStructureReport(body: .executiveCommittee, term: "2020-2025", previousTerm: nil, under: "T01", kind: nil, how: nil,
                                           seats: seats, previous: nil)
        #expect(report.parts.agrees && report.parts.count == 3 && report.parts.members == ["X1": 2, "X2": 1, "T01": 1])
        #expect(report.parts.summary(members: report.members, .vi) == "✓ Kiểm tra cộng dồn: 4 = tổng 3 phần")
        seats[2].part = nil
        let broken = BodiesStructureReport(body: .executiveCommittee, term: "2020-2025", previousTerm: nil, under: "T01", kind: nil, how: nil,
                                           seats: seats, previous: nil)
        #expect(!broken.parts.agrees && broken.parts.outside == 1)
        #expect(broken.parts.summary(members: broken.members, .en) == "✗ Sum of parts: 1 people in no part")
    }

    @Test("The chart: one bar per group and term, suppressed groups left out, text escaped")
    func chart() {
        let report = BodiesStructureReport(body: .executiveCommittee, term: "2025-2030", previousTerm: "2020-2025", under: "TW", kind: nil, how: nil,
                                           seats: [Self.seat("A", gender: .female), Self.seat("B")], previous: [Self.seat("C")])
        let svg = StructureChart.svg(report, .vi)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2 + 2 * StructureGroup.allCases.count, "two legend keys and two bars per group")
        #expect(svg.contains(">50,00%<"), "Vietnamese decimals with a comma")
        let hidden = StructureChart.svg(report, .en, hidden: [.women])
        #expect(hidden.components(separatedBy: "<rect").count - 1 == 2 + 2 * (StructureGroup.allCases.count - 1))
    }
}
