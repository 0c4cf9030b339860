/// R-E-29: after the box is opened the board splits the returned ballots into stacks and counts
/// each stack by hand; every pass of a stack then takes exactly that many ballots. A pass that
/// reaches its stack's count takes no more, and one short of it cannot be finished, so a
/// ballot typed twice or skipped is caught at the keyboard, not at the comparison.
public struct StackSplit: Sendable, Equatable {
    /// Why a stack's declaration or one of its entries was refused. Nothing changes when thrown.
    public enum Refusal: Error, Sendable, Equatable {
        /// A stack holds at least one ballot.
        case emptyStack(stack: Int)
        /// The stacks together would hold more ballots than came out of the box.
        case moreThanReturned(declared: Int, returned: Int)
        /// A pass of the stack is finished or the stack agreed: its count is fixed.
        case stackStarted(stack: Int)
        /// A pass of the stack already holds more ballots than the new count.
        case fewerThanEntered(stack: Int, entered: Int)
        /// The board has not said how many ballots this stack holds.
        case notDeclared(stack: Int)
        /// The pass already holds every ballot of its stack.
        case stackFull(stack: Int, ballots: Int)
        /// The pass holds fewer ballots than its stack.
        case passShort(stack: Int, entered: Int, ballots: Int)
    }

    /// Ballots per stack, by stack number.
    public private(set) var sizes: [Int: Int]

    public init(sizes: [Int: Int] = [:]) { self.sizes = sizes }

    /// Ballots in every declared stack together.
    public var total: Int { sizes.values.reduce(0, +) }

    public func size(of stack: Int) -> Int? { sizes[stack] }

    /// The split with `stack` declared (or corrected) to hold `ballots`, given the ballots that
    /// came out of the box, the most any pass of the stack has entered, and whether the stack's
    /// count is already fixed (a pass finished, or the stack agreed).
    public func declaring(stack: Int, ballots: Int, returned: Int, entered: Int, fixed: Bool) throws(Refusal) -> StackSplit {
        guard ballots > 0 else { throw .emptyStack(stack: stack) }
        guard !fixed else { throw .stackStarted(stack: stack) }
        guard ballots >= entered else { throw .fewerThanEntered(stack: stack, entered: entered) }
        let others = sizes.filter { $0.key != stack }.values.reduce(0, +)
        guard others + ballots <= returned else { throw .moreThanReturned(declared: others + ballots, returned: returned) }
        var next = self
        next.sizes[stack] = ballots
        return next
    }

    /// A pass may be taken only of a declared stack.
    public func admitsPass(stack: Int) throws(Refusal) {
        guard sizes[stack] != nil else { throw .notDeclared(stack: stack) }
    }

    /// The ballot at `position` (0-based) fits in its stack.
    public func admitsBallot(stack: Int, position: Int) throws(Refusal) {
        guard let size = sizes[stack] else { throw .notDeclared(stack: stack) }
        guard position < size else { throw .stackFull(stack: stack, ballots: size) }
    }

    /// A pass is finished only when it holds every ballot of its stack.
    public func admitsFinish(stack: Int, entered: Int) throws(Refusal) {
        guard let size = sizes[stack] else { throw .notDeclared(stack: stack) }
        guard entered == size else { throw .passShort(stack: stack, entered: entered, ballots: size) }
    }
}
