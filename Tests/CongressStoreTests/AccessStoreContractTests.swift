import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// The same contract for the in-memory and the SQLite access stores.
@Suite("Access store contract")
struct AccessStoreContractTests {
    static let digest: AuditChain.Digest = { bytes in
        (0..<32).map { seed -> UInt8 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(seed)
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return UInt8(truncatingIfNeeded: hash >> 24)
        }
    }

    static func make(_ kind: StoreKind) async throws -> any AccessStore {
        let chain = AuditChain(digest: digest)
        switch kind {
        case .memory:
            return MemoryAccessStore(chain: chain, clock: { "2026-11-22T03:00:00Z" })
        case .sqlite, .upgradedSQLite:
            let register = try await kind.make() as! SQLiteRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return SQLiteAccessStore(register: register, chain: chain, clock: { "2026-11-22T03:00:00Z" })
        case .postgres:
            let register = try await kind.make() as! PostgresRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return PostgresAccessStore(database: register.database, chain: chain, clock: { "2026-11-22T03:00:00Z" })
        }
    }

    static let hash = "$2b$04$abcdefghijklmnopqrstuuq5bHhGZ6Y7nGq1yU4g0y1l6xWm0q3K2"

    @Test("users: created with grants, found by login in any case, duplicates refused; every change audited", arguments: StoreKind.allCases)
    func users(_ kind: StoreKind) async throws {
        let store = try await Self.make(kind)
        let grants = [RoleGrant(role: .organisingStaff, unit: "T44"), RoleGrant(role: .reviewer, unit: "X1")]
        let user = try await store.createUser(NewUser(login: "Lan.Mai", displayName: "Mai Thị Lan", passwordHash: Self.hash, grants: grants),
                                              audit: AuditDraft(actor: "admin", action: .userCreated, subject: "lan.mai"))
        #expect(user.login == "lan.mai" && user.grants == grants)
        let found = try await store.credentials(login: "LAN.MAI")
        #expect(found?.user == user && found?.passwordHash == Self.hash)
        await #expect(throws: StoreError.duplicateLogin("lan.mai")) {
            _ = try await store.createUser(NewUser(login: "lan.mai", displayName: "X", passwordHash: Self.hash, grants: []),
                                           audit: AuditDraft(actor: "admin", action: .userCreated, subject: "lan.mai"))
        }
        try await store.replaceGrants(of: user.id, with: [RoleGrant(role: .secretariat, unit: "X2")],
                                      audit: AuditDraft(actor: "admin", action: .grantsChanged, subject: "lan.mai"))
        try await store.setActive(user.id, false, audit: AuditDraft(actor: "admin", action: .userDisabled, subject: "lan.mai"))
        try await store.setLanguage(of: user.id, to: .en)
        let changed = try await store.user(id: user.id)
        #expect(changed?.grants == [RoleGrant(role: .secretariat, unit: "X2")] && changed?.active == false && changed?.language == .en)
        let log = try await store.auditLog()
        #expect(log.map(\.action) == [.userCreated, .grantsChanged, .userDisabled])
        #expect(AuditChain(digest: Self.digest).verify(log) == .intact(entries: 3, lastHash: log[2].hash))
        let newest = try await store.auditEntries(AuditQuery(limit: 2))
        #expect(newest.total == 3 && newest.items.map(\.sequence) == [3, 2])
        #expect(try await store.auditHead() == AuditHead(count: 3, hash: log[2].hash))
    }

    @Test("audit entries are read by the units they concern and by subject, paged; the unit is hashed", arguments: StoreKind.allCases)
    func auditQueries(_ kind: StoreKind) async throws {
        let store = try await Self.make(kind)
        try await store.appendAudit(AuditDraft(actor: "a", action: .roundEvent, subject: "round 1", detail: "x", unit: "X1"))
        try await store.appendAudit(AuditDraft(actor: "a", action: .passClaimed, subject: "round 1 stack 1", unit: "X1"))
        try await store.appendAudit(AuditDraft(actor: "a", action: .roundEvent, subject: "round 10", unit: "X2"))
        try await store.appendAudit(AuditDraft(actor: "a", action: .signInFailed, subject: "someone"))
        let ofX1 = try await store.auditEntries(AuditQuery(units: ["X1"]))
        #expect(ofX1.total == 2 && ofX1.items.allSatisfy { $0.unit == "X1" })
        let round1 = try await store.auditEntries(AuditQuery(subject: "round 1", oldestFirst: true))
        #expect(round1.items.map(\.subject) == ["round 1", "round 1 stack 1"])
        let everything = try await store.auditEntries(AuditQuery(offset: 1, limit: 2))
        #expect(everything.total == 4 && everything.items.map(\.sequence) == [3, 2])
        let log = try await store.auditLog()
        #expect(AuditChain(digest: Self.digest).verify(log) == .intact(entries: 4, lastHash: log[3].hash))
        var moved = log
        moved[0].unit = nil   // an entry moved out of every subtree
        #expect(AuditChain(digest: Self.digest).verify(moved) == .broken(sequence: 1, reason: .contentChanged))
    }

    @Test("sessions: found by token hash until they expire, ended one by one or all for a user", arguments: StoreKind.allCases)
    func sessions(_ kind: StoreKind) async throws {
        let store = try await Self.make(kind)
        let user = try await store.createUser(NewUser(login: "an.le", displayName: "An", passwordHash: Self.hash, grants: []),
                                              audit: AuditDraft(actor: "admin", action: .userCreated, subject: "an.le"))
        let first = StoredSession(tokenHash: String(repeating: "a", count: 64), userID: user.id,
                                  formToken: String(repeating: "f", count: 64), expires: 1000)
        let second = StoredSession(tokenHash: String(repeating: "b", count: 64), userID: user.id,
                                   formToken: String(repeating: "e", count: 64), expires: 2000)
        try await store.createSession(first)
        try await store.createSession(second)
        #expect(try await store.session(tokenHash: first.tokenHash, now: 999) == first)
        #expect(try await store.session(tokenHash: first.tokenHash, now: 1000) == nil)
        try await store.deleteSession(tokenHash: second.tokenHash)
        #expect(try await store.session(tokenHash: second.tokenHash, now: 0) == nil)
        try await store.createSession(second)
        try await store.setPasswordHash(of: user.id, to: Self.hash + "x", audit: AuditDraft(actor: "admin", action: .passwordChanged, subject: "an.le"))
        #expect(try await store.session(tokenHash: second.tokenHash, now: 0) == nil, "a new password ends every session")
    }

    @Test("a login outside a–z, 0–9, . _ - is refused by both stores", arguments: StoreKind.allCases)
    func invalidLogin(_ kind: StoreKind) async throws {
        let store = try await Self.make(kind)
        await #expect(throws: StoreError.invalidLogin("Nguyễn An")) {
            _ = try await store.createUser(NewUser(login: "Nguyễn An", displayName: "An", passwordHash: Self.hash, grants: []),
                                           audit: AuditDraft(actor: "admin", action: .userCreated, subject: "x"))
        }
        #expect(try await store.auditLog().isEmpty)
    }

    @Test("unknown users are refused and nothing is logged", arguments: StoreKind.allCases)
    func unknownUser(_ kind: StoreKind) async throws {
        let store = try await Self.make(kind)
        await #expect(throws: StoreError.unknownUser("42")) {
            try await store.replaceGrants(of: 42, with: [], audit: AuditDraft(actor: "admin", action: .grantsChanged, subject: "x"))
        }
        #expect(try await store.auditLog().isEmpty)
    }

    @Test("SQLite: a grant on a unit that does not exist is refused, the user is not created, the log untouched")
    func grantOnUnknownUnit() async throws {
        let store = try await Self.make(.sqlite)
        await #expect(throws: StoreError.unknownUnit("NOWHERE")) {
            _ = try await store.createUser(NewUser(login: "ghost", displayName: "G", passwordHash: Self.hash,
                                                   grants: [RoleGrant(role: .reviewer, unit: "NOWHERE")]),
                                           audit: AuditDraft(actor: "admin", action: .userCreated, subject: "ghost"))
        }
        #expect(try await store.users().isEmpty)
        #expect(try await store.auditLog().isEmpty)
    }
}
