import CongressCore
import CongressStore
import CongressWeb
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting

/// A small register for web tests: Quảng Trị (T44, formed on 1/7/2025 from two legacy
/// provinces) and Hà Nội (T01), each with a commune and cells; members in both; one user per
/// role, each with a session whose token is known. Stores are in memory; the clock is fixed.
struct WebWorld {
    static let today = Day(iso: "2026-11-22")!
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let reform = Day.reorganisation2025
    static let lastLegacyDay = Day(iso: "2025-06-30")!
    static let sha256: AuditChain.Digest = { Array(SHA256.hash(data: $0)) }

    /// Users by role name in the tests: login, grants.
    enum Persona: String, CaseIterable, Sendable, CustomStringConvertible {
        case anonymous, admin, staffT44, staffT01, secretary, counter, reviewer, communeAdmin, multi
        var description: String { rawValue }

        var grants: [RoleGrant] {
            switch self {
            case .anonymous: []
            case .admin: [RoleGrant(role: .administrator, unit: "TW")]
            case .staffT44: [RoleGrant(role: .organisingStaff, unit: "T44")]
            case .staffT01: [RoleGrant(role: .organisingStaff, unit: "T01")]
            case .secretary: [RoleGrant(role: .secretariat, unit: "X1")]
            case .counter: [RoleGrant(role: .countingBoard, unit: "X1")]
            case .reviewer: [RoleGrant(role: .reviewer, unit: "T44")]
            /// The administrator of one commune.
            case .communeAdmin: [RoleGrant(role: .administrator, unit: "X1")]
            /// Several grants: the secretariat of X1 and the organising staff of Hà Nội.
            case .multi: [RoleGrant(role: .secretariat, unit: "X1"), RoleGrant(role: .organisingStaff, unit: "T01")]
            }
        }

        var login: String { rawValue.lowercased() }
        /// The session token this persona's cookie carries (64 hex digits).
        var token: String { String(repeating: String(format: "%02x", Persona.allCases.firstIndex(of: self)! + 16), count: 32) }
        var formToken: String { String(repeating: "f" + String(Persona.allCases.firstIndex(of: self)!), count: 16) }
        static let password = "mat-khau-dung-123"
    }

    let register: MemoryRegisterStore
    let access: MemoryAccessStore
    let counting: MemoryCountingStore
    let personnel: MemoryPersonnelStore
    let dependencies: WebDependencies
    var userIDs: [Persona: UserAccount.ID] = [:]

    static func make() async throws -> WebWorld {
        let register = MemoryRegisterStore()
        try await register.addOrganisation(organisation)
        guard case .success(let rows) = MembersCSV.parse(Array(membersCSV.utf8), today: Day(iso: "2025-09-01")!) else {
            fatalError("the web test members file is not valid")
        }
        _ = try await register.importMembers(rows, on: Day(iso: "2025-09-01")!)
        let chain = AuditChain(digest: sha256)
        let access = MemoryAccessStore(chain: chain, clock: { "2026-11-22T03:00:00Z" })
        let passwords = BcryptPasswords(cost: 4)
        let counting = MemoryCountingStore(access: access)
        let personnel = MemoryPersonnelStore(access: access)
        let bodies = MemoryBodiesStore(access: access)
        _ = try await bodies.importBodies([
            BodyMembership(memberID: "M002", unit: "X1", term: "2025-2030", role: .executiveCommittee, how: .appointed, on: Day(iso: "2025-11-01")!),
            BodyMembership(memberID: "M004", unit: "LX1", term: "2020-2025", role: .executiveCommittee, how: .elected, on: Day(iso: "2020-10-15")!),
            BodyMembership(memberID: "M101", unit: "X9", term: "2020-2025", role: .executiveCommittee, how: .elected, on: Day(iso: "2020-10-15")!),
            BodyMembership(memberID: "M102", unit: "X9", term: "2025-2030", role: .executiveCommittee, how: .elected, on: Day(iso: "2025-10-15")!),
        ], audit: { _ in AuditDraft(actor: "test", action: .bodiesImported, subject: "fixture") })
        let dependencies = WebDependencies(
            register: register, access: access, clock: { now }, today: { today }, passwords: passwords, digest: sha256,
            throttle: SignInGuard(throttle: SignInThrottle(freeFailures: 5, firstDelay: 60, window: 900)), counting: counting,
            personnel: personnel, bodies: bodies)
        var world = WebWorld(register: register, access: access, counting: counting, personnel: personnel, dependencies: dependencies)
        try await CongressFixture.add(to: counting)
        try await PersonnelFixture.add(to: personnel, counting: counting)
        let hash = await passwords.hash(Persona.password)
        for persona in Persona.allCases where persona != .anonymous {
            let user = try await access.createUser(
                NewUser(login: persona.login, displayName: persona.displayName, passwordHash: hash, grants: persona.grants,
                        memberID: persona == .counter ? "R10" : nil),
                audit: AuditDraft(actor: "test", action: .userCreated, subject: persona.login))
            world.userIDs[persona] = user.id
            await access.createSession(StoredSession(
                tokenHash: hex(sha256(Array(persona.token.utf8))), userID: user.id, formToken: persona.formToken,
                expires: Int64(now.timeIntervalSince1970) + 3600))
        }
        return world
    }

    /// An account outside the personas (another counting board member, …) with a known session.
    struct Account: Sendable { let login: String; let token: String; let form: String; let id: UserAccount.ID }

    func account(_ login: String, grants: [RoleGrant], member: Person.ID? = nil) async throws -> Account {
        let user = try await access.createUser(
            NewUser(login: login, displayName: login, passwordHash: String(repeating: "x", count: 60), grants: grants, memberID: member),
            audit: AuditDraft(actor: "test", action: .userCreated, subject: login))
        let token = Self.hex(Self.sha256(Array(("token-" + login).utf8))), form = Self.hex(Self.sha256(Array(("form-" + login).utf8)))
        await access.createSession(StoredSession(tokenHash: Self.hex(Self.sha256(Array(token.utf8))), userID: user.id,
                                                 formToken: form, expires: Int64(Self.now.timeIntervalSince1970) + 3_600))
        return Account(login: login, token: token, form: form, id: user.id)
    }

    /// A counting board member of X1, bound to `member`.
    func boardMember(_ login: String, _ member: Person.ID) async throws -> Account {
        try await account(login, grants: [RoleGrant(role: .countingBoard, unit: "X1")], member: member)
    }

    /// A fresh world and its router, for one test's requests.
    static func withApp(_ body: @Sendable (WebWorld, any TestClientProtocol) async throws -> Void) async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in try await body(world, client) }
    }

    func router() async throws -> Router<AppRequestContext> {
        try await WebApplication.router(dependencies)
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static let organisation = OrganisationRecords(
        units: [
            PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central),
            PartyUnit(code: "LT44", name: "Đảng bộ tỉnh Quảng Bình", kind: .underCentral, validTo: lastLegacyDay),
            PartyUnit(code: "LT45", name: "Đảng bộ tỉnh Quảng Trị (trước 2025)", kind: .underCentral, validTo: lastLegacyDay),
            PartyUnit(code: "T44", name: "Đảng bộ tỉnh Quảng Trị", kind: .underCentral, validFrom: reform),
            PartyUnit(code: "T01", name: "Đảng bộ thành phố Hà Nội", kind: .underCentral),
            PartyUnit(code: "LX1", name: "Đảng bộ phường Hải Thành", kind: .grassrootsCommittee, validTo: lastLegacyDay),
            PartyUnit(code: "X1", name: "Đảng bộ phường Đồng Hới", kind: .communeCommittee, validFrom: reform),
            PartyUnit(code: "X2", name: "Đảng bộ xã Gio Linh", kind: .communeCommittee, validFrom: reform),
            PartyUnit(code: "X9", name: "Đảng bộ phường Ba Đình", kind: .communeCommittee),
            PartyUnit(code: "C1", name: "Chi bộ khu phố 1", kind: .grassrootsCell),
            PartyUnit(code: "C3", name: "Chi bộ thôn An Xá", kind: .grassrootsCell),
            PartyUnit(code: "C9", name: "Chi bộ tổ dân phố 9", kind: .grassrootsCell),
        ],
        placements: [
            UnitPlacement(unit: "TW", parent: nil),
            UnitPlacement(unit: "LT44", parent: "TW", validTo: lastLegacyDay),
            UnitPlacement(unit: "LT45", parent: "TW", validTo: lastLegacyDay),
            UnitPlacement(unit: "T44", parent: "TW", validFrom: reform),
            UnitPlacement(unit: "T01", parent: "TW"),
            UnitPlacement(unit: "LX1", parent: "LT44", validTo: lastLegacyDay),
            UnitPlacement(unit: "X1", parent: "T44", validFrom: reform),
            UnitPlacement(unit: "X2", parent: "T44", validFrom: reform),
            UnitPlacement(unit: "X9", parent: "T01"),
            UnitPlacement(unit: "C1", parent: "LX1", validTo: lastLegacyDay),
            UnitPlacement(unit: "C1", parent: "X1", validFrom: reform),
            UnitPlacement(unit: "C3", parent: "X2", validFrom: reform),
            UnitPlacement(unit: "C9", parent: "X9"),
        ],
        events: [
            UnitEvent(kind: .mergedInto, day: reform, unit: "LT44", other: "T44"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LT45", other: "T44"),
            UnitEvent(kind: .mergedInto, day: reform, unit: "LX1", other: "X1"),
        ])

    static let membersCSV = """
    member_id,full_name,gender,birth_date,ethnicity,hometown_province_code,unit_code,joined_on,official_on,status,education,academic_title,political_theory
    M001,Nguyễn Văn An,nam,1980-03-15,Kinh,44,C1,2005-05-19,2006-05-19,official,cử nhân,,trung cấp
    M002,Trần Thị Bình,nữ,1992-11-02,Kinh,44,C1,2015-02-03,2016-02-03,official,thạc sĩ,,sơ cấp
    M003,Hồ Thị Ánh,nữ,2001-07-20,Tà Ôi,45,C3,2024-12-01,,probationary,cao đẳng,,
    M004,Đặng Văn Đức,nam,1970-01-30,Kinh,44,C1,1995-01-01,1996-01-01,official,tiến sĩ,pgs,cao cấp
    M101,Phạm Thị Dung,nữ,1988-06-06,Kinh,01,C9,2010-10-10,2011-10-10,official,kỹ sư,,trung cấp
    M102,Nguyễn Văn Ân,nam,1975-01-30,Kinh,01,C9,2000-01-01,2001-01-01,official,thạc sĩ,,cao cấp
    """
}

extension WebWorld.Persona {
    var displayName: String {
        switch self {
        case .anonymous: ""
        case .admin: "Quản trị viên"
        case .staffT44: "Lê Thị Tổ Chức"
        case .staffT01: "Vũ Văn Hà"
        case .secretary: "Đỗ Thị Thư"
        case .counter: "Ngô Văn Kiểm"
        case .reviewer: "Bùi Văn Thẩm"
        case .communeAdmin: "Lý Thị Quản"
        case .multi: "Mạc Văn Đa"
        }
    }
}
