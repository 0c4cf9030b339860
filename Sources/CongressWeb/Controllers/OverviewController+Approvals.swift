import CongressCore
import CongressStore
import Hummingbird

extension OverviewController {
    struct ApprovalsModel {
        struct Line {
            let unit: String
            let congress: String
            let election: String
            let href: String
            let deadline: String
            let overdue: Bool
        }
        let unitName: String
        let count: String
        let lines: [Line]
        let overviewHref: String
    }

    /// R-E-30: every certified result in the reviewer's subtree that waits for their approval
    /// (not those of the reviewer's own unit, which the committee above approves), the most
    /// pressing deadline first.
    func approvals(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let store = try CongressContext.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let policy = try authorised.user.policy
        let today = dependencies.today()
        let t = PageText.say(language)
        var waiting: [(due: Day?, line: ApprovalsModel.Line)] = []
        for congress in try await store.congressSummaries() where tree.position[congress.unit] != nil && tree.isWithin(congress.unit, code) {
            guard SeparationOfDuties.mayApprove(policy, unit: congress.unit, isWithin: tree.isWithin) else { continue }
            let due: Day? = Day(iso: congress.closesOn).map { closed in
                let plan = ApprovalDeadlines(congressClosed: closed, submitted: congress.submittedOn.flatMap { Day(iso: $0) })
                return plan.approvalDue() ?? plan.submissionDue()
            }
            for round in try await store.rounds(ofCongress: congress.id) where round.lifecycle.state == .certified {
                let title = round.election.round > 1
                    ? t("web.approvals.roundTitle", [round.election.title, round.election.round]) : round.election.title
                waiting.append((due, .init(unit: tree.unit(congress.unit)?.name ?? congress.unit.rawValue, congress: congress.name, election: title,
                                           href: "/units/\(congress.unit)/rounds/\(round.id)",
                                           deadline: due.map { Formatting.deadline($0, today: today, language) } ?? "–",
                                           overdue: due.map { WorkingDays.between(today, $0) < 0 } ?? false)))
            }
        }
        waiting.sort { first, second in
            switch (first.due, second.due) {
            case let (a?, b?): a < b
            case (_?, nil): true
            default: false
            }
        }
        let model = ApprovalsModel(unitName: tree.unit(code)?.name ?? code.rawValue,
                                   count: t("web.approvals.count", [language.number(waiting.count)]),
                                   lines: waiting.map(\.line), overviewHref: "/units/\(code)/congresses")
        return pages.page("approvals", title: t("web.approvals.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
