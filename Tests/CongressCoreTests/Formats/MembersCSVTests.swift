import CongressCore
import Testing

/// formats.md §4: every bad row reported with line, column and reason.
@Suite struct MembersCSVTests {
    let today = Day(iso: "2026-11-22")!
    let header = MembersCSV.header
    let good = "M1,Nguyễn Văn An,nam,1980-03-15,Kinh,44,C1,2005-05-19,2006-05-19,official,cử nhân,,trung cấp"

    func errors(_ rows: [String]) -> [MemberFileError] {
        switch MembersCSV.parse(Array(([header] + rows).joined(separator: "\n").utf8), today: today) {
        case .success: return []
        case .failure(let errors): return errors.errors
        }
    }

    @Test func readsAGoodRow() throws {
        let rows = try MembersCSV.parse(Array("\(header)\n\(good)\n".utf8), today: today).get()
        #expect(rows.count == 1)
        #expect(rows[0].person.fullName == "Nguyễn Văn An")
        #expect(rows[0].person.education == .bachelor)
        #expect(rows[0].person.politicalTheory == .intermediate)
        #expect(rows[0].status == .official)
        #expect(rows[0].line == 2)
    }

    @Test("R-P-1: a birth year alone means 1 January")
    func birthYearOnly() throws {
        let row = good.replacingOccurrences(of: "1980-03-15", with: "1980")
        let rows = try MembersCSV.parse(Array("\(header)\n\(row)\n".utf8), today: today).get()
        #expect(rows[0].person.birthDate == Day(iso: "1980-01-01"))
        #expect(rows[0].person.birthYearOnly)
    }

    @Test("Each bad value names its line and column", arguments: [
        ("1980-03-15", "1980-02-30", "birth_date", MemberFileProblem.badDate("1980-02-30")),
        (",nam,", ",male,", "gender", .badGender("male")),
        ("Kinh", "Klingon", "ethnicity", .unknownEthnicity("Klingon")),
        ("2005-05-19,2006", "1995-05-19,2006", "joined_on", .joinedTooYoung(age: 15)),
        ("2005-05-19,2006", "1975-05-19,2006", "joined_on", .birthNotBeforeJoining(birth: Day(iso: "1980-03-15")!, joined: Day(iso: "1975-05-19")!)),
        ("2006-05-19,official", ",official", "official_on", .officialDateMissing),
        ("official", "probationary", "official_on", .officialDateForProbationary),
        ("official", "retired", "status", .badYesNoValue("retired", allowed: MemberStatus.allCases.map(\.rawValue))),
        (",44,", ",4x,", "hometown_province_code", .badProvinceCode("4x")),
        ("M1,", "M 1,", "member_id", .badMemberID("M 1")),
        ("2006-05-19", "2027-01-01", "official_on", .inTheFuture(Day(iso: "2027-01-01")!)),
    ])
    func badValues(replace: String, with: String, column: String, problem: MemberFileProblem) {
        let found = errors([good.replacingOccurrences(of: replace, with: with)])
        #expect(found.contains(MemberFileError(line: 2, column: column, problem: problem)), "\(found)")
    }

    @Test func duplicateMemberIDNamesTheFirstLine() {
        #expect(errors([good, good]) == [MemberFileError(line: 3, column: "member_id", problem: .duplicateMemberID(firstLine: 2))])
    }

    @Test("Every bad row is reported, not just the first")
    func allRowsReported() {
        let bad1 = good.replacingOccurrences(of: "M1,", with: "M2,").replacingOccurrences(of: "nam", with: "x")
        let bad2 = good.replacingOccurrences(of: "M1,", with: "M3,").replacingOccurrences(of: "Kinh", with: "")
        let bad3 = good.replacingOccurrences(of: "M1,", with: "M4,") + ",extra"
        let found = errors([good, bad1, bad2, bad3])
        #expect(found.map(\.line) == [3, 4, 5])
    }

    @Test func headerMustNameTheColumns() {
        let result = MembersCSV.parse(Array("member_id,name\nM1,X\n".utf8), today: today)
        guard case .failure(let errors) = result, case .header(let missing, let unknown) = errors.errors.first?.problem else {
            Issue.record("expected a header error"); return
        }
        #expect(missing.contains("full_name"))
        #expect(unknown == ["name"])
    }

    @Test func ethnicGroupsAcceptCommonSpellings() {
        #expect(EthnicGroups.all.count == 54)
        #expect(EthnicGroups.canonical("H'Mông") == "Mông")
        #expect(EthnicGroups.canonical("ê đê") == "Ê Đê")
        #expect(EthnicGroups.canonical("Ede") == "Ê Đê")
        #expect(EthnicGroups.canonical("kinh") == "Kinh")
    }
}
