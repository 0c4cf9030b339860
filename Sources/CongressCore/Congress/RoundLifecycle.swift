/// The life of one election round, as a state machine that returns what the caller must do.
///
/// draft → listAdopted → ballotsIssued → counting → counted → (tiePending | certified) → approved,
/// with annulment by the higher committee from certified (R-E-30). Every event is checked against
/// the state; a refused event changes nothing.
public struct RoundLifecycle: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable, CaseIterable, Hashable {
        case draft, listAdopted, ballotsIssued, counting, counted, tiePending, certified, approved, annulled
    }

    /// What happened, as the presidium, the counting board or the higher committee records it.
    public enum Event: Sendable, Equatable {
        /// The list adopted by show of hands (R-E-2, R-E-9).
        case adoptList(candidates: Int)
        /// Ballots printed and handed out (R-E-11): how many were issued.
        case issueBallots(issued: Int)
        /// The ballot box opened: the board starts entering stacks (R-E-29).
        case openCounting(returned: Int)
        /// Every stack agreed or settled: how many ballots the agreed entries hold.
        case closeCounting(agreedBallots: Int)
        /// The engine's result: whether it has a tie pending at the cut-off (R-E-23).
        case resultComputed(tiePending: Bool)
        /// The presidium's decision on a pending tie (R-E-23): a new round or seats left unfilled.
        case tieDecided(newRound: Bool)
        /// The board's head certifies the minutes.
        case certify
        /// The higher committee approves (chuẩn y) or annuls with a reason and a re-run (R-E-30).
        case approve
        case annul(reason: String)
    }

    /// What the caller must do after an event.
    public enum Effect: Sendable, Equatable {
        case persist
        case printBallots(Int)
        case openEntry
        case computeResult
        case awaitPresidium
        case openNextRound
        case printMinutes
        case releaseResult
        case notifyHigherCommittee
        case orderRerun
    }

    /// Why an event was refused.
    public enum Refusal: Error, Sendable, Equatable {
        /// The event does not apply in this state.
        case notNow(state: State, event: String)
        /// More ballots returned than issued (R-E-28 reconciliation).
        case moreReturnedThanIssued(returned: Int, issued: Int)
        /// The agreed entries do not hold every returned ballot.
        case entriesDoNotMatchReturned(agreed: Int, returned: Int)
        /// A list with no candidates, or no ballots issued.
        case nothing(String)
        /// An annulment needs its reason.
        case annulmentWithoutReason
    }

    public private(set) var state: State = .draft
    public private(set) var candidates = 0
    public private(set) var issued = 0
    public private(set) var returned = 0

    public init() {}

    /// A lifecycle as stored (the store keeps these four fields).
    public init(state: State, candidates: Int, issued: Int, returned: Int) {
        self.state = state
        self.candidates = candidates
        self.issued = issued
        self.returned = returned
    }

    public mutating func handle(_ event: Event) throws(Refusal) -> [Effect] {
        switch (state, event) {
        case (.draft, .adoptList(let candidates)):
            guard candidates > 0 else { throw .nothing("candidates") }
            self.candidates = candidates
            state = .listAdopted
            return [.persist]
        case (.listAdopted, .issueBallots(let issued)):
            guard issued > 0 else { throw .nothing("ballots issued") }
            self.issued = issued
            state = .ballotsIssued
            return [.persist, .printBallots(issued)]
        case (.ballotsIssued, .openCounting(let returned)):
            guard returned <= issued else { throw .moreReturnedThanIssued(returned: returned, issued: issued) }
            self.returned = returned
            state = .counting
            return [.persist, .openEntry]
        case (.counting, .closeCounting(let agreed)):
            guard agreed == returned else { throw .entriesDoNotMatchReturned(agreed: agreed, returned: returned) }
            state = .counted
            return [.persist, .computeResult]
        case (.counted, .resultComputed(let tiePending)):
            state = tiePending ? .tiePending : .counted
            return tiePending ? [.persist, .awaitPresidium] : [.persist, .printMinutes]
        case (.tiePending, .tieDecided(let newRound)):
            state = .counted
            return newRound ? [.persist, .openNextRound, .printMinutes] : [.persist, .printMinutes]
        case (.counted, .certify):
            state = .certified
            return [.persist, .releaseResult, .notifyHigherCommittee]
        case (.certified, .approve):
            state = .approved
            return [.persist]
        case (.certified, .annul(let reason)):
            guard reason.contains(where: { !$0.isWhitespace }) else { throw .annulmentWithoutReason }
            state = .annulled
            return [.persist, .orderRerun]
        default:
            throw .notNow(state: state, event: Self.name(event))
        }
    }

    private static func name(_ event: Event) -> String {
        switch event {
        case .adoptList: "adoptList"
        case .issueBallots: "issueBallots"
        case .openCounting: "openCounting"
        case .closeCounting: "closeCounting"
        case .resultComputed: "resultComputed"
        case .tieDecided: "tieDecided"
        case .certify: "certify"
        case .approve: "approve"
        case .annul: "annul"
        }
    }

    /// Whether ballot entries may still be taken (a closed round takes none).
    public var takesEntries: Bool { state == .counting }
}
