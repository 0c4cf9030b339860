/// The bodies file of `congress import bodies` (docs/formats.md §5): the composition of past
/// terms, one person per body per term a row; all or nothing.
public enum BodiesFile {
    public static let columns = ["member_id", "unit_code", "term", "body", "how", "on"]
    public static let maximumIDLength = 32

    /// Reads the file whole: the rows, or every problem with its line and column (the first
    /// 1,000; `total` counts them all). The register's checks come after (`check`).
    public static func parse(_ bytes: [UInt8]) -> Result<[(line: Int, membership: BodyMembership)], BodiesFileErrors> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(BodiesFileErrors([BodiesFileError(line: 1, column: nil, problem: .notUTF8)], total: 1))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            guard let header = reader.nextLine() else {
                return .failure(BodiesFileErrors([BodiesFileError(line: 1, column: nil, problem: .header(missing: columns, unknown: []))], total: 1))
            }
            let names = (0..<header.fields.count).map(header.fields.text)
            let missing = columns.filter { !names.contains($0) }
            let unknown = names.filter { !columns.contains($0) }
            guard missing.isEmpty, unknown.isEmpty, Set(names).count == names.count else {
                return .failure(BodiesFileErrors([BodiesFileError(line: 1, column: nil, problem: .header(missing: missing, unknown: unknown))],
                                                 total: 1))
            }
            let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let index = columns.map { position[$0]! }
            var rows: [(line: Int, membership: BodyMembership)] = [], errors: [BodiesFileError] = [], total = 0
            var firstLine: [String: Int] = [:]
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                var problem: BodiesFileError?
                if line.fields.count != names.count {
                    problem = BodiesFileError(line: line.number, column: nil, problem: .fieldCount(found: line.fields.count, expected: names.count))
                } else {
                    switch row(line.number, { line.fields.text(index[$0]) }) {
                    case .success(let membership):
                        if let first = firstLine[membership.key] {
                            problem = BodiesFileError(line: line.number, column: nil, problem: .duplicate(firstLine: first))
                        } else {
                            firstLine[membership.key] = line.number
                            rows.append((line.number, membership))
                        }
                    case .failure(let error): problem = error
                    }
                }
                if let problem {
                    total += 1
                    if errors.count < 1_000 { errors.append(problem) }
                }
            }
            return total == 0 ? .success(rows) : .failure(BodiesFileErrors(errors, total: total))
        }
    }

    /// One row; `cell(i)` is the text of `columns[i]`.
    static func row(_ line: Int, _ cell: (Int) -> String) -> Result<BodyMembership, BodiesFileError> {
        func fail(_ column: Int, _ problem: BodiesFileProblem) -> Result<BodyMembership, BodiesFileError> {
            .failure(BodiesFileError(line: line, column: columns[column], problem: problem))
        }
        func identifier(_ text: String) -> Bool {
            !text.isEmpty && text.utf8.count <= maximumIDLength
                && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) }
        }
        guard identifier(cell(0)) else { return fail(0, .badIdentifier(cell(0))) }
        guard identifier(cell(1)) else { return fail(1, .badIdentifier(cell(1))) }
        guard let term = term(cell(2)) else { return fail(2, .badTerm(cell(2))) }
        guard let role = BodyMembership.Role(rawValue: cell(3)) else {
            return fail(3, .notAChoice(cell(3), BodyMembership.Role.allCases.map(\.rawValue)))
        }
        guard let how = BodyMembership.Origin(rawValue: cell(4)) else {
            return fail(4, .notAChoice(cell(4), BodyMembership.Origin.allCases.map(\.rawValue)))
        }
        guard let day = Day(iso: cell(5)), day.iso == cell(5) else { return fail(5, .badDate(cell(5))) }
        return .success(BodyMembership(memberID: Person.ID(cell(0)), unit: PartyUnit.ID(cell(1)), term: term, role: role, how: how, on: day))
    }

    /// `YYYY-YYYY` with the second year after the first, within 1930–2100.
    public static func term(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.utf8.count == 4 && $0.allSatisfy(\.isASCII) }),
              let first = Int(parts[0]), let last = Int(parts[1]), (1930...2100).contains(first), first < last, last <= first + 10 else { return nil }
        return text
    }

    /// The register's checks of parsed rows: the member must be in the register, the unit in
    /// force on the row's day. Every failing row is listed; none is stored unless none fails.
    public static func check(_ rows: [(line: Int, membership: BodyMembership)], memberExists: (Person.ID) -> Bool,
                             unitInForce: (PartyUnit.ID, Day) -> Bool) -> [BodiesFileError] {
        rows.compactMap { row in
            if !memberExists(row.membership.memberID) {
                return BodiesFileError(line: row.line, column: "member_id", problem: .unknownMember(row.membership.memberID))
            }
            if !unitInForce(row.membership.unit, row.membership.on) {
                return BodiesFileError(line: row.line, column: "unit_code", problem: .unitNotInForce(row.membership.unit, row.membership.on))
            }
            return nil
        }
    }
}

/// What is wrong with a bodies file or one of its rows.
public enum BodiesFileProblem: Error, Sendable, Equatable {
    case notUTF8
    case header(missing: [String], unknown: [String])
    case fieldCount(found: Int, expected: Int)
    case badIdentifier(String)
    case badTerm(String)
    case notAChoice(String, [String])
    case badDate(String)
    /// The same person, body, unit and term as an earlier line.
    case duplicate(firstLine: Int)
    case unknownMember(Person.ID)
    case unitNotInForce(PartyUnit.ID, Day)
}

/// A problem with its place: line (the header is line 1) and column.
public struct BodiesFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var problem: BodiesFileProblem

    public init(line: Int, column: String?, problem: BodiesFileProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// The problems of a bodies file, in line order: the first 1,000 and how many in all.
public struct BodiesFileErrors: Error, Sendable, Equatable {
    public var errors: [BodiesFileError]
    public var total: Int

    public init(_ errors: [BodiesFileError], total: Int) {
        self.errors = errors
        self.total = total
    }
}
