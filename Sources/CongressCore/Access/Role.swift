/// What a user may do, always for one unit's subtree (a `RoleGrant`).
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    /// System administrator: users, roles and the audit log, within the granted subtree.
    case administrator
    /// Organising committee staff (ban tổ chức): the register of the unit's subtree.
    case organisingStaff
    /// Congress secretariat: the congress of the unit, its roll and the register behind it.
    case secretariat
    /// Counting board (ban kiểm phiếu): ballots and counting; no personnel data.
    case countingBoard
    /// Reviewer of the higher committee: reads the subtree, changes nothing.
    case reviewer

    /// The capabilities this role carries.
    public var capabilities: Set<Capability> {
        switch self {
        case .administrator: Set(Capability.allCases)
        case .organisingStaff: [.viewTree, .viewStructure, .viewMembers]
        case .secretariat: [.viewTree, .viewStructure, .viewMembers]
        case .countingBoard: [.viewTree]
        case .reviewer: [.viewTree, .viewStructure, .viewMembers]
        }
    }
}

/// One thing a page or an API needs the user to be allowed.
public enum Capability: String, Sendable, Codable, CaseIterable, Hashable {
    /// The organisation tree, a unit's key figures and its history.
    case viewTree
    /// Aggregated structure counts of a subtree.
    case viewStructure
    /// Named members and their person pages.
    case viewMembers
    /// Users and their roles.
    case manageUsers
    /// The audit log.
    case viewAudit
}

/// A role held for one unit and everything under it.
public struct RoleGrant: Sendable, Codable, Hashable {
    public var role: Role
    public var unit: String

    public init(role: Role, unit: String) {
        self.role = role
        self.unit = unit
    }
}
