@testable import CongressSQLite
import CongressCore
import CongressStore
import Foundation
import GRDB
import Testing

/// A database made before version 6 upgrades in place: its audit log keeps every entry with its
/// unit, and takes the new actions and the split's tables afterwards. (The migrations still build
/// their CHECKs from today's enums, so a v5 made here already admits today's actions; freezing
/// them is the storage step's work.)
@Suite("Schema upgrade")
struct SchemaUpgradeTests {
    static let v5 = "v5: accounts bound to members, proposed settlements, audit units"
    static let v8 = "v8: a congress's facts as typed columns, its composition as rows"

    @Test("R-E-29: upgrading a v5 database to v6 keeps the audit log and its units, and admits the split's actions")
    func v5ToV6() throws {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator()
        try migrator.migrate(queue, upTo: Self.v5)
        let zero = String(repeating: "0", count: 64), first = String(repeating: "a", count: 64), second = String(repeating: "b", count: 64)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash, unit)
                VALUES (1, '2026-11-01T00:00:00Z', 'kiemphieu1', 'roundOpened', 'round 1', '', ?, ?, 'X1')
                """, arguments: [zero, first])
        }
        try migrator.migrate(queue)
        try queue.write { db in
            let kept = try Row.fetchOne(db, sql: "SELECT actor, unit, hash FROM audit_entry WHERE sequence = 1")
            #expect(kept?["actor"] == "kiemphieu1" && kept?["unit"] == "X1" && kept?["hash"] == first)
            try db.execute(sql: """
                INSERT INTO audit_entry (sequence, at, actor, action, subject, detail, previous_hash, hash, unit)
                VALUES (2, '2026-11-01T00:00:01Z', 'kiemphieu1', 'stackDeclared', 'round 1 stack 1', '27 ballots', ?, ?, 'X1')
                """, arguments: [first, second])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_entry") == 2)
            #expect(try db.tableExists("stack_split") && db.tableExists("stack_settled"))
            #expect(try db.indexes(on: "audit_entry").map(\.name).contains("audit_entry_unit"))
            // The log stays append-only after its rebuild.
            #expect(throws: (any Error).self) { try db.execute(sql: "DELETE FROM audit_entry WHERE sequence = 1") }
        }
    }

    @Test("R-E-22: upgrading a v7 database to v8 moves each congress's composition into seat rows and its facts into columns")
    func v7ToV8() throws {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator()
        try migrator.migrate(queue, upTo: "v7: audit actions as a lookup table")
        var record = SampleRegister.congressBeforeTables(name: "Đại hội")
        record.pause = CongressPause(reason: "R-E-26", since: "2026-11-21", direction: "Công văn 12-CV/TU")
        let json = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO unit (code, name, kind) VALUES ('X1', 'Chi bộ thôn An Xá', 'grassrootsCell')")
            try db.execute(sql: "INSERT INTO congress (unit_id, record, version) VALUES (1, ?, 1)", arguments: [json])
        }
        try migrator.migrate(queue, upTo: Self.v8)
        try queue.read { db in
            let seats = try Row.fetchAll(db, sql: "SELECT position, member_id, name, role, source FROM congress_seat ORDER BY position")
            #expect(seats.map { $0["member_id"] as String? } == ["M1", nil])
            #expect(seats.map { $0["role"] as String } == ["secretary", "committeeMember"])
            #expect(seats.map { $0["source"] as String } == ["round 3", "decision 12-QĐ/TU"])
            let stored = try String.fetchOne(db, sql: "SELECT record FROM congress") ?? ""
            for key in ["composition", "motions", "countingBoard", "notConvened", "designated", "pause"] {
                #expect(!stored.contains("\"\(key)\""), "the record no longer holds \(key)")
            }
            #expect(try String.fetchAll(db, sql: "SELECT member_id FROM congress_designated") == ["M1"])
            #expect(try String.fetchAll(db, sql: "SELECT direction FROM congress_pause") == ["Công văn 12-CV/TU"])
            #expect(try String.fetchAll(db, sql: "SELECT reason FROM congress_not_convened") == ["retiredOrTransferredOut"])
            #expect(try String.fetchAll(db, sql: "SELECT member_id FROM congress_board_member ORDER BY position") == ["M3", "M2"])
            #expect(try Int.fetchAll(db, sql: "SELECT abstaining FROM congress_motion ORDER BY position") == [2, 0])
            #expect(try String.fetchOne(db, sql: "SELECT opens_on FROM congress_header") == "2026-11-20")
        }
    }

    @Test("R-E-17, R-E-18: upgrading a v7 database through v8 to v9 moves each roll and its attendance into rows; the records read back whole")
    func v8ToV9() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("congress-v8-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator().migrate(queue, upTo: "v7: audit actions as a lookup table")
        let members = SampleRegister.congressBeforeTables(name: "Đại hội Chi bộ")
        let delegates = SampleRegister.delegatesCongressBeforeTables()
        try await queue.write { db in
            try db.execute(sql: "INSERT INTO unit (code, name, kind) VALUES ('X1', 'Chi bộ thôn An Xá', 'grassrootsCell')")
            for record in [members, delegates] {
                try db.execute(sql: "INSERT INTO congress (unit_id, record, version) VALUES (1, ?, 1)",
                               arguments: [String(decoding: try JSONEncoder().encode(record), as: UTF8.self)])
            }
        }
        // v8 moves the lists but the roll; v9 the roll and the rest.
        try Schema.migrator().migrate(queue, upTo: Self.v8)
        let rollsInJSON = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM congress WHERE json_array_length(record, '$.members') = 3")
        }
        #expect(rollsInJSON == 1)
        try queue.close()
        let register = try SQLiteRegisterStore(path: path)
        let counting = SQLiteCountingStore(register: register, chain: AuditChain(digest: AccessStoreContractTests.digest),
                                           clock: { "2026-12-03T03:00:00Z" })
        #expect(try await counting.allCongresses().map(\.record) == [members, delegates])
        try await DatabaseQueue(path: path).read { (db: Database) throws in
            #expect(try !db.columns(in: "congress").map(\.name).contains("record"), "no JSON is left for a congress")
            #expect(try Int.fetchAll(db, sql: "SELECT session FROM congress_absence WHERE member_id = 'M2' ORDER BY session") == [0, 2])
            #expect(try String.fetchAll(db, sql: "SELECT rulebook_id FROM congress_header ORDER BY congress_id")
                    == [Rulebook.qd190.id, delegates.rulebookID])
            #expect(try Int.fetchOne(db, sql: "SELECT alternate_order FROM congress_roll WHERE member_id = 'D3'") == 1)
            // The CHECKs guard the rows: a member row with a delegate's kind is refused.
            #expect(throws: (any Error).self) {
                try db.execute(sql: """
                    INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, full, condition, delegate_kind,
                                               absent_whole, reason_accepted) VALUES (1, 'member', 'M9', 9, 'X', 1, 'none', 'elected', 0, 0)
                    """)
            }
        }
    }
}

/// A database that the build of e1e4730 made (version 6, `Fixtures/fixturemaker.swift.txt`) is
/// opened by this build: the migrations upgrade it in place and every record reads back.
@Suite("Upgrading a committed database")
struct CommittedDatabaseUpgradeTests {
    @Test("A v6 database made by an earlier build upgrades: register, accounts, congress, rounds, entries and the audit chain are kept")
    func sampleUpgrades() async throws {
        let path = try StoreKind.copyOfFixture("sample-v6-e1e4730.sqlite")
        let register = try SQLiteRegisterStore(path: path)
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        let access = SQLiteAccessStore(register: register, chain: chain, clock: { "2026-12-02T03:00:00Z" })
        let counting = SQLiteCountingStore(register: register, chain: chain, clock: { "2026-12-02T03:00:00Z" })

        let applied = try await DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied.count == Schema.migrator().migrations.count)
        #expect(try await register.summary().persons == 7)
        let transferred = try #require(try await register.personRecord("M002"))
        #expect(transferred.events.last?.kind == .transferred && transferred.events.last?.unit == "C2")
        #expect(try await register.memberCount(of: "T44", on: Day(iso: "2025-11-01")!) > 0)
        #expect(try await access.credentials(login: "lan.mai")?.user.grants == [RoleGrant(role: .organisingStaff, unit: "T44")])

        let congress = try #require(try await counting.congresses(of: "X1").first)
        #expect(congress.record.members.map(\.memberID) == ["M001", "M002"])
        // v8 filled the congress's typed columns from the stored record.
        let record = congress.record
        #expect(try await counting.congressSummaries() == [CongressSummary(
            id: congress.id, unit: "X1", name: record.name, opensOn: record.opensOn, closesOn: record.closesOn,
            submittedOn: record.submittedOn, paused: record.isPaused)])
        #expect(!record.name.isEmpty)
        let rounds = try await counting.rounds(ofCongress: congress.id)
        #expect(rounds.count == 2)
        #expect(try await counting.agreedBallots(round: rounds[0].id).count == 4)
        #expect(try await counting.entries(round: rounds[1].id, stack: 1).map(\.ballots.count) == [1])

        let before = try await access.auditLog()
        #expect(before.count == 19)
        _ = try await access.appendAudit(AuditDraft(actor: "admin", action: .unitsImported, subject: "units.csv"))
        let after = try await access.auditLog()
        #expect(AuditChain(digest: AccessStoreContractTests.digest).verify(after) == .intact(entries: 20, lastHash: after[19].hash))
    }
}

/// A database that the build of 7fda3dc made (SQLite schema v8: the roll still in each congress's
/// record; `Fixtures/fixturemaker-v8.swift.txt`) is opened by this build: v9 moves the roll and
/// its attendance into rows, drops the records, and every congress reads back as it was written.
@Suite("Upgrading a committed v8 database")
struct CommittedV8DatabaseUpgradeTests {
    @Test("R-E-17, R-E-18: a v8 database made by an earlier build upgrades: rolls with attendance, lists, composition, rounds and the chain are kept")
    func sampleUpgrades() async throws {
        let path = try StoreKind.copyOfFixture("sample-v8-7fda3dc.sqlite")
        let register = try SQLiteRegisterStore(path: path)
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        let access = SQLiteAccessStore(register: register, chain: chain, clock: { "2026-12-03T03:00:00Z" })
        let counting = SQLiteCountingStore(register: register, chain: chain, clock: { "2026-12-03T03:00:00Z" })

        let members = try #require(try await counting.congresses(of: "X1").first).record
        #expect(members.members.map(\.memberID) == ["M001", "M002", "M003"])
        #expect(members.members[1].attendance == Attendance(absentSessions: [1]))
        #expect(members.members[2].full == false && members.members[2].condition == .exempted
                && members.members[2].attendance == Attendance(absentWhole: true, reasonAccepted: true))
        #expect(members.notConvened.map(\.memberID) == ["M004"] && members.countingBoard == ["M002", "M001"])
        #expect(members.motions.map(\.abstaining) == [1] && members.designated.map(\.memberID) == ["M001"])
        #expect(members.composition.map(\.memberID) == ["M001"] && members.isPaused && members.rulebookID == Rulebook.qd190.id)
        #expect(members.voters(session: 1) == 1, "M002 missed session 2, M003 is probationary and absent")

        let delegates = try #require(try await counting.congresses(of: "T44").first).record
        #expect(delegates.delegates.map(\.memberID) == ["M005", "M006", "M007"])
        #expect(delegates.delegates.map(\.kind) == [.exOfficio, .elected, .elected] && delegates.delegates[2].alternateOrder == 1)
        #expect(delegates.delegates[2].electedBy == "X1" && delegates.delegates[2].attendance.absentSessions == [0, 2])

        let rounds = try await counting.rounds(ofCongress: try #require(try await counting.congresses(of: "X1").first).id)
        #expect(rounds.map(\.lifecycle.state) == [.certified, .counting])
        #expect(try await counting.certifiedAuditHead(round: rounds[0].id) != nil)
        let log = try await access.auditLog()
        #expect(AuditChain(digest: AccessStoreContractTests.digest).verify(log) == .intact(entries: log.count, lastHash: log[log.count - 1].hash))

        // The upgraded database takes today's writes: an attendance change writes its rows.
        let stored = try #require(try await counting.congresses(of: "X1").first)
        var changed = stored.record
        changed.members[0].attendance = Attendance(absentSessions: [2])
        _ = try await counting.updateCongress(stored.id, version: stored.version, changed,
                                              audit: AuditDraft(actor: "thuky", action: .congressChanged, subject: "congress"))
        #expect(try await counting.congress(stored.id)?.record.members[0].attendance.absentSessions == [2])
    }
}

