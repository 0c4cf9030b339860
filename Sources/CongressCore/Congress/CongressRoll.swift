/// Which congress a unit holds (R-C-4): all its members, or delegates elected below.
public enum CongressKind: String, Sendable, Codable, CaseIterable, Hashable {
    case members, delegates

    /// R-C-4 (open): a grassroots committee with fewer members than the threshold holds a
    /// members' congress; larger ones and every level above hold a delegates' congress.
    public static func forGrassroots(members: Int, threshold: Int = 200) -> CongressKind {
        members < threshold ? .members : .delegates
    }
}

/// How someone on the roll attended: sessions missed, or the whole congress (with or without a
/// reason the convening committee accepted).
public struct Attendance: Sendable, Codable, Hashable {
    public var absentWhole: Bool
    public var reasonAccepted: Bool
    /// Sessions (0-based) missed while attending the rest.
    public var absentSessions: Set<Int>

    public init(absentWhole: Bool = false, reasonAccepted: Bool = false, absentSessions: Set<Int> = []) {
        self.absentWhole = absentWhole
        self.reasonAccepted = reasonAccepted
        self.absentSessions = absentSessions
    }

    public static let present = Attendance()

    public func present(at session: Int) -> Bool { !absentWhole && !absentSessions.contains(session) }
}

/// A member convened to a members' congress (R-E-17).
public struct MemberOnRoll: Sendable, Codable, Hashable {
    /// What keeps a convened member out of the base.
    public enum Condition: String, Sendable, Codable, CaseIterable, Hashable {
        case none
        /// On temporary activity in another organisation.
        case temporaryElsewhere
        /// Exempted from party activity: out of the base only if absent.
        case exempted
        /// Suspended from party activity, indicted, prosecuted or detained after being convened.
        case suspendedOrProsecuted
    }

    public var memberID: Person.ID
    public var fullName: String
    /// Full (official) member; probationary members attend but are not in the base.
    public var full: Bool
    public var condition: Condition
    public var attendance: Attendance

    public init(memberID: Person.ID, fullName: String, full: Bool = true, condition: Condition = .none,
                attendance: Attendance = .present) {
        self.memberID = memberID
        self.fullName = fullName
        self.full = full
        self.condition = condition
        self.attendance = attendance
    }
}

/// A delegate on a delegates' congress roll (R-E-18, R-E-25).
public struct DelegateOnRoll: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable, Hashable {
        /// A member of the convening-level committee, a delegate by right.
        case exOfficio
        /// Elected by a lower congress.
        case elected
        /// Appointed (R-E-27).
        case appointed
    }

    public var memberID: Person.ID
    public var fullName: String
    public var kind: Kind
    /// Official, or the alternate's place (1, 2, …) in the list of the unit that elected them.
    public var alternateOrder: Int?
    /// The unit whose congress elected the delegate; alternates replace only its delegates.
    public var electedBy: String?
    public var attendance: Attendance

    public init(memberID: Person.ID, fullName: String, kind: Kind, alternateOrder: Int? = nil, electedBy: String? = nil,
                attendance: Attendance = .present) {
        self.memberID = memberID
        self.fullName = fullName
        self.kind = kind
        self.alternateOrder = alternateOrder
        self.electedBy = electedBy
        self.attendance = attendance
    }

    public var isOfficial: Bool { alternateOrder == nil }
}

/// Someone not convened at all, and why (R-E-21): they shrink the roll, not the base.
public struct NotConvened: Sendable, Codable, Hashable {
    public enum Reason: String, Sendable, Codable, CaseIterable, Hashable {
        case suspendedOrProsecutedBeforeOpening
        case electionBrokeTheRules
        case retiredOrTransferredOut
    }

    public var memberID: Person.ID
    public var fullName: String
    public var reason: Reason

    public init(memberID: Person.ID, fullName: String, reason: Reason) {
        self.memberID = memberID
        self.fullName = fullName
        self.reason = reason
    }
}
