import CongressCore
import CongressStore
import Hummingbird

/// The one place where every route's access is checked: sign-in, the form token of every POST,
/// the capability, and the unit subtree on the day being viewed.
struct RouteGuard: Sendable {
    let dependencies: WebDependencies

    func authorise(_ route: WebRoute, _ request: Request, _ context: AppRequestContext) async throws -> Authorised {
        let query = FormFields(encoded: Substring(request.uri.query ?? ""))
        var authorised = Authorised(signedIn: context.signedIn, day: try day(query), form: FormFields())
        if route.access != .anyone, context.signedIn == nil { throw WebError.notSignedIn }
        if request.method == .post {
            authorised.form = try await checkedForm(request, context)
        }
        switch route.access {
        case .anyone, .signedIn:
            break
        case .capability(let capability):
            guard try authorised.user.policy.allows(capability) else { throw WebError.forbidden }
        case .unit(let capability):
            let code = try context.parameters.require("code")
            let tree = try await dependencies.register.tree(on: authorised.day)
            guard try await covers(try authorised.user.policy, capability, code, tree) else { throw WebError.forbidden }
            guard tree.position[code] != nil else { throw WebError.notFound }
            authorised.tree = tree
            authorised.unit = code
        case .member(let capability):
            let id = try context.parameters.require("id")
            let policy = try authorised.user.policy
            guard let record = try await dependencies.register.personRecord(id),
                  let (unit, day) = Self.placement(of: record, on: authorised.day)
            else { throw policy.roots(for: capability).contains(Self.nationalRoot) ? WebError.notFound : WebError.forbidden }
            let tree = try await dependencies.register.tree(on: day)
            guard try await covers(policy, capability, unit, tree) else { throw WebError.forbidden }
            authorised.tree = tree
            authorised.unit = unit
            authorised.person = record
        }
        return authorised
    }

    static let nationalRoot = "TW"

    /// Whether a grant with `capability` covers `unit` in `tree`. A granted unit that did not
    /// exist that day (a province formed on 1/7/2025, viewed as of 2024) covers the units that
    /// were merged into it.
    private func covers(_ policy: AccessPolicy, _ capability: Capability, _ unit: String, _ tree: OrganisationTree) async throws -> Bool {
        for root in policy.roots(for: capability) {
            if tree.position[root] != nil {
                if tree.isWithin(unit, root) { return true }
                continue
            }
            let predecessors = try await dependencies.register.unitEvents(root).filter { event in
                (event.kind == .mergedInto || event.kind == .partInto) && event.other == root
            }.map(\.unit)
            if predecessors.contains(where: { tree.position[$0] != nil && tree.isWithin(unit, $0) }) { return true }
        }
        return false
    }

    /// The unit a person belongs to on `day`, or their last unit and its last day if they had
    /// left by then (or had not yet joined: their first unit).
    static func placement(of record: PersonRecord, on day: Day) -> (String, Day)? {
        if let current = record.spans.last(where: { $0.holds(on: day) }) { return (current.unit, day) }
        if let earlier = record.spans.last(where: { $0.from <= day }) { return (earlier.unit, earlier.to ?? earlier.from) }
        return record.spans.first.map { ($0.unit, $0.from) }
    }

    private func day(_ query: FormFields) throws -> Day {
        guard let text = query["day"] else { return dependencies.today() }
        if let day = Day(iso: text) ?? Day(vietnamese: text) { return day }
        throw WebError.badInput(key: "web.error.badDay", arguments: [text])
    }

    /// The POSTed form, after its token matched the session's (or, before sign-in, the
    /// `congress_form` cookie's: a double-submit token).
    private func checkedForm(_ request: Request, _ context: AppRequestContext) async throws -> FormFields {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let form = FormFields(encoded: Substring(String(buffer: buffer)))
        let expected = context.signedIn?.session.formToken ?? request.cookies["congress_form"]?.value
        guard let expected, let sent = form["csrf"], SessionTokens.equal(expected, sent) else { throw WebError.badFormToken }
        return form
    }
}
