import CongressCore
import CongressStore
import Foundation
import GRDB

/// Users, sessions and the audit log in the register's SQLite file (same pool, own tables).
public final class SQLiteAccessStore: AccessStore, Sendable {
    private let pool: DatabasePool
    private let chain: AuditChain
    private let clock: @Sendable () -> String

    /// `clock` gives the audit time as ISO 8601 UTC.
    public init(register: SQLiteRegisterStore, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.pool = register.pool
        self.chain = chain
        self.clock = clock
    }

    // MARK: Users

    public func createUser(_ user: NewUser, audit: AuditDraft) async throws(StoreError) -> UserAccount {
        let login = user.login.lowercased()
        guard UserAccount.isValidLogin(login) else { throw .invalidLogin(user.login) }
        let time = clock()
        return try await write { [chain] db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE login = ?", arguments: [login]) == true {
                throw StoreError.duplicateLogin(login)
            }
            try Self.requireUnbound(user.memberID, except: nil, db)
            try db.execute(
                sql: "INSERT INTO app_user (login, display_name, password_hash, language, active, member_id) VALUES (?, ?, ?, ?, 1, ?)",
                arguments: [login, user.displayName, user.passwordHash, user.language.rawValue, user.memberID])
            let id = UserAccount.ID(db.lastInsertedRowID)
            try Self.insertGrants(user.grants, for: id, db)
            try Self.append(audit, at: time, chain, db)
            return UserAccount(id: id, login: login, displayName: user.displayName, language: user.language,
                               grants: user.grants, memberID: user.memberID)
        }
    }

    public func credentials(login: String) async throws(StoreError) -> (user: UserAccount, passwordHash: String)? {
        let login = login.lowercased()
        let found: (UserAccount, String)? = try await read { db in
            guard let row = try Row.fetchOne(db, sql: Self.userColumns + " WHERE login = ?", arguments: [login]) else { return nil }
            return (try Self.account(row, db), row["password_hash"])
        }
        return found.map { (user: $0.0, passwordHash: $0.1) }
    }

    public func user(id: UserAccount.ID) async throws(StoreError) -> UserAccount? {
        try await read { db in
            try Row.fetchOne(db, sql: Self.userColumns + " WHERE id = ?", arguments: [id]).map { try Self.account($0, db) }
        }
    }

    public func users() async throws(StoreError) -> [UserAccount] {
        try await read { db in
            try Row.fetchAll(db, sql: Self.userColumns + " ORDER BY login").map { try Self.account($0, db) }
        }
    }

    public func replaceGrants(of userID: UserAccount.ID, with grants: [RoleGrant], audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try Self.requireUser(userID, db)
            try db.execute(sql: "DELETE FROM role_grant WHERE user_id = ?", arguments: [userID])
            try Self.insertGrants(grants, for: userID, db)
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func proposeGrant(_ grant: RoleGrant, to userID: UserAccount.ID, proposer: UserAccount.ID, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try Self.requireUser(userID, db)
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [grant.unit]) else {
                throw StoreError.unknownUnit(grant.unit)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO pending_grant (user_id, role, unit_id, proposer_id) VALUES (?, ?, ?, ?)",
                           arguments: [userID, grant.role.rawValue, unitID, proposer])
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func pendingGrants(of userID: UserAccount.ID) async throws(StoreError) -> [PendingGrant] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.role, u.code, p.proposer_id FROM pending_grant p JOIN unit u ON u.id = p.unit_id WHERE p.user_id = ? ORDER BY p.rowid
                """, arguments: [userID]).compactMap { row in
                Role(rawValue: row[0]).map { PendingGrant(grant: RoleGrant(role: $0, unit: row[1]), proposer: row[2]) }
            }
        }
    }

    public func settlePendingGrant(_ grant: RoleGrant, of userID: UserAccount.ID, confirm: Bool, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [grant.unit]) else {
                throw StoreError.unknownUnit(grant.unit)
            }
            try db.execute(sql: "DELETE FROM pending_grant WHERE user_id = ? AND role = ? AND unit_id = ?",
                           arguments: [userID, grant.role.rawValue, unitID])
            guard db.changesCount == 1 else { throw StoreError.unknownUser(userID.description) }
            if confirm {
                let position = try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM role_grant WHERE user_id = ?",
                                                arguments: [userID]) ?? 0
                try db.execute(sql: "INSERT OR IGNORE INTO role_grant (user_id, role, unit_id, position) VALUES (?, ?, ?, ?)",
                               arguments: [userID, grant.role.rawValue, unitID, position])
            }
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func bindMember(of userID: UserAccount.ID, to memberID: Person.ID?, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try Self.requireUser(userID, db)
            try Self.requireUnbound(memberID, except: userID, db)
            try db.execute(sql: "UPDATE app_user SET member_id = ? WHERE id = ?", arguments: [memberID, userID])
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func setPasswordHash(of userID: UserAccount.ID, to hash: String, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try Self.requireUser(userID, db)
            try db.execute(sql: "UPDATE app_user SET password_hash = ? WHERE id = ?", arguments: [hash, userID])
            try db.execute(sql: "DELETE FROM app_session WHERE user_id = ?", arguments: [userID])
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func setActive(_ userID: UserAccount.ID, _ active: Bool, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            try Self.requireUser(userID, db)
            try db.execute(sql: "UPDATE app_user SET active = ? WHERE id = ?", arguments: [active, userID])
            if !active { try db.execute(sql: "DELETE FROM app_session WHERE user_id = ?", arguments: [userID]) }
            try Self.append(audit, at: time, chain, db)
        }
    }

    public func setLanguage(of userID: UserAccount.ID, to language: Language) async throws(StoreError) {
        try await write { db in
            try Self.requireUser(userID, db)
            try db.execute(sql: "UPDATE app_user SET language = ? WHERE id = ?", arguments: [language.rawValue, userID])
        }
    }

    // MARK: Sessions

    public func createSession(_ session: StoredSession) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "DELETE FROM app_session WHERE expires <= ?", arguments: [session.expires - 86_400 * 30])
            try db.execute(
                sql: "INSERT INTO app_session (token_hash, user_id, form_token, expires) VALUES (?, ?, ?, ?)",
                arguments: [session.tokenHash, session.userID, session.formToken, session.expires])
        }
    }

    public func session(tokenHash: String, now: Int64) async throws(StoreError) -> StoredSession? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT user_id, form_token, expires FROM app_session WHERE token_hash = ? AND expires > ?",
                arguments: [tokenHash, now]
            ).map { StoredSession(tokenHash: tokenHash, userID: $0[0], formToken: $0[1], expires: $0[2]) }
        }
    }

    public func signedIn(tokenHash: String, now: Int64) async throws(StoreError) -> (session: StoredSession, user: UserAccount)? {
        try await read { db in
            guard let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT user_id, form_token, expires FROM app_session WHERE token_hash = ? AND expires > ?"),
                arguments: [tokenHash, now]) else { return nil }
            let session = StoredSession(tokenHash: tokenHash, userID: row[0], formToken: row[1], expires: row[2])
            guard let user = try Row.fetchOne(db, sql: Self.userColumns + " WHERE id = ?", arguments: [session.userID])
                .map({ try Self.account($0, db) }) else { return nil }
            return (session, user)
        }
    }

    public func deleteSession(tokenHash: String) async throws(StoreError) {
        try await write { db in try db.execute(sql: "DELETE FROM app_session WHERE token_hash = ?", arguments: [tokenHash]) }
    }

    public func deleteSessions(of userID: UserAccount.ID) async throws(StoreError) {
        try await write { db in try db.execute(sql: "DELETE FROM app_session WHERE user_id = ?", arguments: [userID]) }
    }

    // MARK: Audit

    @discardableResult
    public func appendAudit(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry {
        let time = clock()
        return try await write { [chain] db in try Self.append(draft, at: time, chain, db) }
    }

    public func auditEntries(_ query: AuditQuery) async throws(StoreError) -> Page<AuditEntry> {
        try await read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let units = query.units {
                conditions.append("unit IN (SELECT value FROM json_each(?))")
                _ = arguments.append(contentsOf: [Self.jsonArray(units.map(\.rawValue))])
            }
            if let subject = query.subject {
                conditions.append("(subject = ? OR subject LIKE ? ESCAPE '\\')")
                let escaped = subject.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                _ = arguments.append(contentsOf: [subject, escaped + " %"])
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_entry" + filter, arguments: arguments) ?? 0
            let order = query.oldestFirst ? "ASC" : "DESC"
            let rows = try Row.fetchAll(db, sql: Self.auditColumns + filter + " ORDER BY sequence \(order) LIMIT ? OFFSET ?",
                                        arguments: arguments + [query.limit, query.offset])
            return Page(items: rows.map(Self.entry), total: total, offset: query.offset)
        }
    }

    public func auditHead() async throws(StoreError) -> AuditHead {
        try await read { db in
            let row = try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1")
            return AuditHead(count: row?[0] ?? 0, hash: row?[1] ?? AuditChain.genesis)
        }
    }

    private static func jsonArray(_ values: [String]) -> String {
        let data = (try? JSONEncoder().encode(values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    public func auditLog() async throws(StoreError) -> [AuditEntry] {
        try await read { db in try Row.fetchAll(db, sql: Self.auditColumns + " ORDER BY sequence").map(Self.entry) }
    }

    // MARK: Rows

    private static let userColumns = "SELECT id, login, display_name, password_hash, language, active, member_id FROM app_user"
    private static let auditColumns =
        "SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, unit FROM audit_entry"

    private static func account(_ row: Row, _ db: Database) throws -> UserAccount {
        let id: UserAccount.ID = row["id"]
        let grants = try Row.fetchAll(db, sql: """
            SELECT g.role, u.code FROM role_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = ? ORDER BY g.position
            """, arguments: [id]).compactMap { grant in Role(rawValue: grant[0]).map { RoleGrant(role: $0, unit: grant[1]) } }
        return UserAccount(id: id, login: row["login"], displayName: row["display_name"],
                           language: Language(rawValue: row["language"]) ?? .vi, active: row["active"], grants: grants,
                           memberID: row["member_id"])
    }

    /// Reads an entry as stored; an action the program does not know reads as a changed entry.
    private static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(sequence: row[0], at: row[1], actor: row[2], action: AuditAction(rawValue: row[3]) ?? .signedIn,
                   subject: row[4], detail: row[5], unit: row[8], previousHash: row[6], hash: row[7])
    }

    private static func insertGrants(_ grants: [RoleGrant], for userID: UserAccount.ID, _ db: Database) throws {
        for (position, grant) in grants.enumerated() {
            guard let unitID = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [grant.unit]) else {
                throw StoreError.unknownUnit(grant.unit)
            }
            try db.execute(sql: "INSERT OR IGNORE INTO role_grant (user_id, role, unit_id, position) VALUES (?, ?, ?, ?)",
                           arguments: [userID, grant.role.rawValue, unitID, position])
        }
    }

    private static func requireUnbound(_ memberID: Person.ID?, except userID: UserAccount.ID?, _ db: Database) throws {
        guard let memberID else { return }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE member_id = ? AND id IS NOT ?", arguments: [memberID, userID]) == true {
            throw StoreError.duplicateMember(memberID)
        }
    }

    private static func requireUser(_ id: UserAccount.ID, _ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM app_user WHERE id = ?", arguments: [id]) == true else {
            throw StoreError.unknownUser(id.description)
        }
    }

    @discardableResult
    static func append(_ draft: AuditDraft, at time: String, _ chain: AuditChain, _ db: Database) throws -> AuditEntry {
        let last = try Row.fetchOne(db.cachedStatement(sql: auditColumns + " ORDER BY sequence DESC LIMIT 1")).map(entry)
        let entry = chain.entry(after: last, draft, at: time)
        try db.cachedStatement(sql: """
            INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash, unit)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [entry.sequence, entry.at, entry.actor, entry.action.rawValue, entry.subject, entry.detail,
                                     entry.previousHash, entry.hash, entry.unit])
        return entry
    }

    // MARK: Plumbing

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.read(body) } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.write(body) } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was written. Check the input, or that the disk has room.")
        }
    }
}
