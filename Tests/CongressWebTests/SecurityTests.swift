import CongressCore
import CongressStore
import CongressWeb
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Sign-in, sessions, forms and headers")
struct SecurityTests {
    typealias Persona = WebWorld.Persona

    private func withApp(_ body: @Sendable (WebWorld, any TestClientProtocol) async throws -> Void) async throws {
        try await WebWorld.withApp(body)
    }

    @Test("signing in sets an HttpOnly SameSite session cookie, stores only its hash, and is audited")
    func signIn() async throws {
        try await withApp { world, client in
            let response = try await WebClient.send(client, .post, "/signin", as: .anonymous,
                                                    form: "login=StaffT44&password=\(Persona.password)&next=/units/C1")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/units/C1")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.hasPrefix("congress_session="))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            let token = String(cookie.dropFirst("congress_session=".count).prefix(64))
            let stored = await world.access.session(tokenHash: token, now: 0)
            #expect(stored == nil, "the raw token must not be the stored key")
            let log = await world.access.auditLog()
            #expect(log.last?.action == .signedIn && log.last?.subject == "stafft44")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: "congress_session=\(token)"])
            #expect(home.status == .ok && home.text.contains("Lê Thị Tổ Chức"))
        }
    }

    @Test("a wrong password is refused with 401, audited, and an outside redirect target is ignored")
    func wrongPassword() async throws {
        try await withApp { world, client in
            let response = try await WebClient.send(client, .post, "/signin", as: .anonymous,
                                                    form: "login=admin&password=wrong-password&next=//evil.example")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Tên đăng nhập hoặc mật khẩu không đúng."))
            #expect(await world.access.auditLog().last?.action == .signInFailed)
            let good = try await WebClient.send(client, .post, "/signin", as: .anonymous,
                                                form: "login=admin&password=\(Persona.password)&next=//evil.example")
            #expect(good.headers[.location] == "/")
        }
    }

    @Test("lockout locks out the real user no more: failures slow the (login, address) pair; the real user signs in from elsewhere")
    func throttling() async throws {
        try await withApp { world, client in
            let before = try await world.access.auditLog().count
            for _ in 0..<8 {
                _ = try await WebClient.send(client, .post, "/signin", as: .anonymous, form: "login=reviewer&password=nope-nope-nope")
            }
            let slowed = try await WebClient.send(client, .post, "/signin", as: .anonymous,
                                                  form: "login=reviewer&password=\(Persona.password)")
            #expect(slowed.status == .tooManyRequests)
            // Eight failures leave two entries: the window's first failure and its slowing down.
            let written = try await world.access.auditLog().dropFirst(before).map(\.action)
            #expect(written == [.signInFailed, .signInThrottled])
        }
    }

    @Test("a form without the session's token is refused and changes nothing")
    func csrf() async throws {
        try await withApp { world, client in
            let before = await world.access.users()
            let response = try await client.execute(
                uri: "/admin/users", method: .post,
                headers: [.cookie: "congress_session=\(Persona.admin.token)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "csrf=forged&login=intruder&name=X&password=long-enough-pw&role=administrator&unit=TW"))
            #expect(response.status == .forbidden)
            #expect(await world.access.users() == before)
            let signIn = try await client.execute(
                uri: "/signin", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "login=admin&password=\(Persona.password)"))
            #expect(signIn.status == .forbidden)
        }
    }

    @Test("every response carries the security headers; pages have no script")
    func headers() async throws {
        try await withApp { _, client in
            for path in ["/signin", "/units/C1", "/nowhere"] {
                let response = try await WebClient.send(client, .get, path, as: .staffT44)
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'") && !policy.contains("script"))
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY")
                #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff")
                #expect(!response.text.contains("<script"))
            }
        }
    }

    @Test("unknown pages and bad input give 4xx pages in the user's language without internals")
    func errorPages() async throws {
        try await withApp { _, client in
            let missing = try await WebClient.send(client, .get, "/nowhere", as: .staffT44)
            #expect(missing.status == .notFound && missing.text.contains("Không tìm thấy"))
            let badDay = try await WebClient.send(client, .get, "/units/C1?day=31/02/2026", as: .staffT44)
            #expect(badDay.status == .badRequest && badDay.text.contains("31/02/2026") && badDay.text.contains("dd/mm/yyyy"))
            let badFilter = try await WebClient.send(client, .get, "/units/C1/members?gender=robot", as: .staffT44)
            #expect(badFilter.status == .badRequest)
            for response in [missing, badDay, badFilter] {
                #expect(!response.text.contains("Error(") && !response.text.contains("SELECT") && !response.text.contains(".swift"))
            }
            let api = try await WebClient.send(client, .get, "/api/units/C1", as: .anonymous)
            #expect(api.status == .unauthorized && api.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test("signing out ends the session")
    func signOut() async throws {
        try await withApp { world, client in
            let out = try await WebClient.send(client, .post, "/signout", as: .reviewer)
            #expect(out.status == .seeOther && out.headers[.location] == "/signin")
            let after = try await WebClient.send(client, .get, "/", as: .reviewer)
            #expect(after.isRefused)
            #expect(await world.access.auditLog().last?.action == .signedOut)
        }
    }

    @Test("the language is the browser's choice: pages follow its cookie, another browser of the same account keeps its own")
    func language() async throws {
        try await withApp { world, client in
            let vi = try await WebClient.send(client, .get, "/units/C1", as: .staffT44)
            #expect(vi.text.contains("Tổ chức trực thuộc") && vi.text.contains("lang=\"vi\""))
            let switched = try await WebClient.send(client, .post, "/language", as: .staffT44, form: "lang=en&next=/units/C1")
            let cookie = try #require(switched.headers[.setCookie])
            #expect(cookie.hasPrefix("congress_lang=en") && !cookie.lowercased().contains("max-age"), "a cookie of this browser session")
            let en = try await WebClient.send(client, .get, "/units/C1", as: .staffT44, headers: [.cookie: "congress_lang=en"])
            #expect(en.text.contains("Subordinate organisations") && en.text.contains("lang=\"en\""))
            let projector = try await WebClient.send(client, .get, "/units/C1", as: .staffT44)
            #expect(projector.text.contains("lang=\"vi\""), "the same account in another browser (the hall's projector) stays in Vietnamese")
            #expect(await world.access.user(id: world.userIDs[.staffT44]!)?.language == .vi, "the account is not changed")
        }
    }

    @Test("an administrator creates a user, scoped, audited; the new user signs in")
    func createUser() async throws {
        try await withApp { world, client in
            let created = try await WebClient.send(client, .post, "/admin/users", as: .admin,
                                                   form: "login=mai.lan&name=Mai+Th%E1%BB%8B+Lan&password=mot-hai-ba-bon&role=reviewer&unit=T01")
            #expect(created.status == .seeOther)
            let user = try #require(await world.access.users().first { $0.login == "mai.lan" })
            // A reviewer role waits for a second administrator; the account exists without it.
            #expect(user.displayName == "Mai Thị Lan" && user.grants.isEmpty)
            #expect(await world.access.pendingGrants(of: user.id).map(\.grant) == [RoleGrant(role: .reviewer, unit: "T01")])
            #expect(await world.access.auditLog().suffix(2).map(\.action) == [.userCreated, .grantProposed])
            let outside = try await WebClient.send(client, .post, "/admin/users", as: .admin,
                                                   form: "login=ghost&name=G&password=mot-hai-ba-bon&role=reviewer&unit=NOWHERE")
            #expect(outside.status == .forbidden)
            let signIn = try await WebClient.send(client, .post, "/signin", as: .anonymous, form: "login=mai.lan&password=mot-hai-ba-bon")
            #expect(signIn.status == .seeOther)
        }
    }
}

@Suite("Sign-in behind a trusted proxy")
struct TrustedProxyTests {
    @Test("behind a proxy everyone no longer shares one address: only a trusted proxy's X-Forwarded-For names the client")
    func forwardedClient() async throws {
        let world = try await WebWorld.make()
        var dependencies = world.dependencies
        dependencies.trustedProxies = ["local", "127.0.0.1", "::1"]
        let app = Application(router: try await WebApplication.router(dependencies))
        try await app.test(.router) { client in
            func signIn(_ password: String, from address: String) async throws -> TestResponse {
                try await client.execute(uri: "/signin", method: .post, headers: [
                    .cookie: "congress_form=\(WebClient.anonymousFormToken)", .contentType: "application/x-www-form-urlencoded",
                    .init("X-Forwarded-For")!: "198.51.100.1, \(address)"],
                    body: ByteBuffer(string: "csrf=\(WebClient.anonymousFormToken)&login=reviewer&password=\(password)"))
            }
            for _ in 0..<8 { _ = try await signIn("nope-nope-nope", from: "203.0.113.7") }
            #expect(try await signIn(WebWorld.Persona.password, from: "203.0.113.7").status == .tooManyRequests)
            #expect(try await signIn(WebWorld.Persona.password, from: "203.0.113.8").status == .seeOther,
                    "the real user at another address signs in")
        }
        #expect(ForwardedFor.client(["10.0.0.1, 203.0.113.9"]) == "203.0.113.9")
        #expect(ForwardedFor.client(["<script>"]) == nil)
    }
}
