import CongressCore
import Foundation
import Testing

/// Every worked example in `Examples/` counts to exactly its `expected.json` (formats.md §1–3).
@Suite struct ExampleGoldenTests {
    @Test func examplesArePresent() {
        #expect(Fixtures.electionExamples.count >= 6)
    }

    @Test(arguments: Fixtures.electionExamples)
    func resultMatchesExpected(example: String) throws {
        let election = try ElectionFile.decode(try Fixtures.data(example, "election.json"))
        let ballots = try BallotCSV.ballots([UInt8](try Fixtures.data(example, "ballots.csv")), election: election)
        let result = try Tally.count(election, ballots: ballots)
        let expected = try JSONDecoder().decode(JSONValue.self, from: try Fixtures.data(example, "expected.json"))
        let produced = ResultDocument.encode(result)
        #expect(produced == expected)
        // Also through the printed document, as `congress tally --format json` prints it.
        let reparsed = try JSONDecoder().decode(JSONValue.self, from: Data(produced.formatted().utf8))
        #expect(reparsed == expected)
    }

    @Test(arguments: Fixtures.electionExamples)
    func streamingCountEqualsBallotByBallot(example: String) throws {
        let election = try ElectionFile.decode(try Fixtures.data(example, "election.json"))
        let bytes = [UInt8](try Fixtures.data(example, "ballots.csv"))
        var counter = TallyCounter(election: election)
        try BallotCSV.count(bytes, into: &counter, election: election)
        let streamed = try Tally.result(of: election, counter: counter)
        let listed = try Tally.count(election, ballots: try BallotCSV.ballots(bytes, election: election))
        #expect(streamed == listed)
    }

    @Test func nameOrderExample() throws {
        let input = String(decoding: try Fixtures.data("name-order", "input.txt"), as: UTF8.self)
        let expected = String(decoding: try Fixtures.data("name-order", "expected.txt"), as: UTF8.self)
        let lines = { (text: String) in text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty } }
        #expect(VietnameseNameOrder.sorted(lines(input)) == lines(expected))
    }
}
