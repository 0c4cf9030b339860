/// What is wrong with one row of a members file (formats.md §4), or with the file.
public enum MemberFileProblem: Error, Sendable, Equatable {
    case header(missing: [String], unknown: [String])
    case fieldCount(found: Int, expected: Int)
    case missing
    case badMemberID(String)
    case duplicateMemberID(firstLine: Int)
    case badName(String)
    case badGender(String)
    case badDate(String)
    case badYesNoValue(String, allowed: [String])
    case unknownEthnicity(String)
    case badProvinceCode(String)
    case birthNotBeforeJoining(birth: Day, joined: Day)
    case joinedTooYoung(age: Int)
    case inTheFuture(Day)
    case officialBeforeJoining(official: Day, joined: Day)
    case officialDateMissing
    case officialDateForProbationary
    case unknownUnit(PartyUnit.ID)
    case unitNotOpen(code: PartyUnit.ID, day: Day)
    case notUTF8
}

/// A problem with its place in the file: line (the header is line 1) and column name.
public struct MemberFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var problem: MemberFileProblem

    public init(line: Int, column: String?, problem: MemberFileProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// One valid row, ready for the store, with its line for messages.
public struct MemberImportRow: Sendable, Equatable {
    public var line: Int
    public var person: Person
    public var unit: PartyUnit.ID
    public var status: MemberStatus

    public init(line: Int, person: Person, unit: PartyUnit.ID, status: MemberStatus) {
        self.line = line
        self.person = person
        self.unit = unit
        self.status = status
    }
}
