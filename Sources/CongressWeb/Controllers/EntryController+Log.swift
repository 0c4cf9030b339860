import CongressCore
import CongressStore
import Hummingbird

extension EntryController {
    struct EntryLogModel {
        struct Pass { let pass: Int; let clerk: String; let entered: Int; let finished: String }
        struct Stack { let stack: Int; let declared: String; let passes: [Pass]; let agreed: String }
        /// A step; a settlement lists the ballots as read ("Phiếu 9: lượt 1 ghi …, phiếu giấy: …").
        struct Line { let at: String; let actor: String; let what: String; let readings: [String] }
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
            EntryLogModel.Stack(stack: stack.stack, declared: stack.declared.map { language.number($0) } ?? "–", passes: stack.passes.map { pass in
                .init(pass: pass.pass, clerk: pass.clerk, entered: pass.entered,
                      finished: t(pass.finished ? "web.stack.finished" : "web.stack.typing", []))
            }, agreed: stack.agreed.map { language.number($0) } ?? "–")
        }
        let prefix = "round \(round.round.id)"
        // Only this round's entries, read by subject from the store (never the whole log).
        let log = try await dependencies.access.auditEntries(AuditQuery(subject: prefix, limit: 10_000, oldestFirst: true)).items
        let all = try await round.store.stacks(round: round.round.id)
        var readings: [Int: [String]] = [:]
        for stack in all where stack.agreed != nil {
            guard let settled = try await round.store.settledReadings(round: round.round.id, stack: stack.stack) else { continue }
            let entries = try await round.store.entries(round: round.round.id, stack: stack.stack)
            readings[stack.stack] = Self.readingLines(settled, entries: entries, round.election, language)
        }
        let certified = [.certified, .approved, .annulled].contains(round.round.lifecycle.state)
        func line(_ entry: AuditEntry) -> EntryLogModel.Line {
            let stack = EntryLogLine.place(entry.subject).stack
            let read = entry.action == .differenceSettled ? stack.flatMap { readings[$0] }
                ?? (certified ? [t("entryLog.readingsGone", [])] : []) : []
            return .init(at: Formatting.localTime(iso: entry.at), actor: entry.actor,
                         what: EntryLogLine.describe(action: entry.action, subject: entry.subject, detail: entry.detail, actor: entry.actor, language),
                         readings: read)
        }
        let settlements = log.filter { $0.action == .differenceSettled || $0.action == .settlementProposed }.map(line)
        let open = all.filter { $0.agreed == nil }.count
        let state = all.isEmpty || open == all.count ? t("web.entryLog.notCompared", [])
            : open > 0 ? t("web.entryLog.stacksOpen", [open]) : t("web.entryLog.noSettlements", [])
        let record = round.congress?.record
        let head = record?.countingBoard.first.flatMap { record?.name(of: $0) } ?? ""
        let model = EntryLogModel(
            title: round.election.title, roundHref: round.base, stacks: stacks, settlements: settlements, settlementsState: state,
            events: log.filter { [.roundEvent, .stackDeclared, .passClaimed, .ballotWithdrawn, .passFinished, .stackAgreed, .resultCertified]
                .contains($0.action) }.map(line),
            printedAt: Formatting.localTime(dependencies.clock()), headName: head)
        return pages.page("entry-log", title: t("web.entryLog.title", [round.election.title]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }

    /// Each settled position as the board read it: what every pass entered, and the paper.
    static func readingLines(_ settled: StackSettlement, entries: [StackComparison.Entry], _ election: Election,
                             _ language: Language) -> [String] {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("entryLog." + key, language, arguments: arguments) }
        return settled.readings.sorted { $0.position < $1.position }.map { reading in
            let passes = entries.enumerated().map { index, entry in
                let typed = reading.position < entry.ballots.count ? spoken(entry.ballots[reading.position], election, language) : say("noEntry", [])
                return say("readingPass", [index + 1, typed])
            }.joined(separator: ", ")
            let paper = reading.row.flatMap { BallotCSV.ballot(row: $0, election: election) }.map { spoken($0, election, language) } ?? say("noPaper", [])
            return say("reading", [reading.position + 1, passes, paper])
        }
    }

    /// A ballot in words: the names struck by number, or each mark (a one-name ballot as its
    /// mark alone: "Không đồng ý"), with its flags.
    static func spoken(_ ballot: Ballot, _ election: Election, _ language: Language) -> String {
        let candidates = election.candidates.count
        var text: String
        switch ballot.choice {
        case .struck(let set):
            text = set.isEmpty ? Catalogue.text("web.stack.nothingStruck", language)
                : Catalogue.text("entryLog.struck", language, set.positions.map { String($0 + 1) }.joined(separator: ", "))
        case .marks:
            let letters = Array(BallotKeyEntry.typed(ballot, candidates: candidates))
            let words = letters.map { Catalogue.text("web.entry.mark.\($0)", language) }
            text = candidates == 1 ? words[0].prefix(1).uppercased() + words[0].dropFirst()
                : words.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: ", ")
        }
        if !ballot.issued { text += " · " + Catalogue.text("web.entry.notIssued", language) }
        if ballot.writeIn { text += " · " + Catalogue.text("web.entry.writeIn", language) }
        if ballot.identifyingMarks { text += " · " + Catalogue.text("web.entry.marked", language) }
        return text
    }
}
