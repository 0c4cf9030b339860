import CongressCore
import CongressStore

/// What every congress page loads first: the counting store, the round (checked to belong to
/// the unit the guard authorised, so a round ID from another subtree answers 404), its congress.
struct CongressContext {
    let store: any CountingStore
    let round: CountingRound
    let congress: StoredCongress?

    static func store(_ dependencies: WebDependencies) throws -> any CountingStore {
        guard let store = dependencies.counting else { throw WebError.notFound }
        return store
    }

    static func load(_ dependencies: WebDependencies, _ context: AppRequestContext, _ authorised: Authorised) async throws -> CongressContext {
        let store = try store(dependencies)
        guard let text = context.parameters.get("round"), let id = Int64(text),
              let round = try await store.round(id), round.unit == authorised.unit else { throw WebError.notFound }
        let congress: StoredCongress? = if let congressID = round.congress { try await store.congress(congressID) } else { nil }
        return CongressContext(store: store, round: round, congress: congress)
    }

    /// The election as counted: the stored list and base, with the ballots actually issued.
    var election: Election {
        var election = round.election
        if round.lifecycle.issued > 0 { election.ballotsIssued = round.lifecycle.issued }
        return election
    }

    var base: String { "/units/\(round.unit)/rounds/\(round.id)" }

    /// The result from the agreed entries only (R-E-29), once counting is closed.
    func result() async throws -> ElectionResult? {
        let state = round.lifecycle.state
        guard [.counted, .tiePending, .certified, .approved, .annulled].contains(state) else { return nil }
        let ballots = try await store.agreedBallots(round: round.id)
        return try Tally.count(election, ballots: ballots)
    }

    /// Who may see the result: the board and the presidium once counted; everyone who may see the
    /// congress once the board has certified and released it.
    static func mayReadResult(_ state: RoundLifecycle.State, counts: Bool, runs: Bool) -> Bool {
        switch state {
        case .certified, .approved, .annulled: true
        case .counted, .tiePending: counts || runs
        default: false
        }
    }

    /// The user's login, the clerk's identity in the entries.
    static func clerk(_ authorised: Authorised) throws -> String { try authorised.user.user.login }

    /// A store refusal as a 400 page with its message.
    static func refusal(_ error: any Error) -> any Error {
        guard let error = error as? StoreError else { return error }
        if case .database = error { return error }
        return WebError.badInput(key: "web.round.refused", arguments: [refusalText(error)])
    }

    static func refusalText(_ error: StoreError) -> String {
        if case .counting(let refusal) = error { return "R-E-29: \(refusal)" }
        return String(describing: error)
    }
}
