import CongressCore
import CongressStore
import Hummingbird

/// Reconciliation of reported figures in the browser (docs/formats.md §9): the organising staff
/// paste a lower units' statistics file; every unit it names must lie in their subtree on its
/// day. The same computation as `congress report reconcile`; the people behind a differing figure
/// are shown under the register's rule (`viewMembers`). It only reads.
struct ReconcileController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/statistics/reconcile", .unit(.viewMembers)) { request, context, authorised in
                try page(request, context, authorised, file: "", result: nil)
            },
            WebRoute(.post, "/units/{code}/statistics/reconcile", .unit(.viewMembers)) { request, context, authorised in
                try await reconcile(request, context, authorised)
            },
        ]
    }

    struct Person {
        let name: String
        let href: String
        let id: String
    }

    struct Difference {
        let line: Int
        let unit: String
        let day: String
        let figure: String
        let reported: String
        let product: String
        let difference: String
        let people: [Person]
    }

    struct PartsLine {
        let line: Int
        let text: String
        let ok: Bool
    }

    struct Result {
        let summary: String
        let agrees: Bool
        let differences: [Difference]
        let parts: [PartsLine]
    }

    struct Model {
        let unitName: String
        let code: String
        let file: String
        let result: Result?
    }

    private func page(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised, file: String, result: Result?) throws -> Response {
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let t = PageText.say(context.language)
        let model = Model(unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, file: file, result: result)
        return pages.page("statistics-reconcile", title: t("web.reconcile.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .structure)
    }

    private func reconcile(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        guard let code = authorised.unit, authorised.tree != nil, let bodies = dependencies.bodies else { throw WebError.notFound }
        let language = context.language
        let text = authorised.form.all("file").first ?? ""
        guard text.utf8.count <= InputLimits.formBytes else {
            throw WebError.badInput(key: "web.field.tooLong", arguments: ["file", String(InputLimits.formBytes)])
        }
        let reported: [ReportedFigure]
        switch StatisticsFile.parse(Array(text.utf8)) {
        case .success(let rows): reported = rows
        case .failure(let errors):
            throw WebError.badInput(key: "web.reconcile.badFile", arguments: [Self.problems(errors.errors, total: errors.total, language)])
        }
        let snapshot = try await dependencies.register.snapshot()
        // Every unit must exist on its day and lie under this unit that day (R-O-4: the tree of the day).
        let problems = StatisticsFile.check(reported) { unit, day in snapshot.organisationTree(on: day).position[unit] != nil }
        guard problems.isEmpty else {
            throw WebError.badInput(key: "web.reconcile.badFile", arguments: [Self.problems(problems, total: problems.count, language)])
        }
        if let outside = reported.first(where: { !snapshot.organisationTree(on: $0.day).isWithin($0.unit, code) }) {
            throw WebError.outsideScope(key: "web.reconcile.outside", arguments: [String(outside.line), outside.unit.rawValue, code.rawValue])
        }
        let selection = try await BodySeatSelection(register: dependencies.register, congresses: dependencies.counting, bodies: bodies,
                                                    today: dependencies.today(), cache: dependencies.seats)
        let figures = try await ProductFigures.compute(reported, snapshot: snapshot, selection: selection)
        let result = Reconciliation(reported: reported, product: figures.people, children: figures.children, direct: figures.direct)
        return try page(request, context, authorised, file: text, result: Self.model(result, names: figures.names, language))
    }

    static func problems(_ errors: [StatisticsFileError], total: Int, _ language: Language) -> String {
        var lines = errors.prefix(20).map { error in
            error.column.map { Catalogue.text("web.reconcile.at", language, error.line, $0, error.problem.message(language)) }
                ?? Catalogue.text("web.reconcile.atLine", language, error.line, error.problem.message(language))
        }
        if total > lines.count { lines.append(Catalogue.text("member.more", language, total - lines.count)) }
        return lines.joined(separator: "; ")
    }

    static func model(_ result: Reconciliation, names: [CongressCore.Person.ID: String], _ language: Language) -> Result {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("statistics." + key, language, arguments: arguments) }
        let signed = { (value: Int) in value > 0 ? "+" + language.number(value) : language.number(value) }
        let differences = result.differences.map { line in
            Difference(line: line.reported.line, unit: line.reported.unit.rawValue, day: line.reported.day.vietnamese, figure: line.reported.figure.key,
                       reported: language.number(line.reported.value), product: language.number(line.product), difference: signed(line.difference),
                       people: line.people.map { Person(name: names[$0] ?? $0.rawValue, href: "/members/\($0)", id: $0.rawValue) })
        }
        let parts = result.parts.map { check -> PartsLine in
            let figure = check.reported
            let text = check.isComplete
                ? say("partsDiffer", [figure.line, figure.unit.rawValue, figure.day.vietnamese, figure.figure.key, language.number(figure.value),
                                      language.number(check.sumOfParts), language.number(check.parts.count), signed(figure.value - check.sumOfParts)])
                : say("partsMissing", [figure.line, figure.unit.rawValue, figure.day.vietnamese, figure.figure.key, language.number(check.missing.count),
                                       language.number(check.parts.count), check.missing.prefix(20).map(\.rawValue).joined(separator: ", ")])
            return PartsLine(line: figure.line, text: check.agrees ? "✓ " + say("partsAgree", [figure.line, figure.unit.rawValue, figure.figure.key]) : text,
                             ok: check.agrees)
        }
        return Result(summary: say("summary", [language.number(result.lines.count), language.number(result.differences.count),
                                               language.number(result.parts.filter(\.agrees).count), language.number(result.partsDiffering.count),
                                               language.number(result.partsIncomplete.count)]),
                      agrees: result.agrees, differences: differences, parts: parts)
    }
}
