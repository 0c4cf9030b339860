import Foundation

/// The units file of `congress import units` (docs/formats.md §8): the organisations below the
/// administrative units and their dated changes, one row per unit and event.
public enum UnitsFile {
    public static let columns = ["code", "name", "kind", "parent_code", "valid_from", "valid_to", "event", "on"]
    /// The kinds a file may create or change; the provinces and communes come with `congress init`.
    public static let importableKinds: Set<UnitKind> = [.aboveGrassroots, .grassrootsCommittee, .grassrootsCell, .cell]
    public static let maximumCodeLength = 40
    public static let maximumNameLength = 200

    /// Reads the file whole: the rows, or every problem with its line and column.
    public static func parse(_ bytes: [UInt8]) -> Result<[UnitFileRow], UnitFileErrors> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(UnitFileErrors([UnitFileError(line: 1, column: nil, problem: .notUTF8)]))
        }
        let table = CSVTable(bytes)
        let missing = columns.filter { !table.columns.contains($0) }
        let unknown = table.columns.filter { !columns.contains($0) }
        if !missing.isEmpty || !unknown.isEmpty {
            return .failure(UnitFileErrors([UnitFileError(line: 1, column: nil, problem: .header(missing: missing, unknown: unknown))]))
        }
        var rows: [UnitFileRow] = [], errors: [UnitFileError] = []
        var line = 1
        for cells in table.rows {
            line += 1
            if cells.count != table.columns.count {
                errors.append(UnitFileError(line: line, column: nil, problem: .fieldCount(found: cells.count, expected: table.columns.count)))
                continue
            }
            let record = Dictionary(uniqueKeysWithValues: zip(table.columns, cells.map { $0.trimmingCharacters(in: .whitespaces) }))
            switch row(record, line: line) {
            case .success(let row): rows.append(row)
            case .failure(let error): errors.append(error)
            }
        }
        return errors.isEmpty ? .success(rows) : .failure(UnitFileErrors(errors))
    }

    static func row(_ cell: [String: String], line: Int) -> Result<UnitFileRow, UnitFileError> {
        func fail(_ column: String, _ problem: UnitFileProblem) -> Result<UnitFileRow, UnitFileError> {
            .failure(UnitFileError(line: line, column: column, problem: problem))
        }
        let code = cell["code"] ?? ""
        guard !code.isEmpty, code.count <= maximumCodeLength,
              code.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return fail("code", .badCode(code)) }
        let name = cell["name"] ?? ""
        guard name.count >= 3, name.count <= maximumNameLength else { return fail("name", .badName(name)) }
        guard let kind = UnitKind(rawValue: cell["kind"] ?? "") else { return fail("kind", .badKind(cell["kind"] ?? "")) }
        guard importableKinds.contains(kind) else { return fail("kind", .kindNotImportable(kind)) }
        let parent = cell["parent_code"] ?? ""
        guard !parent.isEmpty else { return fail("parent_code", .missing) }
        var days: [String: Day?] = [:]
        for column in ["valid_from", "valid_to", "on"] {
            let text = cell[column] ?? ""
            if text.isEmpty { days[column] = .some(nil); continue }
            guard let day = Day(iso: text), day.iso == text else { return fail(column, .badDate(text)) }
            days[column] = day
        }
        let validFrom = days["valid_from"] ?? nil, validTo = days["valid_to"] ?? nil
        if let validFrom, let validTo, validTo < validFrom { return fail("valid_to", .endsBeforeStart(from: validFrom, to: validTo)) }
        guard let event = UnitFileEvent(cell["event"] ?? "") else { return fail("event", .badEvent(cell["event"] ?? "")) }
        if case .mergedInto(let other) = event, other.rawValue == code { return fail("event", .selfReference) }
        if case .splitFrom(let other) = event, other.rawValue == code { return fail("event", .selfReference) }
        guard let on = (days["on"] ?? nil) ?? (event == .created ? validFrom : nil) else { return fail("on", .missing) }
        return .success(UnitFileRow(line: line, code: PartyUnit.ID(code), name: name, kind: kind, parent: PartyUnit.ID(parent),
                                    validFrom: validFrom, validTo: validTo, event: event, on: on))
    }
}

/// What happened to the unit of a row on its day.
public enum UnitFileEvent: Sendable, Equatable {
    case created, renamed, dissolved
    case mergedInto(PartyUnit.ID)
    case splitFrom(PartyUnit.ID)

    /// `created`, `renamed`, `dissolved`, `mergedInto:CODE`, `splitFrom:CODE`; empty means `created`.
    public init?(_ text: String) {
        switch text {
        case "", "created": self = .created
        case "renamed": self = .renamed
        case "dissolved": self = .dissolved
        default:
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty, parts[1].count <= UnitsFile.maximumCodeLength else { return nil }
            switch parts[0] {
            case "mergedInto": self = .mergedInto(PartyUnit.ID(parts[1]))
            case "splitFrom": self = .splitFrom(PartyUnit.ID(parts[1]))
            default: return nil
            }
        }
    }

    /// Whether the unit ends: its last day is the day before the event.
    var ends: Bool {
        switch self {
        case .dissolved, .mergedInto: return true
        case .created, .renamed, .splitFrom: return false
        }
    }
}

/// One checked row of a units file.
public struct UnitFileRow: Sendable, Equatable {
    public var line: Int
    public var code: PartyUnit.ID
    public var name: String
    public var kind: UnitKind
    public var parent: PartyUnit.ID
    public var validFrom: Day?
    public var validTo: Day?
    public var event: UnitFileEvent
    public var on: Day

    public init(line: Int, code: PartyUnit.ID, name: String, kind: UnitKind, parent: PartyUnit.ID, validFrom: Day?, validTo: Day?,
                event: UnitFileEvent, on: Day) {
        self.line = line
        self.code = code
        self.name = name
        self.kind = kind
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.event = event
        self.on = on
    }
}

/// Why a row of a units file cannot be taken (R-O-1, R-O-4).
public enum UnitFileProblem: Error, Sendable, Equatable {
    case notUTF8
    case header(missing: [String], unknown: [String])
    case fieldCount(found: Int, expected: Int)
    case missing
    case badCode(String)
    case badName(String)
    case badKind(String)
    case kindNotImportable(UnitKind)
    case badDate(String)
    case endsBeforeStart(from: Day, to: Day)
    case badEvent(String)
    case selfReference
    case unknownParent(code: PartyUnit.ID, day: Day)
    case parentKind(child: UnitKind, parent: UnitKind)
    case unknownUnit(PartyUnit.ID)
    case unknownOther(code: PartyUnit.ID, day: Day)
    case kindChanged(code: PartyUnit.ID, stored: UnitKind)
    case notChangeable(code: PartyUnit.ID, kind: UnitKind)
    case conflictsWithStored(code: PartyUnit.ID)
    case alreadyEnded(code: PartyUnit.ID, lastDay: Day)
    case endsBeforeItStarts(code: PartyUnit.ID, lastDay: Day)
    case childrenRemain(code: PartyUnit.ID, child: PartyUnit.ID)
    case membersRemain(code: PartyUnit.ID, members: Int)
}

/// A problem with its place: line (the header is line 1) and column.
public struct UnitFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var problem: UnitFileProblem

    public init(line: Int, column: String?, problem: UnitFileProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// Every problem of a units file, in line order.
public struct UnitFileErrors: Error, Sendable, Equatable {
    public var errors: [UnitFileError]
    public init(_ errors: [UnitFileError]) { self.errors = errors }
}
