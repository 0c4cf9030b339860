import CongressCore
import CongressStore
import Hummingbird

extension EntryController {
    struct ComparisonModel {
        struct Pass { let pass: Int; let clerk: String; let entered: Int; let finished: Bool }
        struct Entered { let clerk: String; let text: String }
        struct Difference {
            let position: Int; let number: Int; let entered: [Entered]; let proposed: String?
            /// What the member typed for this ballot when the form was refused, kept; and the refusal beside it.
            let typed: String; let notIssued: Bool; let writeIn: Bool; let marked: Bool; let none: Bool; let error: String?
        }
        let title: String
        let roundHref: String
        let stack: Int
        let passes: [Pass]
        let waiting: Bool
        let agreedCount: String?
        let matches: String?
        let differences: [Difference]
        /// The differences with the pending proposal's reading of each.
        let proposed: [Difference]
        let proposal: String?
        let confirmable: Bool
        let action: String
        /// A refusal of the whole form (not of one ballot), shown above it.
        let error: String?
        /// What to type for a ballot, as on the entry screen.
        let typingHint: String
    }

    /// A refused settlement form: its message, the ballot it concerns (nil: the whole form) and
    /// the values typed, shown again so that nothing typed is lost.
    struct RefusedSettlement { let message: String; let position: Int?; let form: FormFields }

    /// The stack, its passes and their clerks, loaded for a board member who typed none of its
    /// passes (R-E-29): the comparison and the settlement are theirs alone, and only once every
    /// required pass is finished, so no clerk learns anything of another's entries.
    func comparableStack(_ round: CongressContext, _ context: AppRequestContext, _ authorised: Authorised,
                         requireFinished: Bool) async throws -> (stack: Int, progress: StackProgress, finished: Bool) {
        try round.requireBoard(authorised)
        let stack = try Self.number(context, "stack")
        guard let progress = try await round.store.stacks(round: round.round.id).first(where: { $0.stack == stack }) else {
            throw WebError.notFound
        }
        guard SeparationOfDuties.maySettle(stackClerks: progress.passes.map(\.clerk), member: try CongressContext.clerk(authorised)) else {
            throw WebError.badInput(key: "web.stack.ownStack", arguments: [String(stack)])
        }
        let finished = progress.passes.filter(\.finished).count >= round.round.requiredEntries
        if requireFinished, !finished { throw WebError.badInput(key: "web.stack.notFinished", arguments: [String(stack)]) }
        return (stack, progress, finished)
    }

    func comparison(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        try await comparisonPage(request.uri.description, context, authorised)
    }

    func comparisonPage(_ path: String, _ context: AppRequestContext, _ authorised: Authorised,
                        refused: RefusedSettlement? = nil) async throws -> Response {
        let language = context.language
        let round = try await CongressContext.load(dependencies, context, authorised)
        let (stack, progress, finished) = try await comparableStack(round, context, authorised, requireFinished: false)
        var matches: String?
        var differences: [ComparisonModel.Difference] = []
        var proposal: String?
        var confirmable = false
        if finished, progress.agreed == nil {
            let entries = try await round.store.entries(round: round.round.id, stack: stack)
            let pending = try await round.store.settlementProposal(round: round.round.id, stack: stack)
            let candidates = round.election.candidates.count
            switch try StackComparison.compare(entries, required: round.round.requiredEntries) {
            case .agreed(let ballots): matches = Catalogue.text("web.stack.matches", language, ballots.count)
            case .differ(let found):
                let readings = Dictionary(pending?.settlement.readings.map { ($0.position, $0.row) } ?? [], uniquingKeysWith: { a, _ in a })
                differences = found.map { difference in
                    let proposed: String? = pending.map { _ in
                        guard let row = readings[difference.position] else { return "–" }
                        guard let row, let ballot = BallotCSV.ballot(row: row, election: round.election) else { return Catalogue.text("web.stack.missing", language) }
                        return Self.describe(ballot, candidates: candidates, language)
                    }
                    let form = refused?.form, suffix = ".\(difference.position)"
                    return .init(position: difference.position, number: difference.position + 1,
                                 entered: zip(entries, difference.entered).map { entry, ballot in
                                     .init(clerk: entry.clerk, text: ballot.map { Self.describe($0, candidates: candidates, language) }
                                               ?? Catalogue.text("web.stack.missing", language))
                                 }, proposed: proposed,
                                 typed: String((form?["typed" + suffix] ?? "").prefix(InputLimits.lineLength)),
                                 notIssued: form?["notissued" + suffix] != nil, writeIn: form?["writein" + suffix] != nil,
                                 marked: form?["marked" + suffix] != nil, none: form?["none" + suffix] != nil,
                                 error: refused?.position == difference.position ? refused?.message : nil)
                }
            }
            if let pending {
                proposal = Catalogue.text("web.stack.proposal", language, pending.proposer)
                confirmable = SeparationOfDuties.mayConfirm(stackClerks: progress.passes.map(\.clerk), proposer: pending.proposer,
                                                            member: try CongressContext.clerk(authorised))
            }
        }
        let model = ComparisonModel(
            title: round.election.title, roundHref: round.base, stack: stack,
            passes: progress.passes.map { .init(pass: $0.pass, clerk: $0.clerk, entered: $0.entered, finished: $0.finished) },
            waiting: !finished, agreedCount: progress.agreed.map { Catalogue.text("web.stack.agreed", language, $0) },
            matches: matches, differences: proposal == nil ? differences : [], proposed: proposal == nil ? [] : differences,
            proposal: proposal, confirmable: confirmable, action: "\(round.base)/stacks/\(stack)",
            error: refused.flatMap { $0.position == nil ? $0.message : nil },
            typingHint: Catalogue.text(round.election.ballotForm == .strikeOut ? "web.entry.hintStrike" : "web.entry.hintMarks", language,
                                       round.election.candidates.count))
        return pages.page("stack", title: Catalogue.text("web.stack.title", language, stack), body: model, context: context,
                          path: path, status: refused == nil ? .ok : .badRequest, section: .congress)
    }

    /// A proposal's readings as the comparison settles them: the ballot read at each position,
    /// and the positions where the paper had no ballot.
    static func readings(_ readings: [StackSettlement.Reading], _ election: Election) -> (settlements: [Int: Ballot], absent: Set<Int>) {
        var settlements: [Int: Ballot] = [:]
        var absent = Set<Int>()
        for reading in readings {
            if let row = reading.row, let ballot = BallotCSV.ballot(row: row, election: election) { settlements[reading.position] = ballot } else { absent.insert(reading.position) }
        }
        return (settlements, absent)
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

    /// Accepts an agreed stack; or proposes a settlement of every difference as the paper reads
    /// (fields `typed.N`, `notissued.N`, `writein.N`, `marked.N`, `none.N` for position N); or,
    /// as a second member, confirms (`confirm`) or rejects (`reject`) the pending proposal. The
    /// audit log records who, which stack, how many positions: never a position or a ballot.
    func settle(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let (stack, progress, _) = try await comparableStack(round, context, authorised, requireFinished: true)
        let member = try CongressContext.clerk(authorised)
        let entries = try await round.store.entries(round: round.round.id, stack: stack)
        let election = round.election
        let candidates = election.candidates.count
        let subject = "round \(round.round.id) stack \(stack)"
        let unit = round.round.unit
        let required = round.round.requiredEntries
        let clerks = progress.passes.map(\.clerk)
        do {
            switch try StackComparison.compare(entries, required: required) {
            case .agreed(let agreed):
                try await round.store.agreeStack(round: round.round.id, stack: stack, ballots: agreed, audit: [
                    AuditDraft(actor: member, action: .stackAgreed, subject: subject, detail: "\(agreed.count) ballots, passes agree", unit: unit)])
            case .differ(let differences):
                let form = authorised.form
                if let pending = try await round.store.settlementProposal(round: round.round.id, stack: stack) {
                    guard SeparationOfDuties.mayConfirm(stackClerks: clerks, proposer: pending.proposer, member: member) else {
                        throw WebError.badInput(key: "web.stack.secondMember", arguments: [])
                    }
                    if form["reject"] != nil {
                        try await round.store.rejectSettlement(round: round.round.id, stack: stack, audit: AuditDraft(
                            actor: member, action: .settlementProposed, subject: subject,
                            detail: "proposal of \(pending.proposer) rejected", unit: unit))
                        return Redirect.to("\(round.base)/stacks/\(stack)", notice: .settlementRejected)
                    }
                    guard form["confirm"] != nil else { throw WebError.badInput(key: "web.stack.secondMember", arguments: []) }
                    let (settlements, absent) = Self.readings(pending.settlement.readings, election)
                    let ballots = try StackComparison.settle(entries, settlements: settlements, absent: absent, required: required)
                    try await round.store.agreeStack(round: round.round.id, stack: stack, ballots: ballots, audit: [
                        AuditDraft(actor: member, action: .differenceSettled, subject: subject,
                                   detail: "\(differences.count) differing positions settled from the paper, proposed by \(pending.proposer), confirmed by \(member); \(absent.count) without a paper ballot",
                                   unit: unit),
                        AuditDraft(actor: member, action: .stackAgreed, subject: subject, detail: "\(ballots.count) ballots", unit: unit)])
                    return Redirect.to(round.base, notice: .settled)
                }
                let path = "\(round.base)/stacks/\(stack)"
                let refuse = { (message: String, position: Int?) in
                    try await comparisonPage(path, context, authorised, refused: RefusedSettlement(message: message, position: position, form: form))
                }
                var readings: [StackSettlement.Reading] = []
                for difference in differences {
                    if form["none.\(difference.position)"] != nil {
                        readings.append(.init(position: difference.position, row: nil))
                        continue
                    }
                    let entry = Self.keyEntry(form, suffix: ".\(difference.position)")
                    // Answered: a flag ticked, or the paper's reading typed (for a strike-out ballot an
                    // empty reading is an answer too: nothing struck).
                    let typedField = form.pairs.contains { $0.name == "typed.\(difference.position)" }
                    let answered = entry.notIssued || entry.writeIn || entry.marked
                        || (typedField && (!entry.typed.isEmpty || election.ballotForm == .strikeOut))
                    guard answered else {
                        return try await refuse(PageText.say(context.language)("web.stack.unsettledHere", []), difference.position)
                    }
                    let ballot: Ballot
                    do { ballot = try entry.ballot(form: election.ballotForm, candidates: candidates) } catch {
                        let message = Catalogue.text(error.message.key, context.language, arguments: error.message.arguments)
                        return try await refuse(PageText.say(context.language)("web.stack.badSettlement", [difference.position + 1, message]),
                                                difference.position)
                    }
                    readings.append(.init(position: difference.position, row: BallotCSV.row(ballot, candidates: candidates)))
                }
                // The proposal must settle the stack; checked now so that a wrong one is refused before it waits.
                let (check, absent) = Self.readings(readings, election)
                do { _ = try StackComparison.settle(entries, settlements: check, absent: absent, required: required) } catch {
                    return try await refuse(error.message(context.language), nil)
                }
                try await round.store.proposeSettlement(round: round.round.id, stack: stack, proposer: member,
                                                        settlement: StackSettlement(readings: readings), audit: AuditDraft(
                    actor: member, action: .settlementProposed, subject: subject,
                    detail: "\(readings.count) differing positions read from the paper", unit: unit))
                return Redirect.to("\(round.base)/stacks/\(stack)", notice: .settlementProposed)
            }
        } catch let problem as StackComparison.Problem {
            throw WebError.badInput(key: "web.round.refused", arguments: [problem.message(context.language)])
        } catch let error as StoreError {
            throw CongressContext.refusal(error)
        }
        return Redirect.to(round.base, notice: .stackAgreed)
    }
}
