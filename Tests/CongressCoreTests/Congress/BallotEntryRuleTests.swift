import CongressCore
import Testing

/// R-E-29: the decision every store asks for before it writes an entered ballot.
@Suite struct BallotEntryRuleTests {
    typealias Reading = BallotEntryRule.Reading<String>

    static func reading(state: RoundLifecycle.State = .counting, holder: String? = "clerk1", finished: Bool = false,
                        existing: String? = nil, entered: Int = 3, stackSize: Int? = 10) -> Reading {
        Reading(state: state, holder: holder, finished: finished, existing: existing, entered: entered, stackSize: stackSize)
    }

    static func decide(_ reading: Reading, clerk: String = "clerk1", position: Int = 3, ballot: String = "yes,1,,,")
        throws(CountingRefusal) -> BallotEntryRule.Decision {
        try BallotEntryRule.decide(reading, stack: 2, pass: 1, clerk: clerk, position: position, ballot: ballot)
    }

    @Test("R-E-29: the next position of one's own open pass takes the ballot")
    func nextPosition() throws {
        #expect(try Self.decide(Self.reading()) == .insert)
    }

    @Test("R-E-29: the same ballot again at its position is a retry: nothing written, acknowledged again, even once finished")
    func retryIsIdempotent() throws {
        #expect(try Self.decide(Self.reading(existing: "yes,1,,,", entered: 4)) == .alreadyEntered)
        #expect(try Self.decide(Self.reading(finished: true, existing: "yes,1,,,", entered: 10)) == .alreadyEntered)
        #expect(throws: CountingRefusal.positionConflict(stack: 2, pass: 1, position: 3)) {
            try Self.decide(Self.reading(existing: "yes,2,,,", entered: 4))
        }
    }

    @Test("R-E-29: only while counting, only the pass's own clerk, in order, never past the stack or into a finished pass")
    func refusals() {
        #expect(throws: CountingRefusal.roundNotCounting(.counted)) { try Self.decide(Self.reading(state: .counted)) }
        #expect(throws: CountingRefusal.notYourPass(stack: 2, pass: 1)) { try Self.decide(Self.reading(), clerk: "clerk2") }
        #expect(throws: CountingRefusal.notYourPass(stack: 2, pass: 1)) { try Self.decide(Self.reading(holder: nil)) }
        #expect(throws: CountingRefusal.passFinished(stack: 2, pass: 1)) { try Self.decide(Self.reading(finished: true)) }
        #expect(throws: CountingRefusal.positionOutOfOrder(expected: 3, got: 5)) { try Self.decide(Self.reading(), position: 5) }
        #expect(throws: CountingRefusal.split(.stackFull(stack: 2, ballots: 3))) { try Self.decide(Self.reading(stackSize: 3)) }
        #expect(throws: CountingRefusal.split(.notDeclared(stack: 2))) { try Self.decide(Self.reading(stackSize: nil)) }
    }
}
