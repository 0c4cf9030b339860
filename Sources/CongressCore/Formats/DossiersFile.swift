/// The dossier file of `congress personnel check` (docs/formats.md §7): one person considered
/// for one post a row, with what their dossier states.
public enum DossiersFile {
    public static let columns = ["member_id", "full_name", "gender", "birth_date", "level", "post", "entry", "membership",
                                 "standards_conclusion", "suspended_or_prosecuted", "discipline", "discipline_until",
                                 "on_planning_list", "assets_declared"]
    public static let maximumNameLength = 200
    public static let maximumMemberIDLength = 32

    /// Reads the file whole: the dossiers, or every problem with its line and column (the first
    /// 1,000; `total` counts them all).
    public static func parse(_ bytes: [UInt8]) -> Result<[Dossier], DossierFileErrors> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(DossierFileErrors([DossierFileError(line: 1, column: nil, problem: .notUTF8)], total: 1))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            guard let header = reader.nextLine() else {
                return .failure(DossierFileErrors([DossierFileError(line: 1, column: nil, problem: .header(missing: columns, unknown: []))],
                                                  total: 1))
            }
            let names = (0..<header.fields.count).map(header.fields.text)
            let missing = columns.filter { !names.contains($0) }
            let unknown = names.filter { !columns.contains($0) }
            guard missing.isEmpty, unknown.isEmpty, Set(names).count == names.count else {
                return .failure(DossierFileErrors([DossierFileError(line: 1, column: nil, problem: .header(missing: missing, unknown: unknown))],
                                                  total: 1))
            }
            let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let index = columns.map { position[$0]! }
            var dossiers: [Dossier] = [], errors: [DossierFileError] = [], total = 0
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                let problem: DossierFileError?
                if line.fields.count != names.count {
                    problem = DossierFileError(line: line.number, column: nil, problem: .fieldCount(found: line.fields.count, expected: names.count))
                } else {
                    switch row(line.number, { line.fields.text(index[$0]) }) {
                    case .success(let dossier): dossiers.append(dossier); problem = nil
                    case .failure(let error): problem = error
                    }
                }
                if let problem {
                    total += 1
                    if errors.count < 1_000 { errors.append(problem) }
                }
            }
            return total == 0 ? .success(dossiers) : .failure(DossierFileErrors(errors, total: total))
        }
    }

    /// One row; `cell(i)` is the text of `columns[i]`.
    static func row(_ line: Int, _ cell: (Int) -> String) -> Result<Dossier, DossierFileError> {
        func fail(_ column: Int, _ problem: DossierFileProblem) -> Result<Dossier, DossierFileError> {
            .failure(DossierFileError(line: line, column: columns[column], problem: problem))
        }
        func choice<T: RawRepresentable & CaseIterable>(_ column: Int, _ type: T.Type) -> T? where T.RawValue == String {
            T(rawValue: cell(column))
        }
        func yesNo(_ column: Int) -> Bool? { ["yes": true, "no": false][cell(column)] }
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> [String] where T.RawValue == String { T.allCases.map(\.rawValue) }

        let memberID = cell(0)
        guard !memberID.isEmpty, memberID.utf8.count <= maximumMemberIDLength,
              memberID.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) })
        else { return fail(0, .badMemberID(memberID)) }
        let name = cell(1)
        guard !name.isEmpty, name.count <= maximumNameLength else { return fail(1, .badName) }
        guard let gender = choice(2, Gender.self) else { return fail(2, .notAChoice(cell(2), options(Gender.self))) }
        guard let birth = birthMonth(cell(3)) else { return fail(3, .badBirthDate(cell(3))) }
        guard let level = choice(4, CommitteeLevel.self) else { return fail(4, .notAChoice(cell(4), options(CommitteeLevel.self))) }
        guard let post = choice(5, PersonnelPost.self) else { return fail(5, .notAChoice(cell(5), options(PersonnelPost.self))) }
        guard let entry = choice(6, PersonnelEntry.self) else { return fail(6, .notAChoice(cell(6), options(PersonnelEntry.self))) }
        guard let official = ["official": true, "probationary": false][cell(7)] else {
            return fail(7, .notAChoice(cell(7), ["official", "probationary"]))
        }
        var answers: [Int: Bool] = [:]
        for column in [8, 9, 12, 13] {
            guard let answer = yesNo(column) else { return fail(column, .notAChoice(cell(column), ["yes", "no"])) }
            answers[column] = answer
        }
        guard let discipline = choice(10, Discipline.self) else { return fail(10, .notAChoice(cell(10), options(Discipline.self))) }
        let untilText = cell(11)
        var until: Day?
        if !untilText.isEmpty {
            guard let day = Day(iso: untilText), day.iso == untilText else { return fail(11, .badDate(untilText)) }
            guard discipline != .none else { return fail(11, .untilWithoutDiscipline) }
            until = day
        }
        return .success(Dossier(memberID: Person.ID(memberID), fullName: name, gender: gender, birth: birth, level: level, post: post,
                                entry: entry, official: official, standardsConclusion: answers[8]!, suspendedOrProsecuted: answers[9]!,
                                discipline: discipline, disciplineUntil: until, onPlanningList: answers[12]!, assetsDeclared: answers[13]!))
    }

    /// `YYYY-MM-DD` (its month) or `YYYY` (January, R-P-1), between 1900 and 2100.
    static func birthMonth(_ text: String) -> CalendarMonth? {
        if text.utf8.count == 4, let year = Int(text), (1900...2100).contains(year) { return CalendarMonth(year: year, month: 1) }
        guard let day = Day(iso: text), day.iso == text, (1900...2100).contains(day.year) else { return nil }
        return CalendarMonth(year: day.year, month: Int(text.split(separator: "-")[1])!)
    }
}

/// What is wrong with a dossier file or one of its cells.
public enum DossierFileProblem: Error, Sendable, Equatable {
    case notUTF8
    case header(missing: [String], unknown: [String])
    case fieldCount(found: Int, expected: Int)
    case badMemberID(String)
    case badName
    case notAChoice(String, [String])
    case badBirthDate(String)
    case badDate(String)
    /// A discipline end day on a row without a discipline.
    case untilWithoutDiscipline
}

/// A problem with its place: line (the header is line 1) and column.
public struct DossierFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var problem: DossierFileProblem

    public init(line: Int, column: String?, problem: DossierFileProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// The problems of a dossier file, in line order: the first 1,000 and how many in all.
public struct DossierFileErrors: Error, Sendable, Equatable {
    public var errors: [DossierFileError]
    public var total: Int
    public init(_ errors: [DossierFileError], total: Int) {
        self.errors = errors
        self.total = total
    }
}
