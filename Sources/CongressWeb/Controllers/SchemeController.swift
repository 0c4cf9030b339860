import CongressCore
import CongressStore
import Hummingbird

/// A unit's personnel scheme (R-P-5: personnel capability only; every read audited): its numbers
/// within the cycle's sizes (R-C-5), its designated leaders (R-E-26), the structure of the lists
/// (R-P-2), and for each body the five-step introduction (R-P-3), whose secret ballots are rounds
/// counted by the conference's own counting board on the counting screens, and whose adopted
/// list opens as the congress's election (R-E-3).
struct SchemeController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/personnel/scheme", .unit(.viewPersonnel)) { request, context, authorised in
                try await page(request, context, authorised)
            },
            WebRoute(.post, "/units/{code}/personnel/scheme", .unit(.managePersonnel)) { _, context, authorised in
                try await create(context, authorised)
            },
            WebRoute(.post, "/units/{code}/personnel/scheme/steps", .unit(.managePersonnel)) { _, context, authorised in
                try await step(context, authorised)
            },
            WebRoute(.post, "/units/{code}/personnel/scheme/congress", .unit(.managePersonnel)) { _, context, authorised in
                try await toCongress(context, authorised)
            },
        ]
    }

    struct StepLine {
        let detail: String
        let actor: String
        let day: String
        let roundHref: String?
    }

    struct BodyModel {
        let kind: String
        let label: String
        let seats: String
        let state: String
        let list: [String]
        let listCount: String
        let listSize: String
        let steps: [StepLine]
        let pendingHref: String?
        let pendingRound: String?
        let adoptList: Bool
        let standingVote: Bool
        let openBallot: Bool
        let ballotStep: String?
        let takeBallot: Bool
        let addNames: Bool
        let tied: [String]
        let choosePlaces: String?
        let adopted: Bool
        let electionList: [String]
        let canOpenCongress: Bool
        let structure: [String]
        /// The step-1 list offered: the planning list in force for the post, those whose dossier meets every condition.
        let suggestedNames: String
        /// The counting board offered: the last this scheme used, or the congress's.
        let suggestedBoard: String
    }

    struct PageModel {
        let unitName: String
        let code: String
        let term: String
        let exists: Bool
        let version: String
        let problems: [String]
        let warnings: [String]
        let designated: [String]
        let convening: String
        let bodies: [BodyModel]
        let canManage: Bool
        let personnelHref: String
        let levels: [MemberController.Option]
    }

    private func page(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let language = context.language, t = PageText.say(language), term = try PersonnelController.term(PersonnelController.query(request))
        let canManage = try authorised.user.policy.allows(.managePersonnel, on: code, isWithin: tree.isWithin)
        let stored = try await store.scheme(of: code, term: term)
        try await PersonnelController.auditRead(dependencies, authorised, subject: "scheme of \(code)", detail: "term \(term)")
        let levels = DossierController.options(language, today: authorised.day).levels
        guard let stored else {
            let model = PageModel(unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, term: term, exists: false, version: "",
                                  problems: [], warnings: [], designated: [], convening: "", bodies: [], canManage: canManage,
                                  personnelHref: "/units/\(code)/personnel", levels: levels)
            return pages.page("scheme", title: t("web.scheme.title", [model.unitName]), body: model, context: context,
                              path: request.uri.description, section: .personnel)
        }
        let record = stored.record, scheme = record.scheme
        let everyone = scheme.bodies.flatMap(\.introduced) + record.introductions.flatMap { introduction in
            record.process(introduction.body)?.list ?? []
        } + scheme.designated.compactMap(\.memberID) + scheme.conveningCommittee
        let names = try await PersonnelController.names(everyone, on: authorised.day, dependencies.register)
        // The problems of the lists as they stand: a body not yet through step 5 is judged on its list in play.
        var current = scheme
        for index in current.bodies.indices where current.bodies[index].introduced.isEmpty {
            current.bodies[index].introduced = record.process(current.bodies[index].kind)?.list ?? []
        }
        let listed = !(current.body(.executiveCommittee)?.introduced.isEmpty ?? true)
        let problems = current.problems().filter { problem in
            if case .designatedNotIntroduced = problem { listed } else { true }
        }
        let congress = try await Self.congress(of: code, term: term, dependencies)
        let alreadyOpened = try await Self.openedInCongress(record, congress: congress, dependencies)
        var bodies: [BodyModel] = []
        for introduction in record.introductions {
            guard let process = record.process(introduction.body), let body = scheme.body(introduction.body) else { continue }
            let suggestion = try await suggestions(for: introduction, record: record, congress: congress, day: authorised.day, term: term)
            bodies.append(try await bodyModel(introduction, process: process, body: body, record: record, names: names, canManage: canManage,
                                              congressOpen: congress != nil && !alreadyOpened, authorised: authorised, suggestion: suggestion, language))
        }
        let model = PageModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, term: term, exists: true, version: String(stored.version),
            problems: problems.filter(\.blocks).map { RuleCitation.humanise($0.message(language), language).text },
            warnings: problems.filter { !$0.blocks }.map { RuleCitation.humanise($0.message(language), language).text },
            designated: scheme.designated.map { "\(t("web.seat." + $0.role.rawValue, [])): \($0.memberID.map { PersonnelController.label($0, names) } ?? $0.name)" },
            convening: t("web.scheme.convening", [language.number(scheme.conveningCommittee.count)]),
            bodies: bodies, canManage: canManage, personnelHref: "/units/\(code)/personnel", levels: levels)
        return pages.page("scheme", title: t("web.scheme.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .personnel)
    }

    private func bodyModel(_ introduction: Introduction, process: IntroductionProcess, body: PersonnelScheme.Body, record: SchemeRecord,
                           names: [Person.ID: String], canManage: Bool, congressOpen: Bool, authorised: Authorised,
                           suggestion: (names: [Person.ID], board: [Person.ID]), _ language: Language) async throws -> BodyModel {
        let code = record.scheme.unit
        let pending = introduction.pendingBallot
        var pendingCertified = false
        if let pending, let counting = dependencies.counting, let round = try await counting.round(pending.round) {
            pendingCertified = round.lifecycle.state == .certified
        }
        var awaitingSecret: IntroductionProcess.Step?
        if case .awaiting(let step) = process.state, step.isSecretBallot { awaitingSecret = step }
        var tied: [Person.ID] = [], places: Int?
        if case .tieAtEnd(_, _, let tiedNames, let open) = process.state { tied = tiedNames; places = open }
        var people: [Person] = []
        for id in process.list { if let person = try await dependencies.register.personRecord(id)?.person { people.append(person) } }
        let structure = StructureCheck.warnings(people, on: authorised.day, ageBands: false)
        let manage = canManage && pending == nil
        return BodyModel(
            kind: introduction.body.rawValue, label: Catalogue.text("scheme.body." + introduction.body.rawValue, language),
            seats: language.number(body.seats), state: process.state.text(language),
            list: process.list.map { PersonnelController.label($0, names) }, listCount: language.number(process.list.count),
            listSize: "\(process.listSize.lowerBound)–\(process.listSize.upperBound)",
            steps: introduction.steps.map { step in
                StepLine(detail: step.text(language, names: names), actor: step.actor, day: step.day.vietnamese,
                         roundHref: step.round.map { "/units/\(code)/rounds/\($0)" })
            },
            pendingHref: pending.map { "/units/\(code)/rounds/\($0.round)" }, pendingRound: pending.map { String($0.round.rawValue) },
            adoptList: manage && process.state == .awaiting(.standingList), standingVote: manage && process.state == .awaiting(.standingVote),
            openBallot: manage && awaitingSecret != nil, ballotStep: awaitingSecret.map { Catalogue.text("scheme.step.\($0.rawValue)", language) },
            takeBallot: canManage && pendingCertified, addNames: manage && { if case .shortOfSurplus = process.state { true } else { false } }(),
            tied: tied.map { PersonnelController.label($0, names) }, choosePlaces: places.map(String.init),
            adopted: process.state == .adopted, electionList: record.scheme.electionList(introduction.body, names: names),
            canOpenCongress: canManage && congressOpen && process.state == .adopted && introduction.body == .executiveCommittee,
            structure: structure.map { RuleCitation.humanise($0.message(language), language).text },
            suggestedNames: suggestion.names.map(\.rawValue).joined(separator: "\n"),
            suggestedBoard: suggestion.board.map(\.rawValue).joined(separator: " "))
    }

    /// R-P-3: first-time entrants start from the planning list: the step-1 list offered is the
    /// body's planning list in force, those whose dossiers meet every condition (R-P-1, R-P-4).
    private func suggestions(for introduction: Introduction, record: SchemeRecord, congress: StoredCongress?, day: Day,
                             term: String) async throws -> (names: [Person.ID], board: [Person.ID]) {
        let board = introduction.steps.last { $0.countingBoard != nil }?.countingBoard ?? congress?.record.countingBoard ?? []
        guard introduction.steps.isEmpty, let store = dependencies.personnel else { return ([], board) }
        let post: PersonnelPost = switch introduction.body {
        case .standingCommittee: .standingCommittee
        case .inspectionCommittee: .inspectionCommittee
        default: .committee
        }
        let unit = record.scheme.unit
        let planned = CadrePlanning(try await store.planningRevisions(of: unit, term: term)).current(on: day).first { $0.post == post }?.members ?? []
        let checked = try await dependencies.dossiers.checked(unit, term: term, on: day, personnel: store, register: dependencies.register)
        let eligible = Set(checked.lines.filter { $0.verdict.eligible && $0.verdict.dossier.post == post }.map(\.verdict.dossier.memberID))
        return (planned.filter(eligible.contains), board)
    }

    /// Whether the congress already has an executive committee election of the adopted list (not annulled).
    static func openedInCongress(_ record: SchemeRecord, congress: StoredCongress?, _ dependencies: WebDependencies) async throws -> Bool {
        guard let congress, let counting = dependencies.counting, let introduced = record.scheme.body(.executiveCommittee)?.introduced,
              !introduced.isEmpty else { return false }
        return try await counting.rounds(ofCongress: congress.id).contains { round in
            round.election.body == .executiveCommittee && round.lifecycle.state != .annulled
                && Set(round.election.memberIDs ?? []) == Set(introduced)
        }
    }

    /// The congress of the unit for the term, if set up.
    static func congress(of code: PartyUnit.ID, term: String, _ dependencies: WebDependencies) async throws -> StoredCongress? {
        guard let counting = dependencies.counting else { return nil }
        return try await counting.congresses(of: code).first { $0.record.term == term }
    }

    private func create(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit else { throw WebError.notFound }
        let form = try SchemeCreationForm(authorised.form)
        let names = try await PersonnelController.names(form.designated.map(\.member) + form.conveningCommittee, on: authorised.day,
                                                        dependencies.register)
        if let stranger = (form.designated.map(\.member) + form.conveningCommittee).first(where: { names[$0] == nil }) {
            throw WebError.badInput(key: "web.personnel.notAMember", arguments: [stranger.rawValue])
        }
        let scheme = PersonnelScheme(unit: code, term: form.term, level: form.level, mergedUnits: form.mergedUnits, bodies: form.bodies,
                                     designated: form.designated.map { DesignatedLeader(name: names[$0.member] ?? "", role: $0.role, memberID: $0.member) },
                                     conveningCommittee: form.conveningCommittee)
        // R-C-5: numbers outside the cycle's sizes are refused; the leaders still to designate are shown on the page.
        let problems = scheme.problems().filter { problem in
            switch problem {
            case .size(.executiveCommittee), .size(.standingCommittee): true
            default: false
            }
        }
        if let problem = problems.first { throw WebError.badInput(key: "web.personnel.refused", arguments: [problem.message(context.language)]) }
        try await store.saveScheme(SchemeRecord(scheme: scheme), version: nil, audit: AuditDraft(
            actor: try CongressContext.clerk(authorised), action: .schemeChanged, subject: "scheme of \(code)",
            detail: "created for \(form.term): " + form.bodies.map { "\($0.kind.rawValue) \($0.seats)" }.joined(separator: ", "), unit: code))
        return Redirect.to("/units/\(code)/personnel/scheme" + Formatting.query([("term", form.term == PersonnelController.defaultTerm ? nil : form.term)]))
    }
}
