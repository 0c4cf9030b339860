@testable import CongressCore
import Testing

/// R-C-1: the cycle's deadlines per level, each unit's state and the "N of M on time" figure.
@Suite("The round across the tree")
struct RoundProgressTests {
    static let today = Day(iso: "2025-09-10")!

    @Test("R-C-1: 2025–2030 deadlines: grassroots 30/6, commune-level and above grassroots 31/8, under the Centre 31/10; 2020–2025 likewise")
    func deadlines() {
        let cycle = CycleCalendar.c2025_2030
        #expect(cycle.deadline(for: .grassrootsCommittee) == Day(iso: "2025-06-30") && cycle.deadline(for: .grassrootsCell) == Day(iso: "2025-06-30"))
        #expect(cycle.deadline(for: .communeCommittee) == Day(iso: "2025-08-31") && cycle.deadline(for: .aboveGrassroots) == Day(iso: "2025-08-31"))
        #expect(cycle.deadline(for: .underCentral) == Day(iso: "2025-10-31") && cycle.deadline(for: .central) == nil)
        #expect(CycleCalendar.named("2020–2025")?.deadline(for: .underCentral) == Day(iso: "2020-10-31"))
    }

    @Test("R-C-1, R-E-30: not set up, set up, held, minutes sent, approved; late only while not held past the deadline")
    func states() {
        let deadline = Day(iso: "2025-08-31")!
        let held = CongressDates(unit: "X1", opensOn: "2025-08-20", closesOn: "2025-08-21", submittedOn: nil)
        #expect(UnitProgress(unit: "X1", deadline: deadline, congress: nil, rounds: [], today: Self.today).late)
        #expect(UnitProgress(unit: "X1", deadline: deadline, congress: nil, rounds: [], today: Self.today).state == .notSetUp)
        let future = CongressDates(unit: "X1", opensOn: "2025-09-20", closesOn: "2025-09-21", submittedOn: nil)
        let waiting = UnitProgress(unit: "X1", deadline: deadline, congress: future, rounds: [.draft], today: Self.today)
        #expect(waiting.state == .setUp && waiting.late && !waiting.onTime)
        let done = UnitProgress(unit: "X1", deadline: deadline, congress: held, rounds: [.certified], today: Self.today)
        #expect(done.state == .held && done.onTime && !done.late)
        var sent = held
        sent.submittedOn = "2025-08-28"
        #expect(UnitProgress(unit: "X1", deadline: deadline, congress: sent, rounds: [.certified], today: Self.today).state == .minutesSent)
        #expect(UnitProgress(unit: "X1", deadline: deadline, congress: sent, rounds: [.approved, .annulled, .approved], today: Self.today).state == .approved)
    }

    @Test("R-C-1: a subtree's tally: units, states, N of M on time, late")
    func tally() {
        let deadline = Day(iso: "2025-08-31")!
        let lines = [UnitProgress(unit: "A", deadline: deadline, congress: CongressDates(unit: "A", opensOn: "2025-08-01", closesOn: "2025-08-02", submittedOn: "2025-08-05"),
                                  rounds: [.approved], today: Self.today),
                     UnitProgress(unit: "B", deadline: deadline, congress: nil, rounds: [], today: Self.today),
                     UnitProgress(unit: "C", deadline: deadline, congress: CongressDates(unit: "C", opensOn: "2025-08-30", closesOn: "2025-08-31", submittedOn: nil),
                                  rounds: [.certified], today: Self.today)]
        let tally = ProgressTally(lines)
        #expect(tally.units == 3 && tally.onTime == 2 && tally.late == 1)
        #expect(tally.byState == [.approved: 1, .notSetUp: 1, .held: 1])
    }

    @Test("R-C-4: a grassroots organisation under 200 members holds a members' congress, one of 200 or more and every level above a delegates'")
    func congressKinds() {
        let cycle = CycleCalendar.c2025_2030
        #expect(cycle.membersCongressThreshold == 200)
        #expect(cycle.congressKind(for: .grassrootsCommittee, members: 199) == .members)
        #expect(cycle.congressKind(for: .grassrootsCommittee, members: 200) == .delegates)
        #expect(cycle.congressKind(for: .grassrootsCell, members: 12) == .members)
        #expect(cycle.congressKind(for: .communeCommittee, members: 50) == .delegates)
        #expect(cycle.congressKind(for: .cell, members: 5) == nil && cycle.congressKind(for: .central, members: 5) == nil)
        var lowered = cycle
        lowered.membersCongressThreshold = 100
        #expect(lowered.congressKind(for: .grassrootsCommittee, members: 150) == .delegates, "the threshold is a cycle parameter")
    }

    @Test("R-C-1, R-C-4: the overview of a subtree: each part's tally, the whole, the unit's own congress and the kinds of congress")
    func overview() {
        let units = [PartyUnit(code: "TW", name: "Trung ương", kind: .central), PartyUnit(code: "T1", name: "Tỉnh 1", kind: .underCentral),
                     PartyUnit(code: "X1", name: "Xã 1", kind: .communeCommittee), PartyUnit(code: "G1", name: "Đảng bộ cơ sở 1", kind: .grassrootsCommittee),
                     PartyUnit(code: "G2", name: "Chi bộ cơ sở 2", kind: .grassrootsCell), PartyUnit(code: "C1", name: "Chi bộ 1", kind: .cell)]
        let placements = [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "T1", parent: "TW"), UnitPlacement(unit: "X1", parent: "T1"),
                          UnitPlacement(unit: "G1", parent: "X1"), UnitPlacement(unit: "G2", parent: "X1"), UnitPlacement(unit: "C1", parent: "G1")]
        let tree = OrganisationTree(units: units, placements: placements, on: Self.today)
        let latest: [PartyUnit.ID: CongressDates] = ["G1": CongressDates(unit: "G1", opensOn: "2025-06-20", closesOn: "2025-06-21", submittedOn: "2025-06-25"),
                      "X1": CongressDates(unit: "X1", opensOn: "2025-09-01", closesOn: "2025-09-02", submittedOn: nil)]
        let members: [PartyUnit.ID: Int] = ["G1": 250, "G2": 30]
        let overview = RoundOverview(tree: tree, unit: "T1", cycle: .c2025_2030, latest: latest, rounds: ["G1": [.approved]],
                                     members: { members[$0] ?? 0 }, today: Self.today)
        // T1, X1, G1, G2 must hold one; the cell C1 does not. G1 opened 20/6 (on time), X1 on 1/9 (after 31/8), G2 not set up (late).
        #expect(overview.whole.units == 4 && overview.whole.onTime == 1)
        #expect(overview.whole.byState == [.notSetUp: 2, .approved: 1, .held: 1])
        #expect(overview.whole.late == 1, "G2 is past its deadline; T1's deadline (31/10) has not passed")
        #expect(overview.own?.unit == "T1" && overview.ownKind == .delegates)
        #expect(overview.parts.map(\.unit.code) == ["X1"] && overview.parts.first?.tally.units == 3)
        #expect(overview.byKind == [.delegates: 3, .members: 1], "G1 has 250 members: delegates; G2 has 30: members")
    }
}
