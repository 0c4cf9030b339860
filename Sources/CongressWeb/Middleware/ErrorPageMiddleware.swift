import CongressCore
import CongressStore
import Hummingbird
import Logging
import Foundation

/// Turns every error into a status and a page in the user's language (JSON under `/api/`).
/// Nothing of the error's inside (no stack, no SQL) reaches the client; it goes to the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            if error == .notSignedIn, !isAPI(request) {
                let target = "/signin?next=" + Self.escapeQuery(request.uri.description)
                return Response(status: .seeOther, headers: [.location: target])
            }
            return respond(error.status, error.message(context.language), request, context)
        } catch let error as StoreError {
            switch error {
            case .unknownUnit, .unknownMember, .unknownUser:
                return respond(.notFound, error.message(context.language), request, context)
            case .schemeChanged:
                return respond(.conflict, error.message(context.language), request, context)
            case .duplicateLogin, .duplicateMember, .invalidLogin, .counting, .danglingReference, .duplicateUnit, .eventNotApplicable, .importRejected, .importAbandoned:
                return respond(.badRequest, error.message(context.language), request, context)
            case .database:
                context.logger.error("store failure: \(String(describing: error))")
                return respond(.internalServerError, Catalogue.text("web.error.internal", context.language), request, context)
            }
        } catch let error as HTTPError {
            let status = error.status
            let key = status == .notFound ? "web.error.notFound" : status.code < 500 ? "web.error.badRequest" : "web.error.internal"
            return respond(status, Catalogue.text(key, context.language), request, context)
        } catch {
            context.logger.error("unexpected failure: \(String(describing: error))")
            return respond(.internalServerError, Catalogue.text("web.error.internal", context.language), request, context)
        }
    }

    private func isAPI(_ request: Request) -> Bool { request.uri.path.hasPrefix("/api/") }

    private func respond(_ status: HTTPResponse.Status, _ message: String, _ request: Request, _ context: Context) -> Response {
        if isAPI(request) {
            return JSONBody.response(["error": message, "status": String(status.code)], status: status)
        }
        // A way back to the page the refused form came from (a page of this site only).
        let back = Redirect.local(request.headers[.referer].flatMap { URLComponents(string: $0) }.map { components in
            components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        })
        return pages.errorPage(status: status, message: message, context: context, back: back)
    }

    static func escapeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
    }
}
