import CongressApp
import CongressCore
import Foundation
import Testing

/// `congress report reconcile` on the worked example with planted differences
/// (Examples/reconcile, computed by hand in its README): the golden test of formats.md §9.
@Suite("Reconciliation of reported figures")
struct ReconcileJobTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/reconcile")

    static func file(_ name: String) -> String { example.appendingPathComponent(name).path }

    static func database() async throws -> String {
        let path = try await InitialisedDatabase.copy()
        let units = await UnitsJobs.importFile(file("units.csv"), database: path, language: .en)
        #expect(units.status == 0, "\(units.standardError)")
        let members = await ImportJob.run(file: file("members.csv"), database: path, asOf: Day(iso: "2026-01-01")!, language: .en, say: { _ in })
        #expect(members.status == 0, "\(members.standardError)")
        let bodies = await ImportBodiesJob.run(file: file("bodies.csv"), database: path, language: .en)
        #expect(bodies.status == 0, "\(bodies.standardError)")
        return path
    }

    @Test("§9: the example's planted differences are listed with their people, in every format; exit status 1")
    func golden() async throws {
        let database = try await Self.database()
        let expectations: [(ReconcileJob.Format, Language, String)] = [(.text, .vi, "reconciliation.vi.txt"), (.text, .en, "reconciliation.en.txt"),
                                                                       (.json, .en, "reconciliation.json"), (.csv, .en, "reconciliation.csv")]
        for (format, language, name) in expectations {
            let output = await ReconcileJob.run(file: Self.file("statistics.csv"), database: database, format: format, language: language)
            #expect(output.status == 1, "\(name)")
            #expect(output.standardOutput == (try String(contentsOfFile: Self.file(name), encoding: .utf8)), "\(name)")
        }
    }

    @Test("§9: corrected figures agree (exit 0); a bad file is refused naming line and column (exit 2)")
    func agreesAndRefuses() async throws {
        let database = try await Self.database()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reconcile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let corrected = folder.appendingPathComponent("corrected.csv").path
        try """
            unit,day,figure,value
            X18880,2026-01-01,members,10
            X18880-CQ,2026-01-01,members,7
            X18880-01,2026-01-01,members,3
            X18880,2026-01-01,members.women,2
            X18880-CQ,2026-01-01,members.women,2
            X18880-01,2026-01-01,members.women,0
            X18880,2026-01-01,executiveCommittee.women,2
            X18880,2026-01-01,secretary.members,1

            """.write(toFile: corrected, atomically: true, encoding: .utf8)
        let agreed = await ReconcileJob.run(file: corrected, database: database, format: .text, language: .en)
        #expect(agreed.status == 0, "\(agreed.standardOutput)")
        #expect(agreed.standardOutput.contains("Every figure agrees with the records"))
        let bad = folder.appendingPathComponent("bad.csv").path
        try "unit,day,figure,value\nX18880,2026-01-01,members,ten\nLX00001,2026-01-01,members,1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = await ReconcileJob.run(file: bad, database: database, format: .text, language: .en)
        #expect(refused.status == 2 && refused.standardError.contains("bad.csv, line 2, column value"))
        let gone = folder.appendingPathComponent("gone.csv").path
        try "unit,day,figure,value\nLX00001,2026-01-01,members,1\n".write(toFile: gone, atomically: true, encoding: .utf8)
        let notInForce = await ReconcileJob.run(file: gone, database: database, format: .text, language: .en)
        #expect(notInForce.status == 2 && notInForce.standardError.contains("line 2, column unit"), "\(notInForce.standardError)")
    }
}
