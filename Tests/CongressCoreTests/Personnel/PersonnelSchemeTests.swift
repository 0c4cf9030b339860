import CongressCore
import Testing

/// The personnel scheme: its numbers (R-C-5), its lists' surplus (R-E-6), its designated leaders
/// (R-E-26), and the list it gives the congress's election (R-E-3, R-E-9, R-E-10).
@Suite struct PersonnelSchemeTests {
    static let ids: [Person.ID] = (1...30).map { "P\($0)" }

    static func scheme(introduced: [Person.ID] = ids, deputies: Int = 2, secretary: Person.ID = "P1") -> PersonnelScheme {
        PersonnelScheme(unit: "X19742", term: "2025–2030", level: .commune, mergedUnits: 2,
                        bodies: [.init(kind: .executiveCommittee, seats: 27, introduced: introduced), .init(kind: .standingCommittee, seats: 9)],
                        designated: [DesignatedLeader(name: "Người 1", role: .secretary, memberID: secretary)]
                            + (0..<deputies).map { DesignatedLeader(name: "Người \($0 + 2)", role: .deputySecretary, memberID: ids[$0 + 1]) })
    }

    @Test("R-C-5, R-E-6: 27 seats with 30 introduced, 9 standing, 2 deputies is a scheme the congress can take")
    func sound() {
        #expect(Self.scheme().problems().isEmpty)
        #expect(Self.scheme(deputies: 3).problems().map(\.ruleID) == ["R-C-5"])
    }

    @Test("R-E-6: a list over the 30% cap blocks; one outside the convening 10–15% only warns")
    func surplus() {
        let over = Self.scheme(introduced: Self.ids + (31...36).map { "P\($0)" }).problems()
        #expect(over == [.surplus(.executiveCommittee, names: 36, seats: 27, allowed: 28...35)] && over[0].blocks)
        let thin = Self.scheme(introduced: Array(Self.ids.prefix(28))).problems()
        #expect(thin == [.conveningSurplusOutsideRange(.executiveCommittee, names: 28, seats: 27, range: 3...4)] && !thin[0].blocks)
        #expect(Self.scheme(introduced: Array(Self.ids.prefix(27))).problems().first?.ruleID == "R-E-6", "a required surplus of none")
    }

    @Test("R-E-26: a designated leader must be among those introduced for the executive committee")
    func designated() {
        let problems = Self.scheme(secretary: "Q9").problems()
        #expect(problems == [.designatedNotIntroduced(DesignatedLeader(name: "Người 1", role: .secretary, memberID: "Q9"))])
    }

    @Test("R-E-3, R-E-9, R-E-10: the adopted list opens the congress's election by member ID, in ballot order")
    func electionList() throws {
        let names: [Person.ID: String] = ["P1": "Trần Văn Bình", "P2": "Nguyễn Thị An", "P3": "Lê Văn Bình"]
        let scheme = PersonnelScheme(unit: "X1", term: "2025–2030", level: .commune,
                                     bodies: [.init(kind: .executiveCommittee, seats: 2, introduced: ["P1", "P2", "P3"])])
        let lines = scheme.electionList(.executiveCommittee, names: names)
        #expect(lines == ["Nguyễn Thị An (P2)", "Lê Văn Bình (P3)", "Trần Văn Bình (P1)"])
        var congress = CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2025-07-20", closesOn: "2025-07-21")
        congress.members = names.map { MemberOnRoll(memberID: $0.key, fullName: $0.value) }
        let entries = try ElectionOpening.resolve(lines, congress: congress, registered: [:])
        #expect(entries.map(\.memberID) == ["P2", "P3", "P1"], "the list carries the member IDs to the ballot")
    }
}
