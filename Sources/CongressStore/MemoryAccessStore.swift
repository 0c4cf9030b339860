import CongressCore

/// The access store in memory, for tests and throw-away servers; same contract as SQLite's.
public actor MemoryAccessStore: AccessStore {
    private struct StoredUser {
        var account: UserAccount
        var passwordHash: String
    }

    private let chain: AuditChain
    private let clock: @Sendable () -> String
    private var usersByID: [UserAccount.ID: StoredUser] = [:]
    private var sessions: [String: StoredSession] = [:]
    private var log: [AuditEntry] = []
    private var pending: [UserAccount.ID: [PendingGrant]] = [:]

    /// `clock` gives the audit time as ISO 8601 UTC.
    public init(chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.chain = chain
        self.clock = clock
    }

    public func createUser(_ user: NewUser, audit: AuditDraft) throws(StoreError) -> UserAccount {
        let login = user.login.lowercased()
        guard UserAccount.isValidLogin(login) else { throw .invalidLogin(user.login) }
        guard !usersByID.values.contains(where: { $0.account.login == login }) else { throw .duplicateLogin(login) }
        if let member = user.memberID, usersByID.values.contains(where: { $0.account.memberID == member }) { throw .duplicateMember(member) }
        let id = UserAccount.ID((usersByID.keys.max()?.rawValue ?? 0) + 1)
        let account = UserAccount(id: id, login: login, displayName: user.displayName, language: user.language,
                                  grants: user.grants, memberID: user.memberID)
        usersByID[id] = StoredUser(account: account, passwordHash: user.passwordHash)
        append(audit)
        return account
    }

    public func credentials(login: String) -> (user: UserAccount, passwordHash: String)? {
        let login = login.lowercased()
        return usersByID.values.first { $0.account.login == login }.map { ($0.account, $0.passwordHash) }
    }

    public func user(id: UserAccount.ID) -> UserAccount? { usersByID[id]?.account }

    public func users() -> [UserAccount] { usersByID.values.map(\.account).sorted { $0.login < $1.login } }

    public func replaceGrants(of userID: UserAccount.ID, with grants: [RoleGrant], audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        usersByID[userID]!.account.grants = grants
        append(audit)
    }

    public func proposeGrant(_ grant: RoleGrant, to userID: UserAccount.ID, proposer: UserAccount.ID, audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        if !(pending[userID] ?? []).contains(where: { $0.grant == grant }) { pending[userID, default: []].append(PendingGrant(grant: grant, proposer: proposer)) }
        append(audit)
    }

    public func pendingGrants(of userID: UserAccount.ID) -> [PendingGrant] { pending[userID] ?? [] }

    public func settlePendingGrant(_ grant: RoleGrant, of userID: UserAccount.ID, confirm: Bool, audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil, (pending[userID] ?? []).contains(where: { $0.grant == grant }) else {
            throw .unknownUser(userID.description)
        }
        pending[userID]?.removeAll { $0.grant == grant }
        if confirm, !usersByID[userID]!.account.grants.contains(grant) { usersByID[userID]!.account.grants.append(grant) }
        append(audit)
    }

    public func bindMember(of userID: UserAccount.ID, to memberID: Person.ID?, audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        if let memberID, usersByID.contains(where: { $0.key != userID && $0.value.account.memberID == memberID }) {
            throw .duplicateMember(memberID)
        }
        usersByID[userID]!.account.memberID = memberID
        append(audit)
    }

    public func setPasswordHash(of userID: UserAccount.ID, to hash: String, audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        usersByID[userID]!.passwordHash = hash
        deleteSessions(of: userID)
        append(audit)
    }

    public func setActive(_ userID: UserAccount.ID, _ active: Bool, audit: AuditDraft) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        usersByID[userID]!.account.active = active
        if !active { deleteSessions(of: userID) }
        append(audit)
    }

    public func setLanguage(of userID: UserAccount.ID, to language: Language) throws(StoreError) {
        guard usersByID[userID] != nil else { throw .unknownUser(userID.description) }
        usersByID[userID]!.account.language = language
    }

    public func createSession(_ session: StoredSession) { sessions[session.tokenHash] = session }

    public func session(tokenHash: String, now: Int64) -> StoredSession? {
        guard let session = sessions[tokenHash], session.expires > now else { return nil }
        return session
    }

    public func deleteSession(tokenHash: String) { sessions[tokenHash] = nil }

    public func deleteSessions(of userID: UserAccount.ID) { sessions = sessions.filter { $0.value.userID != userID } }

    @discardableResult
    public func appendAudit(_ draft: AuditDraft) -> AuditEntry { append(draft) }

    public func auditEntries(_ query: AuditQuery) -> Page<AuditEntry> {
        let matching = log.filter(query.matches)
        let ordered = query.oldestFirst ? matching : matching.reversed()
        return Page(items: Array(ordered.dropFirst(query.offset).prefix(query.limit)), total: matching.count, offset: query.offset)
    }

    public func auditHead() -> AuditHead {
        AuditHead(count: log.last?.sequence ?? 0, hash: log.last?.hash ?? AuditChain.genesis)
    }

    /// Test hook: removes the last entries, as a hand edit of the database would.
    public func cutTail(_ count: Int) { log.removeLast(min(count, log.count)) }

    public func auditLog() -> [AuditEntry] { log }

    /// Test hook: replaces an entry as a hand edit of the database would.
    public func tamper(sequence: Int, detail: String) {
        guard let index = log.firstIndex(where: { $0.sequence == sequence }) else { return }
        log[index].detail = detail
    }

    @discardableResult
    private func append(_ draft: AuditDraft) -> AuditEntry {
        let entry = chain.entry(after: log.last, draft, at: clock())
        log.append(entry)
        return entry
    }
}
