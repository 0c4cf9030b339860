/// A unit's personnel scheme as the organising staff keep it: the scheme itself and, for each of
/// its bodies, the five-step introduction (R-P-3) as the events it accepted, in order. The state
/// of each introduction is the state machine replayed over its events, so what is stored is only
/// what was decided, and no stored state can disagree with the rules.
public struct SchemeRecord: Sendable, Codable, Hashable {
    public var scheme: PersonnelScheme
    public var introductions: [Introduction]

    public init(scheme: PersonnelScheme) {
        self.scheme = scheme
        introductions = scheme.bodies.map { Introduction(body: $0.kind) }
    }

    /// The introduction of `body`'s candidates.
    public func introduction(_ body: BodyKind) -> Introduction? { introductions.first { $0.body == body } }

    /// The introduction's state machine, replayed over its recorded events.
    public func process(_ body: BodyKind, rulebook: Rulebook = .qd190) -> IntroductionProcess? {
        guard let seats = scheme.body(body)?.seats, let introduction = introduction(body) else { return nil }
        var process = IntroductionProcess(seats: seats, rulebook: rulebook)
        for step in introduction.steps { _ = try? process.handle(step.event) }
        return process
    }

    /// Whether every body with an introduction has reached step 5's adoption.
    public var isAdopted: Bool {
        !introductions.isEmpty && introductions.allSatisfy { process($0.body)?.state == .adopted }
    }

    /// The round that counts a step's secret ballot, and the scheme body it belongs to.
    public func body(countedBy round: Round.ID) -> BodyKind? {
        introductions.first { $0.pendingBallot?.round == round || $0.steps.contains { $0.round == round } }?.body
    }

    /// The counting board of the meeting whose ballot `round` counts (R-E-4).
    public func countingBoard(of round: Round.ID) -> [Person.ID] {
        for introduction in introductions {
            if let pending = introduction.pendingBallot, pending.round == round { return pending.countingBoard }
            if let step = introduction.steps.first(where: { $0.round == round }) { return step.countingBoard ?? [] }
        }
        return []
    }

    /// Every round this scheme's introductions opened.
    public var rounds: [Round.ID] {
        introductions.flatMap { introduction in introduction.steps.compactMap(\.round) + [introduction.pendingBallot?.round].compactMap { $0 } }
    }
}

/// The introduction of one body's candidates: the events accepted so far and the secret ballot
/// being counted, if any.
public struct Introduction: Sendable, Codable, Hashable {
    public var body: BodyKind
    public var steps: [IntroductionStep]
    public var pendingBallot: IntroductionBallot?

    public init(body: BodyKind, steps: [IntroductionStep] = [], pendingBallot: IntroductionBallot? = nil) {
        self.body = body
        self.steps = steps
        self.pendingBallot = pendingBallot
    }
}

/// One accepted event of an introduction: what was decided, by whom, when, and the counted round
/// behind a secret ballot.
public struct IntroductionStep: Sendable, Codable, Hashable {
    public var event: IntroductionProcess.Event
    /// The step the decision was taken at (nil in records made before it was kept).
    public var step: IntroductionProcess.Step?
    public var actor: String
    public var day: Day
    public var detail: String
    public var round: Round.ID?
    /// The counting board of the meeting that voted, for a secret ballot.
    public var countingBoard: [Person.ID]?

    public init(event: IntroductionProcess.Event, step: IntroductionProcess.Step? = nil, actor: String, day: Day, detail: String,
                round: Round.ID? = nil, countingBoard: [Person.ID]? = nil) {
        self.step = step
        self.countingBoard = countingBoard
        self.event = event
        self.actor = actor
        self.day = day
        self.detail = detail
        self.round = round
    }
}

/// A step's secret ballot while it is counted: the round that counts it, how many the meeting
/// summoned (step 2's quorum), and the meeting's counting board (R-E-4: only its members count).
public struct IntroductionBallot: Sendable, Codable, Hashable {
    public var step: IntroductionProcess.Step
    public var round: Round.ID
    public var summoned: Int
    public var countingBoard: [Person.ID]

    public init(step: IntroductionProcess.Step, round: Round.ID, summoned: Int, countingBoard: [Person.ID]) {
        self.step = step
        self.round = round
        self.summoned = summoned
        self.countingBoard = countingBoard
    }
}

