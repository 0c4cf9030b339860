import Foundation
import CongressCore
import Testing

@Suite("Composition of the term, designated leaders, approval deadlines")
struct CompositionAndDeadlineTests {
    static let roll = [MemberOnRoll(memberID: "M1", fullName: "Nguyễn Văn An"), MemberOnRoll(memberID: "M2", fullName: "Trần Thị Bình"),
                       MemberOnRoll(memberID: "M3", fullName: "Lê Văn Cường"), MemberOnRoll(memberID: "M4", fullName: "Đặng Văn Đức")]

    static func record(designated: [DesignatedLeader] = []) -> CongressRecord {
        var record = CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2026-11-20",
                                    closesOn: "2026-11-21", members: roll)
        record.designated = designated
        return record
    }

    static func result(striking: Int) throws -> ElectionResult {
        let election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, seats: 3, candidates: roll.map(\.fullName),
                                base: BaseRecord(kind: .membersCongress, convened: 4), ballotsIssued: 4)
        return try Tally.count(election, ballots: Array(repeating: Ballot.striking([striking]), count: 4))
    }

    @Test("R-E-22: the certified winners become the committee of the term, with their member IDs from the roll")
    func composition() throws {
        var record = Self.record()
        let detail = record.recordCertified(try Self.result(striking: 4), round: 7, on: Day(iso: "2026-11-21")!)
        #expect(detail == "composition: 3 seats from round 7")
        #expect(record.composition.map(\.memberID) == ["M1", "M2", "M3"])
        #expect(record.composition.allSatisfy { $0.role == .committeeMember && $0.source == "round 7" })
        #expect(!record.isPaused)
    }

    @Test("R-E-26: a designated secretary not elected to the committee pauses the cycle until the higher committee directs")
    func designatedLeaderNotElected() throws {
        var record = Self.record(designated: [DesignatedLeader(name: "Đặng Văn Đức", role: .secretary)])
        _ = record.recordCertified(try Self.result(striking: 4), round: 1, on: Day(iso: "2026-11-21")!)
        #expect(record.isPaused)
        #expect(record.pause?.reason.hasPrefix("R-E-26: Đặng Văn Đức (secretary)") == true)
        record.pause?.direction = "Công văn 12-CV/TU"
        #expect(!record.isPaused)
        var elected = Self.record(designated: [DesignatedLeader(name: "Đặng Văn Đức", role: .secretary)])
        _ = elected.recordCertified(try Self.result(striking: 1), round: 1, on: Day(iso: "2026-11-21")!)
        #expect(!elected.isPaused, "elected to the committee: no pause")
        #expect(DesignatedLeader(name: "x", role: .inspectionChair).needs == [.executiveCommittee, .inspectionCommittee])
    }

    @Test("R-E-26: the designated leader is matched by member ID, so an elected namesake does not stand in for them")
    func designatedLeaderByMemberID() throws {
        var record = Self.record()
        record.members.append(MemberOnRoll(memberID: "M5", fullName: "Nguyễn Văn An"))
        record.designated = [DesignatedLeader(name: "Nguyễn Văn An", role: .secretary, memberID: "M5")]
        var election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, seats: 3,
                                candidates: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Nguyễn Văn An"],
                                base: BaseRecord(kind: .membersCongress, convened: 5), ballotsIssued: 5)
        election.memberIDs = ["M1", "M2", "M3", "M5"]
        // The namesake M1 is elected; the designated M5 is struck on every ballot.
        let result = try Tally.count(election, ballots: Array(repeating: Ballot.striking([4]), count: 5))
        _ = record.recordCertified(result, round: 1, on: Day(iso: "2026-11-21")!)
        #expect(record.composition.map(\.memberID) == ["M1", "M2", "M3"])
        #expect(record.isPaused, "M5 was not elected although a namesake was")
        var byID = Self.record()
        byID.members.append(MemberOnRoll(memberID: "M5", fullName: "Nguyễn Văn An"))
        byID.designated = [DesignatedLeader(name: "Nguyễn Văn An", role: .secretary, memberID: "M1")]
        _ = byID.recordCertified(result, round: 1, on: Day(iso: "2026-11-21")!)
        #expect(!byID.isPaused, "M1 was elected")
    }

    @Test("R-E-26: a paused cycle resumes on the direction; R-E-30: the minutes are sent once, the day recorded")
    func resumeAndSubmit() {
        var record = Self.record()
        #expect(record.resume(direction: "Công văn 12-CV/TU") == nil, "not paused: nothing changes")
        record.pause = CongressPause(reason: "R-E-26", since: "2026-11-21")
        #expect(record.resume(direction: "Công văn 12-CV/TU")?.contains("R-E-26") == true)
        #expect(!record.isPaused && record.pause?.direction == "Công văn 12-CV/TU")
        #expect(record.recordSubmitted(on: Day(iso: "2026-11-23")!) != nil)
        #expect(record.recordSubmitted(on: Day(iso: "2026-11-25")!) == nil)
        #expect(record.submittedOn == "2026-11-23")
    }

    @Test("R-E-30: 7 working days to send the minutes up, 15 to approve, weekends not counted")
    func deadlines() {
        // Saturday 21/11/2026: seven working days later is Tuesday 1/12/2026.
        let closed = Day(iso: "2026-11-21")!
        #expect(WorkingDays.weekday(closed) == 6)
        let plan = ApprovalDeadlines(congressClosed: closed, submitted: Day(iso: "2026-11-23"))
        #expect(plan.submissionDue() == Day(iso: "2026-12-01"))
        #expect(plan.approvalDue() == Day(iso: "2026-12-14"))
        #expect(plan.submissionDue(holidays: [Day(iso: "2026-11-30")!]) == Day(iso: "2026-12-02"))
        #expect(WorkingDays.between(Day(iso: "2026-11-23")!, Day(iso: "2026-12-01")!) == 6)
        #expect(WorkingDays.between(Day(iso: "2026-12-01")!, Day(iso: "2026-11-23")!) == -6)
    }

    @Test("the roll's record decodes from an older file without the newer fields")
    func olderRecordDecodes() throws {
        let json = #"{"unit":"X1","name":"Đại hội","term":"2025–2030","kind":"members","opensOn":"2026-11-20","closesOn":"2026-11-21"}"#
        let record = try JSONDecoder().decode(CongressRecord.self, from: Data(json.utf8))
        #expect(record.members.isEmpty && record.composition.isEmpty && record.pause == nil)
    }
}

@Suite("The order of the congress cycle")
struct CycleOrderTests {
    @Test("R-E-3: delegates and the first conference after the executive committee; secretary after the standing committee; chair after the inspection committee")
    func order() throws {
        let member = BodySeat(memberID: nil, name: "Nguyễn Văn An", role: .committeeMember, source: "round 1")
        #expect(throws: CycleOrder.Problem.notYet(body: .delegates, first: .executiveCommittee)) {
            try CycleOrder.check(.delegates, composition: [])
        }
        try CycleOrder.check(.delegates, composition: [member])
        try CycleOrder.check(.standingCommittee, composition: [member])
        #expect(throws: CycleOrder.Problem.notYet(body: .secretary, first: .standingCommittee)) {
            try CycleOrder.check(.secretary, composition: [member])
        }
        #expect(throws: CycleOrder.Problem.notYet(body: .inspectionChair, first: .inspectionCommittee)) {
            try CycleOrder.check(.inspectionChair, composition: [member])
        }
        // An appointed body (R-E-27) counts as well as an elected one.
        let appointed = BodySeat(memberID: nil, name: "Lê Văn Cường", role: .inspectionMember, source: "decision 1 (R-E-27)")
        try CycleOrder.check(.inspectionChair, composition: [member, appointed])
        try CycleOrder.check(.executiveCommittee, composition: [])
        #expect(CycleOrder.isConference(.secretary) && !CycleOrder.isConference(.delegates))
    }
}
