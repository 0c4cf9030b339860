import CongressCore
import CongressStore
import Foundation

/// `congress reconcile FILE.csv` (docs/formats.md §9): each figure lower units reported compared
/// with what the register and the compositions give for that unit and day, every difference with
/// the people behind the product's figure, and each reported subtree figure against the sum of its
/// parts. Exit 0 when everything agrees, 1 when anything differs, 2 when the file is bad.
public enum ReconcileJob {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv }

    /// A person the product counts, with the name the register gives.
    struct Counted {
        let memberID: Person.ID
        let fullName: String
    }

    public static func run(file: String, database: String, format: Format, language: Language) async -> CommandOutput {
        do {
            let bytes = [UInt8](try FileInput.read(file, language: language))
            let reported: [ReportedFigure]
            switch StatisticsFile.parse(bytes) {
            case .success(let rows): reported = rows
            case .failure(let errors): return .failure(lines(errors.errors, total: errors.total, file: file, language))
            }
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let snapshot = try await opened.register.snapshot()
            let problems = StatisticsFile.check(reported) { unit, day in snapshot.organisationTree(on: day).position[unit] != nil }
            guard problems.isEmpty else { return .failure(lines(problems, total: problems.count, file: file, language)) }
            let selection = try await BodySeatSelection(register: opened.register, congresses: opened.counting, bodies: opened.bodies, today: Today.day())
            let figures = try await ProductFigures.compute(reported, snapshot: snapshot, selection: selection)
            let reconciliation = Reconciliation(reported: reported, product: figures.people, children: figures.children, direct: figures.direct)
            let text: String = switch format {
            case .text: self.text(reconciliation, names: figures.names, language)
            case .json: json(reconciliation, names: figures.names).formatted() + "\n"
            case .csv: csv(reconciliation, names: figures.names)
            }
            return CommandOutput(standardOutput: text, standardError: "", status: reconciliation.agrees ? 0 : 1)
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func lines(_ errors: [StatisticsFileError], total: Int, file: String, _ language: Language) -> [String] {
        FileProblems.lines(errors.map { ($0.line, $0.column, $0.problem.message(language)) }, total: total, file: file,
                           rejected: "statistics.rejected", language: language)
    }

    /// How many names a text line shows of the people behind a differing figure.
    static let namesShown = 20

    static func text(_ result: Reconciliation, names: [Person.ID: String], _ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("statistics." + key, language, arguments: arguments) }
        var out = [say("summary", [language.number(result.lines.count), language.number(result.differences.count),
                                   language.number(result.parts.filter(\.agrees).count), language.number(result.partsDiffering.count),
                                   language.number(result.partsIncomplete.count)])]
        for line in result.differences {
            let figure = line.reported
            out.append(say("difference", [figure.line, figure.unit.rawValue, figure.day.vietnamese, figure.figure.key, language.number(figure.value),
                                          language.number(line.product), signed(line.difference, language)]))
            if line.people.isEmpty { continue }
            let shown = line.people.prefix(namesShown).map { "\(names[$0] ?? "?") (\($0.rawValue))" }.joined(separator: ", ")
            let more = line.people.count > namesShown ? say("more", [language.number(line.people.count - namesShown)]) : ""
            out.append("  " + say("people", [shown + more]))
        }
        for check in result.parts where !check.agrees {
            let figure = check.reported
            if check.isComplete {
                out.append(say("partsDiffer", [figure.line, figure.unit.rawValue, figure.day.vietnamese, figure.figure.key, language.number(figure.value),
                                               language.number(check.sumOfParts), language.number(check.parts.count), signed(figure.value - check.sumOfParts, language)]))
            } else {
                out.append(say("partsMissing", [figure.line, figure.unit.rawValue, figure.day.vietnamese, figure.figure.key, language.number(check.missing.count),
                                                language.number(check.parts.count), check.missing.prefix(namesShown).map(\.rawValue).joined(separator: ", ")]))
            }
        }
        if result.agrees { out.append(say("agrees", [])) }
        return out.joined(separator: "\n") + "\n"
    }

    static func signed(_ value: Int, _ language: Language) -> String { value > 0 ? "+" + language.number(value) : language.number(value) }

    static func json(_ result: Reconciliation, names: [Person.ID: String]) -> JSONValue {
        .object([
            ("figures", .int(result.lines.count)),
            ("differences", .array(result.differences.map { line in
                .object([("line", .int(line.reported.line)), ("unit", .string(line.reported.unit.rawValue)), ("day", .string(line.reported.day.iso)),
                         ("figure", .string(line.reported.figure.key)), ("reported", .int(line.reported.value)), ("product", .int(line.product)),
                         ("difference", .int(line.difference)),
                         ("people", .array(line.people.map { .object([("member_id", .string($0.rawValue)), ("full_name", .string(names[$0] ?? ""))]) }))])
            })),
            ("parts", .array(result.parts.map { check in
                .object([("line", .int(check.reported.line)), ("unit", .string(check.reported.unit.rawValue)), ("day", .string(check.reported.day.iso)),
                         ("figure", .string(check.reported.figure.key)), ("reported", .int(check.reported.value)),
                         ("sumOfParts", .int(check.sumOfParts)), ("parts", .int(check.parts.count)),
                         ("missing", .array(check.missing.map { .string($0.rawValue) })), ("agrees", .bool(check.agrees))])
            })),
            ("agrees", .bool(result.agrees)),
        ])
    }

    /// One row per reported figure; a differing figure has one row per person the product counts.
    static func csv(_ result: Reconciliation, names: [Person.ID: String]) -> String {
        var out = "line,unit,day,figure,reported,product,difference,member_id,full_name\n"
        for line in result.lines {
            let figure = line.reported
            let prefix = "\(figure.line),\(figure.unit.rawValue),\(figure.day.iso),\(figure.figure.key),\(figure.value),\(line.product),\(line.difference)"
            if line.agrees || line.people.isEmpty {
                out += prefix + ",,\n"
            } else {
                for person in line.people { out += prefix + ",\(person.rawValue),\(ReportBodiesJob.csvField(names[person] ?? ""))\n" }
            }
        }
        return out
    }
}
