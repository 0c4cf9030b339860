/// Why counting refused a write. Nothing was written when one is thrown.
public enum CountingRefusal: Error, Sendable, Equatable {
    case unknownRound(Round.ID)
    /// The round is not counting (not opened yet, or closed): it takes no entries.
    case roundNotCounting(RoundLifecycle.State)
    case passOutOfRange(pass: Int, required: Int)
    /// Another clerk holds this pass of this stack.
    case passTaken(stack: Int, pass: Int, clerk: String)
    /// R-E-29: the entries of a stack come from different clerks.
    case clerkAlreadyOnStack(stack: Int, clerk: String)
    /// The pass is not this clerk's (or not claimed).
    case notYourPass(stack: Int, pass: Int)
    /// A different ballot is already recorded at this position.
    case positionConflict(stack: Int, pass: Int, position: Int)
    /// Positions are entered in order: the next one is `expected`.
    case positionOutOfOrder(expected: Int, got: Int)
    case lifecycle(RoundLifecycle.Refusal)
    /// R-E-23, R-E-24, R-E-30: a round already follows this one (a second click opens nothing).
    case alreadyFollowed
    /// The pass is finished: it takes no more ballots.
    case passFinished(stack: Int, pass: Int)
    /// R-E-29: a stack agrees only once all its required passes are finished.
    case passesNotFinished(stack: Int)
    /// The stack was already agreed or settled.
    case stackAlreadyAgreed(stack: Int)
    case unknownCongress(CongressRecord.ID)
    /// Someone else changed the congress since it was read: read it again.
    case congressChanged(CongressRecord.ID)
    /// A settlement is already proposed for this stack (R-E-29).
    case settlementPending(stack: Int)
    /// No settlement is proposed for this stack.
    case noSettlementProposed(stack: Int)
    /// R-E-29: the stack's declared count refused the declaration or the entry.
    case split(StackSplit.Refusal)
    /// The pass holds no ballot to correct.
    case nothingToCorrect(stack: Int, pass: Int)
    /// R-E-29: the stack is not agreed or settled yet, so the count cannot close.
    case stackOpen(stack: Int)
    /// The agreed ballots cannot be counted for this election (never expected: they were checked
    /// on entry).
    case uncountable(TallyFailure)
}
