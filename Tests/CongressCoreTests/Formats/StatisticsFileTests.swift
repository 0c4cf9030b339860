@testable import CongressCore
import Testing

/// The statistics file (formats.md §9) and the reconciliation over it (issue 14, item 4): every
/// bad row named by line and column; differences and sums of parts from planted figures.
@Suite("Statistics file and reconciliation")
struct StatisticsFileTests {
    static let header = "unit,day,figure,value\n"
    static let day = Day(iso: "2026-01-01")!

    @Test("§9: rows read in any column order; register and body figures by key")
    func reads() throws {
        let file = "value,figure,day,unit\n10,members,2026-01-01,X1\n3,executiveCommittee.women,2026-01-01,X1\n1,members.over60,2026-01-01,X1\n"
        guard case .success(let rows) = StatisticsFile.parse(Array(file.utf8)) else { Issue.record("refused"); return }
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows.map(\.figure) == [.register(.all), .body(.executiveCommittee, .group(.women)), .register(.over60)])
        #expect(rows.map(\.value) == [10, 3, 1])
        for key in StatisticsFigure.allKeys { #expect(StatisticsFigure(key: key)?.key == key, "\(key)") }
        #expect(StatisticsFigure(key: "members.all") == nil && StatisticsFigure(key: "secretary") == nil)
    }

    @Test("§9: a bad cell is named by line and column; a repeated figure by the line it repeats; hostile values never trap")
    func problems() {
        let file = Self.header + "X1,2026-01-01,members,10\n"
            + "X 1,2026-01-01,members,10\n"
            + "X1,01/01/2026,members,10\n"
            + "X1,2026-01-01,members.men,10\n"
            + "X1,2026-01-01,members.women,-1\n"
            + "X1,2026-01-01,members.women,99999999999999999999\n"
            + "X1,2026-01-01,members,11\n"
            + "X1,2026-01-01\n"
        guard case .failure(let errors) = StatisticsFile.parse(Array(file.utf8)) else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(errors.errors.map(\.column) == ["unit", "day", "figure", "value", "value", nil, nil])
        #expect(errors.errors[5].problem == .duplicate(firstLine: 2))
        #expect(errors.errors[2].problem.message(.en).contains("members.men"))
        #expect(errors.errors[2].problem.message(.vi).contains("không phải là một số liệu"))
        guard case .failure(let header) = StatisticsFile.parse(Array("unit,day,value\n".utf8)) else { Issue.record("accepted"); return }
        #expect(header.errors.first?.problem == .header(missing: ["figure"], unknown: []))
        guard case .failure(let binary) = StatisticsFile.parse([0xFF, 0xFE, 0x00]) else { Issue.record("accepted"); return }
        #expect(binary.errors.first?.problem == .notUTF8)
    }

    @Test("§9: a unit that does not exist on its row's day is named by line")
    func unitNotInForce() {
        let rows = [ReportedFigure(line: 2, unit: "X1", day: Self.day, figure: .register(.all), value: 1),
                    ReportedFigure(line: 3, unit: "LX9", day: Self.day, figure: .register(.all), value: 1)]
        let problems = StatisticsFile.check(rows) { unit, _ in unit == "X1" }
        #expect(problems == [StatisticsFileError(line: 3, column: "unit", problem: .unitNotInForce("LX9", Self.day))])
    }

    static func figure(_ line: Int, _ unit: PartyUnit.ID, _ figure: StatisticsFigure, _ value: Int) -> ReportedFigure {
        ReportedFigure(line: line, unit: unit, day: day, figure: figure, value: value)
    }

    @Test("Reconciliation: a planted difference is listed with the people behind the product's figure; agreeing figures are not")
    func differences() {
        let reported = [Self.figure(2, "X1", .register(.women), 3), Self.figure(3, "X1", .body(.executiveCommittee, .members), 2)]
        let product: [FigureKey: [Person.ID]] = [reported[0].key: ["A", "B"], reported[1].key: ["C", "D"]]
        let result = Reconciliation(reported: reported, product: product, children: [:], direct: [:])
        #expect(result.differences.map(\.reported.line) == [2])
        #expect(result.differences.first?.difference == 1 && result.differences.first?.people == ["A", "B"])
        #expect(!result.agrees)
        let fixed = Reconciliation(reported: [Self.figure(2, "X1", .register(.women), 2)], product: product, children: [:], direct: [:])
        #expect(fixed.agrees && fixed.differences.isEmpty)
    }

    @Test("Reconciliation: a subtree's reported figure is checked against its parts' reported figures plus the members placed in it directly")
    func sumOfParts() {
        let unitDay = Reconciliation.UnitDay(unit: "X1", day: Self.day)
        let reported = [Self.figure(2, "X1", .register(.all), 10), Self.figure(3, "C1", .register(.all), 6), Self.figure(4, "C2", .register(.all), 3),
                        Self.figure(5, "X1", .register(.women), 4), Self.figure(6, "C1", .register(.women), 2),
                        Self.figure(7, "X1", .body(.executiveCommittee, .members), 5)]
        let children = [unitDay: ["C1", "C2"] as [PartyUnit.ID]]
        // One member is placed in X1 itself: 6 + 3 + 1 = 10 agrees.
        let direct = [reported[0].key: 1, reported[3].key: 0]
        let result = Reconciliation(reported: reported, product: [:], children: children, direct: direct)
        #expect(result.parts.map(\.reported.line) == [2, 5], "only additive figures of units with parts are checked")
        #expect(result.parts[0].agrees && result.parts[0].sumOfParts == 10)
        #expect(!result.parts[1].isComplete && result.parts[1].missing == ["C2"])
        // A planted error in a part: C2 reports 2 instead of 3.
        var planted = reported
        planted[2].value = 2
        let differing = Reconciliation(reported: planted, product: [:], children: children, direct: direct)
        #expect(differing.parts[0].sumOfParts == 9 && !differing.parts[0].agrees && differing.parts[0].isComplete)
    }

    @Test("§9: a register figure's definition over one person")
    func registerFigures() {
        let person = Person(memberID: "A", fullName: "Nguyễn Thị An", gender: .female, birthDate: Day(iso: "1960-01-02")!,
                            joinedOn: Day(iso: "1990-01-01")!)
        #expect(RegisterFigure.women.contains(person, status: .official, on: Self.day))
        #expect(RegisterFigure.over60.contains(person, status: .official, on: Self.day))
        #expect(!RegisterFigure.from51To60.contains(person, status: .official, on: Self.day))
        #expect(RegisterFigure.probationary.contains(person, status: .probationary, on: Self.day))
        #expect(!RegisterFigure.ethnicMinority.contains(person, status: .official, on: Self.day))
    }
}
