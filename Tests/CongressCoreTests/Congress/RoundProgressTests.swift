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
}
