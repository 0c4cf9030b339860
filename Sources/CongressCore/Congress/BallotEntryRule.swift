/// R-E-29, entering one ballot at one position of one pass: the decision every store asks for,
/// over what it read in the entry's transaction. A position already holding the same ballot is a
/// repeat (a clerk's retry after a lost acknowledgement) and writes nothing; otherwise the ballot
/// goes at the pass's next position, while the round counts, by the pass's clerk, into a pass
/// not finished, within the stack's declared size.
public enum BallotEntryRule {
    /// What the store holds for the entry. `Stored` is how the store compares ballots (a
    /// ballot-file row in SQL, the ballot itself in memory).
    public struct Reading<Stored: Equatable> {
        public var state: RoundLifecycle.State
        /// The clerk holding the pass, nil when nobody claimed it.
        public var holder: String?
        public var finished: Bool
        /// The ballot already at the position, if any.
        public var existing: Stored?
        /// How many ballots the pass holds.
        public var entered: Int
        /// The stack's declared size, if declared.
        public var stackSize: Int?

        public init(state: RoundLifecycle.State, holder: String?, finished: Bool, existing: Stored?, entered: Int, stackSize: Int?) {
            self.state = state
            self.holder = holder
            self.finished = finished
            self.existing = existing
            self.entered = entered
            self.stackSize = stackSize
        }
    }

    public enum Decision: Sendable, Equatable {
        /// Write the ballot at the position.
        case insert
        /// The same ballot is there already: write nothing, acknowledge again.
        case alreadyEntered
    }

    public static func decide<Stored: Equatable>(_ reading: Reading<Stored>, stack: Int, pass: Int, clerk: String,
                                                 position: Int, ballot: Stored) throws(CountingRefusal) -> Decision {
        guard reading.state == .counting else { throw .roundNotCounting(reading.state) }
        guard let holder = reading.holder, holder == clerk else { throw .notYourPass(stack: stack, pass: pass) }
        if let existing = reading.existing {
            guard existing == ballot else { throw .positionConflict(stack: stack, pass: pass, position: position) }
            return .alreadyEntered
        }
        guard !reading.finished else { throw .passFinished(stack: stack, pass: pass) }
        guard position == reading.entered else { throw .positionOutOfOrder(expected: reading.entered, got: position) }
        do { try StackSplit(sizes: reading.stackSize.map { [stack: $0] } ?? [:]).admitsBallot(stack: stack, position: position) } catch {
            throw .split(error)
        }
        return .insert
    }
}
