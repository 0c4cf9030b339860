import CongressCore
import CongressStore
import Hummingbird

/// Finds the signed-in user from the session cookie (only its hash is looked up) and the page
/// language; an expired session or a disabled user reads as signed out.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "congress_session"
    static let languageCookie = "congress_lang"
    static let formCookie = "congress_form"

    let dependencies: WebDependencies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value, token.utf8.count == 64 {
            let hash = SessionTokens.hash(token, dependencies.digest)
            let now = Int64(dependencies.clock().timeIntervalSince1970)
            if let (session, user) = try await dependencies.access.signedIn(tokenHash: hash, now: now), user.active {
                context.signedIn = SignedIn(user: user, session: session)
            }
        }
        if let user = context.signedIn?.user {
            context.language = user.language
        } else if let chosen = request.cookies[Self.languageCookie].flatMap({ Language(rawValue: $0.value) }) {
            context.language = chosen
        }
        var newFormCookie: String?
        if context.signedIn == nil {
            if let token = request.cookies[Self.formCookie]?.value, token.utf8.count == 64 {
                context.preSessionToken = token
            } else {
                newFormCookie = SessionTokens.random()
                context.preSessionToken = newFormCookie
            }
        }
        var response = try await next(request, context)
        if let newFormCookie {
            response.setCookie(Cookie(name: Self.formCookie, value: newFormCookie, path: "/",
                                      secure: dependencies.secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }
}
