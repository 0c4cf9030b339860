/// Checks made on an election before any ballot is read (R-E-6 and the counts behind the base).
public enum ListCheck {
    /// R-E-6: the most surplus a list for `seats` may carry under the rulebook.
    ///
    /// 3–5 seats: the small-body cap (1 person). Otherwise the percentage cap, rounded as the
    /// rulebook says (default floor: 30% of 15 = 4.5 → 4). A body that must have a surplus always
    /// gets at least 1, or the two parts of R-E-6 would contradict each other.
    public static func surplusCap(seats: Int, rulebook: Rulebook) -> Int {
        if rulebook.smallBodySeats.contains(seats) { return rulebook.smallBodySurplusCap }
        let scaled = seats * rulebook.surplusCapPercent
        let cap: Int
        switch rulebook.capRounding {
        case .floor: cap = scaled / 100
        case .ceiling: cap = (scaled + 99) / 100
        case .round: cap = (scaled + 50) / 100
        }
        return max(1, cap)
    }

    /// R-E-6: the convening committee's own surplus range (10–15% of seats), in whole persons.
    public static func conveningSurplusRange(seats: Int, rulebook: Rulebook) -> ClosedRange<Int> {
        let lower = (seats * rulebook.conveningSurplusPercentRange.lowerBound + 99) / 100
        let upper = max(lower, seats * rulebook.conveningSurplusPercentRange.upperBound / 100)
        return lower...upper
    }

    /// Throws the first rule the election breaks; returns normally when it may be counted.
    public static func validate(_ election: Election) throws(ElectionRefusal) {
        try validateCounts(election)
        try validateList(election)
    }

    static func validateCounts(_ election: Election) throws(ElectionRefusal) {
        let base = election.base
        if base.convened < 0 { throw .negativeCount(field: "base.convened", value: base.convened) }
        if let present = base.present, present < 0 { throw .negativeCount(field: "base.present", value: present) }
        for exclusion in BaseExclusion.allCases {
            if let value = base.excluded[exclusion], value < 0 {
                throw .negativeCount(field: "base.excluded.\(exclusion.rawValue)", value: value)
            }
        }
        if election.ballotsIssued < 0 { throw .negativeCount(field: "ballotsIssued", value: election.ballotsIssued) }
        if election.seats < 0 { throw .negativeCount(field: "seats", value: election.seats) }
        if election.alternateSeats < 0 {
            throw .negativeCount(field: "alternateSeats", value: election.alternateSeats)
        }
        let value = election.baseValue
        if value <= 0 { throw .baseNotPositive(base: value) }
        if election.ballotsIssued > base.convened {
            throw .moreBallotsIssuedThanConvened(issued: election.ballotsIssued, convened: base.convened)
        }
    }

    static func validateList(_ election: Election) throws(ElectionRefusal) {
        if election.candidates.isEmpty { throw .noCandidates }
        if let blank = election.candidates.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw .blankCandidateName(number: blank + 1)
        }
        if election.alternateSeats > 0, election.body != .delegates {
            throw .alternateSeatsOutsideDelegates(body: election.body)
        }
        if election.body.isPassFail { return }
        // A later round of delegates may fill alternate places only.
        if election.places <= 0 || (election.seats == 0 && election.body != .delegates) {
            throw .noSeats(body: election.body)
        }
        let count = election.candidates.count
        if count < election.places { throw .fewerCandidatesThanPlaces(candidates: count, places: election.places) }
        // R-E-6 governs the list the congress adopts; later rounds vote on who is left (R-E-23, R-E-24).
        guard election.round == 1, election.rulebook.bodiesRequiringSurplus.contains(election.body) else { return }
        if count == election.seats {
            throw .listWithoutSurplus(body: election.body, seats: election.seats, candidates: count)
        }
        let cap = surplusCap(seats: election.seats, rulebook: election.rulebook)
        if count - election.seats > cap {
            throw .surplusOverCap(body: election.body, seats: election.seats, candidates: count, cap: cap)
        }
    }
}
