/// Which round may follow which (R-E-23, R-E-24, R-E-30): a round is followed at most once,
/// by a re-vote among the tied (decided from `tiePending`, `RoundLifecycle`), by a further
/// round for places left unfilled once its result is certified, or by the re-election the
/// higher committee orders after annulling it. Stores check it in the transaction that opens
/// the following round, so two presidium members clicking at once open one round.
public enum RoundSuccession {
    /// The states after which a further round or a re-election may be opened.
    public static let followable: Set<RoundLifecycle.State> = [.certified, .approved, .annulled]

    public static func check(predecessor state: RoundLifecycle.State, alreadyFollowed: Bool) throws(CountingRefusal) {
        if alreadyFollowed { throw .alreadyFollowed }
        guard followable.contains(state) else { throw .lifecycle(.notNow(state: state, event: "next round")) }
    }
}
