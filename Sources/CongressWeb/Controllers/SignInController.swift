import CongressCore
import CongressStore
import Hummingbird

/// Sign-in, sign-out and the language switch.
struct SignInController {
    let dependencies: WebDependencies
    let pages: PageRenderer
    /// A hash of a random password, checked against when the login is unknown.
    let decoyHash: String

    struct SignInModel {
        let next: String
        let login: String
        let failed: String?
    }

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/signin", .anyone) { request, context, _ in
                let next = Redirect.local(FormFields(encoded: Substring(request.uri.query ?? ""))["next"]) ?? "/"
                if context.signedIn != nil { return Redirect.to(next) }
                return signInPage(context, next: next, login: "", failed: nil, status: .ok)
            },
            WebRoute(.post, "/signin", .anyone) { _, context, authorised in
                try await signIn(authorised.form, context)
            },
            WebRoute(.post, "/signout", .signedIn) { _, context, authorised in
                let signedIn = try authorised.user
                try await dependencies.access.deleteSession(tokenHash: signedIn.session.tokenHash)
                try await dependencies.access.appendAudit(AuditDraft(actor: signedIn.user.login, action: .signedOut,
                                                                     subject: signedIn.user.login))
                var response = Redirect.to("/signin")
                response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                          secure: dependencies.secureCookies, httpOnly: true, sameSite: .lax))
                return response
            },
            WebRoute(.post, "/language", .anyone) { _, context, authorised in
                guard let language = authorised.form["lang"].flatMap(Language.init(rawValue:)) else {
                    throw WebError.badInput(key: "web.error.badRequest", arguments: [])
                }
                var response = Redirect.to(authorised.form["next"])
                // A cookie of this browser only, until it closes (not the account's setting).
                response.setCookie(Cookie(name: SessionMiddleware.languageCookie, value: language.rawValue,
                                          path: "/", secure: dependencies.secureCookies,
                                          httpOnly: true, sameSite: .lax))
                return response
            },
        ]
    }

    private func signInPage(_ context: AppRequestContext, next: String, login: String, failed: String?,
                            status: HTTPResponse.Status) -> Response {
        pages.page("signin", title: Catalogue.text("web.signin.title", context.language),
                   body: SignInModel(next: next, login: login, failed: failed), context: context, path: "/signin",
                   status: status)
    }

    private func signIn(_ form: FormFields, _ context: AppRequestContext) async throws -> Response {
        let signIn = SignInForm(form)
        let (typed, login, next, password) = (signIn.typed, signIn.login, signIn.next, signIn.password)
        let address = context.clientAddress
        let now = dependencies.clock().timeIntervalSince1970
        if let retry = try await dependencies.throttle.retryAfter(login: login, address: address, now: now) {
            // Throttled attempts are not audited one by one: the slowing down was, once.
            let seconds = max(1, Int(min(retry - now, 86_400).rounded(.up)))
            return signInPage(context, next: next, login: UserAccount.isValidLogin(typed) ? typed : "",
                              failed: Catalogue.text("web.signin.slowDown", context.language, seconds), status: .tooManyRequests)
        }
        let found = UserAccount.isValidLogin(login) ? try await dependencies.access.credentials(login: login) : nil
        // Check a password even for an unknown login, so timing does not tell which logins exist.
        let matches = await dependencies.passwords.verify(password, against: found?.passwordHash ?? decoyHash)
        guard let found, matches, found.user.active else {
            if let audited = try await dependencies.throttle.failed(login: login, address: address, now: now) {
                let what = audited.moment == .firstFailure ? "first failure from \(address)" : "\(audited.failures) failures from \(address): slowed down"
                let unlogged = audited.unlogged > 0 ? "; \(audited.unlogged) other failures not logged one by one" : ""
                try await dependencies.access.appendAudit(AuditDraft(
                    actor: login, action: audited.moment == .firstFailure ? .signInFailed : .signInThrottled, subject: login,
                    detail: what + unlogged, unit: found?.user.grants.first?.unit))
            }
            return signInPage(context, next: next, login: UserAccount.isValidLogin(typed) ? typed : "",
                              failed: Catalogue.text("web.signin.failed", context.language), status: .unauthorized)
        }
        try await dependencies.throttle.succeeded(login: login, address: address)
        let token = SessionTokens.random()
        let expires = Int64(now) + dependencies.sessionLifetime
        try await dependencies.access.createSession(StoredSession(
            tokenHash: SessionTokens.hash(token, dependencies.digest), userID: found.user.id,
            formToken: SessionTokens.random(), expires: expires))
        try await dependencies.access.appendAudit(AuditDraft(actor: found.user.login, action: .signedIn,
                                                             subject: found.user.login, detail: address, unit: found.user.grants.first?.unit))
        var response = Redirect.to(next)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: Int(dependencies.sessionLifetime),
                                  path: "/", secure: dependencies.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
