/// The decisions on a personnel scheme's introductions (R-P-3, R-P-6), pure: each takes the
/// record as read and returns the record to write with the audit detail of what it decided; a
/// refusal leaves the record as it was.
public enum SchemeDecision {
    public enum Refusal: Error, Sendable, Equatable {
        case process(IntroductionProcess.Refusal)
        case unknownBody(BodyKind)
        /// A secret ballot is being counted: the step waits for its result.
        case ballotPending(Round.ID)
        case noBallotPending
        /// The counted round is not the one this step opened.
        case wrongRound(Round.ID)
        /// The step is not voted by secret ballot, or the introduction is not waiting for a vote.
        case notSecretBallot
        /// Independent double entry needs two counting-board members at least (R-E-29).
        case countingBoardTooSmall(Int)
        case presentExceedsSummoned(present: Int, summoned: Int)
        /// R-P-6: the person was not elected to the lower-level committee in this cycle.
        case notElectedBelow(Person.ID, lowerUnit: PartyUnit.ID)
        /// A name of the counted list carries no member ID.
        case resultWithoutMemberIDs
        /// R-E-4: nobody counts a ballot their own name is on.
        case countingBoardOnList(Person.ID)

        public var ruleID: String {
            switch self {
            case .process(let refusal): refusal.ruleID
            case .notElectedBelow: "R-P-6"
            case .countingBoardTooSmall: "R-E-29"
            case .countingBoardOnList: "R-E-4"
            default: "R-P-3"
            }
        }
    }

    /// A decision that names no ballot: the standing committee's list (1), its show-of-hands vote
    /// (4), names added to a list short of its surplus, the head's choice at a tie. `lowerVerdicts`
    /// holds R-P-6's verdict for the names added, where the product can tell.
    public static func record(_ event: IntroductionProcess.Event, body: BodyKind, actor: String, day: Day, in record: SchemeRecord,
                              lowerVerdicts: [Person.ID: LowerCommitteeCheck.Verdict] = [:]) throws(Refusal) -> (SchemeRecord, String) {
        guard let index = record.introductions.firstIndex(where: { $0.body == body }), var process = record.process(body) else {
            throw .unknownBody(body)
        }
        if case .ballot = event { throw .notSecretBallot }
        if let pending = record.introductions[index].pendingBallot { throw .ballotPending(pending.round) }
        for name in added(by: event) {
            if case .notElected(let lower) = lowerVerdicts[name] { throw .notElectedBelow(name, lowerUnit: lower) }
        }
        let step = process.step
        let detail: String
        do { detail = try process.handle(event) } catch { throw .process(error) }
        var next = record
        next.introductions[index].steps.append(IntroductionStep(event: event, step: step, actor: actor, day: day, detail: detail))
        adopt(process, body: body, in: &next)
        return (next, detail)
    }

    /// A secret-ballot step's ballot is opened for counting in `round`: the introduction must be
    /// waiting for that step's vote and hold no other ballot.
    public static func openBallot(body: BodyKind, round: Round.ID, summoned: Int, present: Int, countingBoard: [Person.ID],
                                  in record: SchemeRecord) throws(Refusal) -> (SchemeRecord, String) {
        guard let index = record.introductions.firstIndex(where: { $0.body == body }), let process = record.process(body) else {
            throw .unknownBody(body)
        }
        if let pending = record.introductions[index].pendingBallot { throw .ballotPending(pending.round) }
        guard case .awaiting(let step) = process.state, step.isSecretBallot else { throw .notSecretBallot }
        guard Set(countingBoard).count >= 2 else { throw .countingBoardTooSmall(Set(countingBoard).count) }
        if let member = countingBoard.first(where: process.list.contains) { throw .countingBoardOnList(member) }
        guard present <= summoned else { throw .presentExceedsSummoned(present: present, summoned: summoned) }
        var next = record
        next.introductions[index].pendingBallot = IntroductionBallot(step: step, round: round, summoned: summoned, countingBoard: countingBoard)
        return (next, "step \(step.rawValue) (R-P-3): secret ballot on \(process.list.count) names opened for counting in round \(round)")
    }

    /// The election a step's secret ballot is counted as: the list in play by member ID, each
    /// name passing against more than half of those convened (R-P-3).
    public static func ballotElection(_ process: IntroductionProcess, step: IntroductionProcess.Step, body: BodyKind, title: String,
                                      names: [Person.ID: String], convened: Int, present: Int, rulebook: Rulebook = .qd190) -> Election {
        var election = Election(title: title, body: .introduction, rulebook: rulebook, seats: process.listSize.upperBound, candidates: [],
                                base: BaseRecord(kind: .committeeConference, convened: convened, present: present), ballotsIssued: present)
        election.setList(process.list.map { ListEntry(name: names[$0] ?? $0.rawValue, memberID: $0) })
        return election
    }

    /// The counted result of the pending ballot's round enters the step (R-P-3: the product's own
    /// counting, certified by its board).
    public static func takeBallot(_ result: ElectionResult, round: Round.ID, actor: String, day: Day,
                                  in record: SchemeRecord) throws(Refusal) -> (SchemeRecord, String) {
        guard let index = record.introductions.firstIndex(where: { $0.pendingBallot?.round == round }),
              let pending = record.introductions[index].pendingBallot else {
            if record.introductions.contains(where: { $0.pendingBallot != nil }) { throw .wrongRound(round) }
            throw .noBallotPending
        }
        let body = record.introductions[index].body
        guard var process = record.process(body) else { throw .unknownBody(body) }
        guard let ballot = IntroductionProcess.Ballot(result, summoned: pending.summoned) else { throw .resultWithoutMemberIDs }
        let detail: String
        do { detail = try process.handle(.ballot(ballot)) } catch { throw .process(error) }
        var next = record
        next.introductions[index].pendingBallot = nil
        next.introductions[index].steps.append(IntroductionStep(event: .ballot(ballot), step: pending.step, actor: actor, day: day, detail: detail, round: round,
                                                                                countingBoard: pending.countingBoard))
        adopt(process, body: body, in: &next)
        return (next, detail)
    }

    /// A pending ballot whose round will not be counted (annulled, opened in error) is dropped; the
    /// step is voted again.
    public static func dropBallot(body: BodyKind, in record: SchemeRecord) throws(Refusal) -> (SchemeRecord, String) {
        guard let index = record.introductions.firstIndex(where: { $0.body == body }) else { throw .unknownBody(body) }
        guard let pending = record.introductions[index].pendingBallot else { throw .noBallotPending }
        var next = record
        next.introductions[index].pendingBallot = nil
        return (next, "step \(pending.step.rawValue) (R-P-3): the ballot of round \(pending.round) was dropped; the step is voted again")
    }

    /// Step 5 carried: the body's introduced list is the process's list, in the order of the votes.
    private static func adopt(_ process: IntroductionProcess, body: BodyKind, in record: inout SchemeRecord) {
        guard process.state == .adopted, let index = record.scheme.bodies.firstIndex(where: { $0.kind == body }) else { return }
        record.scheme.bodies[index].introduced = process.list
    }

    private static func added(by event: IntroductionProcess.Event) -> [Person.ID] {
        switch event {
        case .adoptList(let names), .addNames(let names): names
        default: []
        }
    }
}
