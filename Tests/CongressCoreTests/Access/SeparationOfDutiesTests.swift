import CongressCore
import Testing

/// Separation of duties and sign-in throttling as data in the core (issue: "make what is
/// built beyond dispute"). Each test is named after the finding it closes.
@Suite("Separation of duties and the sign-in throttle")
struct SeparationOfDutiesTests {
    /// TW ⊃ T44 ⊃ X1 ⊃ C1; T01 elsewhere.
    static let parents: [PartyUnit.ID: PartyUnit.ID] = ["T44": "TW", "T01": "TW", "X1": "T44", "X2": "T44", "C1": "X1"]
    static func isWithin(_ unit: PartyUnit.ID, _ root: PartyUnit.ID) -> Bool {
        var current: PartyUnit.ID? = unit
        while let code = current {
            if code == root { return true }
            current = parents[code]
        }
        return false
    }

    @Test("an administrator cannot grant themselves the counting board and reviewer roles (nobody changes their own grants)")
    func ownGrants() {
        #expect(throws: SeparationOfDuties.GrantRefusal.ownGrants) {
            try SeparationOfDuties.checkGrants([RoleGrant(role: .administrator, unit: "X1"), RoleGrant(role: .countingBoard, unit: "X1")],
                                               actor: 7, target: 7, isWithin: Self.isWithin)
        }
    }

    @Test("roles kept apart cannot be held over one subtree, in either nesting; apart subtrees may", arguments: [
        (Role.administrator, "T44", Role.countingBoard, "X1", true),
        (Role.countingBoard, "X1", Role.administrator, "T44", true),
        (Role.administrator, "X1", Role.secretariat, "X1", true),
        (Role.administrator, "TW", Role.reviewer, "T01", true),
        (Role.countingBoard, "C1", Role.reviewer, "T44", true),
        (Role.countingBoard, "X1", Role.reviewer, "T01", false),
        (Role.secretariat, "X1", Role.countingBoard, "X1", true),
        (Role.secretariat, "X2", Role.countingBoard, "X1", false),
        (Role.organisingStaff, "T44", Role.reviewer, "T44", false),
    ])
    func incompatibleRoles(_ first: Role, _ firstUnit: String, _ second: Role, _ secondUnit: String, _ refused: Bool) {
        let grants = [RoleGrant(role: first, unit: PartyUnit.ID(firstUnit)), RoleGrant(role: second, unit: PartyUnit.ID(secondUnit))]
        #expect((SeparationOfDuties.clash(in: grants, isWithin: Self.isWithin) != nil) == refused)
    }

    @Test("R-E-30: a reviewer approves a unit's results only from a unit above it, never the unit's own")
    func reviewerOfOwnUnit() {
        let own = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "X1")])
        let higher = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "T44")])
        let foreign = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "T01")])
        #expect(!SeparationOfDuties.mayApprove(own, unit: "X1", isWithin: Self.isWithin))
        #expect(SeparationOfDuties.mayApprove(own, unit: "C1", isWithin: Self.isWithin))
        #expect(SeparationOfDuties.mayApprove(higher, unit: "X1", isWithin: Self.isWithin))
        #expect(!SeparationOfDuties.mayApprove(foreign, unit: "X1", isWithin: Self.isWithin))
    }

    @Test("R-E-29: a difference is settled by a member who typed neither pass and confirmed by a second one")
    func settlement() {
        let clerks = ["kp1", "kp2"]
        #expect(!SeparationOfDuties.maySettle(stackClerks: clerks, member: "kp1"))
        #expect(SeparationOfDuties.maySettle(stackClerks: clerks, member: "kp3"))
        #expect(!SeparationOfDuties.mayConfirm(stackClerks: clerks, proposer: "kp3", member: "kp3"))
        #expect(!SeparationOfDuties.mayConfirm(stackClerks: clerks, proposer: "kp3", member: "kp2"))
        #expect(SeparationOfDuties.mayConfirm(stackClerks: clerks, proposer: "kp3", member: "kp4"))
    }

    @Test("R-E-4, R-E-28: the counting board is its elected members by ID; only its head certifies; no board, nobody counts")
    func boardSeats() throws {
        #expect(throws: CountingBoardSeat.Refusal.noBoard) { try CountingBoardSeat.check(board: [], memberID: "M1") }
        #expect(throws: CountingBoardSeat.Refusal.notOnBoard) { try CountingBoardSeat.check(board: ["M1", "M2"], memberID: "M9") }
        #expect(throws: CountingBoardSeat.Refusal.notOnBoard) { try CountingBoardSeat.check(board: ["M1", "M2"], memberID: nil) }
        try CountingBoardSeat.check(board: ["M1", "M2"], memberID: "M2")
        #expect(throws: CountingBoardSeat.Refusal.notHead(headMemberID: "M1")) {
            try CountingBoardSeat.checkHead(board: ["M1", "M2"], memberID: "M2")
        }
        try CountingBoardSeat.checkHead(board: ["M1", "M2"], memberID: "M1")
    }

    @Test("lockout no longer locks out the real user: failures slow one (login, address) pair, with growing delays")
    func throttlePerPair() {
        var throttle = SignInThrottle(freeFailures: 3, firstDelay: 2, maximumDelay: 60, window: 900)
        for second in 0..<3 { throttle.recordFailure(login: "an", address: "1.1.1.1", now: Double(second)) }
        #expect(throttle.retryAfter(login: "an", address: "1.1.1.1", now: 3) == nil, "the free failures do not slow")
        throttle.recordFailure(login: "an", address: "1.1.1.1", now: 10)
        #expect(throttle.retryAfter(login: "an", address: "1.1.1.1", now: 11) == 12)
        throttle.recordFailure(login: "an", address: "1.1.1.1", now: 12)
        #expect(throttle.retryAfter(login: "an", address: "1.1.1.1", now: 13) == 16, "the delay doubles")
        for _ in 0..<20 { throttle.recordFailure(login: "an", address: "1.1.1.1", now: 20) }
        #expect(throttle.retryAfter(login: "an", address: "1.1.1.1", now: 21) == 80, "capped at the maximum delay")
        #expect(throttle.retryAfter(login: "an", address: "2.2.2.2", now: 21) == nil, "the real user at another address signs in")
        #expect(throttle.retryAfter(login: "binh", address: "1.1.1.1", now: 21) == nil)
        throttle.recordSuccess(login: "an", address: "1.1.1.1")
        #expect(throttle.retryAfter(login: "an", address: "1.1.1.1", now: 21) == nil)
    }

    @Test("servers sharing a database run the same throttle: the pure step over stored records slows and audits as one server does")
    func throttleStepOverRecords() {
        var local = SignInThrottle(freeFailures: 2, firstDelay: 2, window: 900)
        let rules = local
        let keys = SignInThrottle.keys(login: "an", address: "2001:db8:1:2::9")
        #expect(keys == SignInThrottle.keys(login: "an", address: "2001:db8:1:2:ffff::1"), "one /64 network, one key")
        var stored: [String: SignInThrottle.Record] = [:]
        var moments: [SignInThrottle.AuditMoment?] = []
        for second in 0..<6 {
            let now = Double(second)
            let step = rules.failure(pair: stored[keys.pair], address: stored[keys.address], now: now)
            stored[keys.pair] = step.pair
            stored[keys.address] = step.address
            moments.append(step.moment)
            let expected = local.recordFailure(login: "an", address: "2001:db8:1:2::9", now: now)?.moment
            #expect(step.moment == expected, "failure \(second + 1)")
            #expect(rules.retryAfter(pair: stored[keys.pair], address: stored[keys.address], now: now)
                    == local.retryAfter(login: "an", address: "2001:db8:1:2::9", now: now))
        }
        #expect(moments == [.firstFailure, nil, .slowedDown, nil, nil, nil])
        #expect(stored[keys.pair]?.failures == 6)
        #expect(rules.retryAfter(pair: stored[keys.pair], address: nil, now: 1_000) == nil, "forgotten after the window")
    }

    @Test("anyone appends to the audit log: only a window's first failure and its slowing down are audited")
    func auditedFailures() {
        var throttle = SignInThrottle(freeFailures: 5)
        let audited = (0..<50).compactMap { throttle.recordFailure(login: "x", address: "9.9.9.9", now: Double($0)) }
        #expect(audited.map(\.moment) == [.firstFailure, .slowedDown])
    }

    @Test("anyone floods the audit log no more: at most a set number of failures a minute are audited, the rest counted; an IPv6 /64 is one address")
    func auditBudget() {
        var throttle = SignInThrottle(freeFailures: 5)
        throttle.auditedPerMinute = 10
        let audited = (0..<100).compactMap { throttle.recordFailure(login: "u\($0)", address: "2001:db8:1:2:\($0):1:1:1", now: 5) }
        #expect(audited.count == 10)
        let next = throttle.recordFailure(login: "late", address: "198.51.100.9", now: 65)
        #expect(next?.unlogged == 90, "the next minute's first entry carries the count")
        #expect(SignInThrottle(freeFailures: 1).retryAfter(login: "a", address: "2001:db8:1:2::9", now: 0) == nil)
        var compressed = SignInThrottle(freeFailures: 1, freeFailuresPerAddress: 1)
        compressed.recordFailure(login: "a", address: "2001:db8::1", now: 0)
        compressed.recordFailure(login: "b", address: "2001:0DB8:0:0::2", now: 0)
        #expect(compressed.retryAfter(login: "c", address: "2001:db8:0:0:ffff::3", now: 0) != nil,
                "compressed and full spellings of one /64 are one address")
        #expect(compressed.retryAfter(login: "c", address: "2001:db8:0:1::3", now: 0) == nil, "another /64 is not slowed")
        var slowed = SignInThrottle(freeFailures: 1, freeFailuresPerAddress: 1)
        slowed.recordFailure(login: "a", address: "2001:db8:1:2:aaaa::1", now: 0)
        slowed.recordFailure(login: "b", address: "2001:db8:1:2:bbbb::1", now: 0)
        #expect(slowed.retryAfter(login: "c", address: "2001:db8:1:2:cccc::1", now: 0) != nil, "one /64 is slowed as one address")
    }

    @Test("throttle memory is bounded: at most its capacity of keys, the oldest dropped")
    func boundedMemory() {
        var throttle = SignInThrottle(capacity: 100)
        for index in 0..<1_000 { throttle.recordFailure(login: "u\(index)", address: "10.0.\(index / 250).\(index % 250)", now: Double(index)) }
        #expect(throttle.count <= 100)
    }
}
