import CongressCore
import CongressStore
import Hummingbird

/// The round across the tree (R-C-1, R-E-30): every unit under this one that must hold a
/// congress this cycle, with its deadline and state; the subtree's "N of M on time" and a bar for
/// each unit below, each leading to its own overview.
struct RoundProgressController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [WebRoute(.get, "/units/{code}/round", .unit(.viewCongress)) { request, context, authorised in
            try await page(request, context, authorised)
        }]
    }

    struct ChildLine {
        let name: String
        let href: String
        let figure: String
        let late: String
        let bar: String
    }

    struct UnitLine {
        let name: String
        let deadline: String
        let state: String
        let stateCode: String
    }

    struct Model {
        let unitName: String
        let term: String
        let figure: String
        let states: String
        /// R-C-4: members' and delegates' congresses in the subtree.
        let kinds: String
        let children: [ChildLine]
        let own: [UnitLine]
    }

    private func page(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        guard let code = authorised.unit, let tree = authorised.tree, let store = dependencies.counting else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language)
        let termText = try PersonnelController.query(request).line("term", max: 9) ?? CycleCalendar.c2025_2030.term
        guard let cycle = CycleCalendar.named(termText.replacingOccurrences(of: "-", with: "–")) else {
            throw WebError.badInput(key: "web.statistics.badTerm", arguments: [])
        }
        let today = dependencies.today()
        let first = cycle.underCentral.year
        // A congress of the cycle opened from the year before its deadlines to the term's end.
        let summaries = try await store.congressSummaries().filter { summary in
            guard let opens = Day(iso: summary.opensOn) else { return false }
            return opens.year >= first - 1 && opens.year < first + 5
        }
        let latest = Dictionary(summaries.map { ($0.unit, $0) }, uniquingKeysWith: { a, b in a.opensOn >= b.opensOn ? a : b })
        let states = try await store.roundStates()
        guard tree.subtree(of: code) != nil else { throw WebError.notFound }
        let snapshot = try await dependencies.register.snapshot()
        let overview = RoundOverview(
            tree: tree, unit: code, cycle: cycle,
            latest: latest.mapValues { CongressDates(unit: $0.unit, opensOn: $0.opensOn, closesOn: $0.closesOn, submittedOn: $0.submittedOn) },
            rounds: latest.mapValues { states[$0.id] ?? [] }, members: { snapshot.memberCount(of: $0, on: today) ?? 0 }, today: today)
        let figure = { (tally: ProgressTally) in t("web.round.figure", [language.number(tally.onTime), language.number(tally.units)]) }
        let whole = overview.whole
        let children = overview.parts.map { part -> ChildLine in
            let tally = part.tally
            let width = tally.units == 0 ? 0 : tally.onTime * 200 / tally.units
            let bar = "<svg class=\"bar\" role=\"img\" viewBox=\"0 0 200 12\" width=\"200\" height=\"12\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<title>\(Formatting.escapeXML(figure(tally)))</title><rect width=\"200\" height=\"12\" fill=\"#eee\"></rect>"
                + "<rect width=\"\(width)\" height=\"12\" fill=\"#2e7d32\"></rect></svg>"
            return ChildLine(name: part.unit.name, href: "/units/\(part.unit.code)/round" + Formatting.query([("term", termText == cycle.term ? nil : termText)]),
                             figure: figure(tally), late: tally.late == 0 ? "" : t("web.round.late", [language.number(tally.late)]), bar: bar)
        }
        let own = [overview.own].compactMap { $0 }.map { line in
            UnitLine(name: tree.unit(line.unit)?.name ?? line.unit.rawValue, deadline: line.deadline.vietnamese,
                     state: t("web.round.state." + line.state.rawValue, []) + (line.late ? " · " + t("web.round.isLate", []) : "")
                         + (overview.ownKind.map { " · " + t("web.round.kind." + $0.rawValue, []) } ?? ""),
                     stateCode: line.late ? "late" : line.state.rawValue)
        }
        let kinds = t("web.round.kinds", [language.number(overview.byKind[.members] ?? 0), language.number(overview.byKind[.delegates] ?? 0),
                                          language.number(cycle.membersCongressThreshold)])
        let model = Model(unitName: tree.unit(code)?.name ?? code.rawValue, term: cycle.term, figure: figure(whole),
                          states: CongressProgressState.allCases.map { t("web.round.state." + $0.rawValue, []) + ": " + language.number(whole.byState[$0] ?? 0) }
                              .joined(separator: " · ") + (whole.late == 0 ? "" : " · " + t("web.round.late", [language.number(whole.late)])),
                          kinds: kinds, children: children, own: own)
        return pages.page("round-progress", title: t("web.round.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
