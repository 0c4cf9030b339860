import CongressCore
import CongressStore
import Hummingbird

extension EntryController {
    struct ComparisonModel {
        struct Pass { let pass: Int; let clerk: String; let entered: Int; let finished: Bool }
        struct Entered { let clerk: String; let text: String }
        struct Difference { let position: Int; let number: Int; let entered: [Entered] }
        let title: String
        let roundHref: String
        let stack: Int
        let passes: [Pass]
        let waiting: Bool
        let agreedCount: String?
        let matches: String?
        let differences: [Difference]
        let action: String
    }

    /// The stack's passes compared position by position (R-E-29). Shown to the board only once
    /// every required pass is finished, so no clerk can see another's entries while typing.
    func comparison(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let round = try await CongressContext.load(dependencies, context, authorised)
        let stack = try Self.number(context, "stack")
        guard let progress = try await round.store.stacks(round: round.round.id).first(where: { $0.stack == stack }) else {
            throw WebError.notFound
        }
        let finished = progress.passes.filter(\.finished).count >= round.round.requiredEntries
        var matches: String?
        var differences: [ComparisonModel.Difference] = []
        if finished, progress.agreed == nil {
            let entries = try await round.store.entries(round: round.round.id, stack: stack)
            switch try StackComparison.compare(entries, required: round.round.requiredEntries) {
            case .agreed(let ballots): matches = Catalogue.text("web.stack.matches", language, ballots.count)
            case .differ(let found):
                let candidates = round.election.candidates.count
                differences = found.map { difference in
                    .init(position: difference.position, number: difference.position + 1,
                          entered: zip(entries, difference.entered).map { entry, ballot in
                              .init(clerk: entry.clerk, text: ballot.map { Self.describe($0, candidates: candidates, language) }
                                        ?? Catalogue.text("web.stack.missing", language))
                          })
                }
            }
        }
        let model = ComparisonModel(
            title: round.election.title, roundHref: round.base, stack: stack,
            passes: progress.passes.map { .init(pass: $0.pass, clerk: $0.clerk, entered: $0.entered, finished: $0.finished) },
            waiting: !finished, agreedCount: progress.agreed.map { Catalogue.text("web.stack.agreed", language, $0) },
            matches: matches, differences: differences, action: "\(round.base)/stacks/\(stack)")
        return pages.page("stack", title: Catalogue.text("web.stack.title", language, stack), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }

    /// A ballot as the board reads it back: the typed text and its flags.
    static func describe(_ ballot: Ballot, candidates: Int, _ language: Language) -> String {
        var parts = [BallotKeyEntry.typed(ballot, candidates: candidates)]
        if parts[0].isEmpty { parts[0] = Catalogue.text("web.stack.nothingStruck", language) }
        if !ballot.issued { parts.append(Catalogue.text("web.entry.notIssued", language)) }
        if ballot.writeIn { parts.append(Catalogue.text("web.entry.writeIn", language)) }
        if ballot.identifyingMarks { parts.append(Catalogue.text("web.entry.marked", language)) }
        return parts.joined(separator: " · ")
    }

    /// Accepts an agreed stack, or settles each difference as the paper reads (fields
    /// `typed.N`, `notissued.N`, `writein.N`, `marked.N` for position N), recording each settlement.
    func settle(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let stack = try Self.number(context, "stack")
        let clerk = try CongressContext.clerk(authorised)
        let entries = try await round.store.entries(round: round.round.id, stack: stack)
        let election = round.election
        let candidates = election.candidates.count
        let subject = "round \(round.round.id) stack \(stack)"
        var audit: [AuditDraft] = []
        let ballots: [Ballot]
        do {
            switch try StackComparison.compare(entries, required: round.round.requiredEntries) {
            case .agreed(let agreed):
                ballots = agreed
            case .differ(let differences):
                var settlements: [Int: Ballot] = [:]
                var absent = Set<Int>()
                for difference in differences {
                    let typed = zip(entries, difference.entered).map { entry, ballot in
                        "\(entry.clerk): \(ballot.map { BallotCSV.row($0, candidates: candidates) } ?? "-")"
                    }.joined(separator: "; ")
                    if authorised.form["none.\(difference.position)"] != nil {
                        absent.insert(difference.position)
                        audit.append(AuditDraft(actor: clerk, action: .differenceSettled, subject: subject,
                                                detail: "ballot \(difference.position + 1): \(typed) → paper: no ballot here"))
                        continue
                    }
                    let entry = Self.keyEntry(authorised.form, suffix: ".\(difference.position)")
                    let ballot: Ballot
                    do { ballot = try entry.ballot(form: election.ballotForm, candidates: candidates) } catch {
                        let message = Catalogue.text(error.message.key, context.language, arguments: error.message.arguments)
                        throw WebError.badInput(key: "web.stack.badSettlement", arguments: [String(difference.position + 1), message])
                    }
                    settlements[difference.position] = ballot
                    audit.append(AuditDraft(actor: clerk, action: .differenceSettled, subject: subject,
                                            detail: "ballot \(difference.position + 1): \(typed) → paper: \(BallotCSV.row(ballot, candidates: candidates))"))
                }
                ballots = try StackComparison.settle(entries, settlements: settlements, absent: absent, required: round.round.requiredEntries)
            }
        } catch let problem as StackComparison.Problem {
            throw WebError.badInput(key: "web.round.refused", arguments: ["\(problem.ruleID): \(problem)"])
        }
        audit.append(AuditDraft(actor: clerk, action: .stackAgreed, subject: subject,
                                detail: "\(ballots.count) ballots, \(audit.count) settled"))
        do { try await round.store.agreeStack(round: round.round.id, stack: stack, ballots: ballots, audit: audit) } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to(round.base)
    }
}
