import CongressCore
import Foundation
import CongressWeb

/// `congress ballots ELECTION.json`: the printable ballot of a checked list (R-E-6, R-E-10,
/// R-E-11, R-E-12) as an HTML page sized for A4 or A5.
public enum BallotsJob {
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
                return .success(PrintedDocuments.ballot(try BallotSheet(election: election, paper: paper, language: language)))
            } catch {
                return .failure(["\(electionPath): \(error.message(language))"])
            }
        } catch {
            return .failure(error.lines)
        }
    }
}
