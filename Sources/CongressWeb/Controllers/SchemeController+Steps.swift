import CongressCore
import CongressStore
import Hummingbird

extension SchemeController {
    /// One decision of a body's introduction (R-P-3), at the version the page was read at: the
    /// core decides, the store writes the scheme with its audit entry.
    func step(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let form = try IntroductionStepForm(authorised.form)
        let term = try PersonnelController.term(authorised.form)
        guard let stored = try await store.scheme(of: code, term: term) else { throw WebError.notFound }
        guard stored.version == form.version else { throw WebError.storeRefusal(.schemeChanged) }
        let actor = try CongressContext.clerk(authorised), day = dependencies.today()
        let decided: (SchemeRecord, String)
        do {
            switch form.action {
            case .adoptList, .addNames:
                let names = try await PersonnelController.names(form.names, on: authorised.day, dependencies.register)
                if let stranger = form.names.first(where: { names[$0] == nil }) {
                    throw WebError.badInput(key: "web.personnel.notAMember", arguments: [stranger.rawValue])
                }
                let verdicts = try await lowerVerdicts(form.names, higher: code, term: term, tree: tree)
                let event: IntroductionProcess.Event = form.action == .adoptList ? .adoptList(form.names) : .addNames(form.names)
                decided = try SchemeDecision.record(event, body: form.body, actor: actor, day: day, in: stored.record, lowerVerdicts: verdicts)
            case .standingVote:
                decided = try SchemeDecision.record(.standingVote(inFavour: form.inFavour, members: form.members), body: form.body,
                                                    actor: actor, day: day, in: stored.record)
            case .headChooses:
                guard let head = form.head else { throw WebError.badInput(key: "web.scheme.headMissing", arguments: []) }
                decided = try SchemeDecision.record(.headChooses(form.names, head: head, reason: form.reason), body: form.body, actor: actor,
                                                    day: day, in: stored.record)
            case .openBallot:
                return try await openBallot(form, stored: stored, code: code, actor: actor, context)
            case .takeBallot:
                decided = try await takeBallot(form, stored: stored, actor: actor, day: day)
            case .dropBallot:
                decided = try SchemeDecision.dropBallot(body: form.body, in: stored.record)
            }
        } catch let refusal as SchemeDecision.Refusal {
            throw WebError.badInput(key: "web.personnel.refused", arguments: [refusal.message(context.language)])
        }
        try await store.saveScheme(decided.0, version: stored.version, audit: AuditDraft(
            actor: actor, action: .schemeChanged, subject: "scheme of \(code)", detail: "\(form.body.rawValue): \(decided.1)", unit: code))
        return Redirect.to(Self.address(code, term))
    }

    static func address(_ code: PartyUnit.ID, _ term: String) -> String {
        "/units/\(code)/personnel/scheme" + Formatting.query([("term", term == PersonnelController.defaultTerm ? nil : term)])
    }

    /// R-P-6 for the names put forward for a commune's or a province's committee: each against the
    /// lower unit's certified executive committee of the same term, where the product holds it.
    private func lowerVerdicts(_ names: [Person.ID], higher: PartyUnit.ID, term: String,
                               tree: OrganisationTree) async throws -> [Person.ID: LowerCommitteeCheck.Verdict] {
        guard let counting = dependencies.counting else { return [:] }
        let rows = try await dependencies.register.snapshot().memberRows(names, on: dependencies.today())
        var compositions: [PartyUnit.ID: Set<Person.ID>] = [:]
        for congress in try await counting.allCongresses() where congress.record.term == term {
            let elected = LowerCommitteeCheck.elected(congress.record.composition)
            if !elected.isEmpty { compositions[congress.record.unit] = elected }
        }
        var verdicts: [Person.ID: LowerCommitteeCheck.Verdict] = [:]
        for row in rows {
            verdicts[row.memberID] = LowerCommitteeCheck.check(row.memberID, memberUnit: row.unit, higher: higher, tree: tree,
                                                               compositions: compositions)
        }
        return verdicts
    }

    /// A secret-ballot step: the round that counts it is opened with the list in play by member
    /// ID, its list adopted and its ballots issued to those present; the conference's counting
    /// board then counts it on the counting screens (R-E-4, R-E-29). The scheme records the round
    /// in the same store call that checks it (version-checked), so a round always finds its scheme.
    private func openBallot(_ form: IntroductionStepForm, stored: StoredScheme, code: PartyUnit.ID, actor: String,
                            _ context: AppRequestContext) async throws -> Response {
        guard let counting = dependencies.counting, let store = dependencies.personnel else { throw WebError.notFound }
        guard let process = stored.record.process(form.body), case .awaiting(let step) = process.state else {
            throw SchemeDecision.Refusal.notSecretBallot
        }
        // Checked before anything is written: the same decision again once the round exists.
        _ = try SchemeDecision.openBallot(body: form.body, round: Round.ID(0), summoned: form.summoned, present: form.present,
                                          countingBoard: form.board, in: stored.record)
        let names = try await PersonnelController.names(process.list, on: dependencies.today(), dependencies.register)
        let title = Catalogue.text("scheme.ballotTitle", .vi, arguments: [Catalogue.text("scheme.body." + form.body.rawValue, .vi),
                                                                           stored.record.scheme.term, Catalogue.text("scheme.step.\(step.rawValue)", .vi)])
        let election = SchemeDecision.ballotElection(process, step: step, body: form.body, title: title, names: names,
                                                     convened: form.summoned, present: form.present)
        let audit = { (action: AuditAction, detail: String) in
            AuditDraft(actor: actor, action: action, subject: "scheme of \(code)", detail: detail, unit: code)
        }
        let round = try await counting.openRound(election, unit: code, congress: nil, requiredEntries: 2,
                                                 audit: audit(.roundOpened, "introduction ballot, \(form.body.rawValue), step \(step.rawValue) (R-P-3)"))
        let (record, detail) = try SchemeDecision.openBallot(body: form.body, round: round, summoned: form.summoned, present: form.present,
                                                             countingBoard: form.board, in: stored.record)
        try await store.saveScheme(record, version: stored.version, audit: audit(.schemeChanged, "\(form.body.rawValue): \(detail)"))
        let roundAudit = { AuditDraft(actor: actor, action: .roundEvent, subject: "round \(round)", unit: code) }
        _ = try await counting.apply(.adoptList(candidates: election.candidates.count), to: round, audit: roundAudit())
        _ = try await counting.apply(.issueBallots(issued: form.present), to: round, audit: roundAudit())
        return Redirect.to("/units/\(code)/rounds/\(round)", notice: .roundOpened)
    }

    /// The certified count of the pending ballot enters its step.
    private func takeBallot(_ form: IntroductionStepForm, stored: StoredScheme, actor: String, day: Day) async throws -> (SchemeRecord, String) {
        guard let counting = dependencies.counting else { throw WebError.notFound }
        guard let pending = stored.record.introduction(form.body)?.pendingBallot else { throw SchemeDecision.Refusal.noBallotPending }
        guard let round = try await counting.round(pending.round), round.lifecycle.state == .certified else {
            throw WebError.badInput(key: "web.scheme.notCertified", arguments: [String(pending.round.rawValue)])
        }
        var election = round.election
        if round.lifecycle.issued > 0 { election.ballotsIssued = round.lifecycle.issued }
        let result = try Tally.count(election, ballots: try await counting.agreedBallots(round: round.id))
        return try SchemeDecision.takeBallot(result, round: round.id, actor: actor, day: day, in: stored.record)
    }

    /// R-E-3: the adopted executive committee list opens as the congress's election of it, by
    /// member ID in ballot order; the designated leaders go to the congress for R-E-26.
    func toCongress(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try PersonnelController.store(dependencies)
        guard let code = authorised.unit, let counting = dependencies.counting else { throw WebError.notFound }
        let term = try PersonnelController.term(authorised.form)
        guard let stored = try await store.scheme(of: code, term: term), let congress = try await Self.congress(of: code, term: term, dependencies) else {
            throw WebError.notFound
        }
        let body = BodyKind.executiveCommittee
        guard stored.record.process(body)?.state == .adopted, let seats = stored.record.scheme.body(body)?.seats else {
            throw WebError.badInput(key: "web.scheme.notAdopted", arguments: [])
        }
        guard try await !Self.openedInCongress(stored.record, congress: congress, dependencies) else {
            throw WebError.badInput(key: "web.scheme.alreadyOpened", arguments: [])
        }
        let actor = try CongressContext.clerk(authorised)
        let introduced = stored.record.scheme.body(body)?.introduced ?? []
        let names = try await PersonnelController.names(introduced, on: dependencies.today(), dependencies.register)
        let lines = stored.record.scheme.electionList(body, names: names)
        if congress.record.designated.isEmpty, !stored.record.scheme.designated.isEmpty {
            try await CongressContext.updateCongress(counting, congress.id, actor: actor) { record in
                record.designated = stored.record.scheme.designated
                return "designated leaders from the personnel scheme (R-E-26): \(record.designated.count)"
            }
        }
        guard let current = try await counting.congress(congress.id) else { throw WebError.notFound }
        let request = ElectionOpening.Request(body: body, seats: seats, candidates: lines,
                                              registered: try await CongressContext.registeredNames(lines, outside: current.record, dependencies.register))
        let plan: ElectionOpening.Plan
        do { plan = try ElectionOpening.plan(request, congress: current.record, congressID: current.id, opinion: nil) } catch {
            throw CongressController.refused(error, opinion: nil, context.language)
        }
        try await Self.checkConveningList(plan.election, unit: code, term: term, dependencies, context.language)
        let id = try await counting.openRound(plan.election, unit: code, congress: current.id, requiredEntries: plan.requiredEntries,
                                              audit: AuditDraft(actor: actor, action: .roundOpened, subject: "congress \(current.id)",
                                                                detail: plan.auditDetail + "; the convening committee's list from the personnel scheme (R-E-3)",
                                                                unit: code))
        return Redirect.to("/units/\(code)/rounds/\(id)", notice: .roundOpened)
    }
}

extension SchemeController {
    /// R-E-8, when a congress's executive committee list is opened: a member of the convening
    /// committee stands only if on its list (the adopted scheme's). Nothing of the scheme is shown
    /// but the name refused.
    static func checkConveningList(_ election: Election, unit: PartyUnit.ID, term: String, _ dependencies: WebDependencies,
                                   _ language: Language) async throws {
        guard election.body == .executiveCommittee, let store = dependencies.personnel,
              let scheme = try await store.scheme(of: unit, term: term)?.record, scheme.process(.executiveCommittee)?.state == .adopted else { return }
        let candidates = election.memberIDs ?? []
        let problems = ConveningNominations.problems(conveningCommittee: Set(scheme.scheme.conveningCommittee),
                                                     conveningList: Set(scheme.scheme.body(.executiveCommittee)?.introduced ?? []),
                                                     candidates: candidates, nominations: [])
        guard let problem = problems.first else { return }
        throw WebError.badInput(key: "web.personnel.refused", arguments: [problem.message(language, names: Dictionary(
            zip(candidates, election.candidates), uniquingKeysWith: { a, _ in a }))])
    }
}
