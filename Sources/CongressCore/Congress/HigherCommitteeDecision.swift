/// R-E-30: what the higher committee decides on a certified result, or on one post of the
/// term's composition. Only a reviewer whose grant sits strictly above the congress's unit
/// decides (`SeparationOfDuties.mayApprove`); an annulment states its reason.
public enum HigherCommitteeDecision: Sendable, Equatable {
    case approve
    case annul(reason: String)

    public enum Refusal: Error, Sendable, Equatable {
        /// The reviewer's grant is on the unit itself or outside it.
        case ownUnit
        /// An annulment without its reason.
        case reasonRequired
        /// No post of the composition matches what was chosen.
        case unknownSeat
    }

    /// The decision on a result, or why it is refused.
    public static func decide(annul: Bool, reason: String?, policy: AccessPolicy, unit: PartyUnit.ID,
                              isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) throws(Refusal) -> HigherCommitteeDecision {
        guard SeparationOfDuties.mayApprove(policy, unit: unit, isWithin: isWithin) else { throw .ownUnit }
        guard annul else { return .approve }
        guard let reason, !reason.isEmpty else { throw .reasonRequired }
        return .annul(reason: reason)
    }

    /// The round's lifecycle event.
    public var event: RoundLifecycle.Event {
        switch self {
        case .approve: .approve
        case .annul(let reason): .annul(reason: reason)
        }
    }
}

extension BodySeat {
    /// A post of the composition as a form names it: its role and its person (the member ID, or
    /// the name of someone appointed from outside the roll).
    public var key: String { role.rawValue + ":" + (memberID?.rawValue ?? name) }
}

extension CongressRecord {
    /// R-E-30: the higher committee annuls one post (one person's seat) with its reason, checked
    /// like a result's annulment; the post is chosen by its `key`, or by a name and a role.
    /// Returns the audit detail.
    public mutating func annulSeat(key: String?, name: String?, role: SeatRole?, reason: String?, policy: AccessPolicy,
                                   isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) throws(HigherCommitteeDecision.Refusal) -> String {
        guard case .annul(let reason) = try HigherCommitteeDecision.decide(annul: true, reason: reason, policy: policy, unit: unit,
                                                                           isWithin: isWithin) else { throw .reasonRequired }
        guard let index = composition.firstIndex(where: { seat in
            key.map { seat.key == $0 } ?? (name != nil && seat.name == name && seat.role == role)
        }) else { throw .unknownSeat }
        let seat = composition.remove(at: index)
        return "post annulled by the higher committee (R-E-30): \(seat.name), \(seat.role.rawValue) (\(seat.source)): \(reason)"
    }
}
