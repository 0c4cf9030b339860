import CongressCore
import CongressSQLite
import CongressStore
import Foundation

/// `congress import members FILE.csv`: all or nothing; every problem listed with line and column.
public enum ImportJob {
    /// The most problems printed; the total is always given.
    static let printedProblems = 1_000

    public static func run(file: String, database: String, asOf: Day, language: Language, say: @Sendable (String) -> Void) async -> CommandOutput {
        do {
            let bytes = [UInt8](try FileInput.read(file, language: language))
            let parsed = MembersCSV.parse(bytes, today: asOf, maxErrors: printedProblems) { lines in
                say(Catalogue.text("member.progress", language, language.number(lines)))
            }
            let rows: [MemberImportRow]
            switch parsed {
            case .failure(let errors): return .failure(problemLines(errors, file: file, language: language))
            case .success(let value): rows = value
            }
            let store = try SQLiteRegisterStore(path: database)
            if try await store.summary().unitsByKind.isEmpty {
                return .failure([Catalogue.text("member.noOrganisation", language, database)])
            }
            let summary = try await store.importMembers(rows, on: asOf)
            return .success(Catalogue.text("member.imported", language, file, language.number(summary.added),
                                           language.number(summary.updated), language.number(summary.unchanged)) + "\n")
        } catch let error as StoreError {
            if case .importRejected(let errors) = error { return .failure(problemLines(errors, file: file, language: language)) }
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func problemLines(_ errors: MemberFileErrors, file: String, language: Language) -> [String] {
        var lines = errors.errors.prefix(printedProblems).map { error in
            let message = error.problem.message(language)
            return error.column.map { Catalogue.text("member.at", language, file, error.line, $0, message) }
                ?? Catalogue.text("member.atLine", language, file, error.line, message)
        }
        if errors.total > lines.count { lines.append(Catalogue.text("member.more", language, errors.total - lines.count)) }
        lines.append(Catalogue.text("import.rejected", language, errors.total))
        return lines
    }
}
