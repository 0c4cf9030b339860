/// Checks one row of a members file. Keeps the member IDs seen (duplicates) and small caches of
/// the enumerated columns so that millions of rows read quickly.
struct MemberRowReader {
    typealias Column = MembersCSV.Column
    let index: [Column: Int]
    let fieldCount: Int
    let today: Day
    private var seen: [String: Int] = [:]
    private var ethnicityCache: [String: String] = [:]

    init(index: [Column: Int], fieldCount: Int, today: Day) {
        self.index = index
        self.fieldCount = fieldCount
        self.today = today
    }

    mutating func read(_ line: LineReader.Line) -> Result<MemberImportRow, MemberFileErrors> {
        let fields = line.fields
        guard fields.count == fieldCount else {
            return .failure(MemberFileErrors(errors: [MemberFileError(line: line.number, column: nil, problem: .fieldCount(found: fields.count, expected: fieldCount))], total: 1))
        }
        var errors: [MemberFileError] = []
        func fail(_ column: Column, _ problem: MemberFileProblem) {
            errors.append(MemberFileError(line: line.number, column: column.rawValue, problem: problem))
        }
        func text(_ column: Column) -> String {
            guard let position = index[column] else { return "" }
            return fields.text(position)
        }
        func required(_ column: Column) -> String? {
            let value = text(column)
            if value.isEmpty { fail(column, .missing); return nil }
            return value
        }
        func date(_ column: Column, optional: Bool = false) -> Day? {
            let value = text(column)
            if value.isEmpty { if !optional { fail(column, .missing) }; return nil }
            guard let day = Day(iso: value) else { fail(column, .badDate(value)); return nil }
            if day > today { fail(column, .inTheFuture(day)) }
            return day
        }

        let memberID = required(.memberID)
        if let memberID {
            if memberID.count > 32 || !memberID.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) || (($0 | 0x20) >= 97 && ($0 | 0x20) <= 122) }) {
                fail(.memberID, .badMemberID(memberID))
            } else if let first = seen[memberID] {
                fail(.memberID, .duplicateMemberID(firstLine: first))
            } else {
                seen[memberID] = line.number
            }
        }
        let rawName = required(.fullName)
        let fullName = rawName.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if let fullName, !Self.isPlausibleName(fullName) { fail(.fullName, .badName(fullName)) }
        let gender = required(.gender).flatMap { value -> Gender? in
            switch VietnameseText.folded(value) {
            case "nam": return .male
            case "nu": return .female
            default: fail(.gender, .badGender(value)); return nil
            }
        }
        var birthYearOnly = false
        var birth: Day?
        let birthText = text(.birthDate)
        if birthText.count == 4, let year = Int(birthText), let day = Day(year: year, month: 1, day: 1) {
            birth = day   // R-P-1: a birth year alone counts as 1 January
            birthYearOnly = true
            if day > today { fail(.birthDate, .inTheFuture(day)) }
        } else {
            birth = date(.birthDate)
        }
        let ethnicity = required(.ethnicity).flatMap { value -> String? in
            if let known = ethnicityCache[value] { return known }
            guard let canonical = EthnicGroups.canonical(value) else { fail(.ethnicity, .unknownEthnicity(value)); return nil }
            ethnicityCache[value] = canonical
            return canonical
        }
        let hometown = text(.hometown)
        if !hometown.isEmpty, hometown.count != 2 || !hometown.allSatisfy(\.isASCII) || Int(hometown) == nil {
            fail(.hometown, .badProvinceCode(hometown))
        }
        let unit = required(.unit)
        let joined = date(.joinedOn)
        let official = date(.officialOn, optional: true)
        let status = required(.status).flatMap { value -> MemberStatus? in
            guard let status = MemberStatus(rawValue: value) else {
                fail(.status, .badYesNoValue(value, allowed: MemberStatus.allCases.map(\.rawValue)))
                return nil
            }
            return status
        }
        let education = enumerated(text(.education), Education.self, aliases: ["đại học": .bachelor, "dai hoc": .bachelor]) {
            fail(.education, $0)
        }
        let title = enumerated(text(.academicTitle).lowercased(), AcademicTitle.self, aliases: [:]) { fail(.academicTitle, $0) }
        let theory = enumerated(text(.politicalTheory), PoliticalTheory.self, aliases: [:]) { fail(.politicalTheory, $0) }

        if let birth, let joined {
            if birth >= joined {
                fail(.joinedOn, .birthNotBeforeJoining(birth: birth, joined: joined))
            } else if birth.wholeYears(until: joined) < 18 {
                // The Party Charter admits from the age of 18.
                fail(.joinedOn, .joinedTooYoung(age: birth.wholeYears(until: joined)))
            }
        }
        if let joined, let official, official < joined { fail(.officialOn, .officialBeforeJoining(official: official, joined: joined)) }
        if status == .official, official == nil, errors.allSatisfy({ $0.column != Column.officialOn.rawValue }) {
            fail(.officialOn, .officialDateMissing)
        }
        if status == .probationary, official != nil { fail(.officialOn, .officialDateForProbationary) }

        guard errors.isEmpty, let memberID, let fullName, let gender, let birth, let ethnicity, let unit, let joined,
              let status, let education, let title, let theory else {
            return .failure(MemberFileErrors(errors: errors, total: errors.count))
        }
        let person = Person(
            memberID: memberID, fullName: fullName, gender: gender, birthDate: birth, birthYearOnly: birthYearOnly,
            ethnicity: ethnicity, hometownProvince: hometown.isEmpty ? nil : hometown, education: education,
            academicTitle: title, politicalTheory: theory, joinedOn: joined, officialOn: official)
        return .success(MemberImportRow(line: line.number, person: person, unit: unit, status: status))
    }

    private func enumerated<Value: RawRepresentable & CaseIterable>(
        _ text: String, _ type: Value.Type, aliases: [String: Value], fail: (MemberFileProblem) -> Void
    ) -> Value? where Value.RawValue == String {
        let lowered = text.lowercased()
        if let value = Value(rawValue: lowered) ?? aliases[lowered] { return value }
        let folded = VietnameseText.folded(text)
        if let value = Value.allCases.first(where: { VietnameseText.folded($0.rawValue) == folded }) { return value }
        fail(.badYesNoValue(text, allowed: Value.allCases.map(\.rawValue).filter { !$0.isEmpty }))
        return nil
    }

    /// At least two words of letters (apostrophes and hyphens allowed, as in "H'Hen Niê").
    static func isPlausibleName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        return words.count >= 2 && name.count <= 80
            && name.allSatisfy { $0.isLetter || $0 == " " || $0 == "'" || $0 == "-" }
    }
}
