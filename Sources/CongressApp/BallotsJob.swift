import CongressCore
import Foundation
import Mustache

/// `congress ballots ELECTION.json`: the printable ballot of a checked list (R-E-6, R-E-10,
/// R-E-11, R-E-12) as an HTML page sized for A4 or A5.
public enum BallotsJob {
    static let template: MustacheTemplate = {
        guard let url = Bundle.module.url(forResource: "ballot", withExtension: "mustache", subdirectory: "Templates"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let template = try? MustacheTemplate(string: text)
        else { fatalError("the ballot template is missing from the CongressApp bundle") }
        return template
    }()

    public static func run(electionPath: String, paper: BallotSheet.Paper, language: Language) -> CommandOutput {
        do {
            let data = try FileInput.read(electionPath, language: language)
            let election: Election
            do { election = try ElectionFile.decode(data) } catch {
                return .failure([error.message(file: electionPath, language)])
            }
            do { try ListCheck.validate(election) } catch {
                return .failure(["\(electionPath): \(error.message(language))"])
            }
            do {
                return .success(template.render(try BallotSheet(election: election, paper: paper, language: language)))
            } catch {
                return .failure(["\(electionPath): \(error.message(language))"])
            }
        } catch {
            return .failure(error.lines)
        }
    }
}
