/// Closing the count and computing the result (R-E-29, R-E-23): one decision over what the
/// store holds of a round, read and applied by the store in one transaction, so no crash leaves
/// a round closed without its result and no stack can change between the check and the close.
public enum CountingClose {
    /// What the store writes: the lifecycle after both events, each event for its audit entry,
    /// and the result computed from the agreed ballots only.
    public struct Plan: Sendable, Equatable {
        public var lifecycle: RoundLifecycle
        public var events: [RoundLifecycle.Event]
        public var result: ElectionResult
    }

    /// - Parameters:
    ///   - stacks: every stack the round knows (declared or with a pass).
    ///   - agreed: the agreed ballots of each agreed or settled stack.
    public static func plan(lifecycle: RoundLifecycle, election: Election, stacks: Set<Int>,
                            agreed: [Int: [Ballot]]) throws(CountingRefusal) -> Plan {
        // R-E-29: every stack compared and agreed (or settled) before the count closes.
        if let open = stacks.union(agreed.keys).sorted().first(where: { agreed[$0] == nil }) {
            throw .stackOpen(stack: open)
        }
        let ballots = agreed.keys.sorted().flatMap { agreed[$0] ?? [] }
        var next = lifecycle
        let close = RoundLifecycle.Event.closeCounting(agreedBallots: ballots.count)
        do { _ = try next.handle(close) } catch { throw .lifecycle(error) }
        var counted = election
        if next.issued > 0 { counted.ballotsIssued = next.issued }
        let result: ElectionResult
        do { result = try Tally.count(counted, ballots: ballots) } catch { throw .uncountable(error) }
        let computed = RoundLifecycle.Event.resultComputed(tiePending: result.tie != nil)
        do { _ = try next.handle(computed) } catch { throw .lifecycle(error) }
        return Plan(lifecycle: next, events: [close, computed], result: result)
    }
}

extension RoundLifecycle.Event {
    /// What the audit log says of the event (its detail; the entry log reads it back).
    public var auditDetail: String {
        switch self {
        case .adoptList(let candidates): "list adopted: \(candidates) candidates (R-E-9)"
        case .issueBallots(let issued): "ballots issued: \(issued)"
        case .openCounting(let returned): "counting opened: \(returned) ballots returned"
        case .closeCounting(let agreed): "counting closed: \(agreed) agreed ballots"
        case .resultComputed(let tie): tie ? "result computed: tie pending (R-E-23)" : "result computed"
        case .tieDecided(let newRound): newRound ? "presidium: new round among the tied (R-E-23)" : "presidium: places left unfilled (R-E-23)"
        case .certify: "certified by the counting board"
        case .approve: "approved by the higher committee (R-E-30)"
        case .annul(let reason): "annulled by the higher committee (R-E-30): \(reason)"
        }
    }
}
