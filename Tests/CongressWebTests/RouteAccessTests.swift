import CongressCore
import CongressWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// Every route × every role, allowed or refused, asserted both ways. The expectations are
/// written out by hand here, not derived from the policy under test. "Own" targets lie in
/// Quảng Trị (T44: cell C1 in commune X1, member M001); "foreign" ones in Hà Nội (T01: C9, M101).
@Suite("Route access table")
struct RouteAccessTests {
    typealias Persona = WebWorld.Persona

    struct Probe: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let route: String
        let path: String
        let allowed: Set<Persona>
        var form: String? = nil
        var description: String { "\(method) \(path)" }
    }

    static let everyone = Set(Persona.allCases)
    static let signedIn = everyone.subtracting([.anonymous])
    /// May see the tree around C1 (X1 ⊂ T44): everyone with a grant above it.
    static let treeOwn: Set<Persona> = [.admin, .staffT44, .secretary, .counter, .reviewer]
    /// May see named members and counts around C1: not the counting board.
    static let readersOwn: Set<Persona> = [.admin, .staffT44, .secretary, .reviewer]
    /// Hà Nội: only its own staff and the administrator of the whole tree.
    static let foreign: Set<Persona> = [.admin, .staffT01]
    static let adminOnly: Set<Persona> = [.admin]

    static let probes: [Probe] = [
        Probe(method: .get, route: "/signin", path: "/signin", allowed: everyone),
        Probe(method: .post, route: "/signin", path: "/signin", allowed: everyone,
              form: "login=admin&password=\(Persona.password)"),
        Probe(method: .post, route: "/signout", path: "/signout", allowed: signedIn),
        Probe(method: .post, route: "/language", path: "/language", allowed: everyone, form: "lang=en&next=/"),
        Probe(method: .get, route: "/", path: "/", allowed: signedIn),
        Probe(method: .get, route: "/units/{code}", path: "/units/C1", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}", path: "/units/C9", allowed: foreign),
        Probe(method: .get, route: "/units/{code}", path: "/units/T01", allowed: foreign),
        // Before 1/7/2025 T44 and X1 did not exist: grants on them cover the units merged into them.
        Probe(method: .get, route: "/units/{code}", path: "/units/LX1?day=2025-01-01",
              allowed: [.admin, .staffT44, .reviewer, .secretary, .counter]),
        Probe(method: .get, route: "/units/{code}", path: "/units/LT45?day=2025-01-01", allowed: [.admin, .staffT44, .reviewer]),
        Probe(method: .get, route: "/units/{code}", path: "/units/TW", allowed: adminOnly),
        Probe(method: .get, route: "/units/{code}/members", path: "/units/C1/members", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/members", path: "/units/C9/members?q=dung", allowed: foreign),
        Probe(method: .get, route: "/units/{code}/structure", path: "/units/C1/structure", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/structure", path: "/units/T01/structure", allowed: foreign),
        Probe(method: .get, route: "/members/{id}", path: "/members/M001", allowed: readersOwn),
        Probe(method: .get, route: "/members/{id}", path: "/members/M101", allowed: foreign),
        // Unknown and foreign members answer alike (403), for every persona: IDs cannot be probed.
        Probe(method: .get, route: "/members/{id}", path: "/members/NOBODY", allowed: []),
        Probe(method: .get, route: "/admin/users", path: "/admin/users", allowed: adminOnly),
        Probe(method: .post, route: "/admin/users", path: "/admin/users", allowed: adminOnly,
              form: "login=newcomer&name=Mai&password=short&role=reviewer&unit=T44"),
        Probe(method: .get, route: "/admin/users/{userID}", path: "/admin/users/2", allowed: adminOnly),
        Probe(method: .post, route: "/admin/users/{userID}/grants", path: "/admin/users/2/grants", allowed: adminOnly),
        Probe(method: .post, route: "/admin/users/{userID}/password", path: "/admin/users/2/password", allowed: adminOnly,
              form: "password=short"),
        Probe(method: .post, route: "/admin/users/{userID}/active", path: "/admin/users/2/active", allowed: adminOnly,
              form: "active=1"),
        Probe(method: .get, route: "/admin/audit", path: "/admin/audit", allowed: adminOnly),
        Probe(method: .get, route: "/api/units/{code}", path: "/api/units/C1", allowed: treeOwn),
        Probe(method: .get, route: "/api/units/{code}", path: "/api/units/C9", allowed: foreign),
        Probe(method: .get, route: "/api/units/{code}/members", path: "/api/units/C1/members", allowed: readersOwn),
        Probe(method: .get, route: "/api/units/{code}/members", path: "/api/units/T01/members", allowed: foreign),
        Probe(method: .get, route: "/api/units/{code}/structure", path: "/api/units/C1/structure", allowed: readersOwn),
        Probe(method: .get, route: "/api/units/{code}/structure", path: "/api/units/C9/structure", allowed: foreign),
        Probe(method: .get, route: "/api/members/{id}", path: "/api/members/M001", allowed: readersOwn),
        Probe(method: .get, route: "/api/members/{id}", path: "/api/members/M101", allowed: foreign),
        Probe(method: .get, route: "/assets/app.css", path: "/assets/app.css", allowed: everyone),
        // Congress day: X1 (own) has rounds 1 (draft) and 3 (certified); X9 (foreign) has round 2.
        Probe(method: .get, route: "/units/{code}/congress", path: "/units/X1/congress", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}/congress", path: "/units/X9/congress", allowed: foreign),
        Probe(method: .post, route: "/units/{code}/congress/elections", path: "/units/X1/congress/elections", allowed: runners,
              form: "congress=1&body=executiveCommittee&seats=3&candidates=An"),
        Probe(method: .post, route: "/units/{code}/congress", path: "/units/C1/congress", allowed: runners,
              form: "kind=members&opens=2026-12-10&closes=2026-12-11"),
        Probe(method: .post, route: "/units/{code}/congress/annul-seat", path: "/units/X1/congress/annul-seat", allowed: [.reviewer],
              form: "congress=1&name=An&role=secretary&reason=x"),
        Probe(method: .post, route: "/units/{code}/congress/resume", path: "/units/X1/congress/resume", allowed: runners,
              form: "congress=1&direction=CV-1"),
        Probe(method: .post, route: "/units/{code}/congress/submit", path: "/units/X1/congress/submit", allowed: runners, form: "congress=1"),
        Probe(method: .get, route: "/units/{code}/congresses", path: "/units/T44/congresses", allowed: [.admin, .staffT44, .reviewer]),
        Probe(method: .get, route: "/units/{code}/congresses", path: "/units/T01/congresses", allowed: foreign),
        Probe(method: .get, route: "/units/{code}/congress/roll", path: "/units/X1/congress/roll", allowed: runners),
        Probe(method: .post, route: "/units/{code}/congress/roll", path: "/units/X1/congress/roll", allowed: runners,
              form: "id=1&member=R05&attendance=absentAccepted"),
        Probe(method: .get, route: "/units/{code}/congress/credentials", path: "/units/X1/congress/credentials", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}/congress/credentials", path: "/units/X9/congress/credentials", allowed: foreign),
        Probe(method: .post, route: "/units/{code}/congress/motions", path: "/units/X1/congress/motions", allowed: runners,
              form: "congress=1&subject=presidium&for=11&against=0"),
        Probe(method: .post, route: "/units/{code}/congress/appointments", path: "/units/X1/congress/appointments", allowed: runners,
              form: "congress=1&role=secretary&decision=12-QD/TU&date=2026-11-01&names=An"),
        Probe(method: .get, route: round, path: "/units/X1/rounds/1", allowed: treeOwn),
        Probe(method: .get, route: round, path: "/units/X9/rounds/2", allowed: foreign),
        Probe(method: .post, route: round + "/list", path: "/units/X1/rounds/1/list", allowed: runners),
        Probe(method: .post, route: round + "/issue", path: "/units/X1/rounds/1/issue", allowed: runners, form: "issued=11"),
        Probe(method: .post, route: round + "/open", path: "/units/X1/rounds/1/open", allowed: counters, form: "returned=11"),
        Probe(method: .post, route: round + "/close", path: "/units/X1/rounds/1/close", allowed: counters),
        Probe(method: .post, route: round + "/certify", path: "/units/X1/rounds/1/certify", allowed: counters),
        Probe(method: .post, route: round + "/decision", path: "/units/X1/rounds/3/decision", allowed: runners, form: "decision=stop"),
        Probe(method: .post, route: round + "/approval", path: "/units/X1/rounds/3/approval", allowed: [.reviewer],
              form: "decision=annul&reason="),
        Probe(method: .post, route: round + "/rerun", path: "/units/X1/rounds/3/rerun", allowed: runners),
        Probe(method: .get, route: round + "/minutes", path: "/units/X1/rounds/3/minutes", allowed: treeOwn),
        Probe(method: .get, route: round + "/minutes", path: "/units/X9/rounds/2/minutes", allowed: []),
        Probe(method: .get, route: round + "/ballot", path: "/units/X1/rounds/1/ballot", allowed: runners),
        Probe(method: .get, route: round + "/export/election.json", path: "/units/X1/rounds/3/export/election.json", allowed: treeOwn),
        Probe(method: .get, route: round + "/export/ballots.csv", path: "/units/X1/rounds/3/export/ballots.csv", allowed: treeOwn),
        Probe(method: .get, route: round + "/export/ballots.csv", path: "/units/X9/rounds/2/export/ballots.csv", allowed: foreign),
        Probe(method: .post, route: round + "/passes", path: "/units/X1/rounds/1/passes", allowed: counters, form: "stack=1"),
        Probe(method: .get, route: pass, path: "/units/X1/rounds/1/stacks/1/passes/1", allowed: counters),
        Probe(method: .post, route: pass, path: "/units/X1/rounds/1/stacks/1/passes/1", allowed: counters, form: "typed=1&position=0"),
        Probe(method: .post, route: "/api" + pass + "/ballots", path: "/api/units/X1/rounds/1/stacks/1/passes/1/ballots",
              allowed: counters, form: "typed=1&position=0"),
        Probe(method: .post, route: pass + "/finish", path: "/units/X1/rounds/1/stacks/1/passes/1/finish", allowed: counters),
        Probe(method: .get, route: round + "/stacks/{stack}", path: "/units/X1/rounds/3/stacks/1", allowed: counters),
        Probe(method: .post, route: round + "/stacks/{stack}", path: "/units/X1/rounds/1/stacks/1", allowed: counters),
        Probe(method: .get, route: round + "/entry-log", path: "/units/X1/rounds/3/entry-log", allowed: counters),
        Probe(method: .get, route: round + "/projector", path: "/units/X1/rounds/1/projector", allowed: treeOwn),
        Probe(method: .get, route: round + "/projector", path: "/units/X9/rounds/2/projector", allowed: foreign),
        // The feed of a certified round sends the result and ends (a live one would stream on).
        Probe(method: .get, route: round + "/projector/events", path: "/units/X1/rounds/3/projector/events", allowed: treeOwn),
        Probe(method: .get, route: "/assets/projector.js", path: "/assets/projector.js", allowed: everyone),
    ]

    static let round = "/units/{code}/rounds/{round}"
    static let pass = round + "/stacks/{stack}/passes/{pass}"
    /// The presidium's and secretariat's work on X1.
    static let runners: Set<Persona> = [.admin, .secretary]
    /// The counting board of X1 only: no administrator, no reviewer (separation of duties).
    static let counters: Set<Persona> = [.counter]

    @Test("every route of the application is in the table, with both an allowed and a refused persona where it has access rules")
    func tableCoversEveryRoute() async throws {
        let world = try await WebWorld.make()
        let routes = try WebApplication.routeTable(world.dependencies)
        for route in routes {
            let probes = Self.probes.filter { $0.method == route.method && $0.route == route.path }
            #expect(!probes.isEmpty, "route \(route.method) \(route.path) has no row in the access table")
            if route.access != .anyone {
                #expect(probes.contains { !$0.allowed.isEmpty } && probes.contains { $0.allowed != Self.everyone },
                        "route \(route.method) \(route.path) needs rows that allow and refuse")
            }
        }
        #expect(routes.count >= 20)
    }

    @Test("route × role: allowed personas get through, every other persona is refused", arguments: probes)
    func access(_ probe: Probe) async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            for persona in Persona.allCases {
                let response = try await WebClient.send(client, probe.method, probe.path, as: persona, form: probe.form)
                if probe.allowed.contains(persona) {
                    #expect(!response.isRefused && response.status.code < 500,
                            "\(persona) should get \(probe): got \(response.status.code) \(response.headers[.location] ?? "")")
                } else {
                    #expect(response.isRefused, "\(persona) should be refused \(probe): got \(response.status.code)")
                }
            }
        }
    }

    @Test("a refused page shows nothing of what it guards")
    func refusalRevealsNothing() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let page = try await WebClient.send(client, .get, "/units/C9/members", as: .staffT44)
            #expect(page.status == .forbidden)
            #expect(!page.text.contains("Phạm Thị Dung") && !page.text.contains("Ba Đình"))
            let api = try await WebClient.send(client, .get, "/api/members/M101", as: .staffT44)
            #expect(api.status == .forbidden)
            #expect(!api.text.contains("Dung"))
        }
    }
}
