import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting

/// Requests through the router without sockets, as a persona (their session cookie and form
/// token; the anonymous persona carries a pre-session form cookie instead).
struct WebClient {
    static let anonymousFormToken = String(repeating: "ab", count: 32)

    static func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String,
                     as persona: WebWorld.Persona, form: String? = nil, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        let cookie = persona == .anonymous ? "congress_form=\(anonymousFormToken)" : "congress_session=\(persona.token)"
        headers[.cookie] = (extra[.cookie].map { $0 + "; " } ?? "") + cookie
        var body: ByteBuffer?
        if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let token = persona == .anonymous ? anonymousFormToken : persona.formToken
            body = ByteBuffer(string: "csrf=\(token)" + (form.map { "&" + $0 } ?? ""))
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body)
    }
}

extension WebClient {
    static func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String,
                     account: WebWorld.Account, form: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.cookie: "congress_session=\(account.token)"]
        var body: ByteBuffer?
        if method == .post {
            headers[.contentType] = "application/x-www-form-urlencoded"
            body = ByteBuffer(string: "csrf=\(account.form)" + (form.map { "&" + $0 } ?? ""))
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: body)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// Refused: 401, 403, or sent to the sign-in page.
    var isRefused: Bool {
        status == .unauthorized || status == .forbidden
            || (status == .seeOther && (headers[.location] ?? "").hasPrefix("/signin?next="))
    }
}
