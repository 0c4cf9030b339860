import CongressCore
import CongressStore
import Hummingbird

/// Users, their roles and the units each applies to; the audit log. An administrator manages
/// only users whose every grant lies within the administrator's own subtrees.
struct AdminController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/admin/users", .capability(.manageUsers)) { request, context, authorised in
                try await users(request, context, authorised)
            },
            WebRoute(.post, "/admin/users", .capability(.manageUsers)) { _, context, authorised in
                try await createUser(context, authorised)
            },
            WebRoute(.get, "/admin/users/{userID}", .capability(.manageUsers)) { request, context, authorised in
                try await user(request, context, authorised)
            },
            WebRoute(.post, "/admin/users/{userID}/grants", .capability(.manageUsers)) { _, context, authorised in
                try await changeGrants(context, authorised)
            },
            WebRoute(.post, "/admin/users/{userID}/pending", .capability(.manageUsers)) { _, context, authorised in
                try await settlePending(context, authorised)
            },
            WebRoute(.post, "/admin/users/{userID}/password", .capability(.manageUsers)) { _, context, authorised in
                try await changePassword(context, authorised)
            },
            WebRoute(.post, "/admin/users/{userID}/active", .capability(.manageUsers)) { _, context, authorised in
                try await changeActive(context, authorised)
            },
            WebRoute(.get, "/admin/audit", .capability(.viewAudit)) { request, context, authorised in
                try await audit(request, context, authorised)
            },
        ]
    }

    // MARK: Scope

    /// Whether every grant of `grants` lies within the administrator's subtrees today.
    private func manages(_ grants: [RoleGrant], _ authorised: Authorised) async throws -> Bool {
        let policy = try authorised.user.policy
        let tree = try await dependencies.register.tree(on: dependencies.today())
        // An account without grants belongs to the administrator of the whole tree only.
        if grants.isEmpty { return policy.roots(for: .manageUsers).contains(RouteGuard.nationalRoot) }
        return grants.allSatisfy { grant in policy.allows(.manageUsers, on: grant.unit, isWithin: tree.isWithin) }
    }

    /// Whether the administrator manages this account: its grants, and the roles waiting for
    /// confirmation (they say whose account it is), lie within their subtrees.
    private func managesAccount(_ user: UserAccount, _ authorised: Authorised) async throws -> Bool {
        try await manages(user.grants + dependencies.access.pendingGrants(of: user.id).map(\.grant), authorised)
    }

    private func target(_ context: AppRequestContext, _ authorised: Authorised) async throws -> UserAccount {
        let id = UserAccount.ID(try context.parameters.recordID("userID"))
        // Unknown and foreign accounts answer alike.
        guard let user = try await dependencies.access.user(id: id), try await managesAccount(user, authorised) else { throw WebError.forbidden }
        return user
    }

    // MARK: Users

    struct RoleOption { let value: String; let label: String; let selected: Bool }
    struct UserLine { let login: String; let name: String; let roles: String; let state: String; let href: String }
    struct UsersModel {
        let users: [UserLine]
        let roles: [RoleOption]
        let defaultUnit: String
        let notice: String?
    }

    private func users(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        var lines: [UserLine] = []
        for user in try await dependencies.access.users() where try await managesAccount(user, authorised) {
            lines.append(UserLine(login: user.login, name: user.displayName, roles: rolesText(user.grants, language),
                                  state: Catalogue.text(user.active ? "web.users.active" : "web.users.disabled", language),
                                  href: "/admin/users/\(user.id)"))
        }
        let created = FormFields(encoded: Substring(request.uri.query ?? ""))["created"]
        let model = UsersModel(users: lines, roles: roleOptions(selected: .organisingStaff, language),
                               defaultUnit: try authorised.user.policy.roots(for: .manageUsers).first?.rawValue ?? "",
                               notice: created.map { Catalogue.text("web.users.created", language, $0) })
        return pages.page("users", title: Catalogue.text("web.users.title", language), body: model, context: context,
                          path: "/admin/users", section: .users)
    }

    private func createUser(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let form = authorised.form
        let account = try NewAccountForm(form)
        let (login, name, password, grant) = (account.login, account.name, account.password, account.grant)
        guard try await manages([grant], authorised) else {
            throw WebError.outsideScope(key: "web.error.outsideScope", arguments: [InputExcerpt.quote(grant.unit.rawValue)])
        }
        let memberID = try await member(form, authorised)
        let signedIn = try authorised.user
        let actor = signedIn.user.login
        let hash = await dependencies.passwords.hash(password)
        // A congress role waits for a second administrator; the account starts without it.
        let pending = SeparationOfDuties.needsSecondAdministrator(grant.role)
        let created = try await dependencies.access.createUser(
            NewUser(login: login, displayName: name, passwordHash: hash, grants: pending ? [] : [grant], memberID: memberID ?? nil),
            audit: AuditDraft(actor: actor, action: .userCreated, subject: login, detail: pending ? "no role yet" : describe([grant]),
                              unit: grant.unit))
        if pending {
            try await dependencies.access.proposeGrant(grant, to: created.id, proposer: signedIn.user.id, audit: AuditDraft(
                actor: actor, action: .grantProposed, subject: login, detail: describe([grant]), unit: grant.unit))
        }
        return Redirect.to("/admin/users?created=\(login)")
    }

    struct GrantLine { let index: Int; let role: String; let unit: String; let unitName: String }
    struct PendingLine { let text: String; let role: String; let unit: String; let canSettle: Bool }
    struct UserModel {
        let id: Int64
        let login: String
        let name: String
        let memberID: String
        let active: Bool
        let state: String
        let grants: [GrantLine]
        let pending: [PendingLine]
        let roles: [RoleOption]
        let notice: String?
    }

    private func user(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let user = try await target(context, authorised)
        var grants: [GrantLine] = []
        for (index, grant) in user.grants.enumerated() {
            let name = (try await dependencies.register.unit(grant.unit))?.name ?? grant.unit.rawValue
            grants.append(GrantLine(index: index, role: Labels.role(grant.role, language), unit: grant.unit.rawValue, unitName: name))
        }
        let me = try authorised.user.user.id
        var pending: [PendingLine] = []
        for waiting in try await dependencies.access.pendingGrants(of: user.id) {
            let proposer = try await dependencies.access.user(id: waiting.proposer)?.login ?? waiting.proposer.description
            pending.append(PendingLine(
                text: Catalogue.text("web.users.pendingBy", language, Labels.role(waiting.grant.role, language), waiting.grant.unit, proposer),
                role: waiting.grant.role.rawValue, unit: waiting.grant.unit.rawValue,
                canSettle: SeparationOfDuties.mayConfirmGrant(proposer: waiting.proposer, target: user.id, confirmer: me)))
        }
        let saved = FormFields(encoded: Substring(request.uri.query ?? ""))["saved"] != nil
        let model = UserModel(id: user.id.rawValue, login: user.login, name: user.displayName, memberID: user.memberID?.rawValue ?? "", active: user.active,
                              state: Catalogue.text(user.active ? "web.users.active" : "web.users.disabled", language),
                              grants: grants, pending: pending, roles: roleOptions(selected: .organisingStaff, language),
                              notice: saved ? Catalogue.text("web.users.saved", language) : nil)
        return pages.page("user", title: user.displayName, body: model, context: context,
                          path: "/admin/users/\(user.id)", section: .users)
    }

    private func changeGrants(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let user = try await target(context, authorised)
        let form = try GrantChangeForm(authorised.form)
        var grants = user.grants.enumerated().filter { !form.removed.contains($0.offset) }.map(\.element)
        var proposed: RoleGrant?
        if let added = form.added {
            guard try await manages([added], authorised) else {
                throw WebError.outsideScope(key: "web.error.outsideScope", arguments: [InputExcerpt.quote(added.unit.rawValue)])
            }
            if SeparationOfDuties.needsSecondAdministrator(added.role) { proposed = added } else if !grants.contains(added) { grants.append(added) }
        }
        let signedIn = try authorised.user
        let tree = try await dependencies.register.tree(on: dependencies.today())
        let waiting = try await dependencies.access.pendingGrants(of: user.id).map(\.grant)
        do {
            try SeparationOfDuties.checkGrants(grants + waiting + (proposed.map { [$0] } ?? []), actor: signedIn.user.id, target: user.id,
                                               isWithin: tree.isWithin)
        } catch {
            throw Self.refusal(error, language: context.language)
        }
        if let memberID = try await member(authorised.form, authorised), memberID != user.memberID {
            // Moving a congress role to another member is a new role: remove it first.
            if user.grants.contains(where: { SeparationOfDuties.needsSecondAdministrator($0.role) }) {
                throw WebError.badInput(key: "web.duty.bindingLocked", arguments: [])
            }
            try await dependencies.access.bindMember(of: user.id, to: memberID, audit: AuditDraft(
                actor: signedIn.user.login, action: .memberBound, subject: user.login, detail: memberID?.rawValue ?? "unbound",
                unit: user.grants.first?.unit))
        }
        if let proposed, !waiting.contains(proposed), !user.grants.contains(proposed) {
            try await dependencies.access.proposeGrant(proposed, to: user.id, proposer: signedIn.user.id, audit: AuditDraft(
                actor: signedIn.user.login, action: .grantProposed, subject: user.login, detail: describe([proposed]), unit: proposed.unit))
        }
        guard grants != user.grants else { return Redirect.to("/admin/users/\(user.id)?saved=1") }
        try await dependencies.access.replaceGrants(
            of: user.id, with: grants,
            audit: AuditDraft(actor: signedIn.user.login, action: .grantsChanged, subject: user.login, detail: describe(grants),
                              unit: (grants.first ?? user.grants.first)?.unit))
        return Redirect.to("/admin/users/\(user.id)?saved=1")
    }

    /// A second administrator confirms or rejects a proposed congress role (`decision`).
    private func settlePending(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let user = try await target(context, authorised)
        let form = try PendingGrantForm(authorised.form)
        let (grant, confirm) = (form.grant, form.confirm)
        guard let pending = try await dependencies.access.pendingGrants(of: user.id).first(where: { $0.grant == grant }) else {
            throw WebError.badInput(key: "web.duty.noPending", arguments: [])
        }
        guard try await manages([grant], authorised) else {
            throw WebError.outsideScope(key: "web.error.outsideScope", arguments: [InputExcerpt.quote(grant.unit.rawValue)])
        }
        let signedIn = try authorised.user
        guard SeparationOfDuties.mayConfirmGrant(proposer: pending.proposer, target: user.id, confirmer: signedIn.user.id) else {
            throw WebError.badInput(key: "web.duty.secondAdministrator", arguments: [])
        }
        if confirm {
            let tree = try await dependencies.register.tree(on: dependencies.today())
            if let clash = SeparationOfDuties.clash(in: user.grants + [grant], isWithin: tree.isWithin) {
                throw Self.refusal(clash, language: context.language)
            }
        }
        try await dependencies.access.settlePendingGrant(grant, of: user.id, confirm: confirm, audit: AuditDraft(
            actor: signedIn.user.login, action: confirm ? .grantConfirmed : .grantRejected, subject: user.login,
            detail: describe([grant]) + ", proposed by account \(pending.proposer)", unit: grant.unit))
        return Redirect.to("/admin/users/\(user.id)?saved=1")
    }

    private func changePassword(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let user = try await target(context, authorised)
        let password = try PasswordForm(authorised.form).password
        let hash = await dependencies.passwords.hash(password)
        let signedIn = try authorised.user
        // Whoever sets another's password could sign in as them: the account's congress roles go
        // back to a second administrator first (removed before they are proposed: a failure in
        // between leaves fewer rights, never more).
        let congressRoles = user.grants.filter { SeparationOfDuties.needsSecondAdministrator($0.role) }
        if !congressRoles.isEmpty {
            try await dependencies.access.replaceGrants(of: user.id, with: user.grants.filter { !congressRoles.contains($0) }, audit: AuditDraft(
                actor: signedIn.user.login, action: .grantsChanged, subject: user.login,
                detail: "congress roles suspended by a password reset: \(describe(congressRoles))", unit: congressRoles.first?.unit))
            for grant in congressRoles {
                try await dependencies.access.proposeGrant(grant, to: user.id, proposer: signedIn.user.id, audit: AuditDraft(
                    actor: signedIn.user.login, action: .grantProposed, subject: user.login, detail: describe([grant]), unit: grant.unit))
            }
        }
        try await dependencies.access.setPasswordHash(
            of: user.id, to: hash,
            audit: AuditDraft(actor: signedIn.user.login, action: .passwordChanged, subject: user.login,
                              unit: user.grants.first?.unit))
        return Redirect.to("/admin/users/\(user.id)?saved=1")
    }

    private func changeActive(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let user = try await target(context, authorised)
        let active = authorised.form["active"] == "1"
        let signedIn = try authorised.user
        if user.id == signedIn.user.id, !active { throw WebError.badInput(key: "web.error.selfLockout", arguments: []) }
        try await dependencies.access.setActive(
            user.id, active,
            audit: AuditDraft(actor: signedIn.user.login, action: active ? .userEnabled : .userDisabled, subject: user.login,
                              unit: user.grants.first?.unit))
        return Redirect.to("/admin/users/\(user.id)?saved=1")
    }

    /// The separation-of-duties refusal as a 400 page.
    static func refusal(_ refusal: SeparationOfDuties.GrantRefusal, language: Language) -> WebError {
        switch refusal {
        case .ownGrants: .badInput(key: "web.duty.ownGrants", arguments: [])
        case .incompatible(let first, let second, let unit):
            .badInput(key: "web.duty.incompatible", arguments: [Labels.role(first, language), Labels.role(second, language), unit.rawValue])
        }
    }

    /// The `member` field: nil when empty (leave as is), `.some(nil)` for "-" (unbind), else a
    /// member within the administrator's subtrees today (unknown and foreign IDs answer alike).
    private func member(_ form: FormFields, _ authorised: Authorised) async throws -> Person.ID?? {
        guard let text = try form.line("member", max: InputLimits.codeLength) else { return nil }
        if text == "-" { return .some(nil) }
        let policy = try authorised.user.policy
        let today = dependencies.today()
        let tree = try await dependencies.register.tree(on: today)
        guard RequestValue.code(text) != nil, let record = try await dependencies.register.personRecord(Person.ID(text)),
              let span = record.spans.last(where: { $0.holds(on: today) }),
              policy.allows(.manageUsers, on: span.unit, isWithin: tree.isWithin) else {
            throw WebError.outsideScope(key: "web.duty.memberUnknown", arguments: [InputExcerpt.quote(text)])
        }
        return .some(Person.ID(text))
    }


    private func describe(_ grants: [RoleGrant]) -> String {
        grants.map { "\($0.role.rawValue)@\($0.unit)" }.joined(separator: ", ")
    }

    private func rolesText(_ grants: [RoleGrant], _ language: Language) -> String {
        grants.isEmpty ? Catalogue.text("web.users.noRole", language)
            : grants.map { "\(Labels.role($0.role, language)) – \($0.unit)" }.joined(separator: "; ")
    }

    private func roleOptions(selected: Role, _ language: Language) -> [RoleOption] {
        Role.allCases.map { RoleOption(value: $0.rawValue, label: Labels.role($0, language), selected: $0 == selected) }
    }

    // MARK: Audit

    struct AuditLine { let sequence: Int; let at: String; let actor: String; let action: String; let subject: String
        let detail: String; let hash: String }
    struct AuditModel {
        let count: String
        let entries: [AuditLine]
        let pageOf: String
        let previousHref: String?
        let nextHref: String?
    }

    private func audit(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        let size = 100
        let number = try FormFields(encoded: Substring(request.uri.query ?? "")).int("page", in: InputLimits.page, default: 1)
        // An administrator reads the entries of their own subtrees only; the whole log (sign-ins
        // of unknown logins, demo builds) belongs to the administrator of the whole tree.
        let roots = try authorised.user.policy.roots(for: .viewAudit)
        var units: [PartyUnit.ID]? = nil
        if !roots.contains(RouteGuard.nationalRoot) {
            let tree = try await dependencies.register.tree(on: dependencies.today())
            var codes = Set<PartyUnit.ID>()
            for root in roots { if let range = tree.subtree(of: root) { codes.formUnion(range.map { tree.units[$0].code }) } }
            units = codes.sorted()
        }
        let page = try await dependencies.access.auditEntries(AuditQuery(units: units, offset: (number - 1) * size, limit: size))
        let pageCount = max(1, (page.total + size - 1) / size)
        let model = AuditModel(
            count: Catalogue.text("web.audit.count", language, language.number(page.total)),
            entries: page.items.map {
                AuditLine(sequence: $0.sequence, at: $0.at, actor: $0.actor, action: Labels.action($0.action, language),
                          subject: $0.subject, detail: $0.detail, hash: String($0.hash.prefix(12)))
            },
            pageOf: Catalogue.text("web.members.pageOf", language, language.number(number), language.number(pageCount)),
            previousHref: number > 1 ? "/admin/audit?page=\(number - 1)" : nil,
            nextHref: number < pageCount ? "/admin/audit?page=\(number + 1)" : nil)
        return pages.page("audit", title: Catalogue.text("web.audit.title", language), body: model, context: context,
                           path: "/admin/audit", section: .audit)
    }

}

/// A second administrator's decision on a proposed role.
enum PendingDecision: String, CaseIterable {
    case confirm, reject
}
