import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// A province starting from nothing: `congress init`, `congress import units`, `congress units`,
/// `congress import members`, then `congress migrate` and `congress backup` (formats §4, §8).
@Suite struct DatabaseJobTests {
    static func newDatabase() throws -> String {
        let path = try TallyJobTests.temporaryFile("", name: "province.sqlite")
        try FileManager.default.removeItem(atPath: path)
        return path
    }

    static let unitsFile = """
    code,name,kind,parent_code,valid_from,valid_to,event,on
    CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X18880,,,created,2025-08-01
    CB1,Chi bộ Giáo viên Tổ Toán,cell,CS1,,,created,2025-08-01
    CB3,Chi bộ khu phố 3,grassrootsCell,X18880,2025-07-01,,,

    """

    @Test("R-O-2: init makes the real tree and nothing else; units and members then import into it")
    func provinceStartsClean() async throws {
        let database = try Self.newDatabase()
        let made = await UnitsJobs.initialise(database: database, language: .vi)
        #expect(made.status == 0 && made.standardOutput.contains("chưa có đảng viên nào"))
        let store = try SQLiteRegisterStore(path: database)
        let summary = try await store.summary()
        #expect(summary.persons == 0 && summary.unitsByKind[.communeCommittee] == 3_321)
        let tree = try await store.tree(on: Day(iso: "2025-07-01")!)
        #expect(tree.children(of: "TW").filter { $0.code.rawValue.hasPrefix("T") }.count == 34)
        #expect(await UnitsJobs.initialise(database: database, language: .en).status == 2, "init never writes into a database that has units")

        let units = try TallyJobTests.temporaryFile(Self.unitsFile, name: "units.csv")
        let imported = await UnitsJobs.importFile(units, database: database, language: .vi)
        #expect(imported.status == 0 && imported.standardOutput.contains("thêm 3 tổ chức"), "\(imported)")
        let again = await UnitsJobs.importFile(units, database: database, language: .vi)
        #expect(again.status == 0 && again.standardOutput.contains("không có gì thay đổi"))

        let listed = await UnitsJobs.list(database: database, on: Day(iso: "2026-01-01")!, under: "X18880", kind: nil, format: "csv", language: .vi)
        #expect(listed.standardOutput.split(separator: "\n") == [
            "code,name,kind,parent_code,valid_from,valid_to",
            "X18880,Đảng bộ phường Đồng Hới,communeCommittee,T44,2025-07-01,",
            "CB3,Chi bộ khu phố 3,grassrootsCell,X18880,2025-07-01,",
            "CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X18880,2025-08-01,",
            "CB1,Chi bộ Giáo viên Tổ Toán,cell,CS1,2025-08-01,",
        ])
        let json = await UnitsJobs.list(database: database, on: Day(iso: "2026-01-01")!, under: "CS1", kind: "cell", format: "json", language: .vi)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]]
        #expect(decoded?.map { $0["code"] as? String } == ["CB1"] && decoded?.first?["valid_to"] is NSNull)

        let members = try TallyJobTests.temporaryFile(MembersCSV.header + "\n"
            + "M1,Nguyễn Văn An,nam,1980-03-15,Kinh,44,CB1,2005-05-19,2006-05-19,official,cử nhân,,trung cấp\n"
            + "M2,Trần Thị Bình,nữ,1990-01-02,Kinh,44,CB3,2015-02-03,2016-02-03,official,thạc sĩ,,sơ cấp\n", name: "members.csv")
        let joined = await ImportJob.run(file: members, database: database, asOf: Day(iso: "2025-09-01")!, language: .vi, say: { _ in })
        #expect(joined.status == 0, "\(joined)")
        let reopened = try SQLiteRegisterStore(path: database)
        #expect(try await reopened.memberCount(of: "X18880", on: Day(iso: "2025-09-01")!) == 2)
        let log = try await AccessSetup.accessStore(for: reopened).auditLog()
        #expect(log.map(\.action) == [.organisationLoaded, .unitsImported, .membersImported])
    }

    @Test("R-O-1: a bad units file names its line, column and rule, and writes nothing")
    func badUnitsFile() async throws {
        let database = try Self.newDatabase()
        _ = await UnitsJobs.initialise(database: database, language: .vi)
        let bad = try TallyJobTests.temporaryFile("""
        code,name,kind,parent_code,valid_from,valid_to,event,on
        CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X18880,,,created,2025-08-01
        CB9,Chi bộ đặt sai,cell,X18880,,,created,2025-08-01

        """, name: "units.csv")
        let output = await UnitsJobs.importFile(bad, database: database, language: .en)
        #expect(output.status == 2 && output.standardOutput.isEmpty)
        #expect(output.standardError.contains("units.csv, line 3, column parent_code") && output.standardError.contains("(R-O-1)"), "\(output.standardError)")
        #expect(try await SQLiteRegisterStore(path: database).unit("CS1") == nil, "all or nothing")
    }

    @Test("Commands other than init refuse a database that does not exist; a PostgreSQL server that cannot be reached is named")
    func missingDatabase() async throws {
        let database = try Self.newDatabase()
        let listed = await UnitsJobs.list(database: database, on: Day(iso: "2026-01-01")!, under: nil, kind: nil, format: "csv", language: .en)
        #expect(listed.status == 2 && listed.standardError.contains("congress init --database"))
        #expect(!FileManager.default.fileExists(atPath: database), "a mistyped path is not made into an empty database")
        let postgres = await UnitsJobs.initialise(database: "postgres://congress:secret@127.0.0.1:1/congress", language: .en)
        #expect(postgres.status == 2 && postgres.standardError.contains("127.0.0.1:1"), "\(postgres.standardError)")
        #expect(!postgres.standardError.contains("secret"), "the password is never printed")
    }

    @Test("migrate says from which version to which; backup copies a consistent, checked database and never overwrites")
    func migrateAndBackup() async throws {
        let folder = try Self.newDatabase()
        let database = (folder as NSString).deletingLastPathComponent + "/old.sqlite"
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CongressStoreTests/Fixtures/sample-v6-e1e4730.sqlite")
        try FileManager.default.copyItem(at: fixture, to: URL(fileURLWithPath: database))
        let migrated = await MaintenanceJobs.migrate(database: database, language: .en)
        #expect(migrated.status == 0 && migrated.standardOutput.contains("from version v6 to v\(DatabaseMaintenance.latestVersion.dropFirst().prefix { $0.isNumber })"), "\(migrated)")
        let current = await MaintenanceJobs.migrate(database: database, language: .en)
        #expect(current.status == 0 && current.standardOutput.contains("latest version"))

        let copy = (folder as NSString).deletingLastPathComponent + "/backup.sqlite"
        let backedUp = await MaintenanceJobs.backup(database: database, to: copy, language: .vi)
        #expect(backedUp.status == 0 && backedUp.standardOutput.contains("đã kiểm tra tính toàn vẹn"), "\(backedUp)")
        let restored = try SQLiteRegisterStore(path: copy)
        #expect(try await restored.summary().persons == 7)
        #expect(await MaintenanceJobs.backup(database: database, to: copy, language: .vi).status == 2, "an earlier backup is never overwritten")
        let log = try await AccessSetup.accessStore(for: try SQLiteRegisterStore(path: database)).auditLog()
        #expect(log.suffix(2).map(\.action) == [.databaseMigrated, .databaseBackedUp])
    }
}
