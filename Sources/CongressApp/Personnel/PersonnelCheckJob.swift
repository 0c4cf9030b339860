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
        case .json: json(verdicts, cycle: cycle, language: language).formatted() + "\n"
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
        for verdict in verdicts {
            let failed = verdict.checks.filter { !$0.met }.map { "\($0.condition.rawValue): \($0.reasonText(language))" }
            lines.append([verdict.dossier.memberID.rawValue, verdict.dossier.fullName, verdict.eligible ? "yes" : "no",
                          String(verdict.workingMonthsLeft), verdict.retirementMonth.description, failed.joined(separator: "; ")]
                .map(UnitListing.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ verdicts: [DossierVerdict], cycle: PersonnelCycle, language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("personnel." + key, language, arguments: arguments) }
        var lines: [String] = []
        for verdict in verdicts {
            let dossier = verdict.dossier
            lines.append(say("line", [dossier.memberID.rawValue, dossier.fullName, dossier.post.rawValue, dossier.entry.rawValue,
                                      say(verdict.eligible ? "eligible" : "notEligible", []), verdict.retirementMonth.description,
                                      verdict.workingMonthsLeft]))
            for check in verdict.checks where !check.met {
                lines.append(say("failed", [check.conditionName(language), check.condition.ruleID, check.reasonText(language)]))
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
}
