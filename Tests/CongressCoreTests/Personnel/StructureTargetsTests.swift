import CongressCore
import Testing

/// R-P-2 targets as warnings and R-P-7's planning limits, without I/O.
@Suite struct StructureTargetsTests {
    static let day = Day(iso: "2025-09-01")!

    static func person(_ id: Person.ID, female: Bool = false, born: String = "1975-05-05", ethnicity: String = "Kinh") -> Person {
        Person(memberID: id, fullName: "Người \(id)", gender: female ? .female : .male, birthDate: Day(iso: born)!, ethnicity: ethnicity,
               education: .bachelor, academicTitle: .none, politicalTheory: .advanced, joinedOn: Day(iso: "2000-01-01")!)
    }

    @Test("R-P-2: women at least 15% and a woman on the standing committee; under 40 at least 10%; 40–50 about 40–50%")
    func warnings() {
        // 20 people: 3 women (15%), 2 under 40 (10%), 9 aged 40–50 (45%).
        var people = (1...20).map { Self.person("P\($0)", born: "1965-01-01") }
        for index in 0..<3 { people[index] = Self.person("W\(index)", female: true, born: "1965-01-01") }
        for index in 3..<5 { people[index] = Self.person("Y\(index)", born: "1990-01-01") }
        for index in 5..<14 { people[index] = Self.person("M\(index)", born: "1980-01-01") }
        #expect(StructureCheck.warnings(people, standingCommittee: [people[0]], on: Self.day, ageBands: true).isEmpty)
        var fewer = people
        fewer[0] = Self.person("X0", born: "1965-01-01")
        #expect(StructureCheck.warnings(fewer, standingCommittee: [fewer[1]], on: Self.day, ageBands: true) == [.women(count: 2, of: 20, target: 15)])
        #expect(StructureCheck.warnings(people, standingCommittee: [people[5]], on: Self.day, ageBands: true) == [.noWomanOnStandingCommittee])
        var older = people
        older[3] = Self.person("O3", born: "1960-01-01")
        #expect(StructureCheck.warnings(older, on: Self.day, ageBands: true) == [.young(count: 1, of: 20, target: 10)])
        #expect(StructureCheck.warnings(older, on: Self.day, ageBands: false).isEmpty, "age bands only at province and district level")
        var crowded = people
        for index in 14..<20 { crowded[index] = Self.person("C\(index)", born: "1980-01-01") }
        #expect(StructureCheck.warnings(crowded, on: Self.day, ageBands: true) == [.middleAged(count: 15, of: 20, target: 40...50)])
        var targets = StructureTargets.defaults
        targets.minorityPercentOfPopulation = 10
        #expect(StructureCheck.warnings(people, on: Self.day, ageBands: false, targets: targets) == [.ethnicMinorities(count: 0, of: 20, target: 10)])
    }

    @Test("R-P-7: at most 4 people for one post; one person for at most 3 posts of a level")
    func planningLimits() {
        let five = (1...5).map { (post: PersonnelPost.secretary, person: Person.ID("P\($0)")) }
        #expect(PlanningLimits.problems(five) == [.tooManyForPost(.secretary, count: 5)])
        #expect(PlanningLimits.problems(Array(five.prefix(4))).isEmpty)
        let busy: [(post: PersonnelPost, person: Person.ID)] = [(.secretary, "A"), (.deputySecretary, "A"), (.standingCommittee, "A"), (.inspectionChair, "A")]
        #expect(PlanningLimits.problems(busy) == [.tooManyPosts("A", count: 4)])
        #expect(PlanningLimits.problems(Array(busy.prefix(3))).isEmpty)
    }
}
