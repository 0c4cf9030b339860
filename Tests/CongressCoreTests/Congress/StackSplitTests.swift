import CongressCore
import Testing

@Suite("R-E-29: the split into stacks")
struct StackSplitTests {
    @Test("R-E-29: declared stacks add up to at most the returned ballots, each holding at least one")
    func declarations() throws {
        var split = StackSplit()
        split = try split.declaring(stack: 1, ballots: 50, returned: 127, entered: 0, fixed: false)
        split = try split.declaring(stack: 2, ballots: 50, returned: 127, entered: 0, fixed: false)
        #expect(throws: StackSplit.Refusal.moreThanReturned(declared: 128, returned: 127)) {
            try split.declaring(stack: 3, ballots: 28, returned: 127, entered: 0, fixed: false)
        }
        split = try split.declaring(stack: 3, ballots: 27, returned: 127, entered: 0, fixed: false)
        #expect(split.total == 127)
        // A recount replaces the stack's own count, not adds to it.
        split = try split.declaring(stack: 3, ballots: 26, returned: 127, entered: 0, fixed: false)
        #expect(split.total == 126 && split.size(of: 3) == 26)
        #expect(throws: StackSplit.Refusal.emptyStack(stack: 4)) { try split.declaring(stack: 4, ballots: 0, returned: 127, entered: 0, fixed: false) }
        #expect(throws: StackSplit.Refusal.stackStarted(stack: 1)) { try split.declaring(stack: 1, ballots: 49, returned: 127, entered: 50, fixed: true) }
        #expect(throws: StackSplit.Refusal.fewerThanEntered(stack: 2, entered: 30)) {
            try split.declaring(stack: 2, ballots: 29, returned: 127, entered: 30, fixed: false)
        }
    }

    @Test("R-E-29: a pass takes positions 0…N−1 of a declared stack and finishes with exactly N")
    func passesWithinTheirStack() throws {
        let split = try StackSplit().declaring(stack: 1, ballots: 3, returned: 3, entered: 0, fixed: false)
        try split.admitsPass(stack: 1)
        #expect(throws: StackSplit.Refusal.notDeclared(stack: 2)) { try split.admitsPass(stack: 2) }
        for position in 0..<3 { try split.admitsBallot(stack: 1, position: position) }
        #expect(throws: StackSplit.Refusal.stackFull(stack: 1, ballots: 3)) { try split.admitsBallot(stack: 1, position: 3) }
        #expect(throws: StackSplit.Refusal.passShort(stack: 1, entered: 2, ballots: 3)) { try split.admitsFinish(stack: 1, entered: 2) }
        try split.admitsFinish(stack: 1, entered: 3)
    }
}
