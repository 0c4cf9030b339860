/// R-P-3: the five-step introduction of the candidates for one body of a personnel scheme, as a
/// state machine without I/O. Each event returns the audit detail of what it decided; a refused
/// event changes nothing.
///
/// (1) the standing committee adopts the list; (2) a conference of key cadres introduces by
/// secret ballot (at least two thirds of those summoned present); (3) a conference of the
/// executive committee introduces by secret ballot; (4) the standing committee votes the list by
/// show of hands; (5) a conference of the executive committee votes the introduction by secret
/// ballot. At every ballot a name needs more than half of those convened. The list must carry the
/// convening committee's surplus (R-E-6: 10–15% of seats; a body of 3 to 5 seats, one person);
/// short of it, names are added and the step is voted again; a tie at the end of the list is
/// settled by the committee's head, who and why recorded.
public struct IntroductionProcess: Sendable, Hashable {
    public enum Step: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
        case standingList = 1, keyCadres, executiveConference, standingVote, executiveVote

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The steps voted by secret ballot (counted by the product's own counting).
        public var isSecretBallot: Bool { self == .keyCadres || self == .executiveConference || self == .executiveVote }
        public var next: Step? { Step(rawValue: rawValue + 1) }
    }

    public enum State: Sendable, Hashable {
        /// Waiting for `step`'s decision on `list`.
        case awaiting(Step)
        /// Fewer names passed than the list needs: names must be added and the step voted again.
        case shortOfSurplus(Step, passed: [Person.ID], needed: Int)
        /// More names passed than the list takes, tied at its end: the head chooses `places` of `tied`.
        case tieAtEnd(Step, kept: [Person.ID], tied: [Person.ID], places: Int)
        /// Step 5 carried: the list goes to the congress.
        case adopted
    }

    /// One secret ballot of a step, as counted: who was summoned, present and convened, and each name's votes.
    public struct Ballot: Sendable, Hashable, Codable {
        public var summoned: Int
        public var present: Int
        public var convened: Int
        public var votes: [Person.ID: Int]

        public init(summoned: Int, present: Int, convened: Int, votes: [Person.ID: Int]) {
            self.summoned = summoned
            self.present = present
            self.convened = convened
            self.votes = votes
        }
    }

    public enum Event: Sendable, Hashable, Codable {
        case adoptList([Person.ID])
        case ballot(Ballot)
        case standingVote(inFavour: Int, members: Int)
        case addNames([Person.ID])
        case headChooses([Person.ID], head: Person.ID, reason: String)
    }

    public enum Refusal: Error, Sendable, Equatable {
        case notNow(State)
        case listTooShort(names: Int, needed: Int)
        case repeatedName(Person.ID)
        case noQuorum(present: Int, needed: Int)
        case impossibleCounts
        case unknownName(Person.ID)
        case standingVoteFailed(inFavour: Int, members: Int)
        case choiceNotAmongTied
        case choiceCount(chosen: Int, places: Int)
        case reasonMissing

        public var ruleID: String {
            switch self {
            case .listTooShort: "R-E-6"
            default: "R-P-3"
            }
        }
    }

    public let seats: Int
    /// The fewest and the most names the list may carry (seats + the convening surplus, R-E-6).
    public let listSize: ClosedRange<Int>
    public private(set) var state: State = .awaiting(.standingList)
    /// The names in play, in the order of the last step's result.
    public private(set) var list: [Person.ID] = []

    public init(seats: Int, rulebook: Rulebook = .qd190) {
        self.seats = seats
        let surplus = ListCheck.conveningSurplusRange(seats: seats, rulebook: rulebook)
        listSize = (seats + max(1, surplus.lowerBound))...(seats + max(1, surplus.upperBound))
    }

    /// The step the process is at (the step being decided, short of names, or tied).
    public var step: Step? {
        switch state {
        case .awaiting(let step), .shortOfSurplus(let step, _, _), .tieAtEnd(let step, _, _, _): step
        case .adopted: nil
        }
    }

    public mutating func handle(_ event: Event) throws(Refusal) -> String {
        switch (state, event) {
        case (.awaiting(.standingList), .adoptList(let names)):
            try Self.unique(names)
            guard names.count >= listSize.lowerBound else { throw .listTooShort(names: names.count, needed: listSize.lowerBound) }
            list = names
            state = .awaiting(.keyCadres)
            return "step 1 (R-P-3): the standing committee adopted \(names.count) names for \(seats) seats"
        case (.awaiting(let step), .ballot(let ballot)) where step.isSecretBallot:
            return try count(ballot, at: step)
        case (.awaiting(.standingVote), .standingVote(let inFavour, let members)):
            guard members > 0, inFavour >= 0, inFavour <= members else { throw .impossibleCounts }
            guard inFavour * 2 > members else { throw .standingVoteFailed(inFavour: inFavour, members: members) }
            state = .awaiting(.executiveVote)
            return "step 4 (R-P-3): the standing committee voted the list, \(inFavour) of \(members)"
        case (.shortOfSurplus(let step, let passed, _), .addNames(let names)):
            try Self.unique(passed + names)
            guard !names.isEmpty else { throw .listTooShort(names: passed.count, needed: listSize.lowerBound) }
            list = passed + names
            state = .awaiting(step)
            return "step \(step.rawValue) (R-P-3): \(names.count) names added, the step is voted again"
        case (.tieAtEnd(let step, let kept, let tied, let places), .headChooses(let chosen, let head, let reason)):
            guard Set(chosen).isSubset(of: tied), Set(chosen).count == chosen.count else { throw .choiceNotAmongTied }
            guard chosen.count == places else { throw .choiceCount(chosen: chosen.count, places: places) }
            guard !reason.allSatisfy(\.isWhitespace) else { throw .reasonMissing }
            list = kept + chosen
            return advance(after: step) + "; tie at the end settled by \(head): \(chosen.map(\.rawValue).joined(separator: ", ")) — \(reason)"
        default:
            throw .notNow(state)
        }
    }

    /// A secret ballot: more than half of those convened keeps a name; the list then takes the
    /// names by votes within its size, or goes back for names, or waits for the head at a tie.
    private mutating func count(_ ballot: Ballot, at step: Step) throws(Refusal) -> String {
        guard ballot.summoned >= 0, ballot.present >= 0, ballot.present <= ballot.summoned, ballot.convened > 0,
              ballot.votes.values.allSatisfy({ $0 >= 0 && $0 <= ballot.present }) else { throw .impossibleCounts }
        if step == .keyCadres, ballot.present * 3 < ballot.summoned * 2 {
            throw .noQuorum(present: ballot.present, needed: (ballot.summoned * 2 + 2) / 3)
        }
        if let stranger = ballot.votes.keys.first(where: { !list.contains($0) }) { throw .unknownName(stranger) }
        let votes = { (name: Person.ID) in ballot.votes[name] ?? 0 }
        // Most votes first; equal votes keep the list's order.
        let passed = list.enumerated().filter { votes($0.element) * 2 > ballot.convened }
            .sorted { votes($0.element) != votes($1.element) ? votes($0.element) > votes($1.element) : $0.offset < $1.offset }
            .map(\.element)
        let detail = "step \(step.rawValue) (R-P-3): \(passed.count) of \(list.count) names passed (more than half of \(ballot.convened))"
        guard passed.count >= listSize.lowerBound else {
            state = .shortOfSurplus(step, passed: passed, needed: listSize.lowerBound)
            return detail + "; short of the surplus, names to be added"
        }
        guard passed.count > listSize.upperBound else {
            list = passed
            return detail + "; " + advance(after: step)
        }
        let cutVotes = votes(passed[listSize.upperBound - 1])
        let kept = passed.filter { votes($0) > cutVotes }
        let tied = passed.filter { votes($0) == cutVotes }
        let places = listSize.upperBound - kept.count
        if tied.count == places {
            list = kept + tied
            return detail + "; " + advance(after: step)
        }
        state = .tieAtEnd(step, kept: kept, tied: tied, places: places)
        list = passed
        return detail + "; tie at the end of the list for \(places) places among \(tied.count)"
    }

    private mutating func advance(after step: Step) -> String {
        if let next = step.next {
            state = .awaiting(next)
            return "on to step \(next.rawValue) with \(list.count) names"
        }
        state = .adopted
        return "the list of \(list.count) names is adopted for the congress"
    }

    private static func unique(_ names: [Person.ID]) throws(Refusal) {
        var seen = Set<Person.ID>()
        for name in names where !seen.insert(name).inserted { throw .repeatedName(name) }
    }
}

extension IntroductionProcess.Ballot {
    /// A step's secret ballot as the product's own counting gave it (R-P-3: every introduction
    /// ballot is entered twice and compared like an election's): each name's votes by member ID,
    /// those convened and present from the round's base; `summoned` from the meeting's invitation.
    /// `nil` when a name of the list carries no member ID.
    public init?(_ result: ElectionResult, summoned: Int) {
        var votes: [Person.ID: Int] = [:]
        for (position, candidate) in result.candidates.enumerated() {
            guard let id = result.election.memberID(at: position) else { return nil }
            votes[id] = candidate.votes
        }
        let base = result.election.base
        self.init(summoned: summoned, present: base.present ?? base.convened, convened: base.convened, votes: votes)
    }
}
