@testable import CongressCore
import Testing

/// Opening an election of a congress (`ElectionOpening.plan`): every rule the opening applies,
/// decided without I/O over the congress as stored.
@Suite struct ElectionOpeningTests {
    /// Twelve full members present at a members' congress; two of them count (R-E-4).
    static let names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đặng Văn Đức", "Phạm Thị Giang", "Hoàng Văn Hải",
                        "Vũ Thị Hoa", "Bùi Văn Khánh", "Đỗ Thị Lan", "Ngô Văn Minh", "Dương Thị Nga", "Lý Văn Phúc"]

    static func congress() -> CongressRecord {
        let roll = names.enumerated().map { MemberOnRoll(memberID: "M\($0.offset + 1)", fullName: $0.element) }
        return CongressRecord(unit: "X1", name: "Đại hội Đảng bộ xã Thử", term: "2025–2030", kind: .members,
                              opensOn: "2026-11-20", closesOn: "2026-11-21", members: roll, countingBoard: ["M11", "M12"])
    }

    /// Five candidates of the roll for four seats, in ballot order (R-E-10).
    static let list = VietnameseNameOrder.sorted(Array(names.prefix(5)))

    static func request(_ body: BodyKind = .executiveCommittee, seats: Int = 4, candidates: [String] = list) -> ElectionOpening.Request {
        ElectionOpening.Request(body: body, seats: seats, candidates: candidates)
    }

    static func refusal(_ request: ElectionOpening.Request, _ congress: CongressRecord = congress(),
                        opinion: ElectionOpening.Opinion? = nil) -> ElectionOpening.Refusal? {
        do { _ = try ElectionOpening.plan(request, congress: congress, congressID: 7, opinion: opinion); return nil } catch { return error }
    }

    @Test("R-E-10: a list out of ballot order is refused with the right order")
    func ballotOrder() {
        let reversed = Array(Self.list.reversed())
        #expect(Self.refusal(Self.request(candidates: reversed)) == .notInBallotOrder(expected: Self.list))
    }

    @Test("R-E-17: the congress's election counts on its roll; the rulebook is the congress's, not a default")
    func congressBaseAndRulebook() throws {
        var record = Self.congress()
        record.rulebookID = Rulebook.qd244.id
        let plan = try ElectionOpening.plan(Self.request(), congress: record, congressID: 7, opinion: nil)
        #expect(plan.election.base == record.base(session: 0))
        #expect(plan.election.ballotsIssued == 12)
        #expect(plan.election.rulebook == .qd244)
        #expect(plan.election.candidates == Self.list)
        #expect(plan.requiredEntries == 2)
        #expect(plan.auditDetail.contains("4 seats, 5 candidates"))
    }

    @Test("R-E-26: a paused congress opens no election")
    func paused() {
        var record = Self.congress()
        record.pause = CongressPause(reason: "Bí thư được giới thiệu không trúng cử", since: "2026-11-21")
        #expect(Self.refusal(Self.request(), record) == .paused(reason: "Bí thư được giới thiệu không trúng cử"))
    }

    @Test("R-E-3: the standing committee waits for the executive committee")
    func cycleOrder() {
        #expect(Self.refusal(Self.request(.standingCommittee, seats: 3, candidates: Array(Self.list.prefix(4))))
                == .cycleOrder(body: .standingCommittee, first: .executiveCommittee))
    }

    @Test("R-E-19: the first conference's base is the new committee, and its ballots are the committee's")
    func conferenceBase() throws {
        var record = Self.congress()
        record.composition = Self.list.prefix(4).enumerated().map {
            BodySeat(memberID: "M\($0.offset + 1)", name: $0.element, role: .committeeMember, source: "round 1")
        }
        let standing = Self.request(.standingCommittee, seats: 3, candidates: Array(Self.list.prefix(4)))
        let plan = try ElectionOpening.plan(standing, congress: record, congressID: 7, opinion: nil)
        #expect(plan.election.base == BaseRecord(kind: .committeeConference, convened: 4, present: 4))
        #expect(plan.election.ballotsIssued == 4)
        #expect(Self.refusal(standing) == .cycleOrder(body: .standingCommittee, first: .executiveCommittee), "not before the committee exists")
    }

    @Test("R-E-20: an opinion ballot's base is those attending")
    func opinionBase() throws {
        var record = Self.congress()
        record.members[0].attendance = Attendance(absentWhole: true)
        let plan = try ElectionOpening.plan(Self.request(.opinion, seats: 0, candidates: ["Ngô Văn Minh"]), congress: record,
                                            congressID: 7, opinion: nil)
        #expect(plan.election.base == BaseRecord(kind: .attending, convened: 11, present: 11))
    }

    @Test("R-E-4: a counting board member cannot stand on the list it counts")
    func boardOffTheList() {
        let withBoardMember = VietnameseNameOrder.sorted(Array(Self.list.prefix(4)) + ["Lý Văn Phúc"])
        #expect(Self.refusal(Self.request(candidates: withBoardMember)) == .countingBoardOnList(name: "Lý Văn Phúc"))
    }

    @Test("R-E-6: an executive committee list without surplus is refused")
    func surplus() {
        #expect(Self.refusal(Self.request(seats: 5)) == .election(.listWithoutSurplus(body: .executiveCommittee, seats: 5, candidates: 5)))
    }

    /// A certified opinion ballot of congress 7 on two floor nominees, 12 attending.
    static func opinion(votes: [Int], congress: CongressRecord.ID = 7, state: RoundLifecycle.State = .certified) -> ElectionOpening.Opinion {
        let nominees = ["Ngô Văn Minh", "Vũ Thị Hoa"]
        let election = Election(title: "Lấy ý kiến", body: .opinion, seats: 0, candidates: nominees,
                                base: BaseRecord(kind: .attending, convened: 12, present: 12), ballotsIssued: 12)
        return ElectionOpening.Opinion(election: election, state: state, congress: congress, issued: 12,
                                       agreedBallots: Fixtures.ballots(giving: votes, valid: 12))
    }

    @Test("R-E-7: floor nominees over 30% of those attending join the list in ballot order; others do not")
    func floorNominees() throws {
        let plan = try ElectionOpening.plan(Self.request(seats: 4, candidates: Array(Self.list.prefix(4))), congress: Self.congress(),
                                            congressID: 7, opinion: Self.opinion(votes: [8, 3]))
        #expect(plan.election.candidates == VietnameseNameOrder.sorted(Array(Self.list.prefix(4)) + ["Ngô Văn Minh"]))
        #expect(plan.auditDetail.contains("floor nominees admitted (R-E-7): Ngô Văn Minh"))
    }

    @Test("R-E-7: only a certified opinion ballot of this congress admits anyone")
    func opinionOfThisCongress() {
        let request = Self.request(seats: 4, candidates: Array(Self.list.prefix(4)))
        #expect(Self.refusal(request, opinion: Self.opinion(votes: [8, 3], congress: 8)) == .notAnOpinionOfThisCongress)
        #expect(Self.refusal(request, opinion: Self.opinion(votes: [8, 3], state: .counting)) == .notAnOpinionOfThisCongress)
    }
}
