import CongressCore
import CongressSQLite
import CongressStore
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
