import CongressCore
import CongressStore
import Hummingbird

extension RoundController {
    struct RoundModel {
        struct Candidate { let number: Int; let name: String; let votes: String?; let percent: String?; let outcome: String?; let code: String? }
        struct Stack {
            let stack: Int; let declared: String?; let passes: String; let agreed: String?; let href: String; let mine: String?
            /// "Nhận lượt 2" for a clerk who typed none of the stack's passes while one is free.
            let takeLabel: String?
            /// Every pass finished, not agreed yet: the comparison is open.
            let compare: Bool
        }
        struct Fact { let label: String; let value: String }
        let unitName: String
        let congressName: String?
        let congressHref: String?
        let title: String
        let facts: [Fact]
        let state: String
        let stateCode: String
        let candidates: [Candidate]
        let showVotes: Bool
        let base: String
        let canAdopt: Bool
        let canIssue: Bool
        let voters: Int
        let canOpen: Bool
        let issued: Int
        let counting: Bool
        let stacks: [Stack]
        let agreedTotal: String
        /// R-E-29: how many of the returned ballots the declared stacks hold, and the next stack's number.
        let splitState: String
        let nextStack: Int
        let canClose: Bool
        let canCertify: Bool
        let decision: String?
        let decideIssued: Int
        let canApprove: Bool
        let ballotHref: String?
        let minutesHref: String?
        let exportElection: String?
        let exportBallots: String?
        let outcomes: [Fact]
        let entryLogHref: String?
        let canRerun: Bool
        /// A refused form's message, beside the form it concerns; the values each field shows.
        let refused: [String: String]
        /// The rules the refusal cites, by name (their IDs in a tooltip).
        let refusedRules: [RuleCitation.Rule]
        /// A refusal of a form the page no longer shows (the round moved on meanwhile), at its top.
        let refusedElsewhere: String?
        let values: [String: String]
    }

    /// The round page's forms whose refusals are shown beside them.
    enum PageForm: String, Sendable { case issue, open, split, decision }

    /// A refused form of the round page: its message and the values typed, shown again.
    struct RefusedForm { let form: PageForm; let message: (text: String, rules: [RuleCitation.Rule]); let values: FormFields }

    /// Runs a form's step; a refusal of its input re-shows the round page with the message
    /// beside that form and every typed value kept (400), instead of an error page.
    func onPage(_ form: PageForm, _ context: AppRequestContext, _ authorised: Authorised,
                _ step: () async throws -> Response) async throws -> Response {
        do { return try await step() } catch let error as WebError where error.status == .badRequest {
            let refused = RefusedForm(form: form, message: RuleCitation.humanise(error.message(context.language), context.language),
                                      values: authorised.form)
            let base = "/units/\(authorised.unit)/rounds/\(try context.parameters.recordID("round"))"
            return try await page(base, context, authorised, refused: refused)
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        try await page(request.uri.description, context, authorised)
    }

    func page(_ path: String, _ context: AppRequestContext, _ authorised: Authorised, refused: RefusedForm? = nil) async throws -> Response {
        let language = context.language
        let round = try await CongressContext.load(dependencies, context, authorised)
        let policy = try authorised.user.policy
        let tree = authorised.tree
        let within = { (capability: Capability) in
            tree.map { policy.allows(capability, on: round.round.unit, isWithin: $0.isWithin) } ?? false
        }
        // The counting board's work is its elected members' (R-E-4), not every board account's.
        let onBoard = round.congress?.record.countingBoard.contains(try authorised.user.user.memberID ?? "\u{0}") ?? false
        let runs = within(.runCongress), counts = within(.countBallots) && onBoard
        // R-E-28: the certify button is the head's alone; the other members do not see it.
        let memberID = try authorised.user.user.memberID
        let isHead = counts && memberID != nil && round.congress?.record.countingBoard.first == memberID
        let lifecycle = round.round.lifecycle
        let state = lifecycle.state
        let election = round.election
        let result = CongressContext.mayReadResult(state, counts: counts, runs: runs) ? try await round.result() : nil
        let t = PageText.say(language)
        let candidates = election.candidates.enumerated().map { index, name in
            let line = result?.candidates[index]
            return RoundModel.Candidate(number: index + 1, name: name, votes: line.map { language.number($0.votes) },
                                        percent: line.map { language.decimal($0.percentOfBase) + "%" },
                                        outcome: line.map { t("outcome." + $0.outcome.rawValue, []) }, code: line?.outcome.rawValue)
        }
        var facts = [RoundModel.Fact(label: t("web.round.body", []), value: election.body.name(language)),
                     RoundModel.Fact(label: t("web.round.number", []), value: String(election.round)),
                     RoundModel.Fact(label: t("web.round.seats", []), value: String(election.seats))]
        if election.body == .delegates {
            facts.append(.init(label: t("web.round.alternateSeats", []), value: String(election.alternateSeats)))
        }
        facts.append(.init(label: t("web.round.form", []), value: t("form." + election.ballotForm.rawValue, [])))
        facts.append(.init(label: t("web.round.base", [election.base.kind.ruleID]), value: language.number(election.baseValue)))
        facts.append(.init(label: t("web.round.threshold", []), value: language.number(election.threshold)))
        if lifecycle.issued > 0 { facts.append(.init(label: t("web.round.issued", []), value: language.number(lifecycle.issued))) }
        if lifecycle.returned > 0 { facts.append(.init(label: t("web.round.returned", []), value: language.number(lifecycle.returned))) }

        var stacks: [RoundModel.Stack] = []
        var agreedTotal = 0
        var declaredTotal = 0
        let me = try CongressContext.clerk(authorised)
        if counts, state == .counting {
            for stack in try await round.store.stacks(round: round.round.id) {
                agreedTotal += stack.agreed ?? 0
                declaredTotal += stack.declared ?? 0
                // R-E-29: until every pass of the stack is finished nobody sees another pass's count
                // (the second clerk must not learn the first one's); a clerk sees their own.
                let complete = stack.passes.filter(\.finished).count >= round.round.requiredEntries
                // A clerk of a stack still being typed sees only their own pass, not even who types the other.
                let typing = !complete && stack.passes.contains { $0.clerk == me }
                let passes = stack.passes.filter { !typing || $0.clerk == me }.map { pass in
                    complete || pass.clerk == me
                        ? t(pass.finished ? "web.stack.passDone" : "web.stack.passOpen", [pass.pass, pass.clerk, pass.entered])
                        : t(pass.finished ? "web.stack.passDoneHidden" : "web.stack.passOpenHidden", [pass.pass, pass.clerk])
                }.joined(separator: "; ")
                let mine = stack.passes.first { $0.clerk == me && !$0.finished }
                // The next pass is offered to those who typed none of this stack.
                let free = stack.passes.count < round.round.requiredEntries && !stack.passes.contains { $0.clerk == me }
                    ? stack.passes.count + 1 : nil
                stacks.append(.init(stack: stack.stack, declared: stack.declared.map { language.number($0) }, passes: passes, agreed: stack.agreed.map { language.number($0) },
                                    href: "\(round.base)/stacks/\(stack.stack)",
                                    mine: mine.map { "\(round.base)/stacks/\(stack.stack)/passes/\($0.pass)" },
                                    takeLabel: free.map { t("web.round.takePass", [$0]) }, compare: complete && stack.agreed == nil))
            }
        }
        var outcomes: [RoundModel.Fact] = []
        if let result {
            outcomes.append(.init(label: t("web.round.elected", []), value: result.elected.joined(separator: ", ")))
            if election.body == .delegates {
                outcomes.append(.init(label: t("web.round.alternates", []), value: result.alternates.joined(separator: ", ")))
            }
            if let tie = result.tie {
                outcomes.append(.init(label: t("web.round.tie", []), value: t("web.round.tieText", [tie.names.joined(separator: ", "), tie.seats + tie.alternateSeats])))
            }
            if result.unfilledSeats > 0 { outcomes.append(.init(label: t("web.round.unfilled", []), value: String(result.unfilledSeats))) }
        }
        let decision: String? = if runs, let result {
            if state == .tiePending { t("web.round.decideTie", []) }
            else if state == .certified, result.unfilledSeats + result.unfilledAlternateSeats > 0 { t("web.round.decideShortfall", [result.unfilledSeats]) }
            else { nil }
        } else { nil }
        let exported = [.certified, .approved, .annulled].contains(state)
        let model = RoundModel(
            unitName: tree?.unit(round.round.unit)?.name ?? round.round.unit.rawValue,
            congressName: round.congress?.record.name,
            congressHref: round.congress.map { "/units/\(round.round.unit)/congress?id=\($0.id)" },
            title: election.title, facts: facts, state: t("web.state." + state.rawValue, []), stateCode: state.rawValue,
            candidates: candidates, showVotes: result != nil, base: round.base,
            canAdopt: runs && state == .draft, canIssue: runs && state == .listAdopted,
            // Those with a vote when the election was opened: the congress's voters, or the new committee (R-E-19).
            voters: election.ballotsIssued,
            canOpen: counts && state == .ballotsIssued, issued: lifecycle.issued,
            counting: counts && state == .counting, stacks: stacks, agreedTotal: language.number(agreedTotal),
            splitState: declaredTotal == lifecycle.returned ? t("web.round.splitDone", [language.number(declaredTotal)])
                : t("web.round.splitState", [language.number(declaredTotal), language.number(lifecycle.returned)]),
            nextStack: (stacks.map(\.stack).max() ?? 0) + 1,
            canClose: counts && state == .counting && !stacks.isEmpty && stacks.allSatisfy { $0.agreed != nil },
            canCertify: isHead && state == .counted, decision: decision,
            decideIssued: lifecycle.issued, canApprove: within(.approveResults) && state == .certified,
            ballotHref: runs ? round.base + "/ballot" : nil,
            minutesHref: result != nil ? round.base + "/minutes" : nil,
            exportElection: exported ? round.base + "/export/election.json" : nil,
            exportBallots: exported ? round.base + "/export/ballots.csv" : nil,
            outcomes: outcomes,
            entryLogHref: counts && ![.draft, .listAdopted, .ballotsIssued].contains(state) ? round.base + "/entry-log" : nil,
            canRerun: runs && state == .annulled,
            refused: refused.map { [$0.form.rawValue: $0.message.text] } ?? [:], refusedRules: refused?.message.rules ?? [],
            refusedElsewhere: refused.flatMap { refused in
                let shown = switch refused.form {
                case .issue: runs && state == .listAdopted
                case .open: counts && state == .ballotsIssued
                case .split: counts && state == .counting
                case .decision: decision != nil
                }
                return shown ? nil : refused.message.text
            },
            values: Self.values(refused, defaults: ["issued": String(election.ballotsIssued), "stack": String((stacks.map(\.stack).max() ?? 0) + 1),
                                                    "nextIssued": String(lifecycle.issued)]))
        return pages.page("round", title: election.title, body: model, context: context, path: path,
                          status: refused == nil ? .ok : .badRequest, section: .congress)
    }

    /// What each field of the page shows: what was typed when a form was refused, else its default.
    static func values(_ refused: RefusedForm?, defaults: [String: String]) -> [String: String] {
        var values = defaults
        guard let refused else { return values }
        for name in ["issued", "returned", "stack", "ballots"] {
            if let typed = refused.values[name] { values[name] = String(typed.prefix(InputLimits.lineLength)) }
        }
        if refused.form == .decision, let typed = refused.values["issued"] { values["nextIssued"] = String(typed.prefix(InputLimits.lineLength)) }
        return values
    }
}
