/// Separation of duties, as data: which roles one account may not hold together over the same
/// units, who may change whose grants, who may settle, certify or approve. Pure: the tree
/// comes in as "is this unit within that one".
public enum SeparationOfDuties {
    /// Role pairs that no account holds over overlapping subtrees: whoever administers accounts
    /// neither runs a congress, counts nor approves; whoever counts neither runs the congress
    /// whose ballots they count nor approves.
    public static let incompatible: [(Role, Role)] = [
        (.administrator, .countingBoard), (.administrator, .secretariat), (.administrator, .reviewer),
        (.countingBoard, .reviewer), (.secretariat, .countingBoard),
    ]

    /// Why a change of grants is refused.
    public enum GrantRefusal: Error, Sendable, Equatable {
        /// Nobody changes their own grants.
        case ownGrants
        /// The grants would put two roles kept apart over one subtree.
        case incompatible(Role, Role, unit: PartyUnit.ID)
    }

    /// Checks that `actor` may give `target` the grants `grants`; `isWithin(a, b)` says whether
    /// unit `a` is `b` or lies under it today.
    public static func checkGrants(_ grants: [RoleGrant], actor: UserAccount.ID, target: UserAccount.ID?,
                                   isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) throws(GrantRefusal) {
        if let target, target == actor { throw .ownGrants }
        if let clash = clash(in: grants, isWithin: isWithin) { throw clash }
    }

    /// The first pair of grants that may not be held together, if any.
    public static func clash(in grants: [RoleGrant], isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) -> GrantRefusal? {
        for (index, first) in grants.enumerated() {
            for second in grants[(index + 1)...] where keptApart(first.role, second.role) {
                if isWithin(first.unit, second.unit) || isWithin(second.unit, first.unit) {
                    return .incompatible(first.role, second.role, unit: isWithin(first.unit, second.unit) ? first.unit : second.unit)
                }
            }
        }
        return nil
    }

    public static func keptApart(_ first: Role, _ second: Role) -> Bool {
        incompatible.contains { ($0.0 == first && $0.1 == second) || ($0.0 == second && $0.1 == first) }
    }

    /// Roles that take effect only once a second administrator confirms them: whoever could
    /// otherwise give accounts they control the congress's roles would run a count alone.
    public static func needsSecondAdministrator(_ role: Role) -> Bool {
        role != .organisingStaff
    }

    /// A pending grant is confirmed by an administrator who neither proposed it nor receives it.
    public static func mayConfirmGrant(proposer: UserAccount.ID, target: UserAccount.ID, confirmer: UserAccount.ID) -> Bool {
        confirmer != proposer && confirmer != target
    }

    /// R-E-30: results are approved or annulled by the higher committee: a reviewer's grant on
    /// a unit strictly above `unit`, never one on the unit itself.
    public static func mayApprove(_ policy: AccessPolicy, unit: PartyUnit.ID, isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) -> Bool {
        policy.roots(for: .approveResults).contains { root in root != unit && isWithin(unit, root) }
    }

    /// R-E-29: a stack's passes are compared and its differences settled by a board member who
    /// typed none of its passes.
    public static func maySettle(stackClerks: [String], member login: String) -> Bool {
        !stackClerks.contains(login)
    }

    /// R-E-29: a proposed settlement is confirmed by a second such member.
    public static func mayConfirm(stackClerks: [String], proposer: String, member login: String) -> Bool {
        maySettle(stackClerks: stackClerks, member: login) && login != proposer
    }
}

/// The counting board of a congress as the accounts that may count (R-E-4, R-E-28): the
/// members the congress voted to it, each bound by member ID to one account; its head first.
public struct CountingBoardSeat: Sendable, Equatable {
    /// Why an account may not act for the counting board.
    public enum Refusal: Error, Sendable, Equatable {
        /// The congress has voted no counting board yet: nobody counts.
        case noBoard
        /// The account is bound to no member of the board.
        case notOnBoard
        /// Only the head certifies (R-E-28); the head's name is given.
        case notHead(headMemberID: Person.ID)
    }

    /// Whether the account bound to `memberID` sits on `board` (member IDs, head first).
    public static func check(board: [Person.ID], memberID: Person.ID?) throws(Refusal) {
        guard !board.isEmpty else { throw .noBoard }
        guard let memberID, board.contains(memberID) else { throw .notOnBoard }
    }

    /// R-E-28: only the head of the board (its first member) certifies.
    public static func checkHead(board: [Person.ID], memberID: Person.ID?) throws(Refusal) {
        try check(board: board, memberID: memberID)
        guard memberID == board.first else { throw .notHead(headMemberID: board[0]) }
    }
}
