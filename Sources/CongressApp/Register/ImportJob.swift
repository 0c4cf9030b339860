import CongressCore
import CongressSQLite
import CongressStore
import Foundation
import Synchronization

/// `congress import members FILE.csv`: all or nothing; every problem listed with line and column.
public enum ImportJob {
    /// The most problems printed; the total is always given.
    static let printedProblems = FileProblems.printedProblems

    public static func run(file: String, database: String, asOf: Day, language: Language, say: @escaping @Sendable (String) -> Void) async -> CommandOutput {
        do {
            let bytes = [UInt8](try FileInput.read(file, language: language))
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let store = opened.register
            if try await store.summary().unitsByKind.isEmpty {
                return .failure([Catalogue.text("member.noOrganisation", language, database)])
            }
            // The file is read on its own thread while the store writes what was read; if the
            // file has problems the store's transaction is abandoned and nothing is kept.
            let channel = BoundedQueue<ImportBatch>(capacity: 4)
            let fileProblems = Mutex<MemberFileErrors?>(nil)
            let reader = Thread {
                let problems = MembersCSV.parse(bytes, today: asOf, maxErrors: printedProblems, batchSize: 20_000, progress: { lines in
                    say(Catalogue.text("member.progress", language, language.number(lines)))
                }, batch: { channel.put(.rows($0)) })
                fileProblems.withLock { $0 = problems }
                channel.put(problems == nil ? .finished : .abandoned)
            }
            reader.stackSize = 1 << 22
            reader.start()
            let outcome: Result<ImportSummary, StoreError>
            // The audit entry is written in the import's own transaction.
            let actor = AccessSetup.commandLineActor
            let subject = (file as NSString).lastPathComponent
            let audit: @Sendable (ImportSummary) -> AuditDraft = { summary in
                AuditDraft(actor: actor, action: .membersImported, subject: subject,
                           detail: "as of \(asOf.iso): added \(summary.added), updated \(summary.updated), unchanged \(summary.unchanged)")
            }
            do { outcome = .success(try await store.importMembers(streaming: { channel.take() }, on: asOf, audit: audit)) } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let summary):
                return .success(Catalogue.text("member.imported", language, file, language.number(summary.added),
                                               language.number(summary.updated), language.number(summary.unchanged)) + "\n")
            case .failure(.importAbandoned):
                let problems = fileProblems.withLock { $0 } ?? MemberFileErrors(errors: [], total: 0)
                return .failure(problemLines(problems, file: file, language: language))
            case .failure(let error):
                throw error
            }
        } catch let error as StoreError {
            if case .importRejected(let errors) = error { return .failure(problemLines(errors, file: file, language: language)) }
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func problemLines(_ errors: MemberFileErrors, file: String, language: Language) -> [String] {
        FileProblems.lines(errors.errors.map { ($0.line, $0.column, $0.problem.message(language)) }, total: errors.total,
                           file: file, rejected: "import.rejected", language: language)
    }
}

/// Problems of an input file as printed: "FILE, line L, column C: reason", at most
/// `printedProblems` of them, then how many more, then that nothing was written.
enum FileProblems {
    static let printedProblems = 1_000

    static func lines(_ problems: [(line: Int, column: String?, message: String)], total: Int, file: String, rejected: String,
                      language: Language) -> [String] {
        var lines = problems.prefix(printedProblems).map { problem in
            problem.column.map { Catalogue.text("member.at", language, file, problem.line, $0, problem.message) }
                ?? Catalogue.text("member.atLine", language, file, problem.line, problem.message)
        }
        if total > lines.count { lines.append(Catalogue.text("member.more", language, total - lines.count)) }
        lines.append(Catalogue.text(rejected, language, total))
        return lines
    }
}
