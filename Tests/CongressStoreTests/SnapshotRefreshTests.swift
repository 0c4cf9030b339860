import Synchronization
import CongressCore
import CongressSQLite
@testable import CongressStore
import Foundation
import Testing

/// Another process's write never makes a read wait for the snapshot's rebuild (issue: an import
/// while the national server ran made the next request wait 11.5 s).
@Suite struct SnapshotRefreshTests {
    @Test("A write by another connection is answered from the previous snapshot until the new one is built, then seen")
    func otherWriterDoesNotBlockReads() async throws {
        let server = try await StoreKind.sqlite.make() as! SQLiteRegisterStore
        try await server.addOrganisation(SampleRegister.organisation)
        let day = SampleRegister.importDay
        #expect(try await server.memberCount(of: "T44", on: day) == 0)
        let importer = try SQLiteRegisterStore(path: server.path)
        _ = try await importer.importMembers(SampleRegister.rows(), on: day)
        // The importer reads its own write at once.
        #expect(try await importer.memberCount(of: "T44", on: day) > 0)
        // The server answers from its previous snapshot, then from the new one once built.
        let first = try await server.memberCount(of: "T44", on: day)
        #expect(first == 0)
        var seen = first
        for _ in 0..<200 where seen == 0 {
            try await Task.sleep(for: .milliseconds(10))
            seen = try await server.memberCount(of: "T44", on: day)
        }
        #expect(seen == (try await importer.memberCount(of: "T44", on: day)))
    }
}

extension SnapshotRefreshTests {
    @Test("R-O-3: a membership event patches the kept snapshot: it answers as one rebuilt from the database", arguments: [StoreKind.sqlite, .postgres])
    func eventPatchesTheSnapshot(_ kind: StoreKind) async throws {
        guard StoreKind.allCases.contains(kind) else { return }   // PostgreSQL only when configured
        let store = try await kind.make()
        try await store.addOrganisation(SampleRegister.organisation)
        let day = SampleRegister.importDay
        _ = try await store.importMembers(SampleRegister.rows(), on: day)
        let before = try await store.snapshot()
        let later = SampleRegister.day("2025-10-01")
        let all = try await store.members(MemberQuery(unit: "TW", day: later, limit: 50)).items
        let members = all.filter { $0.unit != "C3" }
        try #require(members.count >= 3)
        try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: later, unit: "C3"), for: members[0].memberID)
        try await store.recordMembershipEvent(MembershipEvent(kind: .suspended, day: later), for: members[1].memberID)
        try await store.recordMembershipEvent(MembershipEvent(kind: .left, day: later, detail: "deceased"), for: members[2].memberID)
        let patched = try await store.snapshot()
        #expect(patched !== before, "a new snapshot, the old one untouched")
        #expect(patched.cachedViews.map(\.day).contains(later), "the day's view moved on with the patch, not rebuilt on the next read")
        // The same database read afresh: a second store on it builds its snapshot from the rows.
        let fresh = try await kind.reopen(store)
        let rebuilt = try await fresh.snapshot()
        for unit: PartyUnit.ID in ["TW", "T44", "X1", "X2", "C1", "C2", "C3"] {
            #expect(patched.structure(of: unit, on: later) == rebuilt.structure(of: unit, on: later), "\(unit)")
            #expect(patched.members(MemberQuery(unit: unit, day: later, limit: 500)) == rebuilt.members(MemberQuery(unit: unit, day: later, limit: 500)))
        }
        #expect(patched.structure(of: "C3", on: later)?.total != before.structure(of: "C3", on: later)?.total, "the transfer shows")
    }
}

@Suite struct SnapshotPatchTests {
    @Test("A read that sees this process's one-person write before its patch is answered from the kept snapshot, and starts no rebuild")
    func readDuringPatch() async throws {
        let memory = MemoryRegisterStore()
        try await memory.addOrganisation(SampleRegister.organisation)
        let base = try await memory.snapshot()
        let replacement = try await MemoryRegisterStore().snapshot()
        let loads = Mutex(0)
        let cache = SnapshotCache { () async throws(StoreError) in
            loads.withLock { $0 += 1 }
            return (1, base)
        }
        #expect(try await cache.snapshot(current: 1) === base)
        let seen = try await cache.patching({ () async throws(StoreError) in
            (value: try await cache.snapshot(current: 2), version: 2)
        }, patch: { _, _ in replacement })
        #expect(seen === base, "answered from the kept snapshot while the write was under way")
        try await Task.sleep(for: .milliseconds(50))
        #expect(loads.withLock { $0 } == 1, "no rebuild was started")
        #expect(try await cache.snapshot(current: 2) === replacement)
    }
}

@Suite struct MemberIDIndexTests {
    @Test("The member ID index finds every person by ID, and no one for an ID not held")
    func findsEveryPerson() {
        var ids = PackedStrings()
        let held = (0..<5_000).map { String(format: "%012d", $0 * 7919) }
        for id in held { ids.append(id) }
        let index = MemberIDIndex()
        for (person, id) in held.enumerated() { #expect(index.person(id, in: ids) == person) }
        #expect(index.person("000000000001", in: ids) == nil)
        #expect(index.person("", in: ids) == nil)
    }
}
