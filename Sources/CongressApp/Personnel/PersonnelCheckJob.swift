import CongressCore
import Foundation

/// `congress personnel check DOSSIERS.csv`: the conditions of R-P-1 and R-P-4 for every dossier
/// (docs/formats.md §7). Exit 0 when every row was checked, whatever the verdicts; 2 on an
/// entry error, naming the file, line and column, with nothing on standard output.
public enum PersonnelCheckJob {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv }

    public static func run(path: String, format: Format, cycle: PersonnelCycle = .c2025_2030, language: Language) -> CommandOutput {
        let bytes: [UInt8]
        do { bytes = [UInt8](try FileInput.read(path, language: language)) } catch { return .failure(error.lines) }
        switch DossiersFile.parse(bytes) {
        case .failure(let errors): return .failure(lines(errors, file: path, language: language))
        case .success(let dossiers):
            let verdicts = dossiers.map { DossierCheck.check($0, cycle: cycle) }
            return .success(render(verdicts, cycle: cycle, format: format, language: language))
        }
    }

    public static func render(_ verdicts: [DossierVerdict], cycle: PersonnelCycle, format: Format, language: Language) -> String {
        switch format {
        case .json: fastJSON(verdicts, cycle: cycle, language: language)
        case .csv: csv(verdicts, language: language)
        case .text: text(verdicts, cycle: cycle, language: language)
        }
    }

    /// The result document of docs/formats.md §7.
    static func json(_ verdicts: [DossierVerdict], cycle: PersonnelCycle, language: Language) -> JSONValue {
        .object([
            ("cycle", .string(cycle.id)),
            ("dossiers", .array(verdicts.map { verdict in
                .object([
                    ("member_id", .string(verdict.dossier.memberID.rawValue)),
                    ("eligible", .bool(verdict.eligible)),
                    ("workingMonthsLeft", .int(verdict.workingMonthsLeft)),
                    ("retirementMonth", .string(verdict.retirementMonth.description)),
                    ("conditions", .array(verdict.checks.map { check in
                        .object([("condition", .string(check.condition.rawValue)), ("rule", .string(check.condition.ruleID)),
                                 ("met", .bool(check.met)), ("reason", .string(check.reasonText(language)))])
                    })),
                ])
            })),
        ])
    }

    /// One row a dossier: its verdict, the months and the conditions not met.
    static func csv(_ verdicts: [DossierVerdict], language: Language) -> String {
        var lines = ["member_id,full_name,eligible,working_months_left,retirement_month,conditions_not_met"]
        // Each condition's words once per run, not per dossier.
        var failedTexts: [DossierVerdict.Check: String] = [:]
        for verdict in verdicts {
            let failed = verdict.checks.filter { !$0.met }.map { check in
                if failedTexts[check] == nil { failedTexts[check] = "\(check.condition.rawValue): \(check.reasonText(language))" }
                return failedTexts[check]!
            }
            lines.append([verdict.dossier.memberID.rawValue, verdict.dossier.fullName, verdict.eligible ? "yes" : "no",
                          String(verdict.workingMonthsLeft), verdict.retirementMonth.description, failed.joined(separator: "; ")]
                .map(UnitListing.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ verdicts: [DossierVerdict], cycle: PersonnelCycle, language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("personnel." + key, language, arguments: arguments) }
        // One template filled per dossier; each condition's line is put into words once.
        let line = Template(Catalogue.text("personnel.line", language))
        let verdictWords = [true: say("eligible", []), false: say("notEligible", [])]
        var failedLines: [DossierVerdict.Check: String] = [:]
        var lines: [String] = []
        lines.reserveCapacity(verdicts.count * 2 + 1)
        for verdict in verdicts {
            let dossier = verdict.dossier
            lines.append(line.filled([dossier.memberID.rawValue, dossier.fullName, dossier.post.rawValue, dossier.entry.rawValue,
                                      verdictWords[verdict.eligible]!, verdict.retirementMonth.description, String(verdict.workingMonthsLeft)]))
            for check in verdict.checks where !check.met {
                if failedLines[check] == nil {
                    failedLines[check] = say("failed", [check.conditionName(language), check.condition.ruleID, check.reasonText(language)])
                }
                lines.append(failedLines[check]!)
            }
        }
        let eligible = verdicts.filter(\.eligible).count
        lines.append(say("summary", [verdicts.count, eligible, verdicts.count - eligible, cycle.id]))
        return lines.joined(separator: "\n") + "\n"
    }

    static func lines(_ errors: DossierFileErrors, file: String, language: Language) -> [String] {
        var lines = errors.errors.map { error in
            error.column.map { Catalogue.text("dossiers.at", language, file, error.line, $0, error.problem.message(language)) }
                ?? Catalogue.text("dossiers.atLine", language, file, error.line, error.problem.message(language))
        }
        if errors.total > errors.errors.count { lines.append(Catalogue.text("dossiers.more", language, errors.total - errors.errors.count)) }
        lines.append(Catalogue.text("dossiers.summary", language, errors.total))
        return lines
    }

    /// The result document written directly: the same text as `json(…).formatted()` (a test
    /// holds them equal), each condition's block put into words and quoted once, not per dossier.
    static func fastJSON(_ verdicts: [DossierVerdict], cycle: PersonnelCycle, language: Language) -> String {
        guard !verdicts.isEmpty else { return json(verdicts, cycle: cycle, language: language).formatted() + "\n" }
        var blocks: [DossierVerdict.Check: String] = [:]
        var output = "{\n  \"cycle\": " + JSONValue.string(cycle.id).formatted() + ",\n  \"dossiers\": [\n"
        output.reserveCapacity(verdicts.count * 1_200)
        for (index, verdict) in verdicts.enumerated() {
            output += "    {\n      \"member_id\": " + JSONValue.string(verdict.dossier.memberID.rawValue).formatted()
            output += ",\n      \"eligible\": " + (verdict.eligible ? "true" : "false")
            output += ",\n      \"workingMonthsLeft\": " + String(verdict.workingMonthsLeft)
            output += ",\n      \"retirementMonth\": \"" + verdict.retirementMonth.description + "\""
            output += ",\n      \"conditions\": [\n"
            for (position, check) in verdict.checks.enumerated() {
                if blocks[check] == nil {
                    blocks[check] = "        {\n          \"condition\": \"" + check.condition.rawValue + "\",\n          \"rule\": \""
                        + check.condition.ruleID + "\",\n          \"met\": " + (check.met ? "true" : "false")
                        + ",\n          \"reason\": " + JSONValue.string(check.reasonText(language)).formatted() + "\n        }"
                }
                output += blocks[check]!
                output += position == verdict.checks.count - 1 ? "\n" : ",\n"
            }
            output += "      ]\n    }"
            output += index == verdicts.count - 1 ? "\n" : ",\n"
        }
        output += "  ]\n}\n"
        return output
    }
}

/// A catalogue text with `{0}`, `{1}`, … split once, filled many times.
struct Template {
    private var pieces: [(literal: String, argument: Int?)] = []

    init(_ text: String) {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}"),
              let number = Int(rest[rest.index(after: open)..<close]) {
            pieces.append((String(rest[..<open]), number))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append((String(rest), nil))
    }

    func filled(_ arguments: [String]) -> String {
        var result = ""
        for piece in pieces {
            result += piece.literal
            if let index = piece.argument, arguments.indices.contains(index) { result += arguments[index] }
        }
        return result
    }
}
