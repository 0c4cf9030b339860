/// Checks one row of a members file. Keeps the member IDs seen (duplicates) and small caches of
/// the enumerated columns so that millions of rows read quickly.
struct MemberRowReader {
    typealias Column = MembersCSV.Column
    let index: [Column: Int]
    /// Field position of each column (by `Column.allCases` order), -1 when absent.
    private let positions: [Int]
    let fieldCount: Int
    let today: Day
    private var seen: [String: Int] = [:]
    private var ethnicityCache: [String: String] = [:]

    init(index: [Column: Int], fieldCount: Int, today: Day) {
        self.index = index
        positions = Column.allCases.map { index[$0] ?? -1 }
        assert(Column.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal }, "Column.ordinal out of step")
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
        func span(_ column: Column) -> LineReader.Field? {
            let position = positions[column.ordinal]
            return position < 0 ? nil : fields.spans[position]
        }
        func text(_ column: Column) -> String {
            guard let field = span(column), !field.isEmpty else { return "" }
            return fields.text(positions[column.ordinal])
        }
        func required(_ column: Column) -> String? {
            let value = text(column)
            if value.isEmpty { fail(column, .missing); return nil }
            return value
        }
        func date(_ column: Column, optional: Bool = false) -> Day? {
            guard let field = span(column), !field.isEmpty else { if !optional { fail(column, .missing) }; return nil }
            guard let day = Day(isoBytes: UnsafeBufferPointer(rebasing: fields.buffer[field.start..<field.end])) else {
                fail(column, .badDate(text(column)))
                return nil
            }
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
        let fullName = rawName.map { name in
            name.utf8.contains(where: { $0 < 0x20 }) || name.contains("  ")
                ? name.split(whereSeparator: \.isWhitespace).joined(separator: " ") : name
        }
        if let fullName, !Self.isPlausibleName(fullName) { fail(.fullName, .badName(fullName)) }
        let gender = required(.gender).flatMap { value -> Gender? in
            if let exact = Gender(rawValue: value) { return exact }
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
        let education = Self.educations.value(text(.education)) { fail(.education, $0) }
        let title = Self.titles.value(text(.academicTitle)) { fail(.academicTitle, $0) }
        let theory = Self.theories.value(text(.politicalTheory)) { fail(.politicalTheory, $0) }

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
            memberID: Person.ID(memberID), fullName: fullName, gender: gender, birthDate: birth, birthYearOnly: birthYearOnly,
            ethnicity: ethnicity, hometownProvince: hometown.isEmpty ? nil : hometown, education: education,
            academicTitle: title, politicalTheory: theory, joinedOn: joined, officialOn: official)
        return .success(MemberImportRow(line: line.number, person: person, unit: PartyUnit.ID(unit), status: status))
    }

    static let educations = ValueTable<Education>(aliases: ["đại học": .bachelor])
    static let titles = ValueTable<AcademicTitle>(aliases: [:])
    static let theories = ValueTable<PoliticalTheory>(aliases: [:])

    /// At least two words of letters (apostrophes and hyphens allowed, as in "H'Hen Niê").
    /// Checked on bytes: ASCII must be letters, spaces, apostrophes or hyphens; other characters
    /// are accepted if Unicode calls them letters (checked only for names that have any).
    static func isPlausibleName(_ name: String) -> Bool {
        var spaces = 0, ascii = true
        for byte in name.utf8 {
            if byte >= 0x80 { ascii = false; continue }
            switch byte {
            case UInt8(ascii: " "): spaces += 1
            case UInt8(ascii: "'"), UInt8(ascii: "-"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            default: return false
            }
        }
        guard spaces >= 1, name.utf8.count <= 240 else { return false }
        return ascii || name.unicodeScalars.allSatisfy { $0.isASCII || $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
    }
}

/// Values of an enumerated column: exact spellings first, then accent- and case-insensitive ones.
struct ValueTable<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    let exact: [String: Value]
    let folded: [String: Value]

    init(aliases: [String: Value]) {
        var exact: [String: Value] = [:], folded: [String: Value] = [:]
        for value in Value.allCases {
            exact[value.rawValue] = value
            folded[VietnameseText.folded(value.rawValue)] = value
        }
        for (alias, value) in aliases {
            exact[alias] = value
            folded[VietnameseText.folded(alias)] = value
        }
        self.exact = exact
        self.folded = folded
    }

    func value(_ text: String, fail: (MemberFileProblem) -> Void) -> Value? {
        if let value = exact[text] ?? folded[VietnameseText.folded(text)] { return value }
        fail(.badYesNoValue(text, allowed: Value.allCases.map(\.rawValue).filter { !$0.isEmpty }))
        return nil
    }
}

extension MembersCSV.Column {
    /// Position in `allCases`.
    var ordinal: Int {
        switch self {
        case .memberID: 0
        case .fullName: 1
        case .gender: 2
        case .birthDate: 3
        case .ethnicity: 4
        case .hometown: 5
        case .unit: 6
        case .joinedOn: 7
        case .officialOn: 8
        case .status: 9
        case .education: 10
        case .academicTitle: 11
        case .politicalTheory: 12
        }
    }
}
