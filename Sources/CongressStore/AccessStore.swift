import CongressCore

/// Users, their roles, their sessions and the audit log. Every write that changes who may do
/// what takes the audit entry that records it and appends it in the same transaction.
public protocol AccessStore: Sendable {
    /// Adds a user; `.duplicateLogin` if the login is taken.
    func createUser(_ user: NewUser, audit: AuditDraft) async throws(StoreError) -> UserAccount
    /// The user with this login (any case) and the password hash to check against.
    func credentials(login: String) async throws(StoreError) -> (user: UserAccount, passwordHash: String)?
    func user(id: Int64) async throws(StoreError) -> UserAccount?
    /// Every user, by login.
    func users() async throws(StoreError) -> [UserAccount]
    func replaceGrants(of userID: Int64, with grants: [RoleGrant], audit: AuditDraft) async throws(StoreError)
    func setPasswordHash(of userID: Int64, to hash: String, audit: AuditDraft) async throws(StoreError)
    func setActive(_ userID: Int64, _ active: Bool, audit: AuditDraft) async throws(StoreError)
    /// The remembered language; not audited (it changes nothing anyone else sees).
    func setLanguage(of userID: Int64, to language: Language) async throws(StoreError)

    func createSession(_ session: StoredSession) async throws(StoreError)
    /// The live session with this token hash and its user, in one read (every request asks).
    func signedIn(tokenHash: String, now: Int64) async throws(StoreError) -> (session: StoredSession, user: UserAccount)?
    /// The live session with this token hash, or `nil` when unknown or expired at `now`.
    func session(tokenHash: String, now: Int64) async throws(StoreError) -> StoredSession?
    func deleteSession(tokenHash: String) async throws(StoreError)
    /// Ends every session of a user (password change, account disabled).
    func deleteSessions(of userID: Int64) async throws(StoreError)

    /// Appends one entry after the last one; returns it with its place and hash.
    @discardableResult
    func appendAudit(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry
    /// The newest entries first.
    func auditEntries(offset: Int, limit: Int) async throws(StoreError) -> Page<AuditEntry>
    /// Every entry in sequence order, for verification.
    func auditLog() async throws(StoreError) -> [AuditEntry]
}

/// A user to be created: the password is already hashed by the caller.
public struct NewUser: Sendable, Hashable {
    public var login: String
    public var displayName: String
    public var passwordHash: String
    public var language: Language
    public var grants: [RoleGrant]

    public init(login: String, displayName: String, passwordHash: String, language: Language = .vi, grants: [RoleGrant]) {
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
    public var userID: Int64
    /// The token that every form of this session must carry back (CSRF).
    public var formToken: String
    /// Unix seconds.
    public var expires: Int64

    public init(tokenHash: String, userID: Int64, formToken: String, expires: Int64) {
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
