import CongressApp
import CongressCore
import Foundation
import Testing

/// `congress import bodies` and `congress report bodies` on the worked example of a 2025 merge
/// (Examples/bodies-merge, expected JSON computed by hand in its README): the golden test of
/// formats.md §5 and §6.
@Suite("Bodies import and structure report")
struct BodiesReportJobTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/bodies-merge")

    static func database() async throws -> String {
        let path = try await InitialisedDatabase.copy()
        let members = await ImportJob.run(file: example.appendingPathComponent("members.csv").path, database: path, asOf: Day(iso: "2026-01-01")!,
                                          language: .en, say: { _ in })
        #expect(members.status == 0, "\(members.standardError)")
        return path
    }

    static func report(_ database: String, people: String? = nil, format: ReportBodiesJob.Format = .json) async -> CommandOutput {
        await ReportBodiesJob.run(ReportBodiesJob.Options(database: database, body: .executiveCommittee, term: "2025-2030", previous: "2020-2025",
                                                          under: "T44", kind: nil, how: nil, people: people, format: format, language: .en))
    }

    @Test("§5, §6, R-O-4: the example's report is the hand-computed document; the previous term gathers the units merged into T44")
    func golden() async throws {
        let database = try await Self.database()
        let imported = await ImportBodiesJob.run(file: Self.example.appendingPathComponent("bodies.csv").path, database: database, language: .en)
        #expect(imported.status == 0 && imported.standardOutput.contains("17 rows added"))
        let report = await Self.report(database)
        let expected = try String(contentsOf: Self.example.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(report.status == 0)
        #expect(report.standardOutput == expected)
        // Re-importing the same file changes nothing.
        let again = await ImportBodiesJob.run(file: Self.example.appendingPathComponent("bodies.csv").path, database: database, language: .en)
        #expect(again.standardOutput.contains("0 rows added, 17 already there"))
        #expect(await Self.report(database).standardOutput == expected)
        // The people behind a figure.
        let notLocal = await Self.report(database, people: "notLocal", format: .csv)
        #expect(notLocal.standardOutput == "member_id,full_name,unit_code,body,how,on\nC2,Đỗ Văn Minh,T44,executiveCommittee,appointed,2025-10-10\n")
        #expect(await Self.report(database, people: "nobody").status == 2)
        // Published outside the organising committees: small counts and what would give them away hidden.
        let published = await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: .executiveCommittee, term: "2025-2030", previous: "2020-2025", under: "T44", kind: nil, how: nil, people: nil,
            format: .csv, language: .en, publicTable: true))
        #expect(published.standardOutput.contains("\nwomen,<5,,<5,,\n") && published.standardOutput.contains("\naged50OrUnder,x,,x,,\n"))
        #expect(!published.standardOutput.contains("women,3"))
        // The CSV members row carries the change of the count; the text the sum of parts, Vietnamese decimals with a comma.
        let table = await Self.report(database, format: .csv)
        #expect(table.standardOutput.contains("\nmembers,6,100.00,8,100.00,-25.00\n"))
        let vietnamese = await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: .executiveCommittee, term: "2025-2030", previous: "2020-2025", under: "T44", kind: nil, how: nil, people: nil,
            format: .text, language: .vi))
        #expect(vietnamese.standardOutput.contains("Nữ: 3 (50,00%); nhiệm kỳ trước 2 (25,00%), thay đổi 25,00 điểm"))
        #expect(vietnamese.standardOutput.contains("✓ Kiểm tra cộng dồn: 6 = tổng 1 phần\n✓ Kiểm tra cộng dồn: 8 = tổng 1 phần (2020-2025)"))
        // Under the nation, the previous term's parts are the provinces of its day: LT44, LT45 and Hà Nội.
        let nation = await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: .executiveCommittee, term: "2025-2030", previous: "2020-2025", under: "TW", kind: nil, how: nil, people: nil,
            format: .text, language: .en))
        #expect(nation.standardOutput.contains("✓ Sum of parts: 10 = the sum of 3 parts (2020-2025)"), "\(nation.standardOutput)")
        // The printable page: its table, the check and the chart, nothing to fetch.
        let page = await Self.report(database, format: .html)
        #expect(page.status == 0 && page.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(page.standardOutput.contains("<svg class=\"structure-chart\"") && page.standardOutput.contains("@page { size: A4"))
        #expect(page.standardOutput.contains("✓ Sum of parts: 6 = the sum of 1 parts") && !page.standardOutput.contains("src=\"http"))
        // A workbook a spreadsheet program opens.
        let workbook = folderFile("report.xlsx")
        let written = await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: .executiveCommittee, term: "2025-2030", previous: "2020-2025", under: "T44", kind: nil, how: nil, people: nil,
            format: .xlsx, language: .vi, output: workbook))
        #expect(written.status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: workbook)))
        #expect(bytes.prefix(4) == [0x50, 0x4B, 0x03, 0x04] && String(decoding: bytes, as: UTF8.self).contains("Thạc sĩ trở lên"))
        #expect(await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: .executiveCommittee, term: "2025-2030", previous: nil, under: "T44", kind: nil, how: nil, people: nil,
            format: .xlsx, language: .en)).status == 2, "xlsx needs --output")
    }

    func folderFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)-\(name)").path
    }

    @Test("§5: a file with a bad row imports nothing: every problem named by line and column, exit 2")
    func allOrNothing() async throws {
        let database = try await Self.database()
        let file = try TallyJobTests.temporaryFile("""
            member_id,unit_code,term,body,how,on
            A1,T44,2025-2030,executiveCommittee,elected,2025-10-10
            ZZ,T44,2025-2030,executiveCommittee,elected,2025-10-10
            A2,T44,2020-2025,executiveCommittee,elected,2020-10-15

            """, name: "bodies.csv")
        let refused = await ImportBodiesJob.run(file: file, database: database, language: .en)
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("bodies.csv, line 3, column member_id") && refused.standardError.contains("line 4, column unit_code"))
        let report = await Self.report(database)
        #expect(report.standardOutput.contains("\"members\": 0"), "nothing was written")
    }
}

/// The generated national dataset (`congress report sample`): through `congress init`, the two
/// imports and the report, the figures published for the 2020–2025 round (rules.md §6).
@Suite("The published national table from the generated dataset")
struct NationalTableTests {
    @Test("§6: 3,330 members (−6.20%), 523 women (15.71%, +2.69), 389 minorities (11.68%), 2,220 master's or higher (66.67%), 28 professors; of 65 elected secretaries 9 women (13.85%), 28 aged 50 or under (43.08%), 27 not local (41.54%, +23.08)")
    func publishedFigures() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)").path
        #expect(NationalBodiesSampleJob.run(folder: folder, language: .en).status == 0)
        let database = try await InitialisedDatabase.copy()
        #expect(await ImportJob.run(file: folder + "/members.csv", database: database, asOf: Day(iso: "2021-01-01")!, language: .en,
                                    say: { _ in }).status == 0)
        #expect(await ImportBodiesJob.run(file: folder + "/bodies.csv", database: database, language: .en).status == 0)
        func report(_ body: BodyMembership.Role, how: BodyMembership.Origin?) async throws -> [String: Any] {
            let output = await ReportBodiesJob.run(ReportBodiesJob.Options(database: database, body: body, term: "2020-2025", previous: "2015-2020",
                                                                           under: "TW", kind: .underCentral, how: how, people: nil, format: .json,
                                                                           language: .en))
            return try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        }
        func group(_ json: [String: Any], _ key: String, _ field: String) -> String {
            "\(((json["groups"] as? [String: Any])?[key] as? [String: Any])?[field] ?? "")"
        }
        let committees = try await report(.executiveCommittee, how: nil)
        #expect(committees["bodies"] as? Int == 67 && committees["members"] as? Int == 3_330 && committees["previousMembers"] as? Int == 3_550)
        #expect(committees["changePercent"] as? String == "-6.20")
        #expect(group(committees, "women", "count") == "523" && group(committees, "women", "percent") == "15.71")
        #expect(group(committees, "women", "changePoints") == "2.69")
        #expect(group(committees, "ethnicMinority", "count") == "389" && group(committees, "ethnicMinority", "percent") == "11.68")
        #expect(group(committees, "mastersOrHigher", "count") == "2220" && group(committees, "mastersOrHigher", "percent") == "66.67")
        #expect(group(committees, "professors", "count") == "28")
        let secretaries = try await report(.secretary, how: .elected)
        #expect(secretaries["members"] as? Int == 65)
        #expect(group(secretaries, "women", "count") == "9" && group(secretaries, "women", "percent") == "13.85")
        #expect(group(secretaries, "aged50OrUnder", "count") == "28" && group(secretaries, "aged50OrUnder", "percent") == "43.08")
        #expect(group(secretaries, "notLocal", "count") == "27" && group(secretaries, "notLocal", "percent") == "41.54")
        #expect(group(secretaries, "notLocal", "changePoints") == "23.08")
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// `congress init` once for the suites that need the real organisation; each test gets a copy.
enum InitialisedDatabase {
    static let template = Task { () -> String in
        let path = try TallyJobTests.temporaryFile("", name: "initialised.sqlite")
        try FileManager.default.removeItem(atPath: path)
        let output = await UnitsJobs.initialise(database: path, language: .en)
        guard output.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    static func copy() async throws -> String {
        let source = try await template.value
        let path = try TallyJobTests.temporaryFile("", name: "copy.sqlite")
        try FileManager.default.removeItem(atPath: path)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: path + suffix)
        }
        return path
    }
}
