import CongressCore
import CongressStore
import Hummingbird

/// Per-request state: who is signed in (set by `SessionMiddleware`) and the page language.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, or `nil`.
    public var signedIn: SignedIn?
    /// The language pages are written in: the user's choice, else the `lang` cookie, else Vietnamese.
    public var language: Language = .vi
    /// Before sign-in: the double-submit token forms carry (also in the `congress_form` cookie).
    public var preSessionToken: String?
    /// The peer's address (a proxy's, behind one).
    public let remoteAddress: String
    /// The client's address, for throttling sign-in attempts: the peer's, or the last address
    /// a configured trusted proxy put in `X-Forwarded-For` (set by `SessionMiddleware`).
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
        clientAddress = remoteAddress
    }

    public var maxUploadSize: Int { InputLimits.formBytes }
}

/// A signed-in user with their session and what their grants allow.
public struct SignedIn: Sendable {
    public var user: UserAccount
    public var session: StoredSession
    public var policy: AccessPolicy { AccessPolicy(grants: user.grants) }
}
