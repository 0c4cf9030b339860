import CongressCore
import Testing

@Suite("The base from the roll and the attendance record")
struct RollBaseTests {
    let rulebook = Rulebook.qd190

    @Test("R-E-17: members' congress base from the roll: every exclusion from the record, probationary members outside")
    func membersCongress() {
        let absentWithReason = Attendance(absentWhole: true, reasonAccepted: true)
        let absentNoReason = Attendance(absentWhole: true)
        let roll = [
            MemberOnRoll(memberID: "1", fullName: "Nguyễn Văn An"),
            MemberOnRoll(memberID: "2", fullName: "Trần Thị Bình"),
            MemberOnRoll(memberID: "3", fullName: "Lê Văn Cường", condition: .temporaryElsewhere, attendance: absentNoReason),
            MemberOnRoll(memberID: "4", fullName: "Phạm Thị Dung", condition: .exempted, attendance: absentNoReason),
            MemberOnRoll(memberID: "5", fullName: "Hoàng Văn Em", condition: .exempted),
            MemberOnRoll(memberID: "6", fullName: "Vũ Thị Gấm", condition: .suspendedOrProsecuted),
            MemberOnRoll(memberID: "7", fullName: "Đỗ Văn Hùng", attendance: absentWithReason),
            MemberOnRoll(memberID: "8", fullName: "Bùi Thị Lan", attendance: absentNoReason),
            MemberOnRoll(memberID: "9", fullName: "Ngô Văn Minh", full: false),
        ]
        let record = RollBase.members(roll)
        #expect(record.convened == 8, "probationary members are not convened into the base")
        #expect(record.excluded == [.temporaryActivityElsewhere: 1, .exemptedAbsent: 1, .suspendedOrProsecuted: 1,
                                    .absentWithAcceptedReason: 1])
        #expect(record.base(under: rulebook) == 4, "absent without an accepted reason stays in the base")
        #expect(record.present == 5)
    }

    @Test("R-E-17: an exempted member who attends the session of the vote counts in the base")
    func exemptedWhoAttends() {
        let roll = [MemberOnRoll(memberID: "1", fullName: "A", condition: .exempted, attendance: Attendance(absentSessions: [1]))]
        #expect(RollBase.members(roll, session: 0).base(under: rulebook) == 1)
        #expect(RollBase.members(roll, session: 1).base(under: rulebook) == 0)
    }

    @Test("R-E-18, R-E-25: alternates replace absent official delegates of their own unit, in order")
    func delegatesCongress() {
        let absent = Attendance(absentWhole: true)
        let roll = [
            DelegateOnRoll(memberID: "c1", fullName: "Ủy viên 1", kind: .exOfficio),
            DelegateOnRoll(memberID: "c2", fullName: "Ủy viên 2", kind: .exOfficio, attendance: absent),
            DelegateOnRoll(memberID: "a1", fullName: "Đại biểu A1", kind: .elected, electedBy: "A", attendance: absent),
            DelegateOnRoll(memberID: "a2", fullName: "Đại biểu A2", kind: .elected, electedBy: "A", attendance: absent),
            DelegateOnRoll(memberID: "a3", fullName: "Đại biểu A3", kind: .elected, electedBy: "A"),
            DelegateOnRoll(memberID: "b1", fullName: "Đại biểu B1", kind: .elected, electedBy: "B", attendance: absent),
            DelegateOnRoll(memberID: "aa2", fullName: "Dự khuyết A2", kind: .elected, alternateOrder: 2, electedBy: "A"),
            DelegateOnRoll(memberID: "aa1", fullName: "Dự khuyết A1", kind: .elected, alternateOrder: 1, electedBy: "A"),
            DelegateOnRoll(memberID: "ba1", fullName: "Dự khuyết B1", kind: .elected, alternateOrder: 1, electedBy: "B",
                           attendance: absent),
        ]
        let pairs = RollBase.replacements(roll)
        #expect(pairs.map { [$0.absent.memberID, $0.alternate.memberID] } == [["a1", "aa1"], ["a2", "aa2"]])
        let record = RollBase.delegates(roll)
        #expect(record.convened == 6, "official delegates only")
        #expect(record.excluded == [.committeeMembersAbsent: 1, .delegatesAbsentNotReplaced: 1],
                "c2 is an absent committee member; b1 had no alternate who came")
        #expect(record.base(under: rulebook) == 4)
        #expect(record.present == 4, "c1, a3 and the two alternates sitting for a1 and a2")
    }

    @Test("R-E-19: conference base drops members absent throughout with an accepted reason only")
    func conference() {
        let attendance = [Attendance.present, Attendance(absentWhole: true, reasonAccepted: true), Attendance(absentWhole: true)]
        let record = RollBase.conference(attendance)
        #expect(record.convened == 3 && record.base(under: rulebook) == 2)
    }

    @Test("R-E-20: an opinion ballot's base is those attending the session")
    func attending() {
        let attendance = [Attendance.present, Attendance(absentSessions: [2]), Attendance(absentWhole: true)]
        #expect(RollBase.attending(attendance, session: 2).base(under: rulebook) == 1)
        #expect(RollBase.attending(attendance, session: 0).base(under: rulebook) == 2)
    }

    @Test("R-C-4: under 200 members a grassroots committee holds a members' congress")
    func congressKind() {
        #expect(CongressKind.forGrassroots(members: 199) == .members)
        #expect(CongressKind.forGrassroots(members: 200) == .delegates)
    }
}

@Suite("Independent entry of ballot stacks")
struct StackComparisonTests {
    let a = Ballot.striking([1]), b = Ballot.striking([2]), c = Ballot.striking([1, 3])

    @Test("R-E-29: identical entries by two clerks agree and give the stack's ballots")
    func agreement() throws {
        let outcome = try StackComparison.compare([.init(clerk: "lan", ballots: [a, b, c]), .init(clerk: "minh", ballots: [a, b, c])])
        #expect(outcome == .agreed([a, b, c]))
    }

    @Test("R-E-29: differences are listed position by position, including a missing ballot")
    func differences() throws {
        let outcome = try StackComparison.compare([.init(clerk: "lan", ballots: [a, b, c]), .init(clerk: "minh", ballots: [a, c])])
        #expect(outcome == .differ([.init(position: 1, entered: [b, c]), .init(position: 2, entered: [c, nil])]))
    }

    @Test("R-E-29: a difference between any of three clerks counts")
    func threeClerks() throws {
        let entries: [StackComparison.Entry] = [.init(clerk: "1", ballots: [a, b]), .init(clerk: "2", ballots: [a, b]),
                                                .init(clerk: "3", ballots: [a, c])]
        #expect(try StackComparison.compare(entries, required: 3) == .differ([.init(position: 1, entered: [b, b, c])]))
        #expect(throws: StackComparison.Problem.notEnoughEntries(have: 2, need: 3)) {
            try StackComparison.compare(Array(entries.prefix(2)), required: 3)
        }
    }

    @Test("R-E-29: one clerk cannot provide two of the independent entries")
    func sameClerk() {
        #expect(throws: StackComparison.Problem.sameClerkTwice("lan")) {
            try StackComparison.compare([.init(clerk: "lan", ballots: [a]), .init(clerk: "lan", ballots: [a])])
        }
    }

    @Test("R-E-29: the board settles every difference against the paper; nothing less, nothing else")
    func settlement() throws {
        let entries: [StackComparison.Entry] = [.init(clerk: "lan", ballots: [a, b, c]), .init(clerk: "minh", ballots: [a, c])]
        #expect(throws: StackComparison.Problem.unsettled([2])) {
            try StackComparison.settle(entries, settlements: [1: b])
        }
        #expect(throws: StackComparison.Problem.notADifference(0)) {
            try StackComparison.settle(entries, settlements: [0: a, 1: b, 2: c])
        }
        #expect(try StackComparison.settle(entries, settlements: [1: b, 2: c]) == [a, b, c])
    }

    @Test("R-E-29: a ballot one clerk typed twice is settled as no ballot at that position")
    func ballotTypedTwice() throws {
        // lan typed b twice; the paper reads a, b, c.
        let entries: [StackComparison.Entry] = [.init(clerk: "lan", ballots: [a, b, b, c]), .init(clerk: "minh", ballots: [a, b, c])]
        let settled = try StackComparison.settle(entries, settlements: [3: c], absent: [2])
        #expect(settled == [a, b, c])
        #expect(throws: StackComparison.Problem.notADifference(1)) {
            try StackComparison.settle(entries, settlements: [3: c], absent: [1, 2])
        }
    }
}
