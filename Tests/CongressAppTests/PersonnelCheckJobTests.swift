@testable import CongressApp
import CongressCore
import Foundation
import Testing

/// `congress personnel check` (docs/formats.md §7): the conditions of R-P-1 and R-P-4 for a file
/// of dossiers, and entry errors that name the file, line and column.
@Suite struct PersonnelCheckJobTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/personnel")

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossiers-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let header = DossiersFile.columns.joined(separator: ",")

    @Test("R-P-1, R-P-4: the example's result document is the committed one (months checked by hand against Decree 135/2020)")
    func exampleGolden() throws {
        let output = PersonnelCheckJob.run(path: Self.examples.appendingPathComponent("dossiers.csv").path, format: .json, language: .vi)
        #expect(output.status == 0 && output.standardError.isEmpty)
        let expected = try String(contentsOf: Self.examples.appendingPathComponent("result.json"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try output.standardOutput.write(to: Self.examples.appendingPathComponent("result.json"), atomically: true, encoding: .utf8)
        }
        #expect(output.standardOutput == expected)
        #expect(output.standardOutput.contains(#""workingMonthsLeft": 58"#) && output.standardOutput.contains(#""reason": "58 tháng (cần 60)""#))
    }

    @Test("A bad row exits 2 naming the file, line and column; nothing is printed on standard output")
    func badRow() throws {
        let path = try Self.write(Self.header + "\n"
            + "DV1,Nguyễn Văn An,nam,1970-01-01,commune,committee,reelection,official,yes,no,none,,yes,yes\n\n"
            + "DV2,Trần Thị Bình,nữ,1970-02-30,commune,committee,reelection,official,yes,no,none,,yes,yes\n"
            + "DV3,Lê Văn Cường,nam,1970,commune,chairman,reelection,official,yes,no,none,,yes,yes\n")
        let output = PersonnelCheckJob.run(path: path, format: .json, language: .vi)
        #expect(output.status == 2 && output.standardOutput.isEmpty)
        #expect(output.standardError.contains("dòng 4, cột birth_date: ngày sinh '1970-02-30' không hợp lệ"))
        #expect(output.standardError.contains("dòng 5, cột post") && output.standardError.contains("2 lỗi"))
        let english = PersonnelCheckJob.run(path: path, format: .text, language: .en)
        #expect(english.standardError.contains("line 5, column post: 'chairman' is not one of: committee, standingCommittee"))
    }

    @Test("A header with a missing or unknown column is refused as a whole, on line 1")
    func badHeader() throws {
        let path = try Self.write("member_id,full_name,gender\nDV1,A,nam\n")
        let output = PersonnelCheckJob.run(path: path, format: .text, language: .en)
        #expect(output.status == 2 && output.standardError.contains("line 1: the header row is wrong: missing birth_date"))
    }

    @Test("R-P-4: the CSV result lists each dossier's conditions not met")
    func csvResult() throws {
        let output = PersonnelCheckJob.run(path: Self.examples.appendingPathComponent("dossiers.csv").path, format: .csv, language: .vi)
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.first == "member_id,full_name,eligible,working_months_left,retirement_month,conditions_not_met")
        #expect(lines.count == 7 && lines[1].hasPrefix("DV001,Nguyễn Văn An,yes,104,2034-03,"))
        #expect(lines[5].contains("fullMember: đảng viên dự bị"))
    }

    @Test("The result document written directly is the one the JSON writer gives, with and without dossiers")
    func directWriterMatches() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.examples.appendingPathComponent("dossiers.csv")))
        guard case .success(let dossiers) = DossiersFile.parse(bytes) else { Issue.record("the example parses"); return }
        for verdicts in [dossiers.map { DossierCheck.check($0) }, []] {
            for language in Language.allCases {
                #expect(PersonnelCheckJob.fastJSON(verdicts, cycle: .c2025_2030, language: language)
                        == PersonnelCheckJob.json(verdicts, cycle: .c2025_2030, language: language).formatted() + "\n")
            }
        }
        let text = PersonnelCheckJob.run(path: Self.examples.appendingPathComponent("dossiers.csv").path, format: .text, language: .vi).standardOutput
        #expect(text.hasPrefix("DV001 Nguyễn Văn An (secretary, reelection): đủ điều kiện; nghỉ hưu cuối tháng 2034-03, còn 104 tháng\n"))
        #expect(text.contains("  ✗ Tuổi và thời gian công tác còn lại (R-P-1): 58 tháng (cần 60)\n"))
        #expect(text.hasSuffix("6 hồ sơ, 2 đủ điều kiện, 4 chưa đủ (chu kỳ 2025-2030)\n"))
    }
}

