import CongressCore
import Testing

/// R-E-30 and R-E-24 as decisions without I/O: who approves or annuls, and which round may follow.
@Suite struct HigherCommitteeDecisionTests {
    static let own = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "X1")])
    static let higher = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "T44")])
    static let foreign = AccessPolicy(grants: [RoleGrant(role: .reviewer, unit: "T01")])
    static let isWithin = SeparationOfDutiesTests.isWithin

    @Test("R-E-30: only the higher committee decides a result; an annulment states its reason")
    func resultDecision() throws {
        #expect(throws: HigherCommitteeDecision.Refusal.ownUnit) {
            try HigherCommitteeDecision.decide(annul: false, reason: nil, policy: Self.own, unit: "X1", isWithin: Self.isWithin)
        }
        #expect(throws: HigherCommitteeDecision.Refusal.ownUnit) {
            try HigherCommitteeDecision.decide(annul: false, reason: nil, policy: Self.foreign, unit: "X1", isWithin: Self.isWithin)
        }
        #expect(try HigherCommitteeDecision.decide(annul: false, reason: nil, policy: Self.higher, unit: "X1", isWithin: Self.isWithin) == .approve)
        #expect(throws: HigherCommitteeDecision.Refusal.reasonRequired) {
            try HigherCommitteeDecision.decide(annul: true, reason: nil, policy: Self.higher, unit: "X1", isWithin: Self.isWithin)
        }
        let annulled = try HigherCommitteeDecision.decide(annul: true, reason: "sai quy trình", policy: Self.higher, unit: "X1",
                                                          isWithin: Self.isWithin)
        #expect(annulled.event == .annul(reason: "sai quy trình"))
    }

    @Test("R-E-30: one post annulled by the higher committee leaves the composition; the unit's own reviewer cannot")
    func seatAnnulment() throws {
        var record = CongressRecord(unit: "X1", name: "Đại hội", term: "2025–2030", kind: .members, opensOn: "2026-11-20", closesOn: "2026-11-21")
        record.composition = [BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .secretary, source: "round 3"),
                              BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .committeeMember, source: "round 1"),
                              BodySeat(memberID: nil, name: "Lê Thị Bình", role: .committeeMember, source: "decision 12-QĐ/TU")]
        let before = record
        #expect(throws: HigherCommitteeDecision.Refusal.ownUnit) {
            try record.annulSeat(key: "secretary:M1", name: nil, role: nil, reason: "x", policy: Self.own, isWithin: Self.isWithin)
        }
        #expect(throws: HigherCommitteeDecision.Refusal.unknownSeat) {
            try record.annulSeat(key: "secretary:M9", name: nil, role: nil, reason: "x", policy: Self.higher, isWithin: Self.isWithin)
        }
        #expect(record == before)
        let detail = try record.annulSeat(key: "secretary:M1", name: nil, role: nil, reason: "vi phạm", policy: Self.higher,
                                          isWithin: Self.isWithin)
        #expect(detail.contains("R-E-30") && detail.contains("vi phạm"))
        #expect(record.composition.map(\.role) == [.committeeMember, .committeeMember], "the committee seat stays")
        _ = try record.annulSeat(key: nil, name: "Lê Thị Bình", role: .committeeMember, reason: "x", policy: Self.higher, isWithin: Self.isWithin)
        #expect(record.composition.map(\.memberID) == ["M1"])
    }

    @Test("R-E-24: a further round or a re-election follows a decided result only, and a round is followed once")
    func succession() throws {
        for state in RoundLifecycle.State.allCases {
            if RoundSuccession.followable.contains(state) {
                try RoundSuccession.check(predecessor: state, alreadyFollowed: false)
            } else {
                #expect(throws: CountingRefusal.lifecycle(.notNow(state: state, event: "next round"))) {
                    try RoundSuccession.check(predecessor: state, alreadyFollowed: false)
                }
            }
            #expect(throws: CountingRefusal.alreadyFollowed) { try RoundSuccession.check(predecessor: state, alreadyFollowed: true) }
        }
        #expect(RoundSuccession.followable == [.certified, .approved, .annulled])
    }
}
