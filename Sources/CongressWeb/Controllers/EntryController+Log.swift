import CongressCore
import CongressStore
import Hummingbird

extension EntryController {
    struct EntryLogModel {
        struct Pass { let pass: Int; let clerk: String; let entered: Int; let finished: String }
        struct Stack { let stack: Int; let passes: [Pass]; let agreed: String }
        struct Line { let at: String; let actor: String; let what: String }
        let title: String
        let roundHref: String
        let stacks: [Stack]
        let settlements: [Line]
        /// What the settlements section says when it lists none, true at the time of printing.
        let settlementsState: String
        let events: [Line]
        let printedAt: String
        let headName: String
    }

    /// R-E-29: the entry log printed and archived with the congress records: every stack, its
    /// passes and who entered them, the agreed count, and every settlement and step of the round.
    func entryLog(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let round = try await CongressContext.load(dependencies, context, authorised)
        try round.requireBoard(authorised)
        let t = PageText.say(language)
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
            .init(at: Formatting.localTime(iso: entry.at), actor: entry.actor,
                  what: EntryLogLine.describe(action: entry.action, subject: entry.subject, detail: entry.detail, actor: entry.actor, language))
        }
        let settlements = log.filter { $0.action == .differenceSettled || $0.action == .settlementProposed }.map(line)
        let all = try await round.store.stacks(round: round.round.id)
        let open = all.filter { $0.agreed == nil }.count
        let state = all.isEmpty || open == all.count ? t("web.entryLog.notCompared", [])
            : open > 0 ? t("web.entryLog.stacksOpen", [open]) : t("web.entryLog.noSettlements", [])
        let record = round.congress?.record
        let head = record?.countingBoard.first.flatMap { record?.name(of: $0) } ?? ""
        let model = EntryLogModel(
            title: round.election.title, roundHref: round.base, stacks: stacks, settlements: settlements, settlementsState: state,
            events: log.filter { [.roundEvent, .passClaimed, .passFinished, .stackAgreed, .resultCertified].contains($0.action) }.map(line),
            printedAt: Formatting.localTime(dependencies.clock()), headName: head)
        return pages.page("entry-log", title: t("web.entryLog.title", [round.election.title]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
