import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// One contract for the organising staff's personnel work (R-P-3, R-P-4, R-P-7), on memory,
/// SQLite (new and upgraded) and PostgreSQL.
@Suite("Personnel store contract")
struct PersonnelStoreContractTests {
    struct Stores {
        var personnel: any PersonnelStore
        var counting: any CountingStore
        var access: any AccessStore
    }

    static func make(_ kind: StoreKind) async throws -> Stores {
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        let clock: @Sendable () -> String = { "2026-11-22T03:00:00Z" }
        switch kind {
        case .memory:
            let access = MemoryAccessStore(chain: chain, clock: clock)
            let known: Set<PartyUnit.ID> = Set(SampleRegister.organisation.units.map(\.code))
            return Stores(personnel: MemoryPersonnelStore(access: access, units: { known.contains($0) }),
                          counting: MemoryCountingStore(access: access), access: access)
        case .sqlite, .upgradedSQLite:
            let register = try await kind.make() as! SQLiteRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return Stores(personnel: SQLitePersonnelStore(register: register, chain: chain, clock: clock),
                          counting: SQLiteCountingStore(register: register, chain: chain, clock: clock),
                          access: SQLiteAccessStore(register: register, chain: chain, clock: clock))
        case .postgres:
            let register = try await kind.make() as! PostgresRegisterStore
            try await register.addOrganisation(SampleRegister.organisation)
            return Stores(personnel: PostgresPersonnelStore(database: register.database, chain: chain, clock: clock),
                          counting: PostgresCountingStore(database: register.database, chain: chain, clock: clock),
                          access: PostgresAccessStore(database: register.database, chain: chain, clock: clock))
        }
    }

    static func audit(_ action: AuditAction) -> AuditDraft { AuditDraft(actor: "staff", action: action, subject: "X1", unit: "X1") }
    static let day = Day(iso: "2025-03-01")!

    @Test("R-P-7: planning revisions are kept with their history, in order; a revision of an unknown unit writes nothing",
          arguments: StoreKind.allCases)
    func planningHistory(_ kind: StoreKind) async throws {
        let stores = try await Self.make(kind)
        let first = PlanningRevision(unit: "X1", term: "2025–2030", post: .secretary, day: Self.day, members: ["A1", "B2"],
                                     recordedBy: "staff", note: "NQ 01")
        var second = first
        second.day = Day(iso: "2026-03-01")!
        second.members = ["B2", "C3", "D4"]
        second.note = "NQ 07: yearly review"
        try await stores.personnel.revisePlanning(second, audit: Self.audit(.planningRevised))
        try await stores.personnel.revisePlanning(first, audit: Self.audit(.planningRevised))
        let before = try await stores.access.auditHead()
        await #expect(throws: StoreError.unknownUnit("NOPE")) {
            var stray = first
            stray.unit = "NOPE"
            try await stores.personnel.revisePlanning(stray, audit: Self.audit(.planningRevised))
        }
        #expect(try await stores.access.auditHead() == before)
        let revisions = try await stores.personnel.planningRevisions(of: "X1", term: "2025–2030")
        #expect(revisions == [first, second])
        #expect(try await stores.personnel.planningRevisions(of: "X1", term: "2030–2035").isEmpty)
        #expect(CadrePlanning(revisions).current(on: Day(iso: "2026-06-01")!).map(\.members) == [["B2", "C3", "D4"]])
        #expect(try await stores.access.auditLog().filter { $0.action == .planningRevised }.count == 2)
    }

    @Test("R-P-4: a dossier's conditions keep their evidence; recording it again replaces it", arguments: StoreKind.allCases)
    func dossierEvidence(_ kind: StoreKind) async throws {
        let stores = try await Self.make(kind)
        var dossier = DossierRecord(memberID: "A1", post: .committee, level: .commune, entry: .first)
        try await stores.personnel.recordDossier(dossier, unit: "X1", audit: Self.audit(.dossierRecorded))
        dossier.standardsConclusion = Evidence(document: "KL 12-KL/ĐU", day: Self.day, recordedBy: "staff")
        dossier.assetsDeclared = Evidence(document: "BK 3/2025", day: Day(iso: "2025-02-10")!, recordedBy: "staff2")
        try await stores.personnel.recordDossier(dossier, unit: "X1", audit: Self.audit(.dossierRecorded))
        let other = DossierRecord(memberID: "A1", post: .secretary, level: .commune, entry: .reelection)
        try await stores.personnel.recordDossier(other, unit: "X1", audit: Self.audit(.dossierRecorded))
        #expect(try await stores.personnel.dossiers(of: "X1") == [dossier, other])
        #expect(try await stores.personnel.dossiers(of: "X2").isEmpty)
    }

    @Test("R-P-3: a scheme is written at the version read; a stale write or a second creation changes nothing; a ballot's round finds it",
          arguments: StoreKind.allCases)
    func schemeVersions(_ kind: StoreKind) async throws {
        let stores = try await Self.make(kind)
        let scheme = PersonnelScheme(unit: "X1", term: "2025–2030", level: .commune,
                                     bodies: [PersonnelScheme.Body(kind: .executiveCommittee, seats: 3)])
        var record = SchemeRecord(scheme: scheme)
        let start = try await stores.personnel.personnelVersion()
        #expect(try await stores.personnel.saveScheme(record, version: nil, audit: Self.audit(.schemeChanged)) == 1)
        await #expect(throws: StoreError.schemeChanged) {
            try await stores.personnel.saveScheme(record, version: nil, audit: Self.audit(.schemeChanged))
        }
        (record, _) = try SchemeDecision.record(.adoptList(["A1", "B2", "C3", "D4"]), body: .executiveCommittee, actor: "staff",
                                                day: Self.day, in: record)
        let election = Election(title: "Giới thiệu", body: .introduction, seats: 4, candidates: ["A", "B", "C", "D"],
                                base: BaseRecord(kind: .committeeConference, convened: 9), ballotsIssued: 9)
        let round = try await stores.counting.openRound(election, unit: "X1", requiredEntries: 2, audit: Self.audit(.roundOpened))
        (record, _) = try SchemeDecision.openBallot(body: .executiveCommittee, round: round, summoned: 10, present: 9,
                                                    countingBoard: ["K1", "K2"], in: record)
        #expect(try await stores.personnel.saveScheme(record, version: 1, audit: Self.audit(.schemeChanged)) == 2)
        await #expect(throws: StoreError.schemeChanged) {
            try await stores.personnel.saveScheme(record, version: 1, audit: Self.audit(.schemeChanged))
        }
        let stored = try #require(try await stores.personnel.scheme(of: "X1", term: "2025–2030"))
        #expect(stored == StoredScheme(version: 2, record: record))
        #expect(try await stores.personnel.scheme(countingRound: round) == stored)
        #expect(try await stores.personnel.scheme(countingRound: Round.ID(round.rawValue + 100)) == nil)
        #expect(try await stores.personnel.scheme(of: "X2", term: "2025–2030") == nil)
        #expect(try await stores.personnel.personnelVersion() > start)
        #expect(try await stores.access.auditLog().filter { $0.action == .schemeChanged }.count == 2)
    }
}
