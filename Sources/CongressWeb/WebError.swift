import CongressCore
import CongressStore
import Hummingbird

/// Why a request was refused; `ErrorPageMiddleware` turns each into a status and a page.
public enum WebError: Error, Sendable, Equatable {
    /// Not signed in: pages redirect to the sign-in page, the API answers 401.
    case notSignedIn
    /// Signed in, but the grants do not cover this (role or unit subtree).
    case forbidden
    /// A form without the session's token (CSRF).
    case badFormToken
    case notFound
    /// Input that cannot be used: the catalogue key of the message and its arguments.
    case badInput(key: String, arguments: [String])
    /// Too many failed sign-ins.
    case throttled
    /// A store refused the write: its own message, in the user's language.
    case storeRefusal(StoreError)
    /// A value the form names lies outside the user's subtrees (403, with its message).
    case outsideScope(key: String, arguments: [String])

    var status: HTTPResponse.Status {
        switch self {
        case .notSignedIn: .unauthorized
        case .forbidden, .badFormToken, .outsideScope: .forbidden
        case .notFound: .notFound
        case .badInput, .storeRefusal: .badRequest
        case .throttled: .tooManyRequests
        }
    }

    func message(_ language: Language) -> String {
        switch self {
        case .notSignedIn: Catalogue.text("web.error.notSignedIn", language)
        case .forbidden: Catalogue.text("web.error.forbidden", language)
        case .badFormToken: Catalogue.text("web.error.badFormToken", language)
        case .notFound: Catalogue.text("web.error.notFound", language)
        case .badInput(let key, let arguments): Catalogue.text(key, language, arguments: arguments.map { FieldLabel.resolve($0, language) })
        case .throttled: Catalogue.text("web.error.throttled", language)
        case .storeRefusal(let error): Catalogue.text("web.round.refused", language, error.message(language))
        case .outsideScope(let key, let arguments): Catalogue.text(key, language, arguments: arguments)
        }
    }
}
