import CongressCore
import CongressStore
import Testing

/// What a congress write changes in its roll rows (SQLite v9, PostgreSQL v4): an attendance
/// click on a 1,600-delegate roll is one row, never the whole roll.
@Suite struct CongressRollRowsTests {
    static func congress(delegates count: Int) -> CongressRecord {
        var record = CongressRecord(unit: "T44", name: "Đại hội", term: "2025–2030", kind: .delegates, opensOn: "2026-11-24",
                                    closesOn: "2026-11-26")
        record.delegates = (1...count).map { DelegateOnRoll(memberID: "D\($0)", fullName: "Đại biểu \($0)", kind: .elected, electedBy: "X1") }
        return record
    }

    @Test("R-E-18: one attendance change on a 1,600-delegate roll is one row to write; the rows read back as the roll")
    func oneClickOneRow() {
        let before = Self.congress(delegates: 1_600)
        var after = before
        after.delegates[799].attendance = Attendance(absentSessions: [1])
        let stored = CongressRollRow.rows(of: before)
        let changes = CongressRollRow.changes(from: stored, to: CongressRollRow.rows(of: after))
        #expect(changes.upserts.map(\.memberID) == ["D800"] && changes.removed.isEmpty)
        #expect(CongressRollRow.changes(from: stored, to: stored).isEmpty)
        var read = CongressRecord(unit: "T44", name: "", term: "", kind: .delegates, opensOn: "", closesOn: "")
        CongressRollRow.fill(&read, from: CongressRollRow.rows(of: after).reversed())
        #expect(read.delegates == after.delegates, "rows in any order read back in roll order")
    }

    @Test("R-E-21: someone taken off the roll is one row removed; those after them move up")
    func removal() {
        let before = Self.congress(delegates: 5)
        var after = before
        after.delegates.remove(at: 1)
        let changes = CongressRollRow.changes(from: CongressRollRow.rows(of: before), to: CongressRollRow.rows(of: after))
        #expect(changes.removed == [CongressRollRow.Key(roll: .delegate, memberID: "D2")])
        #expect(changes.upserts.map(\.memberID) == ["D3", "D4", "D5"] && changes.upserts.map(\.position) == [1, 2, 3])
    }
}
