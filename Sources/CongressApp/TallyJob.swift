import CongressCore
import Foundation

/// `congress tally`: reads an election file and a ballot file, counts, and renders the result.
public enum TallyJob {
    public enum Format: String, CaseIterable, Sendable { case text, json, html }

    public static func run(electionPath: String, ballotsPath: String, format: Format, language: Language) -> CommandOutput {
        do {
            let result = try count(electionPath: electionPath, ballotsPath: ballotsPath, language: language)
            return .success(render(result, format: format, language: language))
        } catch {
            return .failure(error.lines)
        }
    }

    /// Reads and counts; every failure carries its user-facing lines.
    public static func count(electionPath: String, ballotsPath: String, language: Language) throws(JobFailure) -> ElectionResult {
        let electionData = try FileInput.read(electionPath, language: language)
        let election: Election
        do { election = try ElectionFile.decode(electionData) } catch {
            throw JobFailure([error.message(file: electionPath, language)])
        }
        do { try ListCheck.validate(election) } catch {
            throw JobFailure(["\(electionPath): \(error.message(language))"])
        }
        let ballotBytes = [UInt8](try FileInput.read(ballotsPath, language: language))
        var counter = TallyCounter(election: election)
        do { try BallotCSV.count(ballotBytes, into: &counter, election: election) } catch {
            throw JobFailure(entryErrorLines(error, file: ballotsPath, language: language))
        }
        do { return try Tally.result(of: election, counter: counter) } catch {
            throw JobFailure(["\(ballotsPath): \(error)"])
        }
    }

    public static func render(_ result: ElectionResult, format: Format, language: Language) -> String {
        switch format {
        case .json: ResultDocument.encode(result).formatted() + "\n"
        case .text: CountingMinutes(result: result, language: language).plainText()
        case .html: MinutesPage.render(CountingMinutes(result: result, language: language))
        }
    }

    static func entryErrorLines(_ errors: BallotFileErrors, file: String, language: Language) -> [String] {
        var lines = errors.errors.map { error in
            let message = error.problem.message(language)
            return error.line.map { Catalogue.text("entry.at", language, file, $0, message) }
                ?? Catalogue.text("entry.file", language, file, message)
        }
        if errors.total > errors.errors.count {
            lines.append(Catalogue.text("entry.more", language, errors.total - errors.errors.count))
        }
        lines.append(Catalogue.text("entry.summary", language, errors.total))
        return lines
    }
}

/// A failure of a job, as the lines to show the user.
public struct JobFailure: Error, Sendable {
    public var lines: [String]
    public init(_ lines: [String]) { self.lines = lines }
}

extension Error {
    var lines: [String] { (self as? JobFailure)?.lines ?? [String(describing: self)] }
}

/// Reading input files with a message that names the file.
enum FileInput {
    static func read(_ path: String, language: Language) throws(JobFailure) -> Data {
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = (error as NSError).localizedDescription
            throw JobFailure([Catalogue.text("file.unreadable", language, path, reason)])
        }
    }
}
