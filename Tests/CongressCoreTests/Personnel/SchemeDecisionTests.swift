@testable import CongressCore
import Testing

/// The scheme's decisions over its introductions (R-P-3, R-P-6, R-E-4): pure, each returning
/// the record to write, a refusal leaving it as it was; the stored events replay to the state.
@Suite("Scheme decisions")
struct SchemeDecisionTests {
    static let day = Day(iso: "2025-05-01")!
    static let list: [Person.ID] = ["P1", "P2", "P3", "P4"]

    static func record(seats: Int = 3) -> SchemeRecord {
        SchemeRecord(scheme: PersonnelScheme(unit: "X1", term: "2025–2030", level: .commune,
                                             bodies: [PersonnelScheme.Body(kind: .executiveCommittee, seats: seats)]))
    }

    /// The counted result of `round`'s election: every present voter keeps every name except
    /// those in `struck` on the first `strikes` ballots.
    static func result(_ record: SchemeRecord, present: Int = 11, convened: Int = 12, struck: [Int] = [], strikes: Int = 0) throws -> ElectionResult {
        let process = try #require(record.process(.executiveCommittee))
        let names = Dictionary(uniqueKeysWithValues: process.list.map { ($0, "Tên \($0.rawValue)") })
        let election = SchemeDecision.ballotElection(process, step: .keyCadres, body: .executiveCommittee, title: "Giới thiệu", names: names,
                                                     convened: convened, present: present)
        let ballots = (0..<present).map { $0 < strikes ? Ballot.striking(struck) : Ballot.striking([]) }
        return try Tally.count(election, ballots: ballots)
    }

    @Test("R-P-3: every decision is kept as an event; replaying them gives the state; step 5 writes the introduced list")
    func replay() throws {
        var record = Self.record()
        (record, _) = try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        for (index, step) in [IntroductionProcess.Step.keyCadres, .executiveConference, .executiveVote].enumerated() {
            if step == .executiveVote {
                (record, _) = try SchemeDecision.record(.standingVote(inFavour: 7, members: 9), body: .executiveCommittee, actor: "bto",
                                                        day: Self.day, in: record)
            }
            #expect(record.process(.executiveCommittee)?.state == .awaiting(step))
            let round = Round.ID(Int64(10 + index))
            (record, _) = try SchemeDecision.openBallot(body: .executiveCommittee, round: round, summoned: 12, present: 11,
                                                        countingBoard: ["K1", "K2"], in: record)
            #expect(record.body(countedBy: round) == .executiveCommittee && record.countingBoard(of: round) == ["K1", "K2"])
            (record, _) = try SchemeDecision.takeBallot(try Self.result(record, struck: [2], strikes: index), round: round, actor: "bto",
                                                        day: Self.day, in: record)
        }
        #expect(record.process(.executiveCommittee)?.state == .adopted && record.isAdopted)
        #expect(record.scheme.body(.executiveCommittee)?.introduced == ["P1", "P4", "P2", "P3"],
                "each ballot struck the second name of the list as it then stood: P2 at step 3, P3 at step 5")
        #expect(record.rounds == [10, 11, 12])
        #expect(record.introduction(.executiveCommittee)?.steps.map(\.step) == [.standingList, .keyCadres, .executiveConference, .standingVote,
                                                                                  .executiveVote])
    }

    @Test("R-P-3: a step waiting for its counted ballot takes no other decision; only its own certified round enters it")
    func pendingBallot() throws {
        var record = Self.record()
        (record, _) = try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        #expect(throws: SchemeDecision.Refusal.notSecretBallot) {
            try SchemeDecision.record(.ballot(IntroductionProcess.Ballot(summoned: 1, present: 1, convened: 1, votes: [:])),
                                      body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        }
        #expect(throws: SchemeDecision.Refusal.noBallotPending) {
            try SchemeDecision.takeBallot(try Self.result(record), round: 5, actor: "bto", day: Self.day, in: record)
        }
        let before = record
        (record, _) = try SchemeDecision.openBallot(body: .executiveCommittee, round: 5, summoned: 12, present: 11, countingBoard: ["K1", "K2"],
                                                    in: record)
        #expect(throws: SchemeDecision.Refusal.ballotPending(5)) {
            try SchemeDecision.openBallot(body: .executiveCommittee, round: 6, summoned: 12, present: 11, countingBoard: ["K1", "K2"], in: record)
        }
        #expect(throws: SchemeDecision.Refusal.ballotPending(5)) {
            try SchemeDecision.record(.standingVote(inFavour: 5, members: 9), body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        }
        #expect(throws: SchemeDecision.Refusal.wrongRound(6)) {
            try SchemeDecision.takeBallot(try Self.result(record), round: 6, actor: "bto", day: Self.day, in: record)
        }
        // Dropped, the step is voted again from where it was.
        let (dropped, _) = try SchemeDecision.dropBallot(body: .executiveCommittee, in: record)
        #expect(dropped == before)
    }

    @Test("R-P-3: step 2 without two thirds of those summoned present is refused when the count comes, and the ballot stays pending")
    func quorumAtTheCount() throws {
        var record = Self.record()
        (record, _) = try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        (record, _) = try SchemeDecision.openBallot(body: .executiveCommittee, round: 5, summoned: 12, present: 7, countingBoard: ["K1", "K2"],
                                                    in: record)
        #expect(throws: SchemeDecision.Refusal.process(.noQuorum(present: 7, needed: 8))) {
            try SchemeDecision.takeBallot(try Self.result(record, present: 7), round: 5, actor: "bto", day: Self.day, in: record)
        }
        #expect(throws: SchemeDecision.Refusal.presentExceedsSummoned(present: 13, summoned: 12)) {
            try SchemeDecision.openBallot(body: .executiveCommittee, round: 6, summoned: 12, present: 13, countingBoard: ["K1", "K2"],
                                          in: try SchemeDecision.dropBallot(body: .executiveCommittee, in: record).0)
        }
    }

    @Test("R-E-4, R-E-29: the meeting's counting board has two members at least, none of them on the list")
    func countingBoard() throws {
        var record = Self.record()
        (record, _) = try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record)
        #expect(throws: SchemeDecision.Refusal.countingBoardTooSmall(1)) {
            try SchemeDecision.openBallot(body: .executiveCommittee, round: 5, summoned: 12, present: 11, countingBoard: ["K1", "K1"], in: record)
        }
        #expect(throws: SchemeDecision.Refusal.countingBoardOnList("P3")) {
            try SchemeDecision.openBallot(body: .executiveCommittee, round: 5, summoned: 12, present: 11, countingBoard: ["K1", "P3"], in: record)
        }
        #expect(SchemeDecision.Refusal.countingBoardOnList("P3").ruleID == "R-E-4")
    }

    @Test("R-P-6: a name not elected to the lower-level committee this cycle is refused at the list and when added; a pending lower congress is not a refusal")
    func lowerCommittee() throws {
        let record = Self.record()
        let verdicts: [Person.ID: LowerCommitteeCheck.Verdict] = ["P2": .notElected(lowerUnit: "C1"), "P3": .lowerCongressPending(lowerUnit: "C2")]
        #expect(throws: SchemeDecision.Refusal.notElectedBelow("P2", lowerUnit: "C1")) {
            try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record,
                                      lowerVerdicts: verdicts)
        }
        let allowed = verdicts.filter { $0.key != "P2" }
        let (adopted, _) = try SchemeDecision.record(.adoptList(Self.list), body: .executiveCommittee, actor: "bto", day: Self.day, in: record,
                                                      lowerVerdicts: allowed)
        #expect(adopted.process(.executiveCommittee)?.state == .awaiting(.keyCadres))
        #expect(SchemeDecision.Refusal.notElectedBelow("P2", lowerUnit: "C1").ruleID == "R-P-6")
    }

    @Test("R-P-3: a body the scheme does not have is refused")
    func unknownBody() {
        #expect(throws: SchemeDecision.Refusal.unknownBody(.inspectionCommittee)) {
            try SchemeDecision.record(.adoptList(Self.list), body: .inspectionCommittee, actor: "bto", day: Self.day, in: Self.record())
        }
    }
}
