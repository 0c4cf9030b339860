import CongressCore
import CongressStore
import Hummingbird

/// What the congress decides by show of hands (R-E-2), with the counting board checked against
/// the lists it counts (R-E-4), and bodies or delegates appointed instead of elected (R-E-27).
struct WorkingBodiesController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        // A refused form shows the congress page again, with the message beside it and what was typed.
        let page = CongressController(dependencies: dependencies, pages: pages)
        return [
            WebRoute(.post, "/units/{code}/congress/motions", .unit(.runCongress)) { _, context, authorised in
                try await page.onPage(.motion, context, authorised) { try await motion(context, authorised) }
            },
            WebRoute(.post, "/units/{code}/congress/appointments", .unit(.runCongress)) { _, context, authorised in
                try await page.onPage(.appointment, context, authorised) { try await appointment(context, authorised) }
            },
            WebRoute(.post, "/units/{code}/congress/annul-seat", .unit(.approveResults)) { _, context, authorised in
                try await page.onPage(.annulSeat, context, authorised) { try await annulSeat(context, authorised) }
            },
        ]
    }

    private func congress(_ authorised: Authorised) async throws -> (any CountingStore, StoredCongress, PartyUnit.ID) {
        try await CongressContext.formCongress(dependencies, authorised)
    }

    /// R-E-2: a motion with its counts; a carried counting board motion names the board, whose
    /// members must be official delegates (full members) and on no list it counts (R-E-4).
    private func motion(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let (store, congress, code) = try await congress(authorised)
        let form = try MotionForm(authorised.form)
        let motion = form.motion, board = form.board
        let rounds = try await store.rounds(ofCongress: congress.id).map { MotionRecording.Round(election: $0.election, state: $0.lifecycle.state) }
        try await CongressContext.updateCongress(store, congress.id, actor: try CongressContext.clerk(authorised)) { record in
            do { return try MotionRecording.record(motion, board: board, rounds: rounds, into: &record) } catch let refusal as MotionRecording.Refusal {
                throw Self.refused(refusal, context.language)
            }
        }
        return Redirect.to("/units/\(code)/congress?id=\(congress.id)")
    }

    static func refused(_ refusal: MotionRecording.Refusal, _ language: Language) -> WebError {
        switch refusal {
        case .tooManyVotes(let present): .badInput(key: "web.motion.tooMany", arguments: [String(present)])
        case .boardLocked: .badInput(key: "web.board.locked", arguments: [])
        case .boardRepeated: .badInput(key: "web.board.repeated", arguments: [])
        case .board(let problem): .badInput(key: "web.motion.boardRefused", arguments: [problem.ruleID, problem.message(language)])
        }
    }

    /// R-E-27: a body or delegates appointed by decision (number and date) instead of elected.
    private func appointment(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let (store, congress, code) = try await congress(authorised)
        let form = try AppointmentForm(authorised.form)
        let (role, decision, date, names) = (form.role, form.decision, form.date, form.names)
        let registered = try await CongressContext.registeredNames(names, outside: congress.record, dependencies.register)
        try await CongressContext.updateCongress(store, congress.id, actor: try CongressContext.clerk(authorised)) { record in
            do { return try record.appoint(names, role: role, decision: decision, on: date, registered: registered) } catch let refusal as ElectionOpening.Refusal {
                throw CongressController.refused(refusal, opinion: nil, context.language)
            }
        }
        return Redirect.to("/units/\(code)/congress?id=\(congress.id)")
    }

    /// R-E-30: the higher committee annuls one post (one person's seat), with its reason.
    private func annulSeat(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let (store, congress, code) = try await congress(authorised)
        guard let tree = authorised.tree else { throw WebError.badInput(key: "web.approval.ownUnit", arguments: []) }
        let policy = try authorised.user.policy
        let form = try SeatAnnulmentForm(authorised.form)
        try await CongressContext.updateCongress(store, congress.id, actor: try CongressContext.clerk(authorised)) { record in
            do {
                return try record.annulSeat(key: form.seat, name: form.name, role: form.role, reason: form.reason, policy: policy,
                                            isWithin: tree.isWithin)
            } catch let refusal as HigherCommitteeDecision.Refusal {
                throw Self.refusal(refusal)
            }
        }
        return Redirect.to("/units/\(code)/congress?id=\(congress.id)")
    }

    /// The message for a refused decision of the higher committee (R-E-30).
    static func refusal(_ refusal: HigherCommitteeDecision.Refusal, seat: Bool = true) -> WebError {
        switch refusal {
        case .ownUnit: .badInput(key: "web.approval.ownUnit", arguments: [])
        case .reasonRequired: .badInput(key: seat ? "web.annulSeat.reason" : "web.approval.reasonRequired", arguments: [])
        case .unknownSeat: .badInput(key: "web.annulSeat.which", arguments: [])
        }
    }
}
