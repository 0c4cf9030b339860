/// One change to the roll of a congress, as the secretariat records it: someone's attendance
/// and condition (R-E-17, R-E-18), or their removal with the reason they are not convened
/// (R-E-21: they shrink the roll, not the base).
public enum RollChange: Sendable, Equatable {
    case attendance(memberID: Person.ID, Attendance, condition: MemberOnRoll.Condition?)
    case notConvened(memberID: Person.ID, reason: NotConvened.Reason)

    public var memberID: Person.ID {
        switch self {
        case .attendance(let memberID, _, _), .notConvened(let memberID, _): memberID
        }
    }

    /// The word the roll form and the audit log use for an attendance.
    public static func state(_ attendance: Attendance) -> String {
        attendance.absentWhole ? (attendance.reasonAccepted ? "absentAccepted" : "absentNoReason") : "present"
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// The member is not on the roll.
        case notOnRoll(memberID: Person.ID)
    }
}

extension CongressRecord {
    /// Applies `change` to the roll; returns the audit detail.
    public mutating func apply(_ change: RollChange) throws(RollChange.Refusal) -> String {
        let memberID = change.memberID
        let inMembers = members.firstIndex { $0.memberID == memberID }
        let inDelegates = delegates.firstIndex { $0.memberID == memberID }
        guard inMembers != nil || inDelegates != nil else { throw .notOnRoll(memberID: memberID) }
        switch change {
        case .notConvened(_, let reason):
            let name = self.name(of: memberID) ?? memberID.rawValue
            if let index = inMembers { members.remove(at: index) }
            if let index = inDelegates { delegates.remove(at: index) }
            notConvened.append(NotConvened(memberID: memberID, fullName: name, reason: reason))
            return "\(memberID) not convened (R-E-21): \(reason.rawValue)"
        case .attendance(_, let attendance, let condition):
            if let index = inMembers {
                members[index].attendance = attendance
                if let condition { members[index].condition = condition }
            }
            if let index = inDelegates { delegates[index].attendance = attendance }
            return "\(memberID): \(RollChange.state(attendance)), \(condition?.rawValue ?? "none") (R-E-17, R-E-18)"
        }
    }
}
