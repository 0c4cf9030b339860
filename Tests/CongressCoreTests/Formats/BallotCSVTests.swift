import CongressCore
import Testing

/// formats.md §2: the ballot file, and entry errors as distinct from invalid ballots.
@Suite struct BallotCSVTests {
    let strikeOut = Fixtures.election(seats: 3, candidates: 4)
    let agreeDisagree = Fixtures.election(body: .deputySecretary, seats: 2, candidates: 2)

    func errors(_ text: String, _ election: Election) -> [BallotRowError] {
        do {
            _ = try BallotCSV.ballots(Array(text.utf8), election: election)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func readsTheDocumentedExample() throws {
        let text = "issued,struck,marks,writein,marked\nyes,2 4,,,\nyes,,,,\nno,,,,\nyes,1 2 3 4,,,\nyes,3,,yes,\n"
        let ballots = try BallotCSV.ballots(Array(text.utf8), election: strikeOut)
        #expect(ballots.count == 5)
        #expect(ballots[0] == .striking([2, 4]))
        #expect(!ballots[2].issued)
        #expect(ballots[4].writeIn)
    }

    @Test("Entry error: a ballot number outside the list names the line")
    func numberOutsideList() {
        let found = errors("issued,struck,marks,writein,marked\nyes,2,,,\nyes,5,,,\n", strikeOut)
        #expect(found == [BallotRowError(line: 3, problem: .numberOutsideList(number: 5, candidates: 4))])
    }

    @Test("Entry errors are all reported, each with its line", arguments: [
        ("yes,0,,,", BallotEntryProblem.numberOutsideList(number: 0, candidates: 4)),
        ("yes,x,,,", .notABallotNumber(text: "x")),
        ("yes,2 2,,,", .numberRepeated(number: 2)),
        ("yes,,AD,,", .marksOnStrikeOut),
        ("maybe,1,,,", .notYesNo(column: "issued", text: "maybe")),
        ("yes,1,,,,", .fieldCount(found: 6, expected: 5)),
        ("yes,1,,có,", .notYesNo(column: "writein", text: "có")),
    ])
    func strikeOutEntryErrors(row: String, problem: BallotEntryProblem) {
        let found = errors("issued,struck,marks,writein,marked\nyes,1,,,\n\(row)\nyes,1,,,\n", strikeOut)
        #expect(found == [BallotRowError(line: 3, problem: problem)])
    }

    @Test("Entry errors on agree/disagree ballots", arguments: [
        (",,A,,", BallotEntryProblem.marksLength(found: 1, expected: 2)),
        (",,ADA,,", .marksLength(found: 3, expected: 2)),
        (",,AX,,", .unknownMark(text: "AX")),
        (",1,AA,,", .struckOnAgreeDisagree),
        (",,,,", .marksLength(found: 0, expected: 2)),
    ])
    func agreeDisagreeEntryErrors(row: String, problem: BallotEntryProblem) {
        let found = errors("issued,struck,marks,writein,marked\n\(row)\n", agreeDisagree)
        #expect(found == [BallotRowError(line: 2, problem: problem)])
    }

    @Test func unstampedAgreeDisagreeBallotMayOmitMarks() throws {
        let ballots = try BallotCSV.ballots(Array("issued,struck,marks,writein,marked\nno,,,,\n".utf8), election: agreeDisagree)
        #expect(ballots.count == 1)
        #expect(BallotValidity(election: agreeDisagree).invalidReason(of: ballots[0]) == .notIssued)
    }

    @Test func headerIsRequired() {
        let found = errors("yes,1,,,\n", strikeOut)
        #expect(found.first?.line == 1)
        if case .header = found.first?.problem {} else { Issue.record("expected a header error, got \(found)") }
    }

    @Test func columnsInAnyOrderWithBOMCRLFQuotesAndBlankLines() throws {
        let text = "\u{FEFF}struck,issued\r\n\"2 4\",yes\r\n\r\n3,\r\n"
        let ballots = try BallotCSV.ballots(Array(text.utf8), election: strikeOut)
        #expect(ballots == [.striking([2, 4]), .striking([3])])
    }

    @Test("Entry error: more rows than ballots issued")
    func moreRowsThanIssued() {
        var election = strikeOut
        election.ballotsIssued = 1
        var counter = TallyCounter(election: election)
        #expect(throws: BallotFileErrors(errors: [BallotRowError(line: nil, problem: .moreBallotsThanIssued(returned: 2, issued: 1))], total: 1)) {
            try BallotCSV.count(Array("struck\n1\n2\n".utf8), into: &counter, election: election)
        }
    }

    @Test func manyErrorsAreCappedButCounted() {
        let rows = String(repeating: "yes,9,,,\n", count: 120)
        var counter = TallyCounter(election: strikeOut)
        do {
            try BallotCSV.count(Array(("issued,struck,marks,writein,marked\n" + rows).utf8), into: &counter, election: strikeOut)
            Issue.record("expected errors")
        } catch {
            #expect(error.total == 120)
            #expect(error.errors.count == BallotFileErrors.limit)
        }
    }

    @Test func entryMessagesInBothLanguages() {
        let problem = BallotEntryProblem.numberOutsideList(number: 7, candidates: 4)
        #expect(problem.message(.vi) == "số 7 không có trong danh sách (1–4)")
        #expect(problem.message(.en) == "number 7 is not on the list (1–4)")
    }
}
