import CongressApp
import CongressCore
import Foundation
import Testing

/// `congress ballots`: the printable ballot of a checked list.
@Suite struct BallotsJobTests {
    @Test("R-E-11, R-E-12: printed ballots match their golden files (strike-out and agree/disagree, both languages)",
          arguments: [("A-threshold-on-base", BallotSheet.Paper.a4), ("D1-secretary-agree-disagree", .a5),
                      ("F-delegates-official-alternate", .a4)])
    func golden(example: String, paper: BallotSheet.Paper) throws {
        let (election, _) = TallyJobTests.paths(example)
        for language in Language.allCases {
            let output = BallotsJob.run(electionPath: election, paper: paper, language: language)
            #expect(output.status == 0)
            let file = TallyJobTests.golden.appendingPathComponent("ballot-\(example).\(language.rawValue).html")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try output.standardOutput.write(to: file, atomically: true, encoding: .utf8)
            }
            #expect(output.standardOutput == (try String(contentsOf: file, encoding: .utf8)))
        }
    }

    @Test("R-E-11: every printed ballot is the same page: nothing varies, no serial number, the stamp area first")
    func nothingIdentifies() throws {
        let (election, _) = TallyJobTests.paths("A-threshold-on-base")
        let first = BallotsJob.run(electionPath: election, paper: .a4, language: .vi).standardOutput
        let second = BallotsJob.run(electionPath: election, paper: .a4, language: .vi).standardOutput
        #expect(first == second)
        #expect(!first.lowercased().contains("số seri") && !first.lowercased().contains("serial"))
        let stamp = try #require(first.range(of: "class=\"stamp\""))
        let names = try #require(first.range(of: "Nguyễn Văn An"))
        #expect(stamp.lowerBound < names.lowerBound)
        #expect(first.contains("@page { size: A4"))
    }

    @Test("R-E-12: Agree/Disagree columns only without a surplus")
    func columns() {
        let withSurplus = BallotsJob.run(electionPath: TallyJobTests.paths("A-threshold-on-base").0, paper: .a4, language: .vi)
        let noSurplus = BallotsJob.run(electionPath: TallyJobTests.paths("D1-secretary-agree-disagree").0, paper: .a4, language: .vi)
        #expect(!withSurplus.standardOutput.contains("Không đồng ý"))
        #expect(noSurplus.standardOutput.contains("<th>Đồng ý</th><th>Không đồng ý</th>"))
    }

    @Test("R-E-10: a list out of ballot order is refused, naming the position and the name that belongs there")
    func outOfOrder() throws {
        let election = """
        {"title": "Bầu thử", "body": "executiveCommittee", "rulebook": "190-QĐ/TW", "round": 1, "seats": 3,
         "candidates": ["Trần Văn Cường", "Nguyễn Văn An", "Lê Thị Bình", "Phạm Thị Dung"],
         "base": {"kind": "membersCongress", "convened": 10}, "ballotsIssued": 10}
        """
        let path = try TallyJobTests.temporaryFile(election, name: "election.json")
        let output = BallotsJob.run(electionPath: path, paper: .a4, language: .en)
        #expect(output.status == 2 && output.standardOutput.isEmpty)
        #expect(output.standardError.contains("R-E-10") && output.standardError.contains("position 1")
                && output.standardError.contains("Nguyễn Văn An"))
    }

    @Test("R-E-6: a list over the surplus cap is not printed")
    func overCap() throws {
        let election = """
        {"title": "Bầu thử", "body": "executiveCommittee", "rulebook": "190-QĐ/TW", "round": 1, "seats": 3,
         "candidates": ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Hà Văn Em"],
         "base": {"kind": "membersCongress", "convened": 10}, "ballotsIssued": 10}
        """
        let path = try TallyJobTests.temporaryFile(election, name: "election.json")
        let output = BallotsJob.run(electionPath: path, paper: .a4, language: .en)
        #expect(output.status == 2 && output.standardError.contains("R-E-6"))
    }
}
