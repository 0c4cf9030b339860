import CongressCore
import CongressStore
import Foundation
import Hummingbird

/// One election round of a congress: its list and base, the lifecycle steps of the presidium,
/// the counting board and the higher committee (R-E-28, R-E-29, R-E-30), the result once it may
/// be read, the printed ballot and minutes, and the export that `congress tally` re-counts.
struct RoundController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    static let prefix = "/units/{code}/rounds/{round}"

    var routes: [WebRoute] {
        let p = Self.prefix
        return [
            WebRoute(.get, p, .unit(.viewCongress)) { request, context, authorised in try await page(request, context, authorised) },
            WebRoute(.post, p + "/list", .unit(.runCongress)) { _, context, authorised in
                try await step(context, authorised, notice: .listAdopted) { round, _ in .adoptList(candidates: round.election.candidates.count) }
            },
            WebRoute(.post, p + "/issue", .unit(.runCongress)) { _, context, authorised in
                try await onPage(.issue, context, authorised) {
                    try await step(context, authorised, notice: .ballotsIssued) { _, form in .issueBallots(issued: try Self.count(form, "issued")) }
                }
            },
            WebRoute(.post, p + "/open", .unit(.countBallots)) { _, context, authorised in
                try await onPage(.open, context, authorised) {
                    try await step(context, authorised, board: true, notice: .countingOpened) { _, form in
                        .openCounting(returned: try Self.count(form, "returned"))
                    }
                }
            },
            WebRoute(.post, p + "/close", .unit(.countBallots)) { _, context, authorised in try await close(context, authorised) },
            WebRoute(.post, p + "/certify", .unit(.countBallots)) { _, context, authorised in try await certify(context, authorised) },
            WebRoute(.post, p + "/decision", .unit(.runCongress)) { _, context, authorised in
                try await onPage(.decision, context, authorised) { try await decide(context, authorised) }
            },
            WebRoute(.post, p + "/approval", .unit(.approveResults)) { _, context, authorised in try await approve(context, authorised) },
            WebRoute(.post, p + "/rerun", .unit(.runCongress)) { _, context, authorised in try await rerun(context, authorised) },
            WebRoute(.get, p + "/minutes", .unit(.viewCongress)) { _, context, authorised in try await minutes(context, authorised) },
            WebRoute(.get, p + "/ballot", .unit(.runCongress)) { request, context, authorised in
                try await ballot(request, context, authorised)
            },
            WebRoute(.get, p + "/export/election.json", .unit(.viewCongress)) { _, context, authorised in
                try await export(context, authorised, ballots: false)
            },
            WebRoute(.get, p + "/export/ballots.csv", .unit(.viewCongress)) { _, context, authorised in
                try await export(context, authorised, ballots: true)
            },
        ]
    }

    // MARK: Steps

    /// A count of people, ballots or votes, bounded (`InputLimits.count`).
    static func count(_ form: FormFields, _ field: String) throws -> Int {
        try form.int(field, in: InputLimits.count)
    }

    private func step(_ context: AppRequestContext, _ authorised: Authorised, board: Bool = false, notice: Notice,
                      _ event: (CountingRound, FormFields) throws -> RoundLifecycle.Event) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        if board { try round.requireBoard(authorised) }
        let chosen = try event(round.round, authorised.form)
        try await apply(chosen, round, authorised)
        return Redirect.to(round.base, notice: notice)
    }

    @discardableResult
    private func apply(_ event: RoundLifecycle.Event, _ round: CongressContext, _ authorised: Authorised) async throws -> [RoundLifecycle.Effect] {
        do {
            return try await round.store.apply(event, to: round.round.id, audit: AuditDraft(
                actor: try CongressContext.clerk(authorised), action: .roundEvent, subject: "round \(round.round.id)",
                detail: event.auditDetail, unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
    }

    /// Closes counting once every stack is agreed and the agreed ballots are the returned ones,
    /// then computes the result from the agreed entries only (R-E-29).
    private func close(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        try round.requireBoard(authorised)
        let stacks = try await round.store.stacks(round: round.round.id)
        guard Confirmation.isConfirmed(authorised.form) else {
            // What the board is about to close; the store's own check (R-E-29) decides on close.
            if let open = stacks.first(where: { $0.agreed == nil }) {
                throw WebError.badInput(key: "web.round.stackOpen", arguments: [String(open.stack)])
            }
            let agreed = stacks.reduce(0) { $0 + ($1.agreed ?? 0) }
            return confirmation(context, round, step: "close", consequences: [
                text(context, "web.confirm.close.count", context.language.number(agreed), stacks.count,
                     context.language.number(round.round.lifecycle.returned)),
                text(context, "web.confirm.close.final"),
            ])
        }
        // Closing and the result in one transaction, decided by the core (`CountingClose`).
        do { _ = try await round.store.closeCounting(round: round.round.id, actor: try CongressContext.clerk(authorised)) } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to(round.base, notice: .closed)
    }

    private func certify(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        // The board's head certifies (R-E-28): the account bound to the board's first member.
        try round.requireBoard(authorised, head: true)
        guard let result = try await round.result() else {
            throw CongressContext.refusal(StoreError.counting(.lifecycle(.notNow(state: round.round.lifecycle.state, event: "certify"))))
        }
        guard Confirmation.isConfirmed(authorised.form) else {
            return confirmation(context, round, step: "certify", consequences: [
                text(context, "web.confirm.certify.elected", Self.names(result.elected)),
                text(context, "web.confirm.certify.final"),
                text(context, "web.confirm.certify.entries"),
            ])
        }
        let actor = try CongressContext.clerk(authorised)
        let audit = AuditDraft(actor: actor, action: .resultCertified, subject: "round \(round.round.id)",
                               detail: "elected: \(result.elected.count), alternates: \(result.alternates.count), unfilled: \(result.unfilledSeats)",
                               unit: round.round.unit)
        // The winners join the term's composition, and a missing designated leader pauses the
        // cycle (R-E-26, R-E-27), in the certification's own transaction.
        let document = ResultDocument.encode(result).formatted()
        let today = dependencies.today()
        try await CongressContext.withCongress(round.store, round: round.round, actor: actor, { record in
            record.recordCertified(result, round: round.round.id, on: today)
        }) { write throws(StoreError) in
            _ = try await round.store.certify(round: round.round.id, result: document, audit: audit, congress: write)
        }
        return Redirect.to(round.base, notice: .certified)
    }

    /// The presidium's decision on a pending tie (R-E-23) or unfilled places (R-E-24): a new
    /// round with the same base and threshold, or the places left unfilled.
    private func decide(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        guard let result = try await round.result() else { throw WebError.notFound }
        let form = try DecisionForm(authorised.form)
        let again = form.newRound
        let decision = PresidiumDecision.choose(newRound: again, ballotsIssued: form.ballotsIssued, tie: result.tie != nil)
        let next: Election?
        do { next = try result.nextRound(decision) } catch {
            throw WebError.badInput(key: "web.round.nextRefused", arguments: [error.ruleID, error.message(context.language)])
        }
        let subject = "round after \(round.round.id)"
        let detail = next.map { "\($0.title), round \($0.round), \($0.candidates.count) candidates" } ?? ""
        guard round.round.lifecycle.state == .tiePending else {
            guard let next else { return Redirect.to(round.base) }
            return try await round.openFollowing(next, subject: subject, detail: detail, authorised)
        }
        // The decision and the new round among the tied in one transaction (R-E-23).
        let actor = try CongressContext.clerk(authorised)
        let event = RoundLifecycle.Event.tieDecided(newRound: again)
        let opened: Round.ID?
        do {
            opened = try await round.store.decideTie(
                round: round.round.id, newRound: next,
                audit: AuditDraft(actor: actor, action: .roundEvent, subject: "round \(round.round.id)", detail: event.auditDetail,
                                  unit: round.round.unit),
                openingAudit: AuditDraft(actor: actor, action: .roundOpened, subject: subject, detail: detail, unit: round.round.unit))
        } catch {
            throw CongressContext.refusal(error)
        }
        guard let opened else { return Redirect.to(round.base) }
        return Redirect.to("/units/\(round.round.unit)/rounds/\(opened)", notice: .roundOpened)
    }

    /// The presidium's decision form, decoded once: a new round, with the ballots issued for it.
    struct DecisionForm {
        let newRound: Bool
        let ballotsIssued: Int

        init(_ form: FormFields) throws {
            newRound = form["decision"] == "newRound"
            ballotsIssued = newRound ? try RoundController.count(form, "issued") : 0
        }
    }

    /// R-E-30: the higher committee approves, or annuls with a reason; an annulled result leaves
    /// the term's composition.
    private func approve(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        // R-E-30: the higher committee approves, never the unit's own reviewer (the core decides).
        guard let tree = authorised.tree else { throw WebError.badInput(key: "web.approval.ownUnit", arguments: []) }
        let form = try ApprovalForm(authorised.form)
        let (annul, reason) = (form.annul, form.reason)
        let decision: HigherCommitteeDecision
        do {
            decision = try HigherCommitteeDecision.decide(annul: annul, reason: reason, policy: try authorised.user.policy,
                                                          unit: round.round.unit, isWithin: tree.isWithin)
        } catch let refusal as HigherCommitteeDecision.Refusal {
            throw WorkingBodiesController.refusal(refusal, seat: false)
        }
        guard Confirmation.isConfirmed(authorised.form) else {
            let elected = Self.names(try await round.result()?.elected ?? [])
            return confirmation(context, round, step: "approval", danger: annul,
                                fields: [.init(name: "decision", value: annul ? "annul" : "approve")] + (reason.map { [.init(name: "reason", value: $0)] } ?? []),
                                consequences: annul
                                    ? [text(context, "web.confirm.annul.reason", reason ?? ""), text(context, "web.confirm.annul.elected", elected),
                                       text(context, "web.confirm.annul.final")]
                                    : [text(context, "web.confirm.approve.elected", elected), text(context, "web.confirm.approve.final")],
                                label: annul ? "web.confirm.annul.button" : "web.confirm.approve.button",
                                heading: annul ? "web.confirm.annul.heading" : "web.confirm.approve.heading")
        }
        // An annulled result leaves the composition in the annulment's own transaction (R-E-30).
        let event = decision.event
        let actor = try CongressContext.clerk(authorised)
        let audit = AuditDraft(actor: actor, action: .roundEvent, subject: "round \(round.round.id)", detail: event.auditDetail,
                               unit: round.round.unit)
        try await CongressContext.withCongress(round.store, round: round.round, actor: actor, { record in
            annul ? record.recordAnnulled(round: round.round.id) : nil
        }) { write throws(StoreError) in
            _ = try await round.store.apply(event, to: round.round.id, audit: audit, congress: write)
        }
        return Redirect.to(round.base, notice: annul ? .annulled : .approved)
    }

    // MARK: Confirmations

    private func text(_ context: AppRequestContext, _ key: String, _ arguments: CustomStringConvertible...) -> String {
        Catalogue.text(key, context.language, arguments: arguments)
    }

    static func names(_ names: [String]) -> String { names.isEmpty ? "—" : names.joined(separator: ", ") }

    /// The page that restates an irreversible step before it is taken (`Confirmation`).
    private func confirmation(_ context: AppRequestContext, _ round: CongressContext, step: String, danger: Bool = false,
                              fields: [Confirmation.Field] = [], consequences: [String],
                              label: String? = nil, heading: String? = nil) -> Response {
        let title = round.election.title
        return Confirmation(heading: text(context, heading ?? "web.confirm.\(step).heading", title), consequences: consequences,
                            action: "\(round.base)/\(step)", fields: fields,
                            confirmLabel: text(context, label ?? "web.confirm.\(step).button"), backHref: round.base, danger: danger)
            .render(pages, context)
    }

    /// The re-election the higher committee ordered (R-E-30): the same list and base as a new round.
    private func rerun(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        guard round.round.lifecycle.state == .annulled else {
            throw CongressContext.refusal(StoreError.counting(.lifecycle(.notNow(state: round.round.lifecycle.state, event: "rerun"))))
        }
        var election = round.round.election
        election.round += 1
        return try await round.openFollowing(election, subject: "re-run of round \(round.round.id)",
                                             detail: "re-election ordered by the higher committee (R-E-30)", authorised)
    }

    // MARK: Documents

    private func minutes(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let policy = try authorised.user.policy
        // Before certification only the board and the presidium of this very unit read them.
        let isWithin = authorised.tree?.isWithin ?? { _, _ in false }
        let onBoard = round.congress?.record.countingBoard.contains(try authorised.user.user.memberID ?? "\u{0}") ?? false
        guard CongressContext.mayReadResult(round.round.lifecycle.state,
                                            counts: onBoard && policy.allows(.countBallots, on: round.round.unit, isWithin: isWithin),
                                            runs: policy.allows(.runCongress, on: round.round.unit, isWithin: isWithin)) else {
            throw WebError.forbidden
        }
        guard let result = try await round.result() else { throw WebError.notFound }
        var minutes = CountingMinutes(result: result, language: context.language,
                                      boardSize: max(3, round.congress?.record.countingBoard.count ?? 3))
        if let record = round.congress?.record, !record.countingBoard.isEmpty {
            minutes.signatures = record.countingBoard.enumerated().map { index, id in
                CountingMinutes.Signer(role: Catalogue.text(index == 0 ? "minutes.head" : "minutes.member", context.language),
                                       name: record.name(of: id) ?? id.rawValue)
            }
        }
        if ![.certified, .approved, .annulled].contains(round.round.lifecycle.state) {
            minutes.draftMark = .init(word: Catalogue.text("web.minutes.draftWord", context.language),
                                      explanation: Catalogue.text("web.minutes.draft", context.language))
        }
        // The log's head at certification: `congress audit verify --expect COUNT:HASH` later shows
        // whether the log still holds it (a cut tail cannot go unnoticed).
        if let head = try await round.store.certifiedAuditHead(round: round.round.id) {
            minutes.notices.append(Catalogue.text("web.minutes.auditHead", context.language, head.count, head.description))
        }
        return PageRenderer.html(PrintedDocuments.minutes(minutes, styles: .linked))
    }

    private func ballot(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let query = FormFields(encoded: Substring(request.uri.query ?? ""))
        let paper = try query.choice("paper", BallotSheet.Paper.self) ?? .a4
        do {
            var sheet = try BallotSheet(election: round.election, paper: paper, language: context.language)
            sheet.organisation = try? await dependencies.register.unit(round.round.unit)?.name.uppercased(with: Locale(identifier: "vi_VN"))
            return PageRenderer.html(PrintedDocuments.ballot(sheet, styles: .linked))
        } catch {
            throw WebError.badInput(key: "web.round.refused", arguments: [error.message(context.language)])
        }
    }

    /// The round as the public files (formats.md §1, §2): certified rounds only, so that
    /// `congress tally` elsewhere re-counts exactly the certified result.
    private func export(_ context: AppRequestContext, _ authorised: Authorised, ballots: Bool) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        guard [.certified, .approved, .annulled].contains(round.round.lifecycle.state) else { throw WebError.notFound }
        let election = round.election
        let name = "round-\(round.round.id)"
        if ballots {
            let file = BallotCSV.file(try await round.store.agreedBallots(round: round.round.id), candidates: election.candidates.count)
            return Self.download(file, type: "text/csv; charset=utf-8", name: "\(name)-ballots.csv")
        }
        return Self.download(ElectionFile.encode(election).formatted() + "\n", type: "application/json", name: "\(name)-election.json")
    }

    static func download(_ text: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The reviewer's decision on a certified result (R-E-30).
enum ApprovalDecision: String, CaseIterable {
    case approve, annul
}
