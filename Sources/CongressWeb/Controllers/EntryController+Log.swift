import CongressCore
import CongressStore
import Hummingbird

extension EntryController {
    struct EntryLogModel {
        struct Pass { let pass: Int; let clerk: String; let entered: Int; let finished: String }
        struct Stack { let stack: Int; let passes: [Pass]; let agreed: String }
        struct Line { let at: String; let actor: String; let what: String; let detail: String }
        let title: String
        let roundHref: String
        let stacks: [Stack]
        let settlements: [Line]
        let events: [Line]
        let printedAt: String
    }

    /// R-E-29: the entry log printed and archived with the congress records: every stack, its
    /// passes and who entered them, the agreed count, and every settlement and step of the round.
    func entryLog(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let round = try await CongressContext.load(dependencies, context, authorised)
        try round.requireBoard(authorised)
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, language, arguments: arguments) }
        let stacks = try await round.store.stacks(round: round.round.id).map { stack in
            EntryLogModel.Stack(stack: stack.stack, passes: stack.passes.map { pass in
                .init(pass: pass.pass, clerk: pass.clerk, entered: pass.entered,
                      finished: t(pass.finished ? "web.stack.finished" : "web.stack.typing", []))
            }, agreed: stack.agreed.map { language.number($0) } ?? "–")
        }
        let prefix = "round \(round.round.id)"
        // Only this round's entries, read by subject from the store (never the whole log).
        let log = try await dependencies.access.auditEntries(AuditQuery(subject: prefix, limit: 10_000, oldestFirst: true)).items
        func line(_ entry: AuditEntry) -> EntryLogModel.Line {
            .init(at: entry.at, actor: entry.actor, what: Labels.action(entry.action, language), detail: entry.detail)
        }
        let model = EntryLogModel(
            title: round.election.title, roundHref: round.base, stacks: stacks,
            settlements: log.filter { $0.action == .differenceSettled || $0.action == .settlementProposed }.map(line),
            events: log.filter { [.roundEvent, .passClaimed, .passFinished, .stackAgreed, .resultCertified].contains($0.action) }.map(line),
            printedAt: dependencies.today().vietnamese)
        return pages.page("entry-log", title: t("web.entryLog.title", [round.election.title]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
