/// One figure a lower unit reported: what the reconciliation compares (docs/formats.md §9).
public struct ReportedFigure: Sendable, Hashable {
    public var line: Int
    public var unit: PartyUnit.ID
    public var day: Day
    public var figure: StatisticsFigure
    public var value: Int

    public init(line: Int, unit: PartyUnit.ID, day: Day, figure: StatisticsFigure, value: Int) {
        self.line = line
        self.unit = unit
        self.day = day
        self.figure = figure
        self.value = value
    }

    /// One figure of one unit on one day.
    public var key: FigureKey { FigureKey(unit: unit, day: day, figure: figure) }
}

/// A unit's figure on a day.
public struct FigureKey: Sendable, Hashable {
    public var unit: PartyUnit.ID
    public var day: Day
    public var figure: StatisticsFigure

    public init(unit: PartyUnit.ID, day: Day, figure: StatisticsFigure) {
        self.unit = unit
        self.day = day
        self.figure = figure
    }
}

/// The statistics file lower units send up (docs/formats.md §9): `unit,day,figure,value`, one
/// count a row; read whole, every problem named by line and column.
public enum StatisticsFile {
    public static let columns = ["unit", "day", "figure", "value"]
    /// Larger than any count the register can hold (5.6 million members), small enough never to overflow.
    public static let maximumValue = 100_000_000

    public static func parse(_ bytes: [UInt8]) -> Result<[ReportedFigure], StatisticsFileErrors> {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .failure(StatisticsFileErrors([StatisticsFileError(line: 1, column: nil, problem: .notUTF8)], total: 1))
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            guard let header = reader.nextLine() else {
                return .failure(StatisticsFileErrors([StatisticsFileError(line: 1, column: nil, problem: .header(missing: columns, unknown: []))], total: 1))
            }
            let names = (0..<header.fields.count).map(header.fields.text)
            let missing = columns.filter { !names.contains($0) }
            let unknown = names.filter { !columns.contains($0) }
            guard missing.isEmpty, unknown.isEmpty, Set(names).count == names.count else {
                return .failure(StatisticsFileErrors([StatisticsFileError(line: 1, column: nil, problem: .header(missing: missing, unknown: unknown))],
                                                     total: 1))
            }
            let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
            let index = columns.map { position[$0]! }
            var rows: [ReportedFigure] = [], errors: [StatisticsFileError] = [], total = 0
            var firstLine: [FigureKey: Int] = [:]
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                var problem: StatisticsFileError?
                if line.fields.count != names.count {
                    problem = StatisticsFileError(line: line.number, column: nil, problem: .fieldCount(found: line.fields.count, expected: names.count))
                } else {
                    switch row(line.number, { line.fields.text(index[$0]) }) {
                    case .success(let figure):
                        if let first = firstLine[figure.key] {
                            problem = StatisticsFileError(line: line.number, column: nil, problem: .duplicate(firstLine: first))
                        } else {
                            firstLine[figure.key] = line.number
                            rows.append(figure)
                        }
                    case .failure(let error): problem = error
                    }
                }
                if let problem {
                    total += 1
                    if errors.count < 1_000 { errors.append(problem) }
                }
            }
            return total == 0 ? .success(rows) : .failure(StatisticsFileErrors(errors, total: total))
        }
    }

    static func row(_ line: Int, _ cell: (Int) -> String) -> Result<ReportedFigure, StatisticsFileError> {
        func fail(_ column: Int, _ problem: StatisticsFileProblem) -> Result<ReportedFigure, StatisticsFileError> {
            .failure(StatisticsFileError(line: line, column: columns[column], problem: problem))
        }
        let unit = cell(0)
        guard !unit.isEmpty, unit.utf8.count <= 40,
              unit.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_".unicodeScalars.contains($0)) })
        else { return fail(0, .badUnit(unit)) }
        guard let day = Day(iso: cell(1)), day.iso == cell(1) else { return fail(1, .badDate(cell(1))) }
        guard let figure = StatisticsFigure(key: cell(2)) else { return fail(2, .unknownFigure(cell(2))) }
        let text = cell(3)
        guard !text.isEmpty, text.utf8.count <= 9, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let value = Int(text), value <= maximumValue else { return fail(3, .badValue(text)) }
        return .success(ReportedFigure(line: line, unit: PartyUnit.ID(unit), day: day, figure: figure, value: value))
    }

    /// The register's check of parsed rows: each unit must exist on its row's day.
    public static func check(_ rows: [ReportedFigure], unitInForce: (PartyUnit.ID, Day) -> Bool) -> [StatisticsFileError] {
        rows.compactMap { row in
            unitInForce(row.unit, row.day) ? nil : StatisticsFileError(line: row.line, column: "unit", problem: .unitNotInForce(row.unit, row.day))
        }
    }
}

/// What is wrong with a statistics file or one of its rows.
public enum StatisticsFileProblem: Error, Sendable, Equatable {
    case notUTF8
    case header(missing: [String], unknown: [String])
    case fieldCount(found: Int, expected: Int)
    case badUnit(String)
    case badDate(String)
    case unknownFigure(String)
    case badValue(String)
    /// The same unit, day and figure as an earlier line.
    case duplicate(firstLine: Int)
    case unitNotInForce(PartyUnit.ID, Day)
}

/// A problem with its place: line (the header is line 1) and column.
public struct StatisticsFileError: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var problem: StatisticsFileProblem

    public init(line: Int, column: String?, problem: StatisticsFileProblem) {
        self.line = line
        self.column = column
        self.problem = problem
    }
}

/// The problems of a statistics file, in line order: the first 1,000 and how many in all.
public struct StatisticsFileErrors: Error, Sendable, Equatable {
    public var errors: [StatisticsFileError]
    public var total: Int

    public init(_ errors: [StatisticsFileError], total: Int) {
        self.errors = errors
        self.total = total
    }
}

extension StatisticsFileProblem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("statistics." + key, language, arguments: arguments) }
        switch self {
        case .notUTF8: return say("notUTF8", [])
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "—" : missing.joined(separator: ", "), unknown.isEmpty ? "—" : unknown.joined(separator: ", ")])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case .badUnit(let text): return say("badUnit", [InputExcerpt.quote(text)])
        case .badDate(let text): return say("badDate", [InputExcerpt.quote(text)])
        case .unknownFigure(let text): return say("unknownFigure", [InputExcerpt.quote(text)])
        case .badValue(let text): return say("badValue", [InputExcerpt.quote(text), StatisticsFile.maximumValue])
        case .duplicate(let first): return say("duplicate", [first])
        case let .unitNotInForce(unit, day): return say("unitNotInForce", [unit.rawValue, day.vietnamese])
        }
    }
}
