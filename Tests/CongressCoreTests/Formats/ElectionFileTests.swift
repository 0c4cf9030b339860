import CongressCore
import Foundation
import Testing

/// formats.md §1: the election file, with problems that name the field.
@Suite struct ElectionFileTests {
    let valid = """
    {"title": "T", "body": "executiveCommittee", "seats": 3, "candidates": ["A B", "C D", "E F", "G H"],
     "base": {"kind": "membersCongress", "convened": 10, "excluded": {"exemptedAbsent": 1}}, "ballotsIssued": 9}
    """

    func decode(_ text: String) throws(ElectionFileProblem) -> Election {
        try ElectionFile.decode(Data(text.utf8))
    }

    @Test func defaultsWhenAbsent() throws {
        let election = try decode(valid)
        #expect(election.rulebook == .qd190)
        #expect(election.round == 1)
        #expect(election.alternateSeats == 0)
        #expect(election.baseValue == 9)
    }

    @Test("Problems name the field", arguments: [
        ("\"seats\": 3,", "", ElectionFileProblem.missingField("seats")),
        ("\"seats\": 3", "\"seats\": \"3\"", .wrongType(field: "seats", expected: "whole number")),
        ("executiveCommittee", "committee", .unknownValue(field: "body", value: "committee", allowed: BodyKind.allCases.map(\.rawValue))),
        ("\"title\"", "\"titel\": 1, \"title\"", .unknownField("titel")),
        ("exemptedAbsent", "delegatesAbsentNotReplaced", .exclusionNotForKind(field: "base.excluded.delegatesAbsentNotReplaced", kind: .membersCongress)),
    ])
    func problemsNameTheField(replace: String, with: String, problem: ElectionFileProblem) {
        #expect(throws: problem) { try decode(valid.replacingOccurrences(of: replace, with: with)) }
    }

    @Test func notJSON() {
        #expect(throws: ElectionFileProblem.self) { try decode("{") }
    }

    @Test func asciiRulebookSpelling() throws {
        let election = try decode(valid.replacingOccurrences(of: "\"seats\"", with: "\"rulebook\": \"244-QD/TW\", \"seats\""))
        #expect(election.rulebook.id == "244-QĐ/TW")
    }

    @Test func encodeThenDecodeIsIdentity() throws {
        let election = try decode(valid)
        let again = try decode(ElectionFile.encode(election).formatted())
        #expect(again == election)
    }

    @Test func messagesNameFileAndField() {
        let message = ElectionFileProblem.missingField("seats").message(file: "e.json", .vi)
        #expect(message == "e.json: thiếu trường 'seats'")
    }
}

extension ElectionFileTests {
    @Test("the optional memberIds: one per candidate, kept through encode and decode; a wrong count names the field")
    func memberIDs() throws {
        let text = valid.replacingOccurrences(of: "\"G H\"],", with: "\"G H\"], \"memberIds\": [\"M1\", \"\", \"M3\", \"M4\"],")
        let election = try decode(text)
        #expect(election.memberIDs == ["M1", "", "M3", "M4"])
        #expect(election.memberID(at: 1) == nil && election.memberID(at: 2) == "M3")
        #expect(try decode(ElectionFile.encode(election).formatted()) == election)
        #expect(ElectionFile.encode(try decode(valid)).formatted().contains("memberIds") == false, "absent stays absent")
        let short = valid.replacingOccurrences(of: "\"G H\"],", with: "\"G H\"], \"memberIds\": [\"M1\"],")
        #expect(throws: ElectionFileProblem.wrongType(field: "memberIds", expected: "array of 4 strings, one per candidate")) {
            try decode(short)
        }
    }
}
