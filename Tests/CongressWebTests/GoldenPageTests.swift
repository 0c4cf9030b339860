import CongressCore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Key pages rendered in full and compared with the files in `Golden/` (regenerate with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenPageTests`, then read the diff).
@Suite("Golden pages")
struct GoldenPageTests {
    typealias Persona = WebWorld.Persona

    struct Page: Sendable, CustomStringConvertible {
        let file: String
        let path: String
        let persona: Persona
        /// What the page shows is a page, not a refusal (only the refusal's own golden says otherwise).
        var status: HTTPResponse.Status = .ok
        /// The world's state before the page is read.
        var setup: (@Sendable (WebWorld) async throws -> Void)?
        var description: String { file }
    }

    /// Round 1 counting: 11 ballots in one declared stack, the counter's pass with 2 typed.
    static let typing: @Sendable (WebWorld) async throws -> Void = { world in
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
        for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 11)] {
            _ = try await world.counting.apply(event, to: 1, audit: audit)
        }
        try await world.counting.declareStack(round: 1, stack: 1, ballots: 11, audit: audit)
        try await world.counting.claimPass(round: 1, stack: 1, pass: 1, clerk: "counter", audit: audit)
        for (position, struck) in [[2], [2, 3]].enumerated() {
            try await world.counting.recordBallot(round: 1, stack: 1, pass: 1, clerk: "counter", position: position, ballot: .striking(struck))
        }
    }

    static let pages: [Page] = [
        Page(file: "signin.vi.html", path: "/signin", persona: .anonymous),
        Page(file: "home.vi.html", path: "/", persona: .staffT44),
        Page(file: "tree-T44.vi.html", path: "/units/T44", persona: .staffT44),
        Page(file: "tree-LT44-2025-01-01.vi.html", path: "/units/LT44?day=2025-01-01", persona: .staffT44),
        Page(file: "members-T44.vi.html", path: "/units/T44/members", persona: .staffT44),
        Page(file: "members-T44-search.vi.html", path: "/units/T44/members?q=nguyen+van+an", persona: .staffT44),
        Page(file: "person-M004.vi.html", path: "/members/M004", persona: .staffT44),
        Page(file: "structure-T44.vi.html", path: "/units/T44/structure", persona: .staffT44),
        Page(file: "users.vi.html", path: "/admin/users", persona: .admin),
        Page(file: "forbidden.vi.html", path: "/units/T01/members", persona: .staffT44, status: .forbidden),
        Page(file: "congress-X1.vi.html", path: "/units/X1/congress", persona: .secretary),
        Page(file: "round-draft.vi.html", path: "/units/X1/rounds/1", persona: .secretary),
        Page(file: "round-certified.vi.html", path: "/units/X1/rounds/3", persona: .reviewer),
        Page(file: "stack-agreed.vi.html", path: "/units/X1/rounds/3/stacks/1", persona: .counter),
        Page(file: "minutes-certified.vi.html", path: "/units/X1/rounds/3/minutes", persona: .reviewer),
        Page(file: "ballot-draft.vi.html", path: "/units/X1/rounds/1/ballot", persona: .secretary),
        Page(file: "entry-typing.vi.html", path: "/units/X1/rounds/1/stacks/1/passes/1", persona: .counter, setup: typing),
        Page(file: "round-counting.vi.html", path: "/units/X1/rounds/1", persona: .counter, setup: typing),
        Page(file: "projector-certified.vi.html", path: "/units/X1/rounds/3/projector", persona: .reviewer),
        Page(file: "credentials-X1.vi.html", path: "/units/X1/congress/credentials", persona: .reviewer),
        Page(file: "roll-X1.vi.html", path: "/units/X1/congress/roll", persona: .secretary),
        Page(file: "entry-log.vi.html", path: "/units/X1/rounds/3/entry-log", persona: .counter),
        Page(file: "overview-T44.vi.html", path: "/units/T44/congresses", persona: .reviewer),
        Page(file: "approvals-T44.vi.html", path: "/units/T44/approvals", persona: .reviewer),
        Page(file: "personnel-X1.vi.html", path: "/units/X1/personnel", persona: .staffT44),
        Page(file: "dossiers-X1.vi.html", path: "/units/X1/personnel/dossiers", persona: .staffT44),
        Page(file: "dossier-M002.vi.html", path: "/units/X1/personnel/dossiers/M002", persona: .staffT44),
        Page(file: "scheme-X1.vi.html", path: "/units/X1/personnel/scheme", persona: .staffT44),
        Page(file: "scheme-X9-reader.vi.html", path: "/units/X9/personnel/scheme", persona: .staffT01),
        Page(file: "round-introduction.vi.html", path: "/units/X1/rounds/4", persona: .counter),
        Page(file: "round-progress-T44.vi.html", path: "/units/T44/round", persona: .reviewer),
        Page(file: "statistics-X1.vi.html", path: "/units/X1/statistics/bodies?term=2025-2030&previous=2020-2025", persona: .staffT44),
        Page(file: "statistics-people-X1.vi.html", path: "/units/X1/statistics/bodies/people?term=2020-2025&group=members&merged=1",
             persona: .staffT44),
        Page(file: "statistics-reconcile-X1.vi.html", path: "/units/X1/statistics/reconcile", persona: .staffT44),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test("the page matches its golden file", arguments: pages)
    func golden(_ page: Page) async throws {
        let world = try await WebWorld.make()
        try await page.setup?(world)
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let response = try await WebClient.send(client, .get, page.path, as: page.persona)
            #expect(response.status == page.status, "\(page.file) is the page itself")
            let html = response.text
            let url = Self.folder.appendingPathComponent(page.file)
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try html.write(to: url, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(html == expected, "\(page.file) differs from its golden file")
        }
    }

    @Test("the English pages come from the English catalogue")
    func english() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            _ = try await WebClient.send(client, .post, "/language", as: .staffT44, form: "lang=en&next=/")
            let tree = try await WebClient.send(client, .get, "/units/T44", as: .staffT44, headers: [.cookie: "congress_lang=en"]).text
            #expect(tree.contains("<html lang=\"en\">") && tree.contains("Subordinate organisations") && tree.contains("Member list"))
            #expect(!tree.contains("Tổ chức trực thuộc"))
            #expect(tree.contains("01/07/2025"), "dates stay dd/mm/yyyy in English")
        }
    }
}
