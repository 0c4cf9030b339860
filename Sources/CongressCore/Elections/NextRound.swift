/// What the presidium decided after a round with a pending tie or unfilled places (R-E-23, R-E-24).
public enum PresidiumDecision: Sendable, Equatable {
    /// R-E-23: a new round among the tied candidates for the places they compete for.
    case revoteAmongTied(ballotsIssued: Int)
    /// R-E-24: a further round for the unfilled places with the candidates not yet elected,
    /// plus any names the congress decided to add.
    case furtherRound(ballotsIssued: Int, addedCandidates: [String] = [])
    /// Leave the places unfilled (or the tie to the higher committee); no further round.
    case stop
}

extension PresidiumDecision {
    /// The presidium's choice on a result: a new round (with `ballotsIssued`) re-votes among the
    /// tied when the result has a tie (R-E-23), and otherwise fills the unfilled places (R-E-24).
    public static func choose(newRound: Bool, ballotsIssued: Int, tie: Bool) -> PresidiumDecision {
        guard newRound else { return .stop }
        return tie ? .revoteAmongTied(ballotsIssued: ballotsIssued) : .furtherRound(ballotsIssued: ballotsIssued)
    }
}

/// Why a next round cannot follow from a result.
public enum NextRoundProblem: Error, Sendable, Equatable {
    /// R-E-23: there is no pending tie to re-vote.
    case noTie
    /// R-E-24: every place is filled.
    case noUnfilledPlaces
    /// R-E-23: a tie must be settled before a further round for unfilled places.
    case tiePending
    /// R-E-24: a cell that elected no secretary in this many rounds gets one appointed from above.
    case appointmentDue(rounds: Int)
    /// The new round's list breaks a rule.
    case refused(ElectionRefusal)

    public var ruleID: String {
        switch self {
        case .noTie, .tiePending: "R-E-23"
        case .noUnfilledPlaces, .appointmentDue: "R-E-24"
        case .refused(let refusal): refusal.ruleID
        }
    }
}

extension ElectionResult {
    /// The next round's election, or `nil` when the presidium stops. Every round keeps the same
    /// base and threshold (R-E-23, R-E-24): the base record is carried over unchanged.
    public func nextRound(_ decision: PresidiumDecision) throws(NextRoundProblem) -> Election? {
        if decision == .stop { return nil }
        let limit = election.rulebook.cellSecretaryRoundsBeforeAppointment
        if election.body == .cellSecretary, election.round >= limit { throw .appointmentDue(rounds: limit) }
        var next = election
        next.round += 1
        switch decision {
        case .stop:
            return nil
        case .revoteAmongTied(let issued):
            guard let tie else { throw .noTie }
            next.setList(tie.positions.map { election.listEntries[$0] })
            next.ballotsIssued = issued
            switch tie.cut {
            case .official: (next.seats, next.alternateSeats) = (tie.seats, tie.alternateSeats)
            case .alternate: (next.seats, next.alternateSeats) = (0, tie.seats)
            }
        case .furtherRound(let issued, let added):
            if tie != nil { throw .tiePending }
            guard unfilledSeats + unfilledAlternateSeats > 0 else { throw .noUnfilledPlaces }
            let remaining = candidates.filter { $0.outcome == .notElected }.map { election.listEntries[$0.number - 1] }
            // Added names join the list, which keeps Vietnamese order (R-E-10).
            next.setList(VietnameseNameOrder.sorted(remaining + added.map { ListEntry(name: $0) }))
            next.seats = unfilledSeats
            next.alternateSeats = unfilledAlternateSeats
            next.ballotsIssued = issued
        }
        do { try ListCheck.validate(next) } catch { throw .refused(error) }
        return next
    }
}
