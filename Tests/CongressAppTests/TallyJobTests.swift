import CongressApp
import CongressCore
import Foundation
import Testing

/// `congress tally` end to end: golden results and minutes, entry errors, refusals.
@Suite struct TallyJobTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let electionExamples = ["A-threshold-on-base", "B-tie-at-cutoff", "C-shortfall", "D1-secretary-agree-disagree",
                                   "D2-deputies-both-boxes", "F-delegates-official-alternate"]

    static func paths(_ example: String) -> (String, String) {
        (examples.appendingPathComponent("\(example)/election.json").path, examples.appendingPathComponent("\(example)/ballots.csv").path)
    }

    @Test("JSON output equals the shipped expected.json", arguments: electionExamples)
    func jsonMatchesExpected(example: String) throws {
        let (election, ballots) = Self.paths(example)
        let output = TallyJob.run(electionPath: election, ballotsPath: ballots, format: .json, language: .vi)
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty)
        let produced = try JSONDecoder().decode(JSONValue.self, from: Data(output.standardOutput.utf8))
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.examples.appendingPathComponent("\(example)/expected.json")))
        #expect(produced == expected)
    }

    @Test("R-E-28: minutes match their golden files (text and HTML, Vietnamese and English)",
          arguments: electionExamples.flatMap { example in [(example, TallyJob.Format.text), (example, .html)] })
    func minutesMatchGolden(example: String, format: TallyJob.Format) throws {
        let (election, ballots) = Self.paths(example)
        for language in Language.allCases {
            let output = TallyJob.run(electionPath: election, ballotsPath: ballots, format: format, language: language)
            #expect(output.status == 0)
            let file = Self.golden.appendingPathComponent("\(example).\(language.rawValue).\(format == .html ? "html" : "txt")")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try output.standardOutput.write(to: file, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            #expect(output.standardOutput == expected, "regenerate with UPDATE_GOLDEN=1 swift test after checking the change")
        }
    }

    @Test("R-E-28: the minutes carry every field the files hold")
    func minutesCarryRequiredFields() {
        let (election, ballots) = Self.paths("A-threshold-on-base")
        let text = TallyJob.run(electionPath: election, ballotsPath: ballots, format: .text, language: .vi).standardOutput
        for needed in ["BIÊN BẢN KIỂM PHIẾU", "Ban Chấp hành", "Số lượng cần bầu: 3", "1. Nguyễn Văn An", "Số được triệu tập: 108",
                       "Số có mặt: 100", "(R-E-17): 100", "Số phiếu phát ra: 100", "Số phiếu thu vào: 100", "Số phiếu hợp lệ: 96",
                       "Số phiếu không hợp lệ: 4", "bầu quá số lượng: 1", "82,00%", "190-QĐ/TW", "BAN KIỂM PHIẾU", "Trưởng ban"] {
            #expect(text.contains(needed), "missing: \(needed)")
        }
    }

    @Test("Entry error: a ballot number outside the list exits 2 naming file and line, printing no result")
    func ballotOutsideListExits2() throws {
        let (election, _) = Self.paths("A-threshold-on-base")
        let bad = try Self.temporaryFile("issued,struck,marks,writein,marked\nyes,2,,,\nyes,9,,,\n", name: "ballots.csv")
        for language in Language.allCases {
            let output = TallyJob.run(electionPath: election, ballotsPath: bad, format: .json, language: language)
            #expect(output.status == 2)
            #expect(output.standardOutput.isEmpty)
            let line = language == .vi ? "\(bad), dòng 3: số 9 không có trong danh sách (1–4)" : "\(bad), line 3: number 9 is not on the list (1–4)"
            #expect(output.standardError.contains(line))
        }
    }

    @Test("R-E-6: an executive committee list over the 30% cap exits 2 naming the rule")
    func overCapExits2() throws {
        let names = (1...20).map { "\"Người \($0)\"" }.joined(separator: ",")
        let election = try Self.temporaryFile("""
            {"title": "T", "body": "executiveCommittee", "seats": 15, "candidates": [\(names)],
             "base": {"kind": "membersCongress", "convened": 100}, "ballotsIssued": 100}
            """, name: "election.json")
        let (_, ballots) = Self.paths("A-threshold-on-base")
        let output = TallyJob.run(electionPath: election, ballotsPath: ballots, format: .text, language: .vi)
        #expect(output.status == 2)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("R-E-6"))
        #expect(output.standardError.contains(election))
    }

    @Test func missingFileNamesIt() {
        let output = TallyJob.run(electionPath: "/nonexistent/e.json", ballotsPath: "/nonexistent/b.csv", format: .text, language: .vi)
        #expect(output.status == 2)
        #expect(output.standardError.hasPrefix("/nonexistent/e.json: không đọc được tệp"))
    }

    @Test("R-E-10: order-names prints the shipped expected order")
    func orderNames() throws {
        let output = OrderNamesJob.run(path: Self.examples.appendingPathComponent("name-order/input.txt").path, language: .vi)
        let expected = try String(contentsOf: Self.examples.appendingPathComponent("name-order/expected.txt"), encoding: .utf8)
        #expect(output.status == 0)
        #expect(output.standardOutput == expected.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    static func temporaryFile(_ text: String, name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congress-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
