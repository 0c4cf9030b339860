import CongressCore
import CongressStore
import Hummingbird

/// The structure of the elected bodies under a unit (formats.md §6, rules.md §6), the same
/// computation as `congress report bodies`, every figure a link to the people behind it (who are
/// shown under the register's own access rule: named members need `viewMembers` on the unit).
struct StatisticsController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/statistics/bodies", .unit(.viewStructure)) { request, context, authorised in
                try await report(request, context, authorised)
            },
            WebRoute(.get, "/units/{code}/statistics/bodies/people", .unit(.viewMembers)) { request, context, authorised in
                try await people(request, context, authorised)
            },
        ]
    }

    /// What the page's query asks for, read once and bounded.
    struct Query {
        var body: BodyMembership.Role
        var term: String
        var previous: String?
        var kind: UnitKind?
        var how: BodyMembership.Origin?

        init(_ fields: FormFields, today: Day) throws {
            body = try fields.choice("body", BodyMembership.Role.self) ?? .executiveCommittee
            let year = today.year - (today.year - 2020) % 5
            let defaultTerm = "\(year)-\(year + 5)"
            guard let term = BodiesFile.term(try fields.line("term", max: 9) ?? defaultTerm) else {
                throw WebError.badInput(key: "web.statistics.badTerm", arguments: [])
            }
            self.term = term
            if let text = try fields.line("previous", max: 9), !text.isEmpty {
                guard let previous = BodiesFile.term(text) else { throw WebError.badInput(key: "web.statistics.badTerm", arguments: []) }
                self.previous = previous
            }
            kind = try fields.choice("kind", UnitKind.self)
            how = try fields.choice("how", BodyMembership.Origin.self)
        }

        func pairs(group: String? = nil, previousTerm: Bool = false) -> [(String, String?)] {
            [("body", body.rawValue), ("term", previousTerm ? previous : term), ("previous", previousTerm ? nil : previous),
             ("kind", kind?.rawValue), ("how", how?.rawValue), ("group", group), ("merged", previousTerm ? "1" : nil)]
        }
    }

    struct Row {
        let label: String
        let count: String
        let countHref: String
        let percent: String
        let previousCount: String?
        let previousHref: String?
        let previousPercent: String?
        let change: String?
    }

    struct ReportModel {
        let unitName: String
        let code: String
        let heading: String
        let summary: String
        let rows: [Row]
        /// The sum of parts, shown on every report.
        let check: String
        let chart: String
        let hasPrevious: Bool
        let term: String
        let previous: String
        let bodies: [MemberController.Option]
        let kinds: [MemberController.Option]
        let hows: [MemberController.Option]
    }

    private func selection() async throws -> BodySeatSelection {
        guard let bodies = dependencies.bodies else { throw WebError.notFound }
        return try await BodySeatSelection(register: dependencies.register, congresses: dependencies.counting, bodies: bodies, today: dependencies.today(),
                                           cache: dependencies.seats)
    }

    private func report(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language)
        let query = try Query(PersonnelController.query(request), today: dependencies.today())
        let selection = try await selection()
        let seats = try await selection.seats(query.body, term: query.term, under: code, kind: query.kind, how: query.how, merged: false)
        let previous = try await query.previous.asyncMap {
            try await selection.seats(query.body, term: $0, under: code, kind: query.kind, how: query.how, merged: true)
        }
        let report = BodiesStructureReport(body: query.body, term: query.term, previousTerm: query.previous, under: code, kind: query.kind,
                                           how: query.how, seats: seats, previous: previous)
        let base = "/units/\(code)/statistics/bodies/people"
        let href = { (group: String, earlier: Bool) in base + Formatting.query(query.pairs(group: group, previousTerm: earlier)) }
        var rows = [Row(label: t("web.statistics.members", []), count: language.number(report.members), countHref: href("members", false),
                        percent: language.decimal("100.00"), previousCount: report.previousMembers.map(language.number), previousHref: report.previousMembers.map { _ in href("members", true) },
                        previousPercent: report.previousMembers.map { _ in language.decimal("100.00") },
                        change: report.previousMembers.map { language.decimal(Hundredths.change(from: $0, to: report.members)) + "%" })]
        for group in report.groups {
            rows.append(Row(label: Catalogue.text("bodies.report.group." + group.group.rawValue, language), count: language.number(group.count),
                            countHref: href(group.group.rawValue, false), percent: language.decimal(Hundredths.percent(group.count, of: report.members)),
                            previousCount: group.previousCount.map(language.number), previousHref: group.previousCount.map { _ in href(group.group.rawValue, true) },
                            previousPercent: zip2(group.previousCount, report.previousMembers).map { language.decimal(Hundredths.percent($0, of: $1)) },
                            change: zip2(group.previousCount, report.previousMembers).map {
                                language.decimal(Hundredths.points(group.count, of: report.members, previous: $0, of: $1))
                            }))
        }
        let model = ReportModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue,
            heading: t("web.statistics.heading", [Catalogue.text("scheme.body." + query.body.rawValue, language), query.term]),
            summary: t("web.statistics.summary", [language.number(report.members), language.number(report.bodies)]),
            rows: rows, check: Self.partsCheck(report, language), chart: StructureChart.svg(report, language),
            hasPrevious: query.previous != nil, term: query.term, previous: query.previous ?? "",
            bodies: BodyMembership.Role.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("scheme.body." + $0.rawValue, language), selected: $0 == query.body) },
            kinds: UnitKind.allCases.map { .init(value: $0.rawValue, label: Labels.unitKind($0, language), selected: $0 == query.kind) },
            hows: BodyMembership.Origin.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("web.statistics.how." + $0.rawValue, language), selected: $0 == query.how) })
        return pages.page("statistics", title: t("web.statistics.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .structure)
    }

    /// "✓ 3,330 = the sum of 67 parts", and for the previous term; a seat in no part is named.
    static func partsCheck(_ report: BodiesStructureReport, _ language: Language) -> String {
        var text = report.parts.summary(members: report.members, language)
        if let parts = report.previousParts, let members = report.previousMembers, let term = report.previousTerm {
            text += " · " + term + ": " + parts.summary(members: members, language)
        }
        return text
    }

    struct PersonLine {
        let name: String
        let href: String
        let id: String
        let unit: String
        let how: String
        let on: String
    }

    struct PeopleModel {
        let unitName: String
        let heading: String
        let count: String
        let people: [PersonLine]
        let backHref: String
    }

    /// The people behind one figure: the same selection, one group.
    private func people(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language)
        let fields = PersonnelController.query(request)
        let query = try Query(fields, today: dependencies.today())
        let groupText = try fields.line("group", max: 40) ?? "members"
        guard groupText == "members" || StructureGroup(rawValue: groupText) != nil else {
            throw WebError.badInput(key: "web.statistics.badGroup", arguments: [])
        }
        let merged = fields["merged"] == "1"
        let selection = try await selection()
        let seats = try await selection.seats(query.body, term: query.term, under: code, kind: query.kind, how: query.how, merged: merged)
        let group = StructureGroup(rawValue: groupText)
        let chosen = VietnameseNameOrder.sorted(seats.filter { group?.contains($0) ?? true }.map { ListEntry(name: $0.person.fullName, memberID: $0.membership.memberID) })
        let byID = Dictionary(seats.map { ($0.membership.memberID, $0) }, uniquingKeysWith: { a, _ in a })
        let lines = chosen.compactMap { $0.memberID.flatMap { byID[$0] } }.map { seat in
            PersonLine(name: seat.person.fullName, href: "/members/\(seat.membership.memberID)", id: seat.membership.memberID.rawValue,
                       unit: tree.unit(seat.membership.unit)?.name ?? selection.unitName(seat.membership.unit, on: seat.membership.on)
                           ?? seat.membership.unit.rawValue,
                       how: Catalogue.text("web.statistics.how." + seat.membership.how.rawValue, language), on: seat.membership.on.vietnamese)
        }
        let label = group.map { Catalogue.text("bodies.report.group." + $0.rawValue, language) } ?? t("web.statistics.members", [])
        let model = PeopleModel(unitName: tree.unit(code)?.name ?? code.rawValue,
                                heading: t("web.statistics.peopleHeading", [Catalogue.text("scheme.body." + query.body.rawValue, language), query.term, label]),
                                count: language.number(lines.count), people: lines,
                                backHref: "/units/\(code)/statistics/bodies" + Formatting.query(query.pairs()))
        return pages.page("statistics-people", title: model.heading, body: model, context: context, path: request.uri.description, section: .structure)
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
