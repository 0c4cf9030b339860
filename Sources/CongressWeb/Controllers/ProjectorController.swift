import CongressCore
import CongressStore
import Hummingbird

/// The hall's projector page for a round, and its live feed (server-sent events). It shows the
/// result only once the counting board has certified and so released it; before that it says the
/// count is under way, and never a running total.
struct ProjectorController {
    let dependencies: WebDependencies
    let pages: PageRenderer
    /// How often the feed looks at the round when no one tells it of changes, and how long one
    /// connection lasts (the browser reconnects).
    var interval: Duration = .seconds(1)
    /// With notifications of changes (several servers on PostgreSQL), the feed looks again at
    /// each one, and at least this often in case one was missed between its look and its wait.
    var notifiedInterval: Duration = .seconds(5)
    var lifetime: Duration = .seconds(1800)

    var routes: [WebRoute] {
        let p = RoundController.prefix
        return [
            WebRoute(.get, p + "/projector", .unit(.viewCongress)) { _, context, authorised in try await page(context, authorised) },
            WebRoute(.get, p + "/projector/events", .unit(.viewCongress)) { _, context, authorised in
                try await events(context, authorised)
            },
            WebRoute(.get, "/assets/projector.js", .anyone) { _, _, _ in AssetController.response("projector.js") },
        ]
    }

    /// This page alone runs a script, its own, from this site.
    static let policy = SecurityHeadersMiddleware<AppRequestContext>.policy + "; script-src 'self'; connect-src 'self'"

    struct BoardModel {
        struct Row { let number: Int; let name: String; let votes: String; let percent: String; let outcome: String; let code: String }
        let title: String
        let released: Bool
        let state: String
        let rows: [Row]
        let elected: String
        let waiting: String
    }

    static func isReleased(_ state: RoundLifecycle.State) -> Bool { [.certified, .approved].contains(state) }

    private func board(_ round: CongressContext, _ language: Language) async throws -> String {
        let state = round.round.lifecycle.state
        let result = Self.isReleased(state) ? try await round.result() : nil
        let t = PageText.say(language)
        let rows = result?.candidates.map { line in
            BoardModel.Row(number: line.number, name: line.name, votes: language.number(line.votes),
                           percent: language.decimal(line.percentOfBase) + "%", outcome: t("outcome." + line.outcome.rawValue, []),
                           code: line.outcome.rawValue)
        } ?? []
        let model = BoardModel(title: round.election.title, released: result != nil, state: t("web.state." + state.rawValue, []),
                               rows: rows, elected: result?.elected.joined(separator: ", ") ?? "",
                               waiting: t(state == .annulled ? "web.projector.annulled" : "web.projector.waiting", []))
        return pages.fragment("projector-board", model, language: language)
    }

    private func page(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let round = try await CongressContext.load(dependencies, context, authorised)
        let html = pages.document("projector", [
            "lang": context.language.rawValue, "title": round.election.title,
            "events": round.base + "/projector/events", "board": try await board(round, context.language),
        ])
        var response = PageRenderer.html(html)
        response.headers[.contentSecurityPolicy] = Self.policy
        return response
    }

    /// The feed: the board now, then again whenever it changes; it ends once the result is
    /// released (or after `lifetime`), and the browser reconnects.
    private func events(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let first = try await CongressContext.load(dependencies, context, authorised)
        let language = context.language
        let controller = self
        let body = ResponseBody { writer in
            var last = ""
            let deadline = ContinuousClock.now + controller.lifetime
            var round = first
            try await writer.write(ByteBuffer(string: "retry: 5000\n\n"))
            while ContinuousClock.now < deadline {
                let board = try await controller.board(round, language)
                if board != last {
                    last = board
                    let line = board.split(whereSeparator: \.isNewline).joined()
                    try await writer.write(ByteBuffer(string: "data: \(line)\n\n"))
                } else {
                    // A comment line, which the browser ignores: a projector that went away makes
                    // this write fail and ends the feed, instead of it polling on until `lifetime`.
                    try await writer.write(ByteBuffer(string: ":\n\n"))
                }
                if Self.isReleased(round.round.lifecycle.state) || round.round.lifecycle.state == .annulled { break }
                if let changes = controller.dependencies.roundChanges {
                    await changes.waitForChange(of: round.round.id, timeout: controller.notifiedInterval)
                    try Task.checkCancellation()
                } else {
                    try await Task.sleep(for: controller.interval)
                }
                guard let next = try await round.store.round(round.round.id) else { break }
                round = CongressContext(store: round.store, round: next, congress: round.congress)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"], body: body)
    }
}
