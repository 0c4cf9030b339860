import CongressCore
import Testing

/// R-E-6: surplus required and capped for executive and standing committees.
@Suite struct SurplusRuleTests {
    @Test("R-E-6: an executive committee list without surplus is refused")
    func executiveCommitteeNeedsSurplus() {
        let election = Fixtures.election(seats: 27, candidates: 27)
        #expect(throws: ElectionRefusal.listWithoutSurplus(body: .executiveCommittee, seats: 27, candidates: 27)) {
            try ListCheck.validate(election)
        }
    }

    @Test("R-E-6: the 30% cap is floor-rounded: 15 seats allow 4, not 5", arguments: [(19, true), (20, false)])
    func capIsFloorRounded(candidates: Int, allowed: Bool) throws {
        let election = Fixtures.election(body: .standingCommittee, seats: 15, candidates: candidates)
        if allowed {
            try ListCheck.validate(election)
        } else {
            #expect(throws: ElectionRefusal.surplusOverCap(body: .standingCommittee, seats: 15, candidates: 20, cap: 4)) {
                try ListCheck.validate(election)
            }
        }
        #expect(ListCheck.surplusCap(seats: 15, rulebook: .qd190) == 4)
    }

    @Test("R-E-6: 3–5 seats allow a surplus of at most 1", arguments: [3, 4, 5])
    func smallBodiesAllowOne(seats: Int) throws {
        try ListCheck.validate(Fixtures.election(seats: seats, candidates: seats + 1))
        #expect(throws: ElectionRefusal.self) { try ListCheck.validate(Fixtures.election(seats: seats, candidates: seats + 2)) }
        #expect(ListCheck.surplusCap(seats: seats, rulebook: .qd190) == 1)
    }

    @Test("R-E-6: 27 seats (commune committee) allow up to 8 = ⌊8.1⌋")
    func communeCommitteeCap() throws {
        #expect(ListCheck.surplusCap(seats: 27, rulebook: .qd190) == 8)
        try ListCheck.validate(Fixtures.election(seats: 27, candidates: 35))
        #expect(throws: ElectionRefusal.self) { try ListCheck.validate(Fixtures.election(seats: 27, candidates: 36)) }
    }

    @Test("R-E-6: the cap's rounding is a rulebook parameter")
    func roundingIsAParameter() {
        var book = Rulebook.qd190
        book.capRounding = .ceiling
        #expect(ListCheck.surplusCap(seats: 15, rulebook: book) == 5)
        book.capRounding = .round
        #expect(ListCheck.surplusCap(seats: 15, rulebook: book) == 5)
        #expect(ListCheck.surplusCap(seats: 12, rulebook: book) == 4)
    }

    @Test("R-E-6: the convening committee's list carries 10–15% of seats")
    func conveningRange() {
        #expect(ListCheck.conveningSurplusRange(seats: 27, rulebook: .qd190) == 3...4)
        #expect(ListCheck.conveningSurplusRange(seats: 15, rulebook: .qd190) == 2...2)
    }

    @Test("R-E-6: delegates and the inspection committee are not capped by R-E-6")
    func otherBodiesNotCapped() throws {
        try ListCheck.validate(Fixtures.election(body: .delegates, seats: 10, candidates: 20))
        try ListCheck.validate(Fixtures.election(body: .inspectionCommittee, seats: 5, candidates: 5))
    }

    @Test("R-E-6: later rounds vote on who is left and are not capped")
    func laterRoundsNotCapped() throws {
        try ListCheck.validate(Fixtures.election(seats: 5, candidates: 8, round: 2))
    }

    @Test("R-E-6 refusal message names the rule in both languages")
    func refusalNamesRule() {
        let refusal = ElectionRefusal.surplusOverCap(body: .executiveCommittee, seats: 15, candidates: 20, cap: 4)
        #expect(refusal.message(.vi).hasPrefix("R-E-6"))
        #expect(refusal.message(.vi).contains("số dư"))
        #expect(refusal.message(.en).contains("exceeds the cap of 4"))
    }

    @Test("R-E-12: a list shorter than the places is refused")
    func tooFewCandidates() {
        #expect(throws: ElectionRefusal.fewerCandidatesThanPlaces(candidates: 8, places: 10)) {
            try ListCheck.validate(Fixtures.election(body: .delegates, seats: 10, candidates: 8))
        }
    }

    @Test("R-E-25: only delegates have alternate seats")
    func alternatesOnlyForDelegates() {
        #expect(throws: ElectionRefusal.alternateSeatsOutsideDelegates(body: .executiveCommittee)) {
            try ListCheck.validate(Fixtures.election(seats: 3, candidates: 4, alternateSeats: 1))
        }
    }
}

/// Refusals of lists that cannot be printed or filled name the rule they break.
@Suite struct ListShapeTests {
    @Test("R-E-11: an empty list or a blank name cannot be printed on a ballot")
    func unprintableLists() {
        var election = Fixtures.election(body: .inspectionCommittee, seats: 2, candidates: 3)
        election.candidates[1] = "  "
        #expect(throws: ElectionRefusal.blankCandidateName(number: 2)) { try ListCheck.validate(election) }
        #expect(ElectionRefusal.blankCandidateName(number: 2).ruleID == "R-E-11")
        election.candidates = []
        #expect(throws: ElectionRefusal.noCandidates) { try ListCheck.validate(election) }
    }

    @Test("R-E-22: a body must have seats to fill")
    func noSeats() {
        #expect(throws: ElectionRefusal.noSeats(body: .inspectionCommittee)) {
            try ListCheck.validate(Fixtures.election(body: .inspectionCommittee, seats: 0, candidates: 3))
        }
        #expect(ElectionRefusal.noSeats(body: .secretary).ruleID == "R-E-22")
    }
}
