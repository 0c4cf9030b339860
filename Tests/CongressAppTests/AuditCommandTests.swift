import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import GRDB
import Testing

/// `congress audit verify` on a real database file, before and after a hand edit.
@Suite struct AuditCommandTests {
    @Test("the import and the first administrator are audited; verify passes on an untouched log")
    func untouched() async throws {
        let database = try await RegisterJobTests.database()
        let imported = await ImportJob.run(file: try RegisterJobTests.file(RegisterJobTests.good), database: database,
                                           asOf: Day(iso: "2026-11-01")!, language: .en, say: { _ in })
        #expect(imported.status == 0)
        let register = try SQLiteRegisterStore(path: database)
        let access = AccessSetup.accessStore(for: register)
        let password = try await FirstAdministrator.ensure(access: access, register: register, passwords: BcryptPasswords(cost: 4),
                                                           today: Day(iso: "2026-11-22")!)
        #expect(password?.count == 16)
        #expect(try await FirstAdministrator.ensure(access: access, register: register, passwords: BcryptPasswords(cost: 4),
                                                    today: Day(iso: "2026-11-22")!) == nil, "only the first run creates one")
        let admin = try #require(try await access.users().first)
        #expect(admin.login == "admin" && admin.grants == [RoleGrant(role: .administrator, unit: "TW")])
        let log = try await access.auditLog()
        #expect(log.map(\.action) == [.membersImported, .userCreated])
        #expect(log[0].detail.contains("added 3"))
        let verified = await AuditVerifyJob.run(database: database, language: .en)
        #expect(verified.status == 0)
        #expect(verified.standardOutput.contains("intact: 2 entries"))
    }

    @Test("after a row of the log is edited by hand, verify exits 1 naming that entry")
    func editedByHand() async throws {
        let database = try await RegisterJobTests.database()
        let register = try SQLiteRegisterStore(path: database)
        let access = AccessSetup.accessStore(for: register)
        for login in ["an", "binh", "cuong"] {
            try await access.appendAudit(AuditDraft(actor: "admin", action: .grantsChanged, subject: login + ".x", detail: "reviewer@TW"))
        }
        try register.close()
        // The trigger refuses edits through the program; a hand edit drops it first.
        let queue = try DatabaseQueue(path: database)
        await #expect(throws: (any Error).self) {
            try await queue.write { db in try db.execute(sql: "UPDATE audit_entry SET detail = 'administrator@TW' WHERE sequence = 2") }
        }
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_update")
            try db.execute(sql: "UPDATE audit_entry SET detail = 'administrator@TW' WHERE sequence = 2")
        }
        try queue.close()
        let verified = await AuditVerifyJob.run(database: database, language: .en)
        #expect(verified.status == 1)
        #expect(verified.standardError.contains("broken at entry #2"))
        #expect(verified.standardError.contains("content was changed"))
    }
}

@Suite struct AuditTailTests {
    @Test("the audit chain cannot see a missing tail no more: verify --expect COUNT:HASH fails once the last entries are deleted")
    func cutTail() async throws {
        let database = try await RegisterJobTests.database()
        let register = try SQLiteRegisterStore(path: database)
        let access = AccessSetup.accessStore(for: register)
        for index in 1...60 {
            try await access.appendAudit(AuditDraft(actor: "admin", action: .roundEvent, subject: "round \(index)"))
        }
        let head = try await access.auditHead()
        try register.close()
        let before = await AuditVerifyJob.run(database: database, language: .en, expect: head.description)
        #expect(before.status == 0 && before.standardOutput.contains(head.hash), "verify prints the head it checked")
        // Drop the trigger and delete the last 50 entries: the chain that is left is intact…
        let queue = try DatabaseQueue(path: database)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_entry_no_delete")
            try db.execute(sql: "DELETE FROM audit_entry WHERE sequence > ?", arguments: [head.count - 50])
        }
        try queue.close()
        #expect(await AuditVerifyJob.run(database: database, language: .en).status == 0, "a cut tail alone still chains")
        // …but not what the minutes printed.
        let after = await AuditVerifyJob.run(database: database, language: .en, expect: head.description)
        #expect(after.status == 1 && after.standardError.contains("#\(head.count)"))
        #expect(await AuditVerifyJob.run(database: database, language: .en, expect: "12:nothex").status != 0)
    }
}
