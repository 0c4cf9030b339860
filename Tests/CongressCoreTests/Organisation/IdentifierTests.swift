import CongressCore
import Foundation
import Testing

/// Typed identifiers (issue 12, item 2): each kind of ID is its own type, so a unit code cannot
/// be given where a member ID is wanted, and every file keeps its raw values.
@Suite struct IdentifierTests {
    @Test("R-E-9: an identifier is encoded as its raw value, so files and URLs keep their form")
    func encodedAsRawValue() throws {
        struct Sample: Codable, Equatable {
            var member: Person.ID
            var unit: PartyUnit.ID
            var round: Round.ID
            var congress: CongressRecord.ID?
        }
        let sample = Sample(member: "DV000123", unit: "X26734", round: 12, congress: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(json == #"{"member":"DV000123","round":12,"unit":"X26734"}"#)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(json.utf8)) == sample)
    }

    @Test("Identifiers compare and print as their raw values; the same text under two tags is two types")
    func comparesByRawValue() {
        let ids: [Person.ID] = ["M3", "M1", "M2"]
        #expect(ids.sorted() == ["M1", "M2", "M3"])
        #expect(Person.ID("M1").description == "M1" && "\(Round.ID(7))" == "7")
        #expect(type(of: Person.ID("X1")) != type(of: PartyUnit.ID("X1")))
        #expect(Set([PartyUnit.ID("X1"), "X1", "X2"]).count == 2)
    }
}
