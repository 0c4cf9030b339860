import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// Users, sessions and the audit log in PostgreSQL. Sessions live in the database, so every
/// application server on it knows every signed-in user.
public final class PostgresAccessStore: AccessStore, Sendable {
    let database: PostgresDatabase
    private let chain: AuditChain
    private let clock: @Sendable () -> String
    var logger: Logger { database.logger }

    /// `clock` gives the audit time as ISO 8601 UTC.
    public init(database: PostgresDatabase, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.database = database
        self.chain = chain
        self.clock = clock
    }

    // MARK: Users

    public func createUser(_ user: NewUser, audit: AuditDraft) async throws(StoreError) -> UserAccount {
        let login = user.login.lowercased()
        guard UserAccount.isValidLogin(login) else { throw .invalidLogin(user.login) }
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            // Concurrent creations of one login wait for each other here.
            try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(login)))", logger)
            if try await connection.value(Int.self, "SELECT 1 FROM app_user WHERE login = \(login)", logger) != nil {
                throw StoreError.duplicateLogin(login)
            }
            try await Self.requireUnbound(user.memberID, except: nil, connection, logger)
            guard let id = try await connection.value(UserAccount.ID.self, """
                INSERT INTO app_user (login, display_name, password_hash, language, active, member_id)
                VALUES (\(login), \(user.displayName), \(user.passwordHash), \(user.language.rawValue), true, \(user.memberID))
                RETURNING id
                """, logger) else { throw StoreError.unknownUser(login) }
            try await Self.insertGrants(user.grants, for: id, connection, logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
            return UserAccount(id: id, login: login, displayName: user.displayName, language: user.language,
                               grants: user.grants, memberID: user.memberID)
        }
    }

    public func credentials(login: String) async throws(StoreError) -> (user: UserAccount, passwordHash: String)? {
        let login = login.lowercased()
        let found: (UserAccount, String)? = try await database.read { [logger] connection in
            guard let row = try await connection.rows(Self.userQuery("WHERE login = \(login)"), logger).first else { return nil }
            return (try await Self.account(row, connection, logger), try row.decode((Int64, String, String, String).self).3)
        }
        return found.map { (user: $0.0, passwordHash: $0.1) }
    }

    public func user(id: UserAccount.ID) async throws(StoreError) -> UserAccount? {
        try await database.read { [logger] connection in
            guard let row = try await connection.rows(Self.userQuery("WHERE id = \(id)"), logger).first else { return nil }
            return try await Self.account(row, connection, logger)
        }
    }

    public func users() async throws(StoreError) -> [UserAccount] {
        try await database.read { [logger] connection in
            var accounts: [UserAccount] = []
            for row in try await connection.rows(Self.userQuery("ORDER BY login"), logger) {
                accounts.append(try await Self.account(row, connection, logger))
            }
            return accounts
        }
    }

    public func replaceGrants(of userID: UserAccount.ID, with grants: [RoleGrant], audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            try await Self.requireUser(userID, connection, logger)
            try await connection.run("DELETE FROM role_grant WHERE user_id = \(userID)", logger)
            try await Self.insertGrants(grants, for: userID, connection, logger)
        }
    }

    public func proposeGrant(_ grant: RoleGrant, to userID: UserAccount.ID, proposer: UserAccount.ID, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            try await Self.requireUser(userID, connection, logger)
            let unitID = try await Self.unitID(grant.unit, connection, logger)
            try await connection.run("""
                INSERT INTO pending_grant (user_id, role, unit_id, proposer_id) VALUES (\(userID), \(grant.role.rawValue), \(unitID), \(proposer))
                ON CONFLICT DO NOTHING
                """, logger)
        }
    }

    public func pendingGrants(of userID: UserAccount.ID) async throws(StoreError) -> [PendingGrant] {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT p.role, u.code, p.proposer_id FROM pending_grant p JOIN unit u ON u.id = p.unit_id
                WHERE p.user_id = \(userID) ORDER BY p.id
                """, logger).compactMap { row in
                let (role, unit, proposer) = try row.decode((String, PartyUnit.ID, UserAccount.ID).self)
                return Role(rawValue: role).map { PendingGrant(grant: RoleGrant(role: $0, unit: unit), proposer: proposer) }
            }
        }
    }

    public func settlePendingGrant(_ grant: RoleGrant, of userID: UserAccount.ID, confirm: Bool, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            let unitID = try await Self.unitID(grant.unit, connection, logger)
            let removed = try await connection.run("""
                DELETE FROM pending_grant WHERE user_id = \(userID) AND role = \(grant.role.rawValue) AND unit_id = \(unitID) RETURNING 1
                """, logger)
            guard removed == 1 else { throw StoreError.unknownUser(userID.description) }
            if confirm {
                try await connection.run("""
                    INSERT INTO role_grant (user_id, role, unit_id, position)
                    SELECT \(userID), \(grant.role.rawValue), \(unitID), coalesce(max(position), -1) + 1 FROM role_grant WHERE user_id = \(userID)
                    ON CONFLICT DO NOTHING
                    """, logger)
            }
        }
    }

    public func bindMember(of userID: UserAccount.ID, to memberID: Person.ID?, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            try await Self.requireUser(userID, connection, logger)
            try await Self.requireUnbound(memberID, except: userID, connection, logger)
            try await connection.run("UPDATE app_user SET member_id = \(memberID) WHERE id = \(userID)", logger)
        }
    }

    public func setPasswordHash(of userID: UserAccount.ID, to hash: String, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            try await Self.requireUser(userID, connection, logger)
            try await connection.run("UPDATE app_user SET password_hash = \(hash) WHERE id = \(userID)", logger)
            try await connection.run("DELETE FROM app_session WHERE user_id = \(userID)", logger)
        }
    }

    public func setActive(_ userID: UserAccount.ID, _ active: Bool, audit: AuditDraft) async throws(StoreError) {
        try await audited(audit) { connection, logger in
            try await Self.requireUser(userID, connection, logger)
            try await connection.run("UPDATE app_user SET active = \(active) WHERE id = \(userID)", logger)
            if !active { try await connection.run("DELETE FROM app_session WHERE user_id = \(userID)", logger) }
        }
    }

    public func setLanguage(of userID: UserAccount.ID, to language: Language) async throws(StoreError) {
        try await database.transaction { [logger] connection in
            try await Self.requireUser(userID, connection, logger)
            try await connection.run("UPDATE app_user SET language = \(language.rawValue) WHERE id = \(userID)", logger)
        }
    }

    // MARK: Sessions

    public func createSession(_ session: StoredSession) async throws(StoreError) {
        try await database.transaction { [logger] connection in
            try await connection.run("DELETE FROM app_session WHERE expires <= \(session.expires - 86_400 * 30)", logger)
            try await connection.run("""
                INSERT INTO app_session (token_hash, user_id, form_token, expires)
                VALUES (\(session.tokenHash), \(session.userID), \(session.formToken), \(session.expires))
                """, logger)
        }
    }

    public func session(tokenHash: String, now: Int64) async throws(StoreError) -> StoredSession? {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT user_id, form_token, expires FROM app_session WHERE token_hash = \(tokenHash) AND expires > \(now)
                """, logger).first.map { row in
                let (user, form, expires) = try row.decode((UserAccount.ID, String, Int64).self)
                return StoredSession(tokenHash: tokenHash, userID: user, formToken: form, expires: expires)
            }
        }
    }

    public func signedIn(tokenHash: String, now: Int64) async throws(StoreError) -> (session: StoredSession, user: UserAccount)? {
        let found: (StoredSession, UserAccount)? = try await database.read { [logger] connection in
            guard let row = try await connection.rows("""
                SELECT s.user_id, s.form_token, s.expires, u.id, u.login, u.display_name, u.password_hash, u.language, u.active, u.member_id
                FROM app_session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = \(tokenHash) AND s.expires > \(now)
                """, logger).first else { return nil }
            let (user, form, expires) = try row.decode((UserAccount.ID, String, Int64).self)
            let account = try await Self.account(row, connection, logger, offset: 3)
            return (StoredSession(tokenHash: tokenHash, userID: user, formToken: form, expires: expires), account)
        }
        return found.map { (session: $0.0, user: $0.1) }
    }

    public func deleteSession(tokenHash: String) async throws(StoreError) {
        _ = try await database.transaction { [logger] connection in
            try await connection.run("DELETE FROM app_session WHERE token_hash = \(tokenHash)", logger)
        }
    }

    public func deleteSessions(of userID: UserAccount.ID) async throws(StoreError) {
        _ = try await database.transaction { [logger] connection in
            try await connection.run("DELETE FROM app_session WHERE user_id = \(userID)", logger)
        }
    }

    // MARK: Audit

    @discardableResult
    public func appendAudit(_ draft: AuditDraft) async throws(StoreError) -> AuditEntry {
        let time = clock()
        return try await database.transaction { [chain, logger] connection in
            // A read of personnel data (R-P-5) is recorded with the durability SQLite gives every
            // commit in WAL mode: in the log at once, in order, chained; flushed to disk with the
            // next flush rather than before the page is answered. A crash can lose the last
            // fraction of a second of read records, never fork or break the chain.
            if draft.action == .personnelRead { try await connection.run("SET LOCAL synchronous_commit TO OFF", logger) }
            return try await PostgresAudit.append(draft, at: time, chain, connection, logger)
        }
    }

    public func auditEntries(_ query: AuditQuery) async throws(StoreError) -> Page<AuditEntry> {
        try await database.read { [logger] connection in
            var conditions: [String] = []
            var binds = PostgresBindings()
            if let units = query.units {
                binds.append(units)
                conditions.append("unit = ANY($\(binds.count))")
            }
            if let subject = query.subject {
                let escaped = subject.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_")
                binds.append(subject)
                binds.append(escaped + " %")
                conditions.append("(subject = $\(binds.count - 1) OR subject LIKE $\(binds.count))")
            }
            let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
            let total = try await connection.rows(PostgresQuery(unsafeSQL: "SELECT count(*) FROM audit_entry" + filter, binds: binds), logger)
                .first.map { try $0.decode(Int.self) } ?? 0
            let order = query.oldestFirst ? "ASC" : "DESC"
            var paged = binds
            paged.append(query.limit)
            paged.append(query.offset)
            let sql = PostgresAudit.columns + filter + " ORDER BY sequence \(order) LIMIT $\(paged.count - 1) OFFSET $\(paged.count)"
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: paged), logger)
            return Page(items: try rows.map(PostgresAudit.entry), total: total, offset: query.offset)
        }
    }

    public func auditHead() async throws(StoreError) -> AuditHead {
        try await database.read { [logger] connection in
            guard let row = try await connection.rows("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1", logger).first
            else { return AuditHead(count: 0, hash: AuditChain.genesis) }
            let (count, hash) = try row.decode((Int64, String).self)
            return AuditHead(count: Int(count), hash: hash)
        }
    }

    public func auditLog() async throws(StoreError) -> [AuditEntry] {
        try await database.read { [logger] connection in
            try await connection.rows(PostgresQuery(unsafeSQL: PostgresAudit.columns + " ORDER BY sequence"), logger).map(PostgresAudit.entry)
        }
    }

    // MARK: Rows

    private func audited(_ audit: AuditDraft,
                         _ body: @Sendable (PostgresConnection, Logger) async throws -> Void) async throws(StoreError) {
        let time = clock()
        try await database.transaction { [chain, logger] connection in
            try await body(connection, logger)
            try await PostgresAudit.append(audit, at: time, chain, connection, logger)
        }
    }

    private static func userQuery(_ tail: PostgresQuery) -> PostgresQuery {
        var query = PostgresQuery(unsafeSQL: "SELECT id, login, display_name, password_hash, language, active, member_id FROM app_user ")
        query.sql += tail.sql
        query.binds = tail.binds
        return query
    }

    /// An account from seven columns starting at `offset`: id, login, display name, hash, language, active, member.
    private static func account(_ row: PostgresRow, _ connection: PostgresConnection, _ logger: Logger,
                                offset: Int = 0) async throws -> UserAccount {
        let cells = Array(row)
        let id = try cells[offset].decode(UserAccount.ID.self)
        let login = try cells[offset + 1].decode(String.self)
        let name = try cells[offset + 2].decode(String.self)
        let language = try cells[offset + 4].decode(String.self)
        let active = try cells[offset + 5].decode(Bool.self)
        let member = try cells[offset + 6].decode(Person.ID?.self)
        let grants = try await connection.rows("""
            SELECT g.role, u.code FROM role_grant g JOIN unit u ON u.id = g.unit_id WHERE g.user_id = \(id) ORDER BY g.position
            """, logger).compactMap { grant in
            let (role, unit) = try grant.decode((String, PartyUnit.ID).self)
            return Role(rawValue: role).map { RoleGrant(role: $0, unit: unit) }
        }
        return UserAccount(id: id, login: login, displayName: name, language: Language(rawValue: language) ?? .vi, active: active,
                           grants: grants, memberID: member)
    }

    private static func insertGrants(_ grants: [RoleGrant], for userID: UserAccount.ID, _ connection: PostgresConnection, _ logger: Logger) async throws {
        for (position, grant) in grants.enumerated() {
            let unitID = try await unitID(grant.unit, connection, logger)
            try await connection.run("""
                INSERT INTO role_grant (user_id, role, unit_id, position) VALUES (\(userID), \(grant.role.rawValue), \(unitID), \(position))
                ON CONFLICT DO NOTHING
                """, logger)
        }
    }

    static func unitID(_ code: PartyUnit.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        guard let id = try await connection.value(Int64.self, "SELECT id FROM unit WHERE code = \(code)", logger) else {
            throw StoreError.unknownUnit(code)
        }
        return id
    }

    private static func requireUnbound(_ memberID: Person.ID?, except userID: UserAccount.ID?, _ connection: PostgresConnection,
                                       _ logger: Logger) async throws {
        guard let memberID else { return }
        if try await connection.value(Int.self, """
            SELECT 1 FROM app_user WHERE member_id = \(memberID) AND id IS DISTINCT FROM \(userID)
            """, logger) != nil {
            throw StoreError.duplicateMember(memberID)
        }
    }

    private static func requireUser(_ id: UserAccount.ID, _ connection: PostgresConnection, _ logger: Logger) async throws {
        guard try await connection.value(Int.self, "SELECT 1 FROM app_user WHERE id = \(id)", logger) != nil else {
            throw StoreError.unknownUser(id.description)
        }
    }
}
