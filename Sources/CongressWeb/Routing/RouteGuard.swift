import CongressCore
import CongressStore
import Hummingbird

/// The one place where every route's access is checked: sign-in, the form token of every POST,
/// the capability, and the unit subtree on the day being viewed.
struct RouteGuard: Sendable {
    let dependencies: WebDependencies

    func authorise(_ route: WebRoute, _ request: Request, _ context: AppRequestContext) async throws -> Authorised {
        let query = FormFields(encoded: Substring(request.uri.query ?? ""))
        // Writes are always authorised on today's tree: `?day=` only changes what a read shows.
        // Congress data is not dated either: congress, round and counting routes are read on today's tree too.
        let isWrite = request.method != .get && request.method != .head
        let dated = !isWrite && !Self.undatedCapabilities.contains(route.access.capability)
        let day = dated ? try Self.day(query, today: dependencies.today()) : dependencies.today()
        var authorised = Authorised(signedIn: context.signedIn, day: day, form: FormFields())
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
            let code = PartyUnit.ID(try context.parameters.code("code"))
            let tree = try await dependencies.register.tree(on: authorised.day)
            // Unknown and foreign units answer alike.
            guard tree.position[code] != nil, try await covers(try authorised.user.policy, capability, code, tree, on: authorised.day)
            else { throw WebError.forbidden }
            authorised.tree = tree
            authorised.unit = code
        case .member(let capability):
            let id = Person.ID(try context.parameters.code("id"))
            let policy = try authorised.user.policy
            // Unknown and foreign members answer alike, so IDs cannot be probed.
            guard let record = try await dependencies.register.personRecord(id),
                  let (unit, placedOn) = Self.placement(of: record, on: authorised.day) else { throw WebError.forbidden }
            let tree = try await dependencies.register.tree(on: placedOn)
            guard try await covers(policy, capability, unit, tree, on: placedOn) else { throw WebError.forbidden }
            authorised.tree = tree
            authorised.unit = unit
            // A unit the member belonged to in the past reads the record as it stood then, never today's.
            authorised.person = placedOn < dependencies.today() ? record.asOf(placedOn) : record
        }
        return authorised
    }

    static let nationalRoot: PartyUnit.ID = "TW"

    /// Capabilities whose data has no date: a congress, its rounds and their counting.
    static let undatedCapabilities: Set<Capability?> = [.viewCongress, .runCongress, .countBallots, .approveResults]

    /// Whether a grant with `capability` covers `unit` in `tree`. A granted unit that did not
    /// exist that day (a province formed on 1/7/2025, viewed as of 2024) covers the units that
    /// were merged into it.
    ///
    /// A unit that went only in part into the granted one (`partInto`) is not covered itself:
    /// only those of its units that are within the granted one today were in it then.
    func covers(_ policy: AccessPolicy, _ capability: Capability, _ unit: PartyUnit.ID, _ tree: OrganisationTree, on day: Day) async throws -> Bool {
        let roots = policy.roots(for: capability)
        for root in roots where tree.position[root] != nil {
            if tree.isWithin(unit, root) { return true }
        }
        let missing = roots.filter { tree.position[$0] == nil }
        guard !missing.isEmpty else { return false }
        let today = dependencies.today()
        let current = day == today ? tree : try await dependencies.register.tree(on: today)
        for root in missing {
            let events = try await dependencies.register.unitEvents(root).filter { $0.other == root }
            for event in events where event.kind == .mergedInto {
                if tree.position[event.unit] != nil, tree.isWithin(unit, event.unit) { return true }
            }
            for event in events where event.kind == .partInto {
                if tree.position[event.unit] != nil, tree.isWithin(unit, event.unit), unit != event.unit,
                   current.position[root] != nil, current.position[unit] != nil, current.isWithin(unit, root) { return true }
            }
        }
        return false
    }

    /// The unit a person belongs to on `day`, or their last unit and its last day if they had
    /// left by then (or had not yet joined: their first unit).
    static func placement(of record: PersonRecord, on day: Day) -> (PartyUnit.ID, Day)? {
        if let current = record.spans.last(where: { $0.holds(on: day) }) { return (current.unit, day) }
        if let earlier = record.spans.last(where: { $0.from <= day }) { return (earlier.unit, earlier.to ?? earlier.from) }
        return record.spans.first.map { ($0.unit, $0.from) }
    }

    /// The `?day=` of a read, bounded to `InputLimits.days`; today when absent.
    static func day(_ query: FormFields, today: Day) throws(WebError) -> Day {
        guard query["day"] != nil else { return today }
        return try query.day("day")
    }

    /// The POSTed form, after its token matched the session's (or, before sign-in, the
    /// `congress_form` cookie's: a double-submit token).
    private func checkedForm(_ request: Request, _ context: AppRequestContext) async throws -> FormFields {
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: context.maxUploadSize) } catch {
            throw WebError.badInput(key: "web.field.tooLong", arguments: ["body", String(context.maxUploadSize)])
        }
        guard let form = FormFields(bounded: Substring(String(buffer: buffer))) else {
            throw WebError.badInput(key: "web.field.tooLong", arguments: ["body", String(InputLimits.formPairs)])
        }
        let expected = context.signedIn?.session.formToken ?? request.cookies["congress_form"]?.value
        guard let expected, let sent = form["csrf"], SessionTokens.equal(expected, sent) else { throw WebError.badFormToken }
        return form
    }
}
