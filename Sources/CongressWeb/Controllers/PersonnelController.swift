import CongressCore
import CongressStore
import Hummingbird

/// The organising staff's personnel work on a unit (R-P-5: only with the personnel capability;
/// every read is in the audit log): cadre planning by post with its dated revisions (R-P-7) and
/// each list's structure against the targets (R-P-2), with the way to the dossiers and the scheme.
struct PersonnelController {
    let dependencies: WebDependencies
    let pages: PageRenderer
    static let defaultTerm = "2025–2030"

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/personnel", .unit(.viewPersonnel)) { request, context, authorised in
                try await overview(request, context, authorised)
            },
            WebRoute(.post, "/units/{code}/personnel/planning", .unit(.managePersonnel)) { _, context, authorised in
                try await revise(context, authorised)
            },
        ] + DossierController(dependencies: dependencies, pages: pages).routes + SchemeController(dependencies: dependencies, pages: pages).routes
    }

    static func store(_ dependencies: WebDependencies) throws -> any PersonnelStore {
        guard let store = dependencies.personnel else { throw WebError.notFound }
        return store
    }

    /// The term a personnel page or form is about (`term`, the current one by default).
    static func term(_ fields: FormFields) throws -> String {
        try fields.line("term", max: 40) ?? defaultTerm
    }

    /// The query string of a page request.
    static func query(_ request: Request) -> FormFields { FormFields(encoded: Substring(request.uri.query ?? "")) }

    /// R-P-5: the read of confidential personnel data, in the audit log.
    static func auditRead(_ dependencies: WebDependencies, _ authorised: Authorised, subject: String, detail: String = "") async throws {
        try await dependencies.access.appendAudit(AuditDraft(actor: try CongressContext.clerk(authorised), action: .personnelRead,
                                                             subject: subject, detail: detail, unit: authorised.unit))
    }

    /// The register's names of `ids` on `day`, for lists that carry member IDs.
    static func names(_ ids: [Person.ID], on day: Day, _ register: any RegisterStore) async throws -> [Person.ID: String] {
        Dictionary(try await register.snapshot().memberRows(ids, on: day).map { ($0.memberID, $0.fullName) }, uniquingKeysWith: { a, _ in a })
    }

    static func label(_ id: Person.ID, _ names: [Person.ID: String]) -> String { "\(names[id] ?? "?") (\(id.rawValue))" }

    struct PostModel {
        let post: String
        let day: String
        let note: String
        let people: [String]
        let count: String
        let warnings: [String]
        /// A body's list by sex and by age band, as inline SVG (R-P-7: structure as tables and charts).
        let charts: String
    }

    /// The two partitions a planning list's structure is read by: sex, and age bands on `day`.
    static func charts(_ people: [Person], on day: Day, _ language: Language) -> String {
        guard !people.isEmpty else { return "" }
        let t = PageText.say(language)
        let women = people.filter { $0.gender == .female }.count
        let ages = people.map { $0.birthDate.wholeYears(until: day) }
        let sex = BarChart.svg([.init(label: t("web.gender.male", []), value: people.count - women), .init(label: t("web.gender.female", []), value: women)],
                               title: t("web.personnel.chartSex", []), language)
        let bands = BarChart.svg([.init(label: t("web.personnel.under40", []), value: ages.filter { $0 < 40 }.count),
                                  .init(label: t("web.personnel.from40To50", []), value: ages.filter { (40...50).contains($0) }.count),
                                  .init(label: t("web.personnel.over50", []), value: ages.filter { $0 > 50 }.count)],
                                 title: t("web.personnel.chartAge", []), language)
        return "<figure>" + sex + "</figure><figure>" + bands + "</figure>"
    }

    struct RevisionModel {
        let day: String
        let post: String
        let count: String
        let note: String
        let by: String
    }

    struct OverviewModel {
        let unitName: String
        let code: String
        let term: String
        let posts: [PostModel]
        let problems: [String]
        let history: [RevisionModel]
        let canManage: Bool
        let postOptions: [MemberController.Option]
        let today: String
        let dossiersHref: String
        let schemeHref: String
    }

    private func overview(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try Self.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let language = context.language, day = authorised.day, term = try Self.term(Self.query(request))
        let t = PageText.say(language)
        let planning = CadrePlanning(try await store.planningRevisions(of: code, term: term))
        let current = planning.current(on: day)
        let names = try await Self.names(current.flatMap(\.members), on: day, dependencies.register)
        var posts: [PostModel] = []
        for revision in current {
            var people: [Person] = []
            if revision.post.isBody {
                for id in revision.members { if let person = try await dependencies.register.personRecord(id)?.person { people.append(person) } }
            }
            // R-P-2: the structure of a body's list; a post one person holds has none.
            let warnings = revision.post.isBody
                ? StructureCheck.warnings(people, on: day, ageBands: tree.unit(code).map { $0.kind == .underCentral } ?? false) : []
            posts.append(PostModel(post: Catalogue.text("scheme.post." + revision.post.rawValue, language), day: revision.day.vietnamese,
                                   note: revision.note, people: revision.members.map { Self.label($0, names) },
                                   count: language.number(revision.members.count),
                                   warnings: warnings.map { RuleCitation.humanise($0.message(language), language).text },
                                   charts: Self.charts(people, on: day, language)))
        }
        let history = planning.revisions.reversed().map { revision in
            RevisionModel(day: revision.day.vietnamese, post: Catalogue.text("scheme.post." + revision.post.rawValue, language),
                          count: language.number(revision.members.count), note: revision.note, by: revision.recordedBy)
        }
        try await Self.auditRead(dependencies, authorised, subject: "planning of \(code)", detail: "term \(term)")
        let canManage = try authorised.user.policy.allows(.managePersonnel, on: code, isWithin: tree.isWithin)
        let model = OverviewModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, term: term, posts: posts,
            problems: planning.problems(on: day).map { RuleCitation.humanise($0.message(language), language).text },
            history: history, canManage: canManage,
            postOptions: PersonnelPost.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("scheme.post." + $0.rawValue, language), selected: false) },
            today: day.iso, dossiersHref: "/units/\(code)/personnel/dossiers", schemeHref: "/units/\(code)/personnel/scheme")
        return pages.page("personnel", title: t("web.personnel.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .personnel)
    }

    /// R-P-7: a revision is refused when it adds a problem to the lists in force.
    private func revise(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try Self.store(dependencies)
        guard let code = authorised.unit else { throw WebError.notFound }
        let form = try PlanningRevisionForm(authorised.form)
        let term = try Self.term(authorised.form)
        let actor = try CongressContext.clerk(authorised)
        let known = try await dependencies.register.snapshot().memberRows(form.members, on: form.day).map(\.memberID)
        if let stranger = form.members.first(where: { !known.contains($0) }) {
            throw WebError.badInput(key: "web.personnel.notAMember", arguments: [stranger.rawValue])
        }
        let revision = PlanningRevision(unit: code, term: term, post: form.post, day: form.day, members: form.members, recordedBy: actor,
                                        note: form.note)
        let planning = CadrePlanning(try await store.planningRevisions(of: code, term: term))
        let added = planning.revising(with: revision).added
        if let problem = added.first { throw WebError.badInput(key: "web.personnel.refused", arguments: [problem.message(context.language)]) }
        try await store.revisePlanning(revision, audit: AuditDraft(
            actor: actor, action: .planningRevised, subject: "planning of \(code)",
            detail: "\(form.post.rawValue), \(form.members.count) people, from \(form.day.iso) (R-P-7)", unit: code))
        return Redirect.to("/units/\(code)/personnel")
    }
}
