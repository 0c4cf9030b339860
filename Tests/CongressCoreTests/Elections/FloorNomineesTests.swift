import CongressCore
import Testing

/// R-E-7: floor nominees join the list by opinion ballot, top-down to the cap.
@Suite struct FloorNomineesTests {
    /// An opinion ballot among `votes.count` nominees with 100 attending.
    func opinion(_ votes: [Int]) throws -> ElectionResult {
        var election = Fixtures.election(body: .opinion, seats: 0, candidates: votes.count)
        election.base = BaseRecord(kind: .attending, convened: 100)
        return try Tally.count(election, ballots: Fixtures.ballots(giving: votes, valid: 100))
    }

    @Test("R-E-7: only nominees over 30% of those attending can join")
    func onlyPassersJoin() throws {
        let admission = FloorNominees.admit(opinion: try opinion([31, 30, 80]), listSize: 27, seats: 27,
                                            body: .inspectionCommittee, rulebook: .qd190)
        #expect(admission.admitted == ["Người 3", "Người 1"])
        #expect(admission.tie == nil)
    }

    @Test("R-E-7: over the cap, passers are added in descending order of votes until the cap")
    func topDownToTheCap() throws {
        // 27 seats, cap 8; the convening list has 33 (surplus 6): room for 2.
        let admission = FloorNominees.admit(opinion: try opinion([40, 70, 35, 55]), listSize: 33, seats: 27,
                                            body: .executiveCommittee, rulebook: .qd190)
        #expect(admission.admitted == ["Người 2", "Người 4"])
        #expect(admission.passedWithoutRoom == ["Người 1", "Người 3"])
    }

    @Test("R-E-7: equal votes across the cap are flagged, not broken")
    func tieAtTheCapIsFlagged() throws {
        let admission = FloorNominees.admit(opinion: try opinion([50, 70, 50, 20]), listSize: 33, seats: 27,
                                            body: .executiveCommittee, rulebook: .qd190)
        #expect(admission.admitted == ["Người 2"])
        #expect(admission.tie?.names == ["Người 1", "Người 3"])
        #expect(admission.tie?.seats == 1)
        #expect(admission.passedWithoutRoom.isEmpty)
    }

    @Test("R-E-7: no room when the convening list is already at the cap")
    func noRoom() throws {
        let admission = FloorNominees.admit(opinion: try opinion([90]), listSize: 35, seats: 27,
                                            body: .executiveCommittee, rulebook: .qd190)
        #expect(admission.admitted.isEmpty)
        #expect(admission.passedWithoutRoom == ["Người 1"])
    }
}
