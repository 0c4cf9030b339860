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
        if dependencies.trustedProxies.contains(context.remoteAddress), let forwarded = ForwardedFor.client(request.headers[values: .init("X-Forwarded-For")!]) {
            context.clientAddress = forwarded
        }
        if let token = request.cookies[Self.cookieName]?.value, token.utf8.count == 64 {
            let hash = SessionTokens.hash(token, dependencies.digest)
            let now = Int64(dependencies.clock().timeIntervalSince1970)
            if let (session, user) = try await dependencies.access.signedIn(tokenHash: hash, now: now), user.active {
                context.signedIn = SignedIn(user: user, session: session)
            }
        }
        // The language is this browser's choice (its cookie): switching on one PC never switches
        // the hall's projector signed in as the same account. A browser that has not chosen
        // reads the account's language.
        if let chosen = request.cookies[Self.languageCookie].flatMap({ Language(rawValue: $0.value) }) {
            context.language = chosen
        } else if let user = context.signedIn?.user {
            context.language = user.language
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

/// The `X-Forwarded-For` header as a trusted proxy sets it.
public enum ForwardedFor {
    /// The address the nearest proxy appended: the last of `X-Forwarded-For`, if it is an address.
    public static func client(_ values: [String]) -> String? {
        guard let last = values.joined(separator: ",").split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
              (2...45).contains(last.utf8.count),
              last.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) || ($0 >= 0x41 && $0 <= 0x46) || $0 == 0x2E || $0 == 0x3A })
        else { return nil }
        return last
    }
}
