import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// One contract for the compositions of past terms (formats.md §5) on memory, SQLite (new and
/// upgraded) and PostgreSQL.
@Suite("Bodies store contract")
struct BodiesStoreContractTests {
    static func make(_ kind: StoreKind) async throws -> (bodies: any BodiesStore, access: any AccessStore) {
        let chain = AuditChain(digest: AccessStoreContractTests.digest)
        let clock: @Sendable () -> String = { "2026-11-22T03:00:00Z" }
        switch kind {
        case .memory:
            let access = MemoryAccessStore(chain: chain, clock: clock)
            return (MemoryBodiesStore(access: access, known: { $0.memberID != "NOBODY" }), access)
        case .sqlite, .upgradedSQLite:
            let register = try await SampleRegister.filled(kind) as! SQLiteRegisterStore
            return (SQLiteBodiesStore(register: register, chain: chain, clock: clock), SQLiteAccessStore(register: register, chain: chain, clock: clock))
        case .postgres:
            let register = try await SampleRegister.filled(kind) as! PostgresRegisterStore
            return (PostgresBodiesStore(database: register.database, chain: chain, clock: clock),
                    PostgresAccessStore(database: register.database, chain: chain, clock: clock))
        }
    }

    static func row(_ member: Person.ID, _ role: BodyMembership.Role = .executiveCommittee, term: String = "2020-2025") -> BodyMembership {
        BodyMembership(memberID: member, unit: "X1", term: term, role: role, how: .elected, on: Day(iso: "2025-10-10")!)
    }

    static func audit(_ added: Int) -> AuditDraft { AuditDraft(actor: "test", action: .bodiesImported, subject: "bodies.csv", detail: "\(added) added") }

    @Test("§5: rows kept by body and term; the same rows again add nothing; an unknown member writes nothing", arguments: StoreKind.allCases)
    func importOnce(_ kind: StoreKind) async throws {
        let (store, access) = try await Self.make(kind)
        let member: Person.ID = "M001"
        let rows = [Self.row(member), Self.row(member, .secretary), Self.row(member, term: "2025-2030")]
        let untouched = try await store.changeMarker()
        #expect(try await store.importBodies(rows, audit: Self.audit) == 3)
        let marked = try await store.changeMarker()
        #expect(marked != untouched, "an import changes the marker the report caches check")
        #expect(try await store.count(role: .executiveCommittee, term: "2020-2025") == 1)
        #expect(try await store.importBodies(rows, audit: Self.audit) == 0)
        #expect(try await store.bodies(role: .executiveCommittee, term: "2020-2025") == [rows[0]])
        #expect(try await store.bodies(role: .secretary, term: "2020-2025") == [rows[1]])
        let before = try await access.auditHead()
        await #expect(throws: StoreError.unknownMember("NOBODY")) {
            try await store.importBodies([Self.row(member, .standingCommittee), Self.row("NOBODY")], audit: Self.audit)
        }
        #expect(try await store.bodies(role: .standingCommittee, term: "2020-2025").isEmpty)
        #expect(try await access.auditHead() == before)
        let refusedMarker = try await store.changeMarker()
        #expect(try await store.changeMarker() == refusedMarker, "reading changes nothing")
        #expect(try await access.auditLog().filter { $0.action == .bodiesImported }.map(\.detail) == ["3 added", "0 added"])
    }
}
