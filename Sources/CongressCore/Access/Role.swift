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
    /// Reviewer of the higher committee: reads the subtree and approves or annuls the results
    /// of its congresses (R-E-30); changes nothing else.
    case reviewer

    /// The capabilities this role carries.
    public var capabilities: Set<Capability> {
        switch self {
        // Separation of duties: an administrator manages accounts and reads the log; the
        // secretariat runs the congress, only the counting board counts and only the higher
        // committee's reviewer approves — never the administrator.
        // R-P-5: personnel work (planning, dossiers, schemes) is seen only by the unit's
        // organising staff, who prepare it, and read by the higher committee's reviewer.
        case .administrator: Set(Capability.allCases).subtracting([.countBallots, .approveResults, .runCongress, .viewPersonnel, .managePersonnel])
        case .organisingStaff: [.viewTree, .viewStructure, .viewMembers, .viewCongress, .viewPersonnel, .managePersonnel]
        case .secretariat: [.viewTree, .viewStructure, .viewMembers, .viewCongress, .runCongress]
        case .countingBoard: [.viewTree, .viewCongress, .countBallots]
        case .reviewer: [.viewTree, .viewStructure, .viewMembers, .viewCongress, .approveResults, .viewPersonnel]
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
    /// A congress, its elections and (once released) their results and minutes.
    case viewCongress
    /// The presidium's and secretariat's work: the roll, the lists, ballots issued, decisions on ties.
    case runCongress
    /// The counting board's work: stacks, entry, comparison and settlement, certification (R-E-29).
    case countBallots
    /// The higher committee's approval or annulment of a certified result (R-E-30).
    case approveResults
    /// Cadre planning, dossiers and personnel schemes, read (R-P-5: confidential).
    case viewPersonnel
    /// The organising staff's personnel work: planning revisions, dossiers, schemes, the five steps.
    case managePersonnel
}

/// A role held for one unit and everything under it.
public struct RoleGrant: Sendable, Codable, Hashable {
    public var role: Role
    public var unit: PartyUnit.ID

    public init(role: Role, unit: PartyUnit.ID) {
        self.role = role
        self.unit = unit
    }
}
