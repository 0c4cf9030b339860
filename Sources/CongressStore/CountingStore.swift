import CongressCore

/// Counting rounds of paper ballots by independent entry (R-E-29): a round's election and
/// lifecycle, the passes of each stack claimed by clerks, and the ballots they enter. Each
/// method is one transaction; a ballot is on disk when `recordBallot` returns.
public protocol CountingStore: Sendable {
    /// Opens a round for an election of `unit`, each stack to be entered `requiredEntries` times.
    func openRound(_ election: Election, unit: String, requiredEntries: Int, audit: AuditDraft) async throws(StoreError) -> Int64
    func round(_ id: Int64) async throws(StoreError) -> CountingRound?
    /// Applies a lifecycle event (the round's state machine decides), with its audit entry.
    func apply(_ event: RoundLifecycle.Event, to round: Int64, audit: AuditDraft) async throws(StoreError) -> [RoundLifecycle.Effect]
    /// A clerk takes one pass (1…required) of a stack. Refused when the pass is taken, when the
    /// clerk already has another pass of the same stack, or when the round takes no entries.
    func claimPass(round: Int64, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError)
    /// Records the ballot at `position` (0-based) of the clerk's pass. The same ballot again at
    /// the same position is a retry and accepted; a different one is refused.
    func recordBallot(round: Int64, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError)
    /// Every pass of a stack, by pass number, for comparison.
    func entries(round: Int64, stack: Int) async throws(StoreError) -> [StackComparison.Entry]
}

/// A round as stored.
public struct CountingRound: Sendable, Equatable {
    public var id: Int64
    public var unit: String
    public var election: Election
    public var requiredEntries: Int
    public var lifecycle: RoundLifecycle

    public init(id: Int64, unit: String, election: Election, requiredEntries: Int, lifecycle: RoundLifecycle) {
        self.id = id
        self.unit = unit
        self.election = election
        self.requiredEntries = requiredEntries
        self.lifecycle = lifecycle
    }
}

/// Why counting refused a write. Nothing was written when one is thrown.
public enum CountingRefusal: Error, Sendable, Equatable {
    case unknownRound(Int64)
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
}
