import CongressCore
import CongressStore
import Hummingbird

/// Members of a subtree (paged, searched, filtered) and a member's page.
struct MemberController {
    let dependencies: WebDependencies
    let pages: PageRenderer
    static let pageSize = 50

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/members", .unit(.viewMembers)) { request, context, authorised in
                try await members(request, context, authorised)
            },
            WebRoute(.get, "/members/{id}", .member(.viewMembers)) { request, context, authorised in
                try await person(request, context, authorised)
            },
        ]
    }

    // MARK: Members

    struct Option { let value: String; let label: String; let selected: Bool }
    struct Filter { let name: String; let label: String; let options: [Option] }
    struct MemberLine {
        let number: String; let name: String; let href: String; let id: String; let gender: String
        let birthDate: String; let unit: String; let status: String
    }
    struct MembersModel {
        let name: String
        let code: String
        let search: String
        let day: String
        let filtersHTML: String
        let count: String
        let hasRows: Bool
        let rowsHTML: String
        let pageOf: String
        let previousHref: String?
        let nextHref: String?
        let treeHref: String
    }

    /// A member query from the request's parameters; unknown filter values are refused (400).
    static func query(_ fields: FormFields, unit: PartyUnit.ID, day: Day) throws -> MemberQuery {
        func pick<T>(_ name: String, _ cases: [T], _ key: (T) -> String) throws -> T? {
            guard let text = fields[name] else { return nil }
            guard let value = cases.first(where: { key($0) == text }) else {
                throw WebError.badInput(key: "web.error.badFilter", arguments: [text])
            }
            return value
        }
        let page = try fields.int("page", in: InputLimits.page, default: 1)
        var query = MemberQuery(unit: unit, day: day, offset: (page - 1) * pageSize, limit: pageSize)
        query.status = try pick("status", MemberStatus.allCases) { $0.rawValue }
        query.gender = try pick("gender", Gender.allCases) { Labels.caseName($0) }
        query.ageBand = try pick("age", AgeBand.allCases) { Labels.caseName($0) }
        query.education = try pick("education", Education.allCases) { Labels.caseName($0) }
        query.ethnicity = try pick("ethnicity", EthnicGroups.all) { $0 }
        query.search = try fields.line("q", max: 100)
        return query
    }

    private func members(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let tree = authorised.tree, let code = authorised.unit, let unit = tree.unit(code) else { throw WebError.notFound }
        let fields = FormFields(encoded: Substring(request.uri.query ?? ""))
        let query = try Self.query(fields, unit: code, day: authorised.day)
        let page = try await dependencies.register.members(query)
        let rows = page.items.enumerated().map { index, row in
            MemberLine(number: language.number(page.offset + index + 1), name: row.fullName, href: "/members/\(row.memberID)",
                       id: row.memberID.rawValue, gender: Labels.gender(row.gender, language), birthDate: row.birthDate.vietnamese,
                       unit: tree.unit(row.unit)?.name ?? row.unit.rawValue, status: Labels.status(row.status, language))
        }
        func options<T>(_ cases: [T], _ selected: T?, _ value: (T) -> String, _ label: (T) -> String) -> [Option] {
            [Option(value: "", label: Catalogue.text("web.members.any", language), selected: selected == nil)]
                + cases.map { Option(value: value($0), label: label($0), selected: selected.map(value) == value($0)) }
        }
        let filters = [
            Filter(name: "status", label: Catalogue.text("web.members.status", language),
                   options: options(MemberStatus.allCases, query.status, \.rawValue) { Labels.status($0, language) }),
            Filter(name: "gender", label: Catalogue.text("web.members.gender", language),
                   options: options(Gender.allCases, query.gender, Labels.caseName) { Labels.gender($0, language) }),
            Filter(name: "age", label: Catalogue.text("web.members.ageBand", language),
                   options: options(AgeBand.allCases, query.ageBand, Labels.caseName) { Labels.ageBand($0, language) }),
            Filter(name: "ethnicity", label: Catalogue.text("web.members.ethnicity", language),
                   options: options(EthnicGroups.all, query.ethnicity, { $0 }, { $0 })),
            Filter(name: "education", label: Catalogue.text("web.members.education", language),
                   options: options(Education.allCases, query.education, Labels.caseName) { Labels.education($0, language) }),
        ]
        let pageNumber = query.offset / Self.pageSize + 1
        let pages = max(1, (page.total + Self.pageSize - 1) / Self.pageSize)
        func link(_ number: Int) -> String {
            "/units/\(code)/members" + Formatting.query([
                ("day", fields["day"] == nil ? nil : authorised.day.iso), ("q", fields["q"]), ("status", fields["status"]),
                ("gender", fields["gender"]), ("age", fields["age"]), ("ethnicity", fields["ethnicity"]),
                ("education", fields["education"]), ("page", number == 1 ? nil : String(number)),
            ])
        }
        let model = MembersModel(
            name: unit.name, code: code.rawValue, search: fields["q"] ?? "", day: authorised.day.vietnamese,
            filtersHTML: Self.filtersHTML(filters),
            count: Catalogue.text("web.members.count", language, language.number(page.total)),
            hasRows: !rows.isEmpty, rowsHTML: Self.rowsHTML(rows),
            pageOf: Catalogue.text("web.members.pageOf", language, language.number(pageNumber), language.number(pages)),
            previousHref: pageNumber > 1 ? link(pageNumber - 1) : nil,
            nextHref: pageNumber < pages ? link(pageNumber + 1) : nil,
            treeHref: "/units/\(code)")
        return self.pages.page("members", title: Catalogue.text("web.members.title", language) + " – " + unit.name,
                               body: model, context: context, path: request.uri.description, section: .members)
    }

    // MARK: Person

    struct Fact { let label: String; let value: String }
    struct EventLine { let date: String; let event: String; let unit: String; let detail: String }
    struct SpanLine { let unit: String; let href: String?; let from: String; let to: String; let standing: String }
    struct PersonModel {
        let name: String
        let facts: [Fact]
        let events: [EventLine]
        let spans: [SpanLine]
    }

    /// A province code as its name: legacy codes (the 63 provinces) first, then the 34.
    private func province(_ code: String) async throws -> String {
        for candidate in ["LT" + code, "T" + code] {
            if let unit = try await dependencies.register.unit(PartyUnit.ID(candidate)) {
                let name = unit.name.hasPrefix("Đảng bộ ") ? String(unit.name.dropFirst("Đảng bộ ".count)) : unit.name
                return "\(name) (\(code))"
            }
        }
        return code
    }

    private func person(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let record = authorised.person, let tree = authorised.tree else { throw WebError.notFound }
        let person = record.person
        let policy = try authorised.user.policy
        func unitName(_ code: PartyUnit.ID?) async throws -> String {
            guard let code else { return "" }
            if let unit = tree.unit(code) { return unit.name }
            return (try await dependencies.register.unit(code))?.name ?? code.rawValue
        }
        let status = MembershipHistory.status(of: person, spans: record.spans, on: authorised.day)
        var facts = [
            Fact(label: Catalogue.text("web.person.memberID", language), value: person.memberID.rawValue),
            Fact(label: Catalogue.text(person.birthYearOnly ? "web.person.birthYear" : "web.person.birthDate", language),
                 value: person.birthYearOnly ? String(person.birthDate.components.year) : person.birthDate.vietnamese),
            Fact(label: Catalogue.text("web.person.gender", language), value: Labels.gender(person.gender, language)),
            Fact(label: Catalogue.text("web.person.ethnicity", language), value: person.ethnicity),
        ]
        if let hometown = person.hometownProvince {
            facts.append(Fact(label: Catalogue.text("web.person.hometown", language), value: try await province(hometown)))
        }
        facts += [
            Fact(label: Catalogue.text("web.person.education", language), value: Labels.education(person.education, language)),
            Fact(label: Catalogue.text("web.person.theory", language), value: Labels.theory(person.politicalTheory, language)),
        ]
        if person.academicTitle != .none {
            facts.append(Fact(label: Catalogue.text("web.person.academicTitle", language),
                              value: Labels.academicTitle(person.academicTitle, language)))
        }
        facts.append(Fact(label: Catalogue.text("web.person.joined", language), value: person.joinedOn.vietnamese))
        if let official = person.officialOn {
            facts.append(Fact(label: Catalogue.text("web.person.official", language), value: official.vietnamese))
        }
        facts.append(Fact(label: Catalogue.text("web.person.status", language),
                          value: status.map { Labels.status($0.status, language) } ?? Catalogue.text("web.person.notMember", language)))
        if let status {
            facts.append(Fact(label: Catalogue.text("web.person.unit", language), value: try await unitName(status.unit)))
        }
        var events: [EventLine] = []
        for event in record.events {
            events.append(EventLine(date: event.day.vietnamese, event: Labels.memberEvent(event.kind, language),
                                    unit: try await unitName(event.unit), detail: event.detail ?? ""))
        }
        var spans: [SpanLine] = []
        for span in record.spans {
            let visible = tree.position[span.unit] != nil && policy.allows(.viewTree, on: span.unit, isWithin: tree.isWithin)
            spans.append(SpanLine(unit: try await unitName(span.unit), href: visible ? "/units/\(span.unit)" : nil,
                                  from: span.from.vietnamese,
                                  to: span.to?.vietnamese ?? Catalogue.text("web.person.now", language),
                                  standing: Labels.standing(span.standing, language)))
        }
        let model = PersonModel(name: person.fullName, facts: facts, events: events, spans: spans)
        return pages.page("person", title: person.fullName, body: model, context: context, path: request.uri.description,
                          section: .members)
    }
}
