import CongressCore
import Testing

/// Closing the count as one decision over the stored stacks (R-E-29), without I/O.
@Suite("Closing the count")
struct CountingCloseTests {
    let election = Election(title: "Bầu Ban Chấp hành", body: .executiveCommittee, seats: 2,
                            candidates: ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường"],
                            base: BaseRecord(kind: .membersCongress, convened: 5), ballotsIssued: 1)

    func counting(returned: Int) throws -> RoundLifecycle {
        var lifecycle = RoundLifecycle()
        _ = try lifecycle.handle(.adoptList(candidates: 3))
        _ = try lifecycle.handle(.issueBallots(issued: 5))
        _ = try lifecycle.handle(.openCounting(returned: returned))
        return lifecycle
    }

    @Test("R-E-29: a declared stack not agreed keeps the count open, naming the first such stack")
    func openStack() throws {
        let lifecycle = try counting(returned: 4)
        #expect(throws: CountingRefusal.stackOpen(stack: 2)) {
            try CountingClose.plan(lifecycle: lifecycle, election: election, stacks: [1, 2, 3],
                                   agreed: [1: [.striking([1]), .striking([2])]])
        }
    }

    @Test("R-E-29: the agreed ballots must be the returned ones")
    func agreedAreReturned() throws {
        let lifecycle = try counting(returned: 4)
        #expect(throws: CountingRefusal.lifecycle(.entriesDoNotMatchReturned(agreed: 3, returned: 4))) {
            try CountingClose.plan(lifecycle: lifecycle, election: election, stacks: [1],
                                   agreed: [1: [.striking([1]), .striking([2]), .striking([])]])
        }
    }

    @Test("R-E-29, R-E-16: closing computes the result from the agreed ballots against the ballots issued, with both events")
    func closesAndCounts() throws {
        let lifecycle = try counting(returned: 4)
        let agreed: [Int: [Ballot]] = [1: [.striking([3]), .striking([3])], 2: [.striking([2]), .striking([3])]]
        let plan = try CountingClose.plan(lifecycle: lifecycle, election: election, stacks: [1, 2], agreed: agreed)
        #expect(plan.events == [.closeCounting(agreedBallots: 4), .resultComputed(tiePending: false)])
        #expect(plan.lifecycle.state == .counted)
        #expect(plan.result.ballots.issued == 5, "ballots issued from the lifecycle, not the file's 1")
        // An and Bình keep 4 and 3 of 4 valid ballots; base 5, threshold 3 (R-E-16).
        #expect(plan.result.elected == ["Nguyễn Văn An", "Lê Thị Bình"])
        #expect(plan.result.candidates.map(\.votes) == [4, 3, 1])
    }

    @Test("R-E-23: a tie at the cut-off closes to a pending tie")
    func tie() throws {
        let lifecycle = try counting(returned: 5)
        // An 4, Bình 3, Cường 3: both pass the threshold of 3 and tie for the last place.
        let agreed: [Int: [Ballot]] = [1: [.striking([3]), .striking([3]), .striking([2]), .striking([2]), .striking([1])]]
        let plan = try CountingClose.plan(lifecycle: lifecycle, election: election, stacks: [1], agreed: agreed)
        #expect(plan.events.last == .resultComputed(tiePending: true))
        #expect(plan.lifecycle.state == .tiePending)
    }
}
