import CongressCore
import CongressStore
import Hummingbird

/// The higher committee's view of a round of congresses: every congress in the unit's subtree,
/// where its elections stand, whether it is paused (R-E-26), and its deadlines (R-E-30).
struct OverviewController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [WebRoute(.get, "/units/{code}/congresses", .unit(.viewCongress)) { request, context, authorised in
            try await overview(request, context, authorised)
        },
         WebRoute(.get, "/units/{code}/approvals", .unit(.approveResults)) { request, context, authorised in
            try await approvals(request, context, authorised)
        }]
    }

    struct OverviewModel {
        struct Line {
            let unit: String
            let name: String
            let href: String
            let dates: String
            let elections: String
            let status: String
            let statusCode: String
            let deadline: String
        }
        let unitName: String
        let count: String
        let lines: [Line]
        let totals: String
        let results: String
        let approvalsHref: String?
    }

    private func overview(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let store = try CongressContext.store(dependencies)
        guard let code = authorised.unit, let tree = authorised.tree else { throw WebError.notFound }
        let t = PageText.say(language)
        let states = try await store.roundStates()
        let today = dependencies.today()
        let within = try await store.congressSummaries().filter { tree.position[$0.unit] != nil && tree.isWithin($0.unit, code) }
        var approvedAll = 0, paused = 0, late = 0
        let allRounds = within.flatMap { states[$0.id] ?? [] }
        let lines: [OverviewModel.Line] = within.map { record in
            let rounds = states[record.id] ?? []
            let done = rounds.filter { $0 == .certified || $0 == .approved }.count
            let approved = rounds.filter { $0 == .approved }.count
            let status: (String, String)
            if record.paused {
                paused += 1
                status = ("paused", t("web.overview.paused", []))
            } else if !rounds.isEmpty, approved == rounds.filter({ $0 != .annulled }).count {
                approvedAll += 1
                status = ("approved", t("web.overview.approved", []))
            } else if rounds.contains(.annulled) {
                status = ("annulled", t("web.overview.annulled", []))
            } else if record.submittedOn != nil {
                status = ("submitted", t("web.overview.submitted", []))
            } else {
                status = ("open", t("web.overview.open", []))
            }
            var deadline = ""
            if let closed = Day(iso: record.closesOn) {
                let plan = ApprovalDeadlines(congressClosed: closed, submitted: record.submittedOn.flatMap { Day(iso: $0) })
                let due = plan.approvalDue() ?? plan.submissionDue()
                let left = WorkingDays.between(today, due)
                if left < 0, status.0 != "approved" { late += 1 }
                deadline = status.0 == "approved" ? t("web.overview.approvedOn", []) : Formatting.deadline(due, today: today, language)
            }
            return .init(unit: tree.unit(record.unit)?.name ?? record.unit.rawValue, name: record.name,
                         href: "/units/\(record.unit)/congress?id=\(record.id)",
                         dates: "\(Day(iso: record.opensOn)?.vietnamese ?? record.opensOn) – \(Day(iso: record.closesOn)?.vietnamese ?? record.closesOn)",
                         elections: t("web.overview.elections", [done, rounds.count]), status: status.1, statusCode: status.0,
                         deadline: deadline)
        }
        let model = OverviewModel(
            unitName: tree.unit(code)?.name ?? code.rawValue, count: t("web.overview.count", [language.number(lines.count)]), lines: lines,
            totals: t("web.overview.totals", [language.number(approvedAll), language.number(paused), language.number(late)]),
            results: t("web.overview.results", [language.number(allRounds.filter { $0 == .certified }.count),
                                                language.number(allRounds.filter { $0 == .approved }.count),
                                                language.number(allRounds.filter { $0 == .annulled }.count)]),
            approvalsHref: (try? authorised.user.policy.allows(.approveResults, on: code, isWithin: tree.isWithin)) == true
                ? "/units/\(code)/approvals" : nil)
        return pages.page("overview", title: t("web.overview.title", [model.unitName]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
