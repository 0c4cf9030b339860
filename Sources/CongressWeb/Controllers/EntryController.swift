import CongressCore
import CongressStore
import Hummingbird

/// Counting by independent entry (R-E-29): a clerk takes a pass of a stack, types it ballot by
/// ballot on a keyboard-first screen that shows only the clerk's own pass, and finishes it; the
/// board compares the passes of a stack position by position and settles every difference
/// against the paper. Every entry and settlement is in the audit log.
struct EntryController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        let p = RoundController.prefix
        let pass = p + "/stacks/{stack}/passes/{pass}"
        return [
            WebRoute(.post, p + "/stacks", .unit(.countBallots)) { _, context, authorised in
                try await RoundController(dependencies: dependencies, pages: pages).onPage(.split, context, authorised) {
                    try await declare(context, authorised)
                }
            },
            WebRoute(.post, p + "/passes", .unit(.countBallots)) { _, context, authorised in try await claim(context, authorised) },
            WebRoute(.get, pass, .unit(.countBallots)) { request, context, authorised in
                try await entryPage(request.uri.description, context, authorised)
            },
            WebRoute(.post, pass, .unit(.countBallots)) { _, context, authorised in try await enter(context, authorised, api: false) },
            WebRoute(.post, "/api" + pass + "/ballots", .unit(.countBallots), api: true) { _, context, authorised in
                try await enter(context, authorised, api: true)
            },
            WebRoute(.post, pass + "/finish", .unit(.countBallots)) { _, context, authorised in try await finish(context, authorised) },
            WebRoute(.post, pass + "/correction", .unit(.countBallots)) { _, context, authorised in try await correct(context, authorised) },
            WebRoute(.get, p + "/stacks/{stack}", .unit(.countBallots)) { request, context, authorised in
                try await comparison(request, context, authorised)
            },
            WebRoute(.post, p + "/stacks/{stack}", .unit(.countBallots)) { _, context, authorised in try await settle(context, authorised) },
            WebRoute(.get, p + "/entry-log", .unit(.countBallots)) { request, context, authorised in
                try await entryLog(request, context, authorised)
            },
        ]
    }

    /// The stack or pass number of the path (404 when it is not one).
    static func number(_ context: AppRequestContext, _ name: String) throws -> Int {
        try context.parameters.int(name, in: name == "pass" ? InputLimits.pass : InputLimits.stack)
    }

    // MARK: Splitting into stacks

    /// R-E-29: a board member records how many ballots a stack holds, as counted at the split.
    private func declare(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        try round.requireBoard(authorised)
        let declared = try StackDeclarationForm(authorised.form)
        let (stack, ballots) = (declared.stack, declared.ballots)
        let member = try CongressContext.clerk(authorised)
        do {
            try await round.store.declareStack(round: round.round.id, stack: stack, ballots: ballots, audit: AuditDraft(
                actor: member, action: .stackDeclared, subject: "round \(round.round.id) stack \(stack)", detail: "\(ballots) ballots",
                unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to(round.base, notice: .stackDeclared)
    }

    // MARK: Taking a pass

    /// The clerk takes the first free pass of the stack typed in (R-E-29: never two passes of one stack).
    private func claim(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        try round.requireBoard(authorised)
        let stack = try StackForm(authorised.form).stack
        let clerk = try CongressContext.clerk(authorised)
        let taken = try await round.store.stacks(round: round.round.id).first { $0.stack == stack }?.passes ?? []
        if let mine = taken.first(where: { $0.clerk == clerk }) {
            // Back to one's own pass while it is open; a finished pass is not reopened by retyping the stack.
            guard !mine.finished else { throw WebError.badInput(key: "web.stack.ownFinished", arguments: [String(mine.pass), String(stack)]) }
            return Redirect.to("\(round.base)/stacks/\(stack)/passes/\(mine.pass)")
        }
        guard let free = (1...round.round.requiredEntries).first(where: { pass in !taken.contains { $0.pass == pass } }) else {
            throw WebError.badInput(key: "web.stack.full", arguments: [String(stack), String(round.round.requiredEntries)])
        }
        do {
            try await round.store.claimPass(round: round.round.id, stack: stack, pass: free, clerk: clerk, audit: AuditDraft(
                actor: clerk, action: .passClaimed, subject: "round \(round.round.id) stack \(stack) pass \(free)",
                unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to("\(round.base)/stacks/\(stack)/passes/\(free)", notice: .passTaken)
    }

    // MARK: The entry screen

    struct EntryModel {
        struct Line { let number: Int; let name: String; let struck: Bool; let mark: String? }
        let title: String
        let roundHref: String
        let stack: Int
        let pass: Int
        let enteredText: String
        let position: Int
        let nextNumber: Int
        let action: String
        let finishAction: String
        let hint: String
        let last: [Line]
        let lastNumber: Int?
        let lastFlags: String?
        let error: String?
        let typed: String
        let finished: Bool
        /// Every ballot of the stack is entered: the pass takes no more, only its finish.
        let full: String?
        let correctAction: String
        let flags: Flags
    }

    /// The flags shown ticked on the entry form (a ballot taken back for correction keeps its own).
    struct Flags { let notIssued: Bool; let writeIn: Bool; let marked: Bool }

    /// The clerk's own pass (never another clerk's, never a running total).
    private func ownPass(_ round: CongressContext, _ context: AppRequestContext, _ authorised: Authorised) async throws
        -> (stack: Int, pass: Int, progress: StackProgress.Pass) {
        let stack = try Self.number(context, "stack"), pass = try Self.number(context, "pass")
        let clerk = try CongressContext.clerk(authorised)
        guard let progress = try await round.store.stacks(round: round.round.id).first(where: { $0.stack == stack })?
            .passes.first(where: { $0.pass == pass }), progress.clerk == clerk else {
            // A pass not taken and another clerk's pass answer alike.
            throw WebError.forbidden
        }
        return (stack, pass, progress)
    }

    private func entryPage(_ path: String, _ context: AppRequestContext, _ authorised: Authorised,
                           error: String? = nil, typed: String = "", flags: Flags = Flags(notIssued: false, writeIn: false, marked: false))
        async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let (stack, pass, progress) = try await ownPass(round, context, authorised)
        let election = round.election
        let language = context.language
        let mine = try await round.store.entries(round: round.round.id, stack: stack).first { $0.clerk == progress.clerk }
        let last = mine?.ballots.last
        let letters = last.map { Array(BallotKeyEntry.typed($0, candidates: election.candidates.count)) } ?? []
        let lines: [EntryModel.Line] = election.candidates.enumerated().map { index, name in
            switch last?.choice {
            case .struck(let set)?:
                return .init(number: index + 1, name: name, struck: set.contains(index), mark: nil)
            case .marks?:
                return .init(number: index + 1, name: name, struck: false,
                             mark: Catalogue.text("web.entry.mark.\(letters[index])", language))
            case nil:
                return .init(number: index + 1, name: name, struck: false, mark: nil)
            }
        }
        var lastFlags: [String] = []
        if let last {
            if !last.issued { lastFlags.append(Catalogue.text("web.entry.notIssued", language)) }
            if last.writeIn { lastFlags.append(Catalogue.text("web.entry.writeIn", language)) }
            if last.identifyingMarks { lastFlags.append(Catalogue.text("web.entry.marked", language)) }
        }
        let strikeOut = election.ballotForm == .strikeOut
        let base = "\(round.base)/stacks/\(stack)/passes/\(pass)"
        let declared = try await round.store.stacks(round: round.round.id).first { $0.stack == stack }?.declared
        let enteredText = declared.map { Catalogue.text("web.entry.progress", language, progress.entered, $0) }
            ?? Catalogue.text("web.entry.entered", language, progress.entered)
        let full = declared.flatMap { progress.entered >= $0 ? Catalogue.text("web.entry.full", language, $0) : nil }
        let model = EntryModel(
            title: election.title, roundHref: round.base, stack: stack, pass: pass,
            enteredText: enteredText, position: progress.entered,
            nextNumber: progress.entered + 1,
            action: base, finishAction: base + "/finish",
            hint: Catalogue.text(strikeOut ? "web.entry.hintStrike" : "web.entry.hintMarks", language, election.candidates.count),
            last: last == nil ? [] : lines, lastNumber: last == nil ? nil : progress.entered,
            lastFlags: lastFlags.isEmpty ? nil : lastFlags.joined(separator: ", "), error: error, typed: typed, finished: progress.finished,
            full: full, correctAction: base + "/correction", flags: flags)
        let status: HTTPResponse.Status = error == nil ? .ok : .badRequest
        var response = pages.page("entry", title: Catalogue.text("web.entry.title", language, stack, pass), body: model, context: context,
                                  path: path, status: status, section: .congress)
        // This page runs one script of its own: after a refusal it selects the typed text, so the
        // next keys replace it instead of adding to it.
        response.headers[.contentSecurityPolicy] = Self.policy
        return response
    }

    static let policy = SecurityHeadersMiddleware<AppRequestContext>.policy + "; script-src 'self'"

    static func keyEntry(_ form: FormFields, suffix: String = "") -> BallotKeyEntry {
        BallotKeyEntry(typed: String((form.all("typed" + suffix).first ?? "").prefix(InputLimits.lineLength)), notIssued: form["notissued" + suffix] != nil,
                       writeIn: form["writein" + suffix] != nil, marked: form["marked" + suffix] != nil)
    }

    /// One ballot: acknowledged (303 to the screen, or 200 in JSON) only once it is on disk.
    private func enter(_ context: AppRequestContext, _ authorised: Authorised, api: Bool) async throws -> Response {
        // The round's unit and list never change once opened: the store answers from its cache.
        let store = try CongressContext.store(dependencies)
        let id = Round.ID(try context.parameters.recordID("round"))
        guard let (unit, election) = try await store.opened(id), unit == authorised.unit else { throw WebError.notFound }
        let base = "/units/\(unit)/rounds/\(id)"
        let stack = try Self.number(context, "stack"), pass = try Self.number(context, "pass")
        let form = authorised.form
        let entry = Self.keyEntry(form)
        let position = try BallotPositionForm(form).position
        let ballot: Ballot
        do { ballot = try entry.ballot(form: election.ballotForm, candidates: election.candidates.count) } catch {
            let message = Catalogue.text(error.message.key, context.language, arguments: error.message.arguments)
            if api { throw WebError.badInput(key: "web.entry.rejected", arguments: [message]) }
            return try await entryPage("\(base)/stacks/\(stack)/passes/\(pass)", context, authorised,
                                       error: message, typed: entry.typed,
                                       flags: Flags(notIssued: entry.notIssued, writeIn: entry.writeIn, marked: entry.marked))
        }
        do {
            try await store.recordBallot(round: id, stack: stack, pass: pass,
                                         clerk: try CongressContext.clerk(authorised), position: position, ballot: ballot)
        } catch {
            throw CongressContext.refusal(error)
        }
        if api { return JSONBody.response(Acknowledged(position: position, next: position + 1)) }
        return Redirect.to("\(base)/stacks/\(stack)/passes/\(pass)")
    }

    struct Acknowledged: Encodable { let position: Int; let next: Int }

    private func finish(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let (stack, pass, progress) = try await ownPass(round, context, authorised)
        do {
            try await round.store.finishPass(round: round.round.id, stack: stack, pass: pass, clerk: progress.clerk, audit: AuditDraft(
                actor: progress.clerk, action: .passFinished, subject: "round \(round.round.id) stack \(stack) pass \(pass)",
                detail: "\(progress.entered) ballots", unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to(round.base, notice: .passFinished)
    }

    /// The clerk takes back the last ballot of their own unfinished pass: the entry screen shows
    /// it in the field, as typed, to be corrected and entered again.
    private func correct(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let (stack, pass, progress) = try await ownPass(round, context, authorised)
        let ballot: Ballot
        do {
            ballot = try await round.store.withdrawLastBallot(round: round.round.id, stack: stack, pass: pass, clerk: progress.clerk, audit: AuditDraft(
                actor: progress.clerk, action: .ballotWithdrawn, subject: "round \(round.round.id) stack \(stack) pass \(pass)",
                detail: "ballot \(progress.entered) taken back", unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
        let typed = BallotKeyEntry.typed(ballot, candidates: round.election.candidates.count)
        return try await entryPage("\(round.base)/stacks/\(stack)/passes/\(pass)", context, authorised,
                                   typed: typed, flags: Flags(notIssued: !ballot.issued, writeIn: ballot.writeIn, marked: ballot.identifyingMarks))
    }
}
