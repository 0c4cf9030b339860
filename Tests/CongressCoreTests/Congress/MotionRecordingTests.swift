import CongressCore
import Testing

@Suite("Motions and the counting board, decided in the core")
struct MotionRecordingTests {
    static let roll = [MemberOnRoll(memberID: "M1", fullName: "Nguyễn Văn An"), MemberOnRoll(memberID: "M2", fullName: "Trần Thị Bình"),
                       MemberOnRoll(memberID: "M3", fullName: "Lê Văn Cường"), MemberOnRoll(memberID: "M4", fullName: "Nguyễn Văn An")]

    static func record() -> CongressRecord {
        CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2026-11-20", closesOn: "2026-11-21",
                       members: roll)
    }

    /// An election whose list names M1 by member ID (a namesake of M4).
    static func list(state: RoundLifecycle.State = .draft) -> MotionRecording.Round {
        var election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, seats: 1, candidates: ["Nguyễn Văn An", "Trần Thị Bình"],
                                base: BaseRecord(kind: .membersCongress, convened: 4), ballotsIssued: 4)
        election.memberIDs = ["M1", "M2"]
        return MotionRecording.Round(election: election, state: state)
    }

    static let board = Motion(subject: .countingBoard, text: "Ban kiểm phiếu", inFavour: 4, against: 0)

    @Test("R-E-2: a motion with more votes than voters present is refused; a carried one is recorded with its counts")
    func showOfHands() throws {
        var record = Self.record()
        #expect(throws: MotionRecording.Refusal.tooManyVotes(present: 4)) {
            try MotionRecording.record(Motion(subject: .presidium, text: "Đoàn Chủ tịch", inFavour: 4, against: 1), board: [], rounds: [],
                                       into: &record)
        }
        #expect(record.motions.isEmpty)
        let detail = try MotionRecording.record(Motion(subject: .presidium, text: "Đoàn Chủ tịch", inFavour: 3, against: 1), board: [],
                                                rounds: [], into: &record)
        #expect(detail == "motion presidium: 3 for, 1 against (R-E-2)" && record.motions.count == 1)
    }

    @Test("R-E-4: the board is checked by member ID against the lists: the namesake of a candidate may sit on it, the candidate may not")
    func boardByMemberID() throws {
        var record = Self.record()
        #expect(throws: MotionRecording.Refusal.board(.memberOnList(memberID: "M1"))) {
            try MotionRecording.record(Self.board, board: ["M1", "M3"], rounds: [Self.list()], into: &record)
        }
        #expect(throws: MotionRecording.Refusal.boardRepeated) {
            try MotionRecording.record(Self.board, board: ["M3", "M4", "M3"], rounds: [Self.list()], into: &record)
        }
        #expect(record.countingBoard.isEmpty && record.motions.isEmpty, "nothing recorded when refused")
        _ = try MotionRecording.record(Self.board, board: ["M4", "M3"], rounds: [Self.list()], into: &record)
        #expect(record.countingBoard == ["M4", "M3"])
        #expect(record.boardCandidates(lists: [Self.list().election]).map(\.memberID) == ["M4", "M3"], "by given name (R-E-10): An before Cường")
    }

    @Test("R-E-4: the board cannot change once ballots are issued in one of the congress's rounds")
    func boardLocked() {
        var record = Self.record()
        #expect(throws: MotionRecording.Refusal.boardLocked) {
            try MotionRecording.record(Self.board, board: ["M3"], rounds: [Self.list(state: .ballotsIssued)], into: &record)
        }
    }
}

@Suite("Appointments by decision")
struct AppointmentTests {
    @Test("R-E-27: appointed people join the composition by member ID; a namesake needs the ID written (R-E-9); someone from outside keeps a name")
    func appointByMemberID() throws {
        var record = MotionRecordingTests.record()
        let day = Day(iso: "2026-11-01")!
        #expect(throws: ElectionOpening.Refusal.ambiguousName(name: "Nguyễn Văn An", memberIDs: ["M1", "M4"])) {
            try record.appoint(["Nguyễn Văn An"], role: .committeeMember, decision: "12-QĐ/TU", on: day)
        }
        #expect(record.composition.isEmpty)
        let detail = try record.appoint(["Nguyễn Văn An (M4)", "Trần Thị Bình", "Phạm Văn Đông"], role: .committeeMember,
                                        decision: "12-QĐ/TU", on: day)
        #expect(record.composition.map(\.memberID) == ["M4", "M2", nil])
        #expect(detail == "appointed 3 committeeMember: decision 12-QĐ/TU of 01/11/2026 (R-E-27)")
    }
}

@Suite("Changes to the roll")
struct RollChangeTests {
    @Test("R-E-21: someone not convened leaves the roll with the reason; R-E-17: attendance and condition recorded; unknown members refused")
    func rollChanges() throws {
        var record = MotionRecordingTests.record()
        let absent = Attendance(absentWhole: true, reasonAccepted: true)
        let detail = try record.apply(.attendance(memberID: "M2", absent, condition: .temporaryElsewhere))
        #expect(detail == "M2: absentAccepted, temporaryElsewhere (R-E-17, R-E-18)")
        #expect(record.members[1].attendance == absent && record.members[1].condition == .temporaryElsewhere)
        _ = try record.apply(.notConvened(memberID: "M3", reason: NotConvened.Reason.allCases[0]))
        #expect(record.members.map(\.memberID) == ["M1", "M2", "M4"])
        #expect(record.notConvened.map(\.fullName) == ["Lê Văn Cường"])
        #expect(throws: RollChange.Refusal.notOnRoll(memberID: "M9")) {
            try record.apply(.attendance(memberID: "M9", .present, condition: nil))
        }
    }
}

@Suite("The presidium's choice on a result")
struct PresidiumChoiceTests {
    @Test("R-E-23, R-E-24: a new round re-votes among the tied when there is a tie, and otherwise fills the unfilled places")
    func choose() {
        #expect(PresidiumDecision.choose(newRound: true, ballotsIssued: 27, tie: true) == .revoteAmongTied(ballotsIssued: 27))
        #expect(PresidiumDecision.choose(newRound: true, ballotsIssued: 27, tie: false) == .furtherRound(ballotsIssued: 27))
        #expect(PresidiumDecision.choose(newRound: false, ballotsIssued: 0, tie: true) == .stop)
    }
}
