import CongressCore
import Testing

/// The numbers and the people of a personnel scheme: R-C-5, R-C-6, R-E-8 and R-P-6, without I/O.
@Suite struct SchemeRulesTests {
    @Test("R-C-5: a commune formed from 2 units has at most 27 committee members, from 3 or more 33; standing 9–11; 2 deputies")
    func committeeSizes() {
        let sizes = CommitteeSizes.c2025_2030
        #expect(sizes.commune(executive: 27, standing: 9, deputies: 2, mergedUnits: 2).isEmpty)
        #expect(sizes.commune(executive: 30, standing: 9, deputies: 2, mergedUnits: 2) == [.executiveCommittee(seats: 30, allowed: 1...27)])
        #expect(sizes.commune(executive: 33, standing: 11, deputies: 2, mergedUnits: 3).isEmpty)
        #expect(sizes.commune(executive: 27, standing: 12, deputies: 3, mergedUnits: 1)
                == [.standingCommittee(seats: 12, allowed: 9...11), .deputySecretaries(seats: 3, allowed: 2...2)])
        #expect(sizes.provincialStanding(16, province: "44") == .standingCommittee(seats: 16, allowed: 13...15))
        #expect(sizes.provincialStanding(17, province: "01") == nil, "Hà Nội may have 17")
    }

    @Test("R-C-6: no member is added in the 6 months before the congress, unless an exception is recorded with its decision")
    func additionWindow() throws {
        let opens = Day(iso: "2025-09-20")!
        #expect(AdditionWindow.lastDay(before: opens) == Day(iso: "2025-03-19"))
        #expect(AdditionWindow.lastDay(before: Day(iso: "2025-08-31")!) == Day(iso: "2025-02-27"), "31 August: 28 February opens the window")
        try AdditionWindow.check(addingOn: Day(iso: "2025-03-19")!, congressOpens: opens, exceptionDecision: nil)
        #expect(throws: AdditionWindow.Refusal.tooCloseToCongress(lastDay: Day(iso: "2025-03-19")!)) {
            try AdditionWindow.check(addingOn: Day(iso: "2025-03-20")!, congressOpens: opens, exceptionDecision: nil)
        }
        #expect(throws: AdditionWindow.Refusal.self) {
            try AdditionWindow.check(addingOn: Day(iso: "2025-06-01")!, congressOpens: opens, exceptionDecision: " ")
        }
        try AdditionWindow.check(addingOn: Day(iso: "2025-06-01")!, congressOpens: opens, exceptionDecision: "Quyết định 45-QĐ/TU (Công an)")
    }

    @Test("R-E-8: convening committee members nominate only from its list and stand only if on it")
    func conveningNominations() {
        let committee: Set<Person.ID> = ["C1", "C2", "C3"], list: Set<Person.ID> = ["C1", "N1", "N2"]
        #expect(ConveningNominations.problems(conveningCommittee: committee, conveningList: list, candidates: ["C1", "N1", "N2"],
                                              nominations: [(by: "C2", nominee: "N1"), (by: "D9", nominee: "F1")]).isEmpty,
                "a delegate outside the committee may nominate from the floor")
        #expect(ConveningNominations.problems(conveningCommittee: committee, conveningList: list, candidates: ["C1", "N1", "C3", "F1"],
                                              nominations: [(by: "C2", nominee: "F1")])
                == [.nominatedOffList(by: "C2", nominee: "F1"), .standsOffList("C3")])
    }

    @Test("R-P-6: someone not elected to the lower committee this cycle is not introduced for the higher one")
    func lowerCommittee() {
        let units = [PartyUnit(code: "T44", name: "Đảng bộ tỉnh", kind: .underCentral),
                     PartyUnit(code: "X1", name: "Đảng bộ xã", kind: .communeCommittee),
                     PartyUnit(code: "X2", name: "Đảng bộ phường", kind: .communeCommittee),
                     PartyUnit(code: "C1", name: "Chi bộ 1", kind: .grassrootsCell)]
        let placements = [UnitPlacement(unit: "T44", parent: nil), UnitPlacement(unit: "X1", parent: "T44"),
                          UnitPlacement(unit: "X2", parent: "T44"), UnitPlacement(unit: "C1", parent: "X1")]
        let tree = OrganisationTree(units: units, placements: placements, on: Day(iso: "2025-10-01")!)
        let composition = [BodySeat(memberID: "A", name: "A", role: .committeeMember, source: "round 3"),
                           BodySeat(memberID: "B", name: "B", role: .committeeMember, source: "decision 12-QĐ/TU")]
        let compositions: [PartyUnit.ID: Set<Person.ID>] = ["X1": LowerCommitteeCheck.elected(composition)]
        #expect(compositions["X1"] == ["A"], "appointed members are not elected")
        #expect(LowerCommitteeCheck.check("A", memberUnit: "C1", higher: "T44", tree: tree, compositions: compositions) == .elected(lowerUnit: "X1"))
        let notElected = LowerCommitteeCheck.check("B", memberUnit: "C1", higher: "T44", tree: tree, compositions: compositions)
        #expect(notElected == .notElected(lowerUnit: "X1") && !notElected.allowsIntroduction)
        #expect(LowerCommitteeCheck.check("D", memberUnit: "X2", higher: "T44", tree: tree, compositions: compositions) == .lowerCongressPending(lowerUnit: "X2"))
        #expect(LowerCommitteeCheck.check("E", memberUnit: "T44", higher: "T44", tree: tree, compositions: compositions) == .noLowerUnit)
    }
}
