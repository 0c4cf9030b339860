import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation

/// The store implementations the contract suite runs against.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// `upgradedSQLite`: a copy of an empty database made by an earlier build (`Fixtures/`),
    /// upgraded by this build's migrations when opened: the upgraded schema passes every contract.
    /// `postgres`: a new database on the server of `CONGRESS_TEST_POSTGRES`, when it is set.
    case memory, sqlite, upgradedSQLite, postgres
    var description: String { rawValue }

    /// The kinds this run tests: PostgreSQL only when a server is configured.
    static var allCases: [StoreKind] {
        [.memory, .sqlite, .upgradedSQLite] + (PostgresTestServer.location == nil ? [] : [.postgres])
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A fresh copy of a committed database, in its own folder.
    static func copyOfFixture(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("register.sqlite")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: copy)
        return copy.path
    }

    func make() async throws -> any RegisterStore {
        switch self {
        case .memory: return MemoryRegisterStore()
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteRegisterStore(path: folder.appendingPathComponent("register.sqlite").path)
        case .upgradedSQLite:
            return try SQLiteRegisterStore(path: Self.copyOfFixture("empty-v6-e1e4730.sqlite"))
        case .postgres:
            return PostgresRegisterStore(database: try await PostgresTestServer.freshDatabase())
        }
    }

    /// A register that appends audit entries in its own transactions, with the access store
    /// that reads the same log.
    func makeAudited() async throws -> (register: any RegisterStore, access: any AccessStore) {
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        let clock: @Sendable () -> String = { "2026-11-22T03:00:00Z" }
        let auditing = RegisterAuditing(chain: chain, clock: clock)
        switch self {
        case .memory:
            let access = MemoryAccessStore(chain: chain, clock: clock)
            return (MemoryRegisterStore(audit: access), access)
        case .sqlite, .upgradedSQLite:
            let plain = try await make() as! SQLiteRegisterStore
            let register = try SQLiteRegisterStore(path: plain.path, auditing: auditing)
            return (register, SQLiteAccessStore(register: register, chain: chain, clock: clock))
        case .postgres:
            let database = try await PostgresTestServer.freshDatabase()
            return (PostgresRegisterStore(database: database, auditing: auditing), PostgresAccessStore(database: database, chain: chain, clock: clock))
        }
    }

    /// A second store on the same database, as another process would open it.
    func reopen(_ store: any RegisterStore) async throws -> any RegisterStore {
        switch store {
        case let sqlite as SQLiteRegisterStore: return try SQLiteRegisterStore(path: sqlite.path)
        case let postgres as PostgresRegisterStore:
            return PostgresRegisterStore(database: try await PostgresDatabase(url: postgres.database.location.url, maximumConnections: 2))
        default: return store
        }
    }
}

/// The PostgreSQL server the contract suites run on: `CONGRESS_TEST_POSTGRES=postgres://…`
/// (`.ci/run` starts a private one). Each store gets a database of its own.
enum PostgresTestServer {
    static let location: PostgresLocation? = ProcessInfo.processInfo.environment["CONGRESS_TEST_POSTGRES"].flatMap(PostgresLocation.init)

    static func freshDatabase() async throws -> PostgresDatabase {
        guard let server = location else { throw StoreError.database(message: "CONGRESS_TEST_POSTGRES is not set", advice: "") }
        let name = "congress_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try await PostgresDatabase.createDatabase(named: String(name), on: server)
        return try await PostgresDatabase(url: server.with(database: String(name)).url, maximumConnections: 8)
    }
}

/// A small province merged on 1/7/2025 (R-O-4): two legacy provinces into one, three legacy
/// communes into two new ones; cells move from the old communes to the new ones.
enum SampleRegister {
    static let reform = Day.reorganisation2025
    static let lastLegacyDay = Day(year: 2025, month: 6, day: 30)!
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    static let organisation = OrganisationRecords(
        units: [
            PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương", kind: .central),
            PartyUnit(code: "LT44", name: "Đảng bộ tỉnh Quảng Bình", kind: .underCentral, validTo: lastLegacyDay),
            PartyUnit(code: "LT45", name: "Đảng bộ tỉnh Quảng Trị (trước 2025)", kind: .underCentral, validTo: lastLegacyDay),
            PartyUnit(code: "T44", name: "Đảng bộ tỉnh Quảng Trị", kind: .underCentral, validFrom: reform),
            PartyUnit(code: "LX1", name: "Đảng bộ phường Hải Thành", kind: .grassrootsCommittee, validTo: lastLegacyDay),
            PartyUnit(code: "LX2", name: "Đảng bộ phường Đồng Phú", kind: .grassrootsCommittee, validTo: lastLegacyDay),
            PartyUnit(code: "LX3", name: "Đảng bộ xã Gio Linh", kind: .grassrootsCommittee, validTo: lastLegacyDay),
            PartyUnit(code: "X1", name: "Đảng bộ phường Đồng Hới", kind: .communeCommittee, validFrom: reform),
            PartyUnit(code: "X2", name: "Đảng bộ xã Gio Linh", kind: .communeCommittee, validFrom: reform),
            PartyUnit(code: "C1", name: "Chi bộ khu phố 1", kind: .grassrootsCell),
            PartyUnit(code: "C2", name: "Chi bộ khu phố 2", kind: .grassrootsCell),
            PartyUnit(code: "C3", name: "Chi bộ thôn An Xá", kind: .grassrootsCell),
        ],
        placements: [
            UnitPlacement(unit: "TW", parent: nil),
            UnitPlacement(unit: "LT44", parent: "TW", validTo: lastLegacyDay),
            UnitPlacement(unit: "LT45", parent: "TW", validTo: lastLegacyDay),
            UnitPlacement(unit: "T44", parent: "TW", validFrom: reform),
            UnitPlacement(unit: "LX1", parent: "LT44", validTo: lastLegacyDay),
            UnitPlacement(unit: "LX2", parent: "LT44", validTo: lastLegacyDay),
            UnitPlacement(unit: "LX3", parent: "LT45", validTo: lastLegacyDay),
            UnitPlacement(unit: "X1", parent: "T44", validFrom: reform),
            UnitPlacement(unit: "X2", parent: "T44", validFrom: reform),
            UnitPlacement(unit: "C1", parent: "LX1", validTo: lastLegacyDay),
            UnitPlacement(unit: "C1", parent: "X1", validFrom: reform),
            UnitPlacement(unit: "C2", parent: "LX2", validTo: lastLegacyDay),
            UnitPlacement(unit: "C2", parent: "X1", validFrom: reform),
            UnitPlacement(unit: "C3", parent: "LX3", validTo: lastLegacyDay),
            UnitPlacement(unit: "C3", parent: "X2", validFrom: reform),
        ],
        events: [
            UnitEvent(kind: .mergedInto, day: reform, unit: "LT44", other: "T44"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LT45", other: "T44"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LX1", other: "X1"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LX2", other: "X1"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LX3", other: "X2"),
        ])

    /// Members as a file would bring them (formats.md §4).
    static let csv = """
    member_id,full_name,gender,birth_date,ethnicity,hometown_province_code,unit_code,joined_on,official_on,status,education,academic_title,political_theory
    M001,Nguyễn Văn An,nam,1980-03-15,Kinh,44,C1,2005-05-19,2006-05-19,official,cử nhân,,trung cấp
    M002,Trần Thị Bình,nữ,1992-11-02,Kinh,44,C1,2015-02-03,2016-02-03,official,thạc sĩ,,sơ cấp
    M003,Lê Văn Đạt,nam,1960,Bru-Vân Kiều,45,C2,1985-09-02,1986-09-02,exempted,trung học phổ thông,,
    M004,Hồ Thị Ánh,nữ,2001-07-20,Tà Ôi,45,C3,2024-12-01,,probationary,cao đẳng,,
    M005,Nguyễn Văn Ân,nam,1975-01-30,Kinh,44,C2,2000-01-01,2001-01-01,suspended,tiến sĩ,pgs,cao cấp
    M006,Phạm Thị Dung,nữ,1988-06-06,Kinh,44,C3,2010-10-10,2011-10-10,temporaryElsewhere,kỹ sư,,trung cấp
    M007,Nguyễn Văn An,nam,1990-01-01,Kinh,44,C3,2012-01-01,2013-01-01,official,cử nhân,,
    """

    static let importDay = day("2025-09-01")

    static func rows() -> [MemberImportRow] {
        switch MembersCSV.parse(Array(csv.utf8), today: importDay) {
        case .success(let rows): return rows
        case .failure(let errors): fatalError("sample file invalid: \(errors)")
        }
    }

    /// A store holding the sample organisation and members.
    static func filled(_ kind: StoreKind) async throws -> any RegisterStore {
        let store = try await kind.make()
        try await store.addOrganisation(organisation)
        _ = try await store.importMembers(rows(), on: importDay)
        return store
    }
}

extension SampleRegister {
    /// A congress of X1 with what the schema moved out of the records into tables (SQLite v8,
    /// PostgreSQL v3): a composition with someone from outside, two motions, a board, one not
    /// convened, a designated secretary.
    static func congressBeforeTables(name: String) -> CongressRecord {
        var record = CongressRecord(unit: "X1", name: name, term: "2025–2030", kind: .members, opensOn: "2026-11-20", closesOn: "2026-11-21")
        record.composition = [BodySeat(memberID: "M1", name: "Nguyễn Văn An", role: .secretary, source: "round 3"),
                              BodySeat(memberID: nil, name: "Lê Thị Bình", role: .committeeMember, source: "decision 12-QĐ/TU")]
        record.motions = [Motion(subject: .countingBoard, text: "Ban kiểm phiếu", inFavour: 20, against: 1, abstaining: 2),
                          Motion(subject: .presidium, text: "Đoàn Chủ tịch", inFavour: 23, against: 0)]
        record.countingBoard = ["M3", "M2"]
        record.notConvened = [NotConvened(memberID: "M9", fullName: "Phạm Văn Chín", reason: .retiredOrTransferredOut)]
        record.designated = [DesignatedLeader(name: "Nguyễn Văn An", role: .secretary, memberID: "M1")]
        record.members = [MemberOnRoll(memberID: "M1", fullName: "Nguyễn Văn An"),
                          MemberOnRoll(memberID: "M2", fullName: "Trần Thị Hoa", full: false, condition: .exempted,
                                       attendance: Attendance(absentSessions: [0, 2])),
                          MemberOnRoll(memberID: "M3", fullName: "Lê Văn Cường", attendance: Attendance(absentWhole: true, reasonAccepted: true))]
        return record
    }

    /// A delegates' congress as records held it before the roll became rows (SQLite v9,
    /// PostgreSQL v4): delegates of each kind, an alternate, attendance by session, a rulebook.
    static func delegatesCongressBeforeTables() -> CongressRecord {
        var record = CongressRecord(unit: "X1", name: "Đại hội đại biểu", term: "2025–2030", kind: .delegates, opensOn: "2026-11-24",
                                    closesOn: "2026-11-26")
        record.delegates = [DelegateOnRoll(memberID: "D1", fullName: "Hoàng Văn Đức", kind: .exOfficio),
                            DelegateOnRoll(memberID: "D2", fullName: "Vũ Thị Lan", kind: .elected, electedBy: "X2",
                                           attendance: Attendance(absentSessions: [1])),
                            DelegateOnRoll(memberID: "D3", fullName: "Đỗ Minh Khôi", kind: .elected, alternateOrder: 1, electedBy: "X2")]
        record.rulebookID = Rulebook.shipped.last?.id ?? Rulebook.qd190.id
        return record
    }
}
