import CongressCore
import CongressStore
import Hummingbird

/// The dossiers of a unit's planning pool, checked against the conditions (R-P-1, R-P-4) by the
/// core's one check, and one person's dossiers with the evidence of each condition. Every read is
/// in the audit log (R-P-5).
struct DossierController {
    let dependencies: WebDependencies
    let pages: PageRenderer
    static let pageSize = 100

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/personnel/dossiers", .unit(.viewPersonnel)) { request, context, authorised in
                try await list(request, context, authorised)
            },
            WebRoute(.post, "/units/{code}/personnel/dossiers", .unit(.managePersonnel)) { _, context, authorised in
                try await record(context, authorised)
            },
            WebRoute(.get, "/units/{code}/personnel/dossiers/{member}", .unit(.viewPersonnel)) { request, context, authorised in
                try await person(request, context, authorised)
            },
        ]
    }

    struct Line {
        let name: String
        let id: String
        let href: String
        let post: String
        let eligible: Bool
        let verdict: String
        let months: String
        let failing: String
    }

    struct ListModel {
        let unitName: String
        let code: String
        let summary: String
        let rowsHTML: String
        let hasRows: Bool
        let failingOnly: Bool
        let allHref: String
        let failingHref: String
        let pageOf: String
        let previousHref: String?
        let nextHref: String?
        let notInRegister: String?
        let canManage: Bool
        let personnelHref: String
        let options: FormOptions
    }

    struct FormOptions {
        let posts: [MemberController.Option]
        let levels: [MemberController.Option]
        let entries: [MemberController.Option]
        let today: String
    }

    static func options(_ language: Language, today: Day) -> FormOptions {
        FormOptions(
            posts: PersonnelPost.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("scheme.post." + $0.rawValue, language), selected: false) },
            levels: CommitteeLevel.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("web.personnel.level." + $0.rawValue, language),
                                                       selected: $0 == .commune) },
            entries: PersonnelEntry.allCases.map { .init(value: $0.rawValue, label: Catalogue.text("web.personnel.entry." + $0.rawValue, language),
                                                        selected: false) },
            today: today.iso)
    }

    private func list(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language)
        let query = PersonnelController.query(request)
        let page = try query.int("page", in: InputLimits.page, default: 1)
        let failingOnly = query["show"] == "failing"
        let checked = try await dependencies.dossiers.checked(code, term: try PersonnelController.term(query), on: authorised.day,
                                                              personnel: store, register: dependencies.register)
        let shown = failingOnly ? checked.lines.filter { !$0.verdict.eligible } : checked.lines
        let offset = (page - 1) * Self.pageSize
        let slice = shown.dropFirst(offset).prefix(Self.pageSize)
        let lines = slice.map { line in Self.line(line, code: code, language) }
        try await PersonnelController.auditRead(dependencies, authorised, subject: "dossiers of \(code)",
                                                detail: "page \(page)\(failingOnly ? ", failing only" : ""), \(lines.count) dossiers")
        let pages = max(1, (shown.count + Self.pageSize - 1) / Self.pageSize)
        let base = "/units/\(code)/personnel/dossiers"
        let show = failingOnly ? "failing" : nil
        let model = ListModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue,
            summary: t("web.dossiers.summary", [language.number(checked.lines.count), language.number(checked.eligible),
                                                language.number(checked.lines.count - checked.eligible)]),
            rowsHTML: Self.rowsHTML(lines), hasRows: !lines.isEmpty, failingOnly: failingOnly,
            allHref: base, failingHref: base + "?show=failing",
            pageOf: t("web.members.pageOf", [language.number(min(page, pages)), language.number(pages)]),
            previousHref: page > 1 ? base + Formatting.query([("show", show), ("page", String(page - 1))]) : nil,
            nextHref: offset + Self.pageSize < shown.count ? base + Formatting.query([("show", show), ("page", String(page + 1))]) : nil,
            notInRegister: checked.notInRegister.isEmpty ? nil
                : t("web.dossiers.notInRegister", [checked.notInRegister.map(\.rawValue).joined(separator: ", ")]),
            canManage: try authorised.user.policy.allows(.managePersonnel, on: code, isWithin: tree.isWithin),
            personnelHref: "/units/\(code)/personnel", options: Self.options(language, today: authorised.day))
        return self.pages.page("dossiers", title: t("web.dossiers.title", [model.unitName]), body: model, context: context,
                               path: request.uri.description, section: .personnel)
    }

    static func line(_ line: DossierListing.Line, code: PartyUnit.ID, _ language: Language) -> Line {
        let verdict = line.verdict, dossier = verdict.dossier
        let failing = verdict.checks.filter { !$0.met }.map { "\($0.conditionName(language)): \($0.reasonText(language))" }
        return Line(name: dossier.fullName, id: dossier.memberID.rawValue, href: "/units/\(code)/personnel/dossiers/\(dossier.memberID)",
                    post: Catalogue.text("scheme.post." + dossier.post.rawValue, language), eligible: verdict.eligible,
                    verdict: Catalogue.text(verdict.eligible ? "web.dossiers.eligible" : "web.dossiers.notEligible", language),
                    months: language.number(verdict.workingMonthsLeft), failing: failing.joined(separator: "; "))
    }

    static func rowsHTML(_ lines: [Line]) -> String {
        var html = HTMLFragment(capacity: lines.count * 300)
        for line in lines {
            html.raw("<tr class=\"")
            html.raw(line.eligible ? "met" : "unmet")
            html.raw("\"><td><a href=\"")
            html.text(line.href)
            html.raw("\">")
            html.text(line.name)
            html.raw("</a></td><td>")
            html.text(line.id)
            html.raw("</td><td>")
            html.text(line.post)
            html.raw("</td><td class=\"num\">")
            html.text(line.months)
            html.raw("</td><td>")
            html.text(line.verdict)
            html.raw("</td><td>")
            html.text(line.failing)
            html.raw("</td></tr>\n")
        }
        return html.html
    }

    // MARK: One person

    struct CheckModel {
        let condition: String
        let met: Bool
        let mark: String
        let reason: String
        let rule: String
        let evidence: String?
    }

    struct DossierModel {
        let post: String
        let entry: String
        let level: String
        let verdict: String
        let eligible: Bool
        let retirement: String
        let checks: [CheckModel]
    }

    struct PersonModel {
        let unitName: String
        let code: String
        let name: String
        let id: String
        let memberHref: String
        let dossiers: [DossierModel]
        let canManage: Bool
        let listHref: String
        let options: FormOptions
    }

    private func person(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        guard let text = context.parameters.get("member"), let id = RequestValue.code(text).map({ Person.ID($0) }) else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language), day = authorised.day
        let records = try await store.dossiers(of: code).filter { $0.memberID == id }
        // A dossier the unit does not keep, or a person of the register no longer there: 404,
        // the same answer as for an ID that exists nowhere.
        guard !records.isEmpty, let record = try await dependencies.register.personRecord(id) else { throw WebError.notFound }
        let dated = record.asOf(day)
        let status = try await dependencies.register.snapshot().memberRows([id], on: day).first?.status ?? .probationary
        let facts = RegisterFacts(dated.person, status: status, events: dated.events, on: day)
        let planning = CadrePlanning(try await store.planningRevisions(of: code, term: try PersonnelController.term(PersonnelController.query(request))))
        try await PersonnelController.auditRead(dependencies, authorised, subject: "dossier \(id)", detail: "\(records.count) posts")
        let dossiers = records.map { stored in
            let verdict = DossierCheck.check(stored.dossier(facts, onPlanningList: planning.plans(id, for: stored.post, on: day)))
            return DossierModel(
                post: Catalogue.text("scheme.post." + stored.post.rawValue, language),
                entry: Catalogue.text("web.personnel.entry." + stored.entry.rawValue, language),
                level: Catalogue.text("web.personnel.level." + stored.level.rawValue, language),
                verdict: Catalogue.text(verdict.eligible ? "web.dossiers.eligible" : "web.dossiers.notEligible", language),
                eligible: verdict.eligible, retirement: verdict.retirementMonth.description,
                checks: verdict.checks.map { check in
                    CheckModel(condition: check.conditionName(language), met: check.met, mark: check.met ? "✓" : "✗",
                               reason: check.reasonText(language), rule: check.condition.ruleID,
                               evidence: Self.evidence(check.condition, stored, language))
                })
        }
        let model = PersonModel(unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, name: dated.person.fullName,
                                id: id.rawValue, memberHref: "/members/\(id)", dossiers: dossiers,
                                canManage: try authorised.user.policy.allows(.managePersonnel, on: code, isWithin: tree.isWithin),
                                listHref: "/units/\(code)/personnel/dossiers", options: Self.options(language, today: day))
        return pages.page("dossier", title: t("web.dossier.title", [model.name]), body: model, context: context,
                          path: request.uri.description, section: .personnel)
    }

    /// Where a condition's evidence comes from: the document recorded, or the register.
    static func evidence(_ condition: DossierVerdict.Condition, _ record: DossierRecord, _ language: Language) -> String? {
        let t = PageText.say(language)
        let recorded = { (evidence: Evidence?) in
            evidence.map { t("web.dossier.evidence", [$0.document, $0.day.vietnamese, $0.recordedBy]) } ?? t("web.dossier.noEvidence", [])
        }
        switch condition {
        case .standardsConclusion: return recorded(record.standardsConclusion)
        case .assetsDeclared: return recorded(record.assetsDeclared)
        case .workingTime: return t("web.dossier.fromSchedule", [])
        case .onPlanningList: return t("web.dossier.fromPlanning", [])
        default: return t("web.dossier.fromRegister", [])
        }
    }

    /// R-P-4: the staff record a dossier with the evidence of what they state.
    private func record(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let form = try DossierForm(authorised.form)
        let actor = try CongressContext.clerk(authorised)
        // The person must be a member within the unit's subtree that day (writes on today's tree).
        guard let row = try await dependencies.register.snapshot().memberRows([form.memberID], on: authorised.day).first,
              tree.position[row.unit] != nil, tree.isWithin(row.unit, code) else {
            throw WebError.badInput(key: "web.personnel.notAMember", arguments: [form.memberID.rawValue])
        }
        let dossier = DossierRecord(memberID: form.memberID, post: form.post, level: form.level, entry: form.entry,
                                    standardsConclusion: form.standards.map { Evidence(document: $0.document, day: $0.day, recordedBy: actor) },
                                    assetsDeclared: form.assets.map { Evidence(document: $0.document, day: $0.day, recordedBy: actor) })
        try await store.recordDossier(dossier, unit: code, audit: AuditDraft(
            actor: actor, action: .dossierRecorded, subject: "dossier \(form.memberID)",
            detail: "\(form.post.rawValue), \(form.entry.rawValue); standards: \(form.standards?.document ?? "none"); assets: \(form.assets?.document ?? "none") (R-P-4)",
            unit: code))
        return Redirect.to("/units/\(code)/personnel/dossiers/\(form.memberID)")
    }
}
