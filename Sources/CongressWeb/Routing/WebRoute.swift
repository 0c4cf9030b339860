import CongressCore
import CongressStore
import Hummingbird

/// Who may call a route. Every route in `WebRoutes.all` names one, and `RouteGuard` checks it
/// before the handler runs, for pages and the API alike.
public enum RouteAccess: Sendable, Equatable {
    /// No sign-in needed (the sign-in page, the stylesheet).
    case anyone
    /// Any signed-in user.
    case signedIn
    /// A capability that is not about one unit (users, the audit log).
    case capability(Capability)
    /// A capability on the unit named by the `{code}` parameter, within the user's subtrees.
    case unit(Capability)
    /// A capability on the member named by the `{id}` parameter: the member's unit must be within.
    case member(Capability)
}

extension RouteAccess {
    /// The capability the route needs, if any.
    var capability: Capability? {
        switch self {
        case .anyone, .signedIn: nil
        case .capability(let capability), .unit(let capability), .member(let capability): capability
        }
    }
}

/// One route: method, path, who may call it, and the handler that runs once that is settled.
public struct WebRoute: Sendable {
    public typealias Handler = @Sendable (Request, AppRequestContext, Authorised) async throws -> Response

    public let method: HTTPRequest.Method
    /// Hummingbird path, parameters in braces: `/units/{code}/members`.
    public let path: String
    public let access: RouteAccess
    /// API routes answer 401 in JSON instead of redirecting to the sign-in page.
    public let isAPI: Bool
    let handler: Handler

    init(_ method: HTTPRequest.Method, _ path: String, _ access: RouteAccess, api: Bool = false, _ handler: @escaping Handler) {
        self.method = method
        self.path = path
        self.access = access
        self.isAPI = api
        self.handler = handler
    }
}

/// What the guard established, handed to the handler.
public struct Authorised: Sendable {
    /// The signed-in user (nil only on `.anyone` routes).
    public var signedIn: SignedIn?
    /// The "as of" day of the request (`?day=`), today by default.
    public var day: Day
    /// The fields of a POSTed form whose token was checked.
    public var form: FormFields
    /// The organisation on `day` (for unit and member routes).
    public var tree: OrganisationTree?
    /// The unit of a `.unit` route or the member's unit of a `.member` route.
    public var unit: PartyUnit.ID?
    /// The member of a `.member` route.
    public var person: PersonRecord?

    /// The signed-in user; only called on routes that require one.
    var user: SignedIn {
        get throws { guard let signedIn else { throw WebError.notSignedIn }; return signedIn }
    }
}
