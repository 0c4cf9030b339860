import CongressCore
import Testing

@Suite struct DayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2025-07-01", "1945-09-02", "2100-12-31"])
    func isoRoundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(Day(iso: day.adding(days: 1).iso) == day.adding(days: 1))
    }

    @Test(arguments: ["2025-02-29", "2025-13-01", "2025-00-10", "25-01-01", "2025/01/01", "2025-1-1", ""])
    func invalidDays(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func vietnameseFormat() {
        #expect(Day(year: 2026, month: 11, day: 22)!.vietnamese == "22/11/2026")
        #expect(Day(year: 2025, month: 7, day: 1)!.vietnamese == "01/07/2025")
    }

    @Test("Whole years: an age changes on the birthday, 29/2 birthdays on 1/3 in common years")
    func wholeYears() {
        let birth = Day(year: 2000, month: 2, day: 29)!
        #expect(birth.wholeYears(until: Day(year: 2021, month: 2, day: 28)!) == 20)
        #expect(birth.wholeYears(until: Day(year: 2021, month: 3, day: 1)!) == 21)
        #expect(Day(year: 2024, month: 2, day: 29)!.subtracting(years: 21) == Day(year: 2003, month: 2, day: 28)!)
    }

    @Test("subtracting(years:) is the age boundary of wholeYears", arguments: 0..<200)
    func boundaryAgreesWithWholeYears(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) + 1)
        let day = Day(daysSinceEpoch: Int32.random(in: 0...25_000, using: &random))
        let birth = Day(daysSinceEpoch: Int32.random(in: -20_000...Int32(day.daysSinceEpoch), using: &random))
        for years in [18, 30, 31, 41, 60] {
            #expect((birth <= day.subtracting(years: years)) == (birth.wholeYears(until: day) >= years))
        }
    }
}

@Suite struct OrganisationTreeTests {
    let units = [
        PartyUnit(code: "A", name: "Gốc", kind: .central),
        PartyUnit(code: "B", name: "Tỉnh cũ", kind: .underCentral, validTo: Day(iso: "2025-06-30")),
        PartyUnit(code: "C", name: "Tỉnh mới", kind: .underCentral, validFrom: Day(iso: "2025-07-01")),
        PartyUnit(code: "D", name: "Chi bộ", kind: .grassrootsCell),
        PartyUnit(code: "E", name: "Chi bộ 2", kind: .grassrootsCell),
    ]
    let placements = [
        UnitPlacement(unit: "B", parent: "A"), UnitPlacement(unit: "C", parent: "A"),
        UnitPlacement(unit: "D", parent: "B", validTo: Day(iso: "2025-06-30")),
        UnitPlacement(unit: "D", parent: "C", validFrom: Day(iso: "2025-07-01")),
        UnitPlacement(unit: "E", parent: "C"),
    ]

    @Test("R-O-4: the tree of a day uses the units and placements of that day")
    func treeOfADay() {
        let old = OrganisationTree(units: units, placements: placements, on: Day(iso: "2025-06-30")!)
        #expect(old.units.map(\.code) == ["A", "B", "D", "E"])
        #expect(old.subtree(of: "B") == 1..<3)
        #expect(old.children(of: "A").map(\.code) == ["B"])
        #expect(old.units.first { $0.code == "E" }.map { old.ancestry(of: $0.code).count } == 1) // E's parent C does not exist yet: a root
        let new = OrganisationTree(units: units, placements: placements, on: Day(iso: "2025-07-01")!)
        #expect(new.units.map(\.code) == ["A", "C", "D", "E"])
        #expect(new.subtree(of: "C") == 1..<4)
        #expect(new.ancestry(of: "D").map(\.code) == ["A", "C", "D"])
        #expect(new.isWithin("D", "A"))
        #expect(!new.isWithin("A", "D"))
    }
}

@Suite struct MembershipHistoryTests {
    let person = Person(memberID: "M1", fullName: "Lê Văn An", gender: .male, birthDate: Day(iso: "1980-01-01")!,
                        joinedOn: Day(iso: "2005-01-01")!, officialOn: Day(iso: "2006-01-01")!)

    @Test("R-O-3: spans never overlap; a transfer closes the old span the day before")
    func spansFromEvents() {
        let events = [
            MembershipEvent(kind: .admitted, day: Day(iso: "2005-01-01")!, unit: "C1"),
            MembershipEvent(kind: .transferred, day: Day(iso: "2010-05-01")!, unit: "C2"),
            MembershipEvent(kind: .suspended, day: Day(iso: "2020-01-01")!),
            MembershipEvent(kind: .resumed, day: Day(iso: "2020-07-01")!),
            MembershipEvent(kind: .left, day: Day(iso: "2024-01-01")!),
        ]
        let spans = MembershipHistory.spans(events)
        #expect(spans.map(\.unit) == ["C1", "C2", "C2", "C2"])
        #expect(spans.map(\.standing) == [.active, .active, .suspended, .active])
        #expect(spans.last?.to == Day(iso: "2023-12-31"))
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.to!.adding(days: 1) == b.from) }
        #expect(MembershipHistory.status(of: person, spans: spans, on: Day(iso: "2005-06-01")!)?.status == .probationary)
        #expect(MembershipHistory.status(of: person, spans: spans, on: Day(iso: "2020-03-01")!)?.status == .suspended)
        #expect(MembershipHistory.status(of: person, spans: spans, on: Day(iso: "2024-01-01")!) == nil)
    }
}
