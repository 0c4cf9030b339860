import CongressCore
import CongressStore
import Hummingbird

/// A unit's congress: the roll and the base computed from it (R-E-17…R-E-21), the counting board
/// (R-E-4), the motions carried by show of hands (R-E-2), and its elections in their order
/// (R-E-3), with the form that opens the next one from the adopted list.
struct CongressController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/congress", .unit(.viewCongress)) { request, context, authorised in
                try await page(request, context, authorised)
            },
            WebRoute(.post, "/units/{code}/congress", .unit(.runCongress)) { _, context, authorised in
                try await onPage(.create, context, authorised) { try await create(context, authorised) }
            },
            WebRoute(.post, "/units/{code}/congress/elections", .unit(.runCongress)) { _, context, authorised in
                try await onPage(.election, context, authorised) { try await openElection(context, authorised) }
            },
            WebRoute(.post, "/units/{code}/congress/resume", .unit(.runCongress)) { _, context, authorised in
                try await onPage(.resume, context, authorised) { try await resume(context, authorised) }
            },
            WebRoute(.post, "/units/{code}/congress/submit", .unit(.runCongress)) { _, context, authorised in
                try await change(context, authorised) { record, _, today in record.recordSubmitted(on: today) }
            },
        ]
    }

    /// R-E-26: the congress resumes on the higher standing committee's direction.
    private func resume(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        try await change(context, authorised) { record, form, _ in
            guard record.isPaused else { return nil }
            guard let direction = try form.line("direction") else {
                throw WebError.badInput(key: "web.congress.directionMissing", arguments: [])
            }
            return record.resume(direction: direction)
        }
    }

    typealias Option = CongressModel.Option

    struct CongressModel {
        struct Fact { let label: String; let value: String }
        struct RoundLine { let title: String; let body: String; let round: Int; let state: String; let stateCode: String; let href: String }
        struct Option {
            let value: String; let label: String; var selected = false
            /// The options with the one whose value is `chosen` selected.
            static func choosing(_ options: [Option], _ chosen: String?) -> [Option] {
                options.map { Option(value: $0.value, label: $0.label, selected: $0.value == chosen) }
            }
        }
        let unitName: String
        let code: String
        let hasCongress: Bool
        let id: Int64
        let name: String
        let facts: [Fact]
        let baseSteps: [String]
        let board: [String]
        let motions: [Fact]
        let rounds: [RoundLine]
        let canOpen: Bool
        let bodies: [Option]
        let action: String
        let composition: [Fact]
        let pause: String?
        let canResume: Bool
        let deadlines: [Fact]
        let canSubmit: Bool
        let base: String
        let subjects: [Option]
        let roles: [Option]
        let canCreate: Bool
        let canAnnulSeat: Bool
        let rulebooks: [Option]
        let kinds: [Option]
        let suggestedKind: String
        /// Those who may sit on the counting board (R-E-4), chosen from the roll, never typed.
        let boardChoices: [Option]
        /// The posts of the term's composition the higher committee may annul (R-E-30), by person.
        let seatChoices: [Option]
        /// A refused form's message by form, the rules it cites, and every form's field values.
        let refused: [String: String]
        let refusedRules: [RuleCitation.Rule]
        let values: [String: [String: String]]
        /// Folded forms shown open: the election form while there is no election or when refused,
        /// the set-up form while there is no congress or when refused.
        let openElectionForm: Bool
        let openCreateForm: Bool
    }

    /// A person as a list shows them: the name, with the member ID where the name repeats.
    static func person(_ name: String, id: Person.ID?, repeated: Bool, _ t: (String, [CustomStringConvertible]) -> String) -> String {
        guard repeated, let id else { return name }
        return t("web.person.withID", [name, id.rawValue])
    }

    private func page(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let query = FormFields(encoded: Substring(request.uri.query ?? ""))
        return try await page(request.uri.description, chosenID: try query.optionalRecordID("id").map(CongressRecord.ID.init), context, authorised)
    }

    func page(_ path: String, chosenID: CongressRecord.ID?, _ context: AppRequestContext, _ authorised: Authorised,
              refused: RefusedForm? = nil) async throws -> Response {
        let language = context.language
        let store = try CongressContext.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let all = try await store.congresses(of: code)
        let chosen = chosenID.flatMap { id in all.first { $0.id == id } } ?? all.first
        let t = PageText.say(language)
        var facts: [CongressModel.Fact] = []
        var steps: [String] = []
        var board: [String] = []
        var motions: [CongressModel.Fact] = []
        var rounds: [CongressModel.RoundLine] = []
        if let congress = chosen {
            let record = congress.record
            let base = record.base()
            facts = [.init(label: t("web.congress.kind", []), value: t("web.congress.kind." + record.kind.rawValue, [])),
                     .init(label: t("web.congress.term", []), value: record.term),
                     .init(label: t("web.congress.dates", []),
                           value: "\(Day(iso: record.opensOn)?.vietnamese ?? record.opensOn) – \(Day(iso: record.closesOn)?.vietnamese ?? record.closesOn)"),
                     .init(label: t("base." + base.kind.rawValue, []), value: language.number(base.convened)),
                     .init(label: t("web.congress.present", []), value: language.number(base.present ?? 0)),
                     .init(label: t("web.congress.voters", []), value: language.number(record.voters())),
                     .init(label: t("web.congress.notConvened", []), value: language.number(record.notConvened.count))]
            let rulebook = record.rulebook
            steps = ["\(t("base." + base.kind.rawValue, [])): \(language.number(base.convened))"]
                + base.countedExclusions(under: rulebook).map { "− \(t("exclusion." + $0.0.rawValue, [])): \($0.1)" }
                + ["= \(t("web.congress.base", [base.kind.ruleID])) \(language.number(base.base(under: rulebook)))"]
            board = record.countingBoard.enumerated().map { index, id in
                // Two people of one name are told apart by their member IDs.
                let name = record.name(of: id).map { Self.person($0, id: id, repeated: record.memberIDs(named: $0).count > 1, t) } ?? id.rawValue
                return index == 0 ? t("web.round.boardHead", [name]) : name
            }
            motions = record.motions.map { motion in
                .init(label: motion.text, value: t("web.congress.motionCounts", [motion.inFavour, motion.against, motion.abstaining]))
            }
            rounds = try await store.rounds(ofCongress: congress.id).map { round in
                .init(title: round.election.title, body: round.election.body.name(language), round: round.election.round,
                      state: t("web.state." + round.lifecycle.state.rawValue, []), stateCode: round.lifecycle.state.rawValue,
                      href: "/units/\(code)/rounds/\(round.id)")
            }
        }
        var composition: [CongressModel.Fact] = []
        var deadlines: [CongressModel.Fact] = []
        if let record = chosen?.record {
            for role in SeatRole.allCases {
                let names = VietnameseNameOrder.sorted(record.composition.filter { $0.role == role }.map(\.name))
                if !names.isEmpty {
                    composition.append(.init(label: t("web.seat." + role.rawValue, []) + " (\(names.count))", value: names.joined(separator: ", ")))
                }
            }
            if let closed = Day(iso: record.closesOn) {
                let today = dependencies.today()
                let plan = ApprovalDeadlines(congressClosed: closed, submitted: record.submittedOn.flatMap { Day(iso: $0) })
                let due = plan.submissionDue()
                deadlines.append(.init(label: t("web.congress.submissionDue", []), value: record.submittedOn.flatMap { Day(iso: $0) }
                    .map { t("web.congress.submittedOn", [$0.vietnamese, due.vietnamese]) }
                    ?? Formatting.deadline(due, today: today, context.language)))
                if let approval = plan.approvalDue() {
                    deadlines.append(.init(label: t("web.congress.approvalDue", []),
                                           value: Formatting.deadline(approval, today: today, context.language)))
                }
            }
        }
        var boardChoices: [CongressModel.Option] = []
        var seatChoices: [CongressModel.Option] = []
        if let congress = chosen {
            let record = congress.record
            // R-E-4: nobody on a list of the congress's elections sits on its counting board (core).
            let people = record.boardCandidates(lists: try await store.rounds(ofCongress: congress.id).map(\.election))
            let counts = Dictionary(people.map { ($0.name, 1) }, uniquingKeysWith: +)
            boardChoices = people.map { id, name in
                .init(value: id.rawValue, label: Self.person(name, id: id, repeated: counts[name, default: 0] > 1, t))
            }
            let seatNames = Dictionary(record.composition.map { ($0.name, 1) }, uniquingKeysWith: +)
            seatChoices = record.composition.map { seat in
                .init(value: seat.key,
                      label: t("web.seat." + seat.role.rawValue, []) + ": "
                        + Self.person(seat.name, id: seat.memberID, repeated: seatNames[seat.name, default: 0] > 1, t))
            }
        }
        let policy = try authorised.user.policy
        let runs = chosen != nil && policy.allows(.runCongress, on: code, isWithin: tree.isWithin)
        let bodies: [BodyKind] = [.executiveCommittee, .delegates, .standingCommittee, .secretary, .deputySecretary,
                                  .inspectionCommittee, .inspectionChair, .opinion]
        let values = Self.values(refused)
        let model = CongressModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, code: code.rawValue, hasCongress: chosen != nil, id: chosen?.id.rawValue ?? 0,
            name: chosen?.record.name ?? "", facts: facts, baseSteps: steps, board: board, motions: motions, rounds: rounds,
            canOpen: runs && !(chosen?.record.isPaused ?? false),
            bodies: Option.choosing(bodies.map { Option(value: $0.rawValue, label: $0.name(language)) }, values["election"]?["body"]),
            action: "/units/\(code)/congress/elections",
            composition: composition,
            pause: (chosen?.record.isPaused ?? false) ? chosen?.record.pause?.reason : nil,
            canResume: runs && (chosen?.record.isPaused ?? false),
            deadlines: deadlines, canSubmit: runs && chosen?.record.submittedOn == nil,
            base: "/units/\(code)/congress",
            subjects: Option.choosing(Motion.Subject.allCases.map { Option(value: $0.rawValue, label: t("web.motion.subject." + $0.rawValue, [])) },
                                values["motion"]?["subject"]),
            roles: Option.choosing(SeatRole.allCases.map { Option(value: $0.rawValue, label: t("web.seat." + $0.rawValue, [])) }, values["appointment"]?["role"]),
            canCreate: policy.allows(.runCongress, on: code, isWithin: tree.isWithin),
            canAnnulSeat: chosen.map { !$0.record.composition.isEmpty } == true && policy.allows(.approveResults, on: code, isWithin: tree.isWithin),
            rulebooks: Option.choosing(Rulebook.shipped.map { Option(value: $0.id, label: language == .vi ? $0.titleVi : $0.titleEn) }, values["create"]?["rulebook"]),
            kinds: Option.choosing([CongressKind.members, .delegates].map { Option(value: $0.rawValue, label: t("web.congress.kind." + $0.rawValue, [])) },
                             values["create"]?["kind"]),
            suggestedKind: t("web.congress.suggested", [t("web.congress.kind." + Self.suggestedKind(tree.unit(code)?.kind, members: try await dependencies.register.memberCount(of: code, on: authorised.day)).rawValue, [])]),
            boardChoices: boardChoices, seatChoices: Option.choosing(seatChoices, values["annulSeat"]?["seat"]),
            refused: refused.map { [$0.form.rawValue: $0.message.text] } ?? [:], refusedRules: refused?.message.rules ?? [], values: values,
            openElectionForm: rounds.isEmpty || refused?.form == .election, openCreateForm: chosen == nil || refused?.form == .create)
        return pages.page("congress", title: chosen?.record.name ?? t("web.congress.none", []), body: model, context: context,
                          path: path, status: refused == nil ? .ok : .badRequest, section: .congress)
    }

    /// R-C-4 (open): a grassroots committee under the threshold, or a cell, holds a members'
    /// congress; larger grassroots committees and every level above, a delegates' congress.
    static func suggestedKind(_ kind: UnitKind?, members: Int) -> CongressKind {
        switch kind {
        case .grassrootsCommittee?: CongressKind.forGrassroots(members: members)
        case .grassrootsCell?, .cell?: .members
        default: .delegates
        }
    }

    /// Sets up a congress of the unit: its roll from the register on the opening day (members'
    /// congress, R-E-17) or from the delegates list typed in (R-E-18, R-E-25).
    private func create(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let store = try CongressContext.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let form = try CongressCreationForm(authorised.form)
        let (kind, opens) = (form.kind, form.opens)
        let unitName = tree.unit(code)?.name ?? code.rawValue
        var record = CongressRecord(unit: code, name: form.name ?? "Đại hội \(unitName), nhiệm kỳ \(form.term)", term: form.term, kind: kind,
                                    opensOn: opens.iso, closesOn: form.closes.iso)
        // The rulebook of the congress's cycle (a re-count of a past congress names 244-QĐ/TW).
        if let book = form.rulebook { record.rulebookID = book.id }
        switch kind {
        case .members:
            let rows = try await dependencies.register.members(MemberQuery(unit: code, day: opens, limit: 10_000_000)).items
            record.members = RollFromRegister.members(rows)
        case .delegates:
            // Only members of the unit's own subtree today may be its delegates: an ID outside it
            // answers exactly as an unknown one, so the register cannot be probed through this list.
            var names: [Person.ID: String] = [:]
            let lines = form.delegateLines
            let today = try await dependencies.register.tree(on: dependencies.today())
            for line in lines {
                let text = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
                let id = Person.ID(text)
                guard RequestValue.code(text) != nil, names[id] == nil, let record = try await dependencies.register.personRecord(id),
                      let (unit, _) = RouteGuard.placement(of: record, on: dependencies.today()),
                      record.spans.last?.to == nil, today.isWithin(unit, code) else { continue }
                names[id] = record.person.fullName
            }
            switch RollFromRegister.delegates(form.delegatesText) { names[$0] } {
            case .success(let delegates): record.delegates = delegates
            case .failure(let problems):
                let lines = problems.lines.map { Catalogue.text("web.congress.delegateLine", context.language, $0.line, InputExcerpt.quote($0.text),
                                                                Catalogue.text("web.congress.delegateProblem." + $0.reason.rawValue, context.language)) }
                throw WebError.badInput(key: "web.congress.delegatesRefused", arguments: [lines.joined(separator: " · ")])
            }
        }
        guard !record.members.isEmpty || !record.delegates.isEmpty else { throw WebError.badInput(key: "web.congress.emptyRoll", arguments: []) }
        let id: CongressRecord.ID
        do {
            id = try await store.createCongress(record, audit: AuditDraft(
                actor: try CongressContext.clerk(authorised), action: .congressCreated, subject: code.rawValue,
                detail: "\(record.name): \(kind.rawValue), \(record.members.count + record.delegates.count) on the roll", unit: code))
        } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to("/units/\(code)/congress?id=\(id)")
    }

    /// A change to the congress named by the form's `congress` field, then back to its page.
    private func change(_ context: AppRequestContext, _ authorised: Authorised,
                        _ body: @escaping (inout CongressRecord, FormFields, Day) throws -> String?) async throws -> Response {
        let (store, congress, code) = try await CongressContext.formCongress(dependencies, authorised)
        let today = dependencies.today()
        try await CongressContext.updateCongress(store, congress.id, actor: try CongressContext.clerk(authorised)) { record in
            try body(&record, authorised.form, today)
        }
        return Redirect.to("/units/\(code)/congress?id=\(congress.id)")
    }

    /// Opens an election of the congress from its adopted list: the form's values go to the
    /// core's `ElectionOpening.plan`, which applies every rule of the opening (R-E-10, R-E-26,
    /// R-E-3, R-E-17…R-E-20, R-E-7, R-E-4, R-E-6) before anything is stored.
    private func openElection(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let (store, congress, code) = try await CongressContext.formCongress(dependencies, authorised)
        let form = try ElectionOpeningForm(authorised.form)
        let request = ElectionOpening.Request(
            body: form.body, seats: form.seats, alternateSeats: form.alternateSeats, candidates: form.candidates, title: form.title,
            session: form.session, requiredEntries: form.requiredEntries,
            registered: try await CongressContext.registeredNames(form.candidates, outside: congress.record, dependencies.register))
        var opinion: ElectionOpening.Opinion?
        let opinionID = form.opinion
        if let opinionID {
            guard let round = try await store.round(opinionID) else {
                throw WebError.badInput(key: "web.congress.noOpinion", arguments: [opinionID.description])
            }
            let agreed = round.election.body == .opinion ? try await store.agreedBallots(round: opinionID) : []
            opinion = ElectionOpening.Opinion(election: round.election, state: round.lifecycle.state, congress: round.congress,
                                              issued: round.lifecycle.issued, agreedBallots: agreed)
        }
        let plan: ElectionOpening.Plan
        do { plan = try ElectionOpening.plan(request, congress: congress.record, congressID: congress.id, opinion: opinion) } catch {
            throw Self.refused(error, opinion: opinionID, context.language)
        }
        try await SchemeController.checkConveningList(plan.election, unit: code, term: congress.record.term, dependencies, context.language)
        let id: Round.ID
        do {
            id = try await store.openRound(plan.election, unit: code, congress: congress.id, requiredEntries: plan.requiredEntries,
                                           audit: AuditDraft(actor: try CongressContext.clerk(authorised), action: .roundOpened,
                                                             subject: "congress \(congress.id)", detail: plan.auditDetail, unit: code))
        } catch {
            throw CongressContext.refusal(error)
        }
        return Redirect.to("/units/\(code)/rounds/\(id)", notice: .roundOpened)
    }

    /// The page's words for a refused opening.
    static func refused(_ refusal: ElectionOpening.Refusal, opinion: Round.ID?, _ language: Language) -> WebError {
        switch refusal {
        case .notInBallotOrder(let expected): .badInput(key: "web.congress.notInOrder", arguments: [expected.joined(separator: ", ")])
        case .paused(let reason): .badInput(key: "web.congress.paused", arguments: [reason])
        case .cycleOrder(let body, let first): .badInput(key: "web.congress.cycleOrder", arguments: [body.name(language), first.name(language)])
        case .notAnOpinionOfThisCongress: .badInput(key: "web.congress.noOpinion", arguments: [opinion.map(String.init) ?? ""])
        case .floorTie(let names, let seats): .badInput(key: "web.congress.floorTie", arguments: [names.joined(separator: ", "), String(seats)])
        case .countingBoardOnList(let name): .badInput(key: "web.congress.boardOnList", arguments: [name])
        case .ambiguousName(let name, let ids): .badInput(key: "web.congress.ambiguousName", arguments: [name, ids.map(\.rawValue).joined(separator: ", ")])
        case .memberMismatch(let name, let id): .badInput(key: "web.congress.memberMismatch", arguments: [name, id.rawValue])
        case .unknownMember(let name, let id): .badInput(key: "web.congress.unknownMember", arguments: [name, id.rawValue])
        case .election(let error): .badInput(key: "web.round.refused", arguments: [error.message(language)])
        case .opinionUncountable: .badInput(key: "web.congress.noOpinion", arguments: [opinion.map(String.init) ?? ""])
        }
    }
}
