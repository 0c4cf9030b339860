@testable import CongressCore
import Testing

/// The bodies file (formats.md §5): every bad row named by line and column, nothing taken from a
/// file with one; the register's checks after.
@Suite("Bodies file")
struct BodiesFileTests {
    static let header = "member_id,unit_code,term,body,how,on\n"

    @Test("§5: rows read in any column order; each seat once")
    func reads() throws {
        let file = "on,how,body,term,unit_code,member_id\n2020-10-15,elected,executiveCommittee,2020-2025,T01,A1\n2020-10-16,elected,secretary,2020-2025,T01,A1\n"
        guard case .success(let rows) = BodiesFile.parse(Array(file.utf8)) else { Issue.record("refused"); return }
        #expect(rows.map(\.line) == [2, 3])
        #expect(rows[1].membership == BodyMembership(memberID: "A1", unit: "T01", term: "2020-2025", role: .secretary, how: .elected,
                                                     on: Day(iso: "2020-10-16")!))
    }

    @Test("§5: a bad cell is named by line and column; a duplicate row by the line it repeats; nothing is returned")
    func problems() {
        let file = Self.header + "A1,T01,2020-2025,executiveCommittee,elected,2020-10-15\n"
            + "A2,T01,2020–2025,executiveCommittee,elected,2020-10-15\n"
            + "A3,T01,2020-2025,chairman,elected,2020-10-15\n"
            + "A4,T01,2020-2025,executiveCommittee,voted,2020-10-15\n"
            + "A5,T01,2020-2025,executiveCommittee,elected,15/10/2020\n"
            + "A1,T01,2020-2025,executiveCommittee,added,2021-01-15\n"
            + "A 6,T01,2020-2025,executiveCommittee,elected,2020-10-15\n"
            + "A7,T01,2020-2025\n"
        guard case .failure(let errors) = BodiesFile.parse(Array(file.utf8)) else { Issue.record("accepted"); return }
        #expect(errors.errors.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(errors.errors.map(\.column) == ["term", "body", "how", "on", nil, "member_id", nil])
        #expect(errors.errors[4].problem == .duplicate(firstLine: 2))
        #expect(errors.errors[6].problem == .fieldCount(found: 3, expected: 6))
    }

    @Test("§5: the header must name every column once")
    func header() {
        guard case .failure(let errors) = BodiesFile.parse(Array("member_id,unit,term,body,how,on\n".utf8)) else { Issue.record("accepted"); return }
        #expect(errors.errors.first?.problem == .header(missing: ["unit_code"], unknown: ["unit"]))
    }

    @Test("§5: the member must be in the register and the unit in force on the row's day")
    func registerChecks() throws {
        let file = Self.header + "A1,T01,2020-2025,executiveCommittee,elected,2020-10-15\nZZ,T01,2020-2025,executiveCommittee,elected,2020-10-15\n"
            + "A1,T44,2020-2025,executiveCommittee,elected,2020-10-15\n"
        guard case .success(let rows) = BodiesFile.parse(Array(file.utf8)) else { Issue.record("refused"); return }
        let errors = BodiesFile.check(rows, memberExists: { $0 != "ZZ" }, unitInForce: { unit, day in unit != "T44" || day >= Day.reorganisation2025 })
        #expect(errors.map(\.line) == [3, 4] && errors.map(\.column) == ["member_id", "unit_code"])
    }
}
