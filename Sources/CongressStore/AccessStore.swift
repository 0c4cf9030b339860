import CongressCore

/// Users, their roles and their sessions. Every write that changes who may do what takes the
/// audit entry that records it and appends it in the same transaction (the log is `AuditStore`'s).
public protocol AccessStore: AuditStore {
    /// Adds a user; `.duplicateLogin` if the login is taken.
    func createUser(_ user: NewUser, audit: AuditDraft) async throws(StoreError) -> UserAccount
    /// The user with this login (any case) and the password hash to check against.
    func credentials(login: String) async throws(StoreError) -> (user: UserAccount, passwordHash: String)?
    func user(id: UserAccount.ID) async throws(StoreError) -> UserAccount?
    /// Every user, by login.
    func users() async throws(StoreError) -> [UserAccount]
    func replaceGrants(of userID: UserAccount.ID, with grants: [RoleGrant], audit: AuditDraft) async throws(StoreError)
    /// Proposes a grant that takes effect once a second administrator confirms it.
    func proposeGrant(_ grant: RoleGrant, to userID: UserAccount.ID, proposer: UserAccount.ID, audit: AuditDraft) async throws(StoreError)
    /// The grants proposed for a user and not yet confirmed.
    func pendingGrants(of userID: UserAccount.ID) async throws(StoreError) -> [PendingGrant]
    /// Moves a pending grant to the user's grants (`confirm`) or drops it, with its audit entry.
    func settlePendingGrant(_ grant: RoleGrant, of userID: UserAccount.ID, confirm: Bool, audit: AuditDraft) async throws(StoreError)
    /// Binds the account to a member of the register (or unbinds it with nil).
    func bindMember(of userID: UserAccount.ID, to memberID: Person.ID?, audit: AuditDraft) async throws(StoreError)
    func setPasswordHash(of userID: UserAccount.ID, to hash: String, audit: AuditDraft) async throws(StoreError)
    func setActive(_ userID: UserAccount.ID, _ active: Bool, audit: AuditDraft) async throws(StoreError)
    /// The remembered language; not audited (it changes nothing anyone else sees).
    func setLanguage(of userID: UserAccount.ID, to language: Language) async throws(StoreError)

    func createSession(_ session: StoredSession) async throws(StoreError)
    /// The live session with this token hash and its user, in one read (every request asks).
    func signedIn(tokenHash: String, now: Int64) async throws(StoreError) -> (session: StoredSession, user: UserAccount)?
    /// The live session with this token hash, or `nil` when unknown or expired at `now`.
    func session(tokenHash: String, now: Int64) async throws(StoreError) -> StoredSession?
    func deleteSession(tokenHash: String) async throws(StoreError)
    /// Ends every session of a user (password change, account disabled).
    func deleteSessions(of userID: UserAccount.ID) async throws(StoreError)

}

/// A grant waiting for a second administrator.
public struct PendingGrant: Sendable, Equatable {
    public var grant: RoleGrant
    /// The account of the administrator who proposed it.
    public var proposer: UserAccount.ID

    public init(grant: RoleGrant, proposer: UserAccount.ID) {
        self.grant = grant
        self.proposer = proposer
    }
}

/// Which audit entries to read: of some units only, about one subject (`round 3` and
/// `round 3 …`), one page of them.
public struct AuditQuery: Sendable, Equatable {
    /// Entries concerning these units; nil: every entry.
    public var units: [PartyUnit.ID]?
    public var subject: String?
    public var offset: Int
    public var limit: Int
    public var oldestFirst: Bool

    public init(units: [PartyUnit.ID]? = nil, subject: String? = nil, offset: Int = 0, limit: Int = 100, oldestFirst: Bool = false) {
        self.units = units
        self.subject = subject
        self.offset = offset
        self.limit = limit
        self.oldestFirst = oldestFirst
    }

    /// Whether `entry` matches the query's filters (the memory store's reading).
    public func matches(_ entry: AuditEntry) -> Bool {
        if let units, !units.contains(entry.unit ?? "\u{0}") { return false }
        if let subject, entry.subject != subject, !entry.subject.hasPrefix(subject + " ") { return false }
        return true
    }
}

/// The log's head: its entry count and the hash of its last entry.
public struct AuditHead: Sendable, Equatable, CustomStringConvertible {
    public var count: Int
    public var hash: String

    public init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// `COUNT:HASH`, as `congress audit verify --expect` takes it.
    public var description: String { "\(count):\(hash)" }

    /// Parses `COUNT:HASH`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, parts[1].utf8.count == 64,
              parts[1].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        self.init(count: count, hash: String(parts[1]))
    }
}

/// A user to be created: the password is already hashed by the caller.
public struct NewUser: Sendable, Hashable {
    public var login: String
    public var displayName: String
    public var passwordHash: String
    public var language: Language
    public var grants: [RoleGrant]
    public var memberID: Person.ID?

    public init(login: String, displayName: String, passwordHash: String, language: Language = .vi, grants: [RoleGrant],
                memberID: Person.ID? = nil) {
        self.memberID = memberID
        self.login = login
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.language = language
        self.grants = grants
    }
}

/// A signed-in session. Only the SHA-256 of the cookie's token is stored, so a copy of the
/// database does not let anyone take over a session.
public struct StoredSession: Sendable, Hashable {
    public var tokenHash: String
    public var userID: UserAccount.ID
    /// The token that every form of this session must carry back (CSRF).
    public var formToken: String
    /// Unix seconds.
    public var expires: Int64

    public init(tokenHash: String, userID: UserAccount.ID, formToken: String, expires: Int64) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.formToken = formToken
        self.expires = expires
    }
}

extension AccessStore {
    public func signedIn(tokenHash: String, now: Int64) async throws(StoreError) -> (session: StoredSession, user: UserAccount)? {
        guard let session = try await session(tokenHash: tokenHash, now: now), let user = try await user(id: session.userID) else { return nil }
        return (session, user)
    }
}
