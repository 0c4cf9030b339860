import CongressCore

/// Whether a membership event can apply to a person's record (R-O-3): one membership at a time.
public enum MembershipEventCheck {
    public static func validate(_ event: MembershipEvent, record: PersonRecord, unit: (PartyUnit.ID) -> PartyUnit?) throws(StoreError) {
        let id = record.person.memberID
        let member = MembershipHistory.status(of: record.person, spans: record.spans, on: event.day)
        switch event.kind {
        case .admitted:
            if member != nil { throw .eventNotApplicable(memberID: id, reason: "already a member on \(event.day.vietnamese)") }
        case .madeOfficial, .disciplined:
            break
        default:
            if member == nil { throw .eventNotApplicable(memberID: id, reason: "not a member on \(event.day.vietnamese)") }
        }
        if let latest = record.events.map(\.day).max(), event.day < latest, event.kind != .disciplined {
            throw .eventNotApplicable(memberID: id, reason: "a later event (\(latest.vietnamese)) is already recorded")
        }
        if event.kind == .admitted || event.kind == .transferred || event.kind == .temporaryElsewhere {
            guard let code = event.unit else { throw .eventNotApplicable(memberID: id, reason: "no unit given") }
            guard let target = unit(code), target.exists(on: event.day) else { throw .unknownUnit(code) }
            if event.kind == .transferred, member?.unit == code {
                throw .eventNotApplicable(memberID: id, reason: "already in \(code)")
            }
        }
    }
}
