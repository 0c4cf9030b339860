import CongressCore
import Testing

/// Rulebooks as data (rules.md §7).
@Suite struct RulebookTests {
    @Test("Two rulebooks ship; 190-QĐ/TW is the default", arguments: ["190-QĐ/TW", "190-QD/TW", "244-QĐ/TW", "244-qd/tw"])
    func shippedRulebooksByName(name: String) {
        #expect(Rulebook.named(name) != nil)
    }

    @Test func defaultIs190() {
        #expect(Fixtures.election(seats: 1, candidates: 2).rulebook.id == "190-QĐ/TW")
        #expect(Rulebook.named("999-QĐ/TW") == nil)
    }

    @Test("Open points are parameters with the documented defaults (rules.md §7)")
    func defaults() {
        let book = Rulebook.qd190
        #expect(book.surplusCapPercent == 30)
        #expect(book.conveningSurplusPercentRange == 10...15)
        #expect(book.smallBodySeats == 3...5)
        #expect(book.smallBodySurplusCap == 1)
        #expect(book.capRounding == .floor)
        #expect(book.percentRounding == .truncate)
        #expect(book.opinionThresholdPercent == 30)
        #expect(book.conferenceExcludesAbsentWithReason)
        #expect(book.cellSecretaryRoundsBeforeAppointment == 3)
        #expect(book.invalidReasons == Set(InvalidReason.allCases))
    }

    @Test("R-E-5: no shipped rulebook allows electronic casting")
    func noElectronicCasting() {
        #expect(Rulebook.shipped.allSatisfy { !$0.electronicCasting })
    }

    @Test("Rulebook 244-QĐ/TW counts an example like 190 does, and the result names it")
    func rulebook244() throws {
        var election = Fixtures.election(seats: 1, candidates: 2, base: 10)
        election.rulebook = .qd244
        let result = try Tally.count(election, ballots: Fixtures.ballots(giving: [6, 4], valid: 10))
        #expect(result.elected == ["Người 1"])
        #expect(ResultDocument.encode(result)["rulebook"] == .string("244-QĐ/TW"))
    }
}
