import CongressCore
import CongressStore
import Foundation
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

    /// A step the fixture takes before the request, so that an allowed persona's request can
    /// succeed (a round that must be counting, a pass that must be claimed).
    typealias Setup = @Sendable (WebWorld) async throws -> Void

    struct Probe: Sendable, CustomStringConvertible {
        let method: HTTPRequest.Method
        let route: String
        let path: String
        let allowed: Set<Persona>
        var form: String? = nil
        /// Allowed personas must reach the handler's success (2xx, or a redirect that is not to the
        /// sign-in page); false for rows aimed at the refusal direction, whose allowed personas may
        /// meet a 400 of the fixture's state.
        var succeeds = true
        var setup: Setup? = nil
        /// Text of the target that a refused answer must not show.
        var hidden: [String] = []
        var description: String { "\(method) \(path)" }
    }

    static let everyone = Set(Persona.allCases)
    static let signedIn = everyone.subtracting([.anonymous])
    /// May see the tree around C1 (X1 ⊂ T44): everyone with a grant above it.
    static let treeOwn: Set<Persona> = [.admin, .staffT44, .secretary, .counter, .reviewer, .communeAdmin, .multi]
    /// May see named members and counts around C1: not the counting board.
    static let readersOwn: Set<Persona> = [.admin, .staffT44, .secretary, .reviewer, .communeAdmin, .multi]
    /// Hà Nội: its own staff (also one of multi's grants) and the administrator of the whole tree.
    static let foreign: Set<Persona> = [.admin, .staffT01, .multi]
    static let adminOnly: Set<Persona> = [.admin]
    /// Administrators whose subtree holds the target.
    static let administrators: Set<Persona> = [.admin, .communeAdmin]

    static let round = "/units/{code}/rounds/{round}"
    static let pass = round + "/stacks/{stack}/passes/{pass}"
    /// The secretariat's work on X1 (never an administrator's: separation of duties).
    static let runners: Set<Persona> = [.secretary, .multi]
    /// The counting board of X1, bound to its head R10: no administrator, no reviewer.
    static let counters: Set<Persona> = [.counter]
    /// The list of round 1 in ballot order (R-E-10), for opening another election.
    static let list = VietnameseNameOrder.sorted(CongressFixture.candidates).map {
        $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }.joined(separator: "%0A")

    static let audit = AuditDraft(actor: "t", action: .roundEvent, subject: "setup")
    static func events(_ round: Round.ID, _ events: [RoundLifecycle.Event]) -> Setup {
        { world in for event in events { _ = try await world.counting.apply(event, to: round, audit: audit) } }
    }
    static let listed = events(1, [.adoptList(candidates: 4)])
    static let opened = events(1, [.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 11)])
    /// Counting, the 11 returned ballots in one declared stack (R-E-29).
    static let counting: Setup = { world in
        try await opened(world)
        try await world.counting.declareStack(round: 1, stack: 1, ballots: 11, audit: audit)
    }
    static let claimed: Setup = { world in
        try await counting(world)
        try await world.counting.claimPass(round: 1, stack: 1, pass: 1, clerk: "counter", audit: audit)
    }
    /// The counter's own pass of a one-ballot stack, its ballot typed: it can be finished or corrected.
    static let typedOne: Setup = { world in
        try await opened(world)
        try await world.counting.declareStack(round: 1, stack: 1, ballots: 1, audit: audit)
        try await world.counting.claimPass(round: 1, stack: 1, pass: 1, clerk: "counter", audit: audit)
        try await world.counting.recordBallot(round: 1, stack: 1, pass: 1, clerk: "counter", position: 0, ballot: .striking([1]))
    }
    /// Stack 1 of round 1 typed and finished by two other clerks: the counter compares it.
    static let typedByOthers: Setup = { world in
        try await counting(world)
        let store = world.counting
        for (pass, clerk) in [(1, "kp-a"), (2, "kp-b")] {
            try await store.claimPass(round: 1, stack: 1, pass: pass, clerk: clerk, audit: audit)
            for position in 0..<11 { try await store.recordBallot(round: 1, stack: 1, pass: pass, clerk: clerk, position: position, ballot: .striking([1])) }
            try await store.finishPass(round: 1, stack: 1, pass: pass, clerk: clerk, audit: audit)
        }
    }
    static let closable = events(1, [.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 0)])
    static let counted = events(1, [.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 0),
                                   .closeCounting(agreedBallots: 0), .resultComputed(tiePending: false)])
    static let annulled = events(3, [.annul(reason: "x")])
    /// A reviewer role on C1 proposed for the secretary (user 4) by the organising staff's account (2).
    static let proposed: Setup = { world in
        try await world.access.proposeGrant(RoleGrant(role: .reviewer, unit: "C1"), to: 4, proposer: 2, audit: audit)
    }

    /// R-P-5: personnel work on X1 is the organising staff's of T44 (who manage it) and the
    /// higher committee's reviewer (who reads it); on X9 Hà Nội's staff (also one of multi's
    /// grants). Never the administrator, the secretariat or the counting board.
    static let personnelOwn: Set<Persona> = [.staffT44, .reviewer]
    static let personnelForeign: Set<Persona> = [.staffT01, .multi]
    static let dung: [String] = ["Phạm Thị Dung"]
    static let personnelRows: [Probe] = [
        Probe(method: .get, route: "/units/{code}/personnel", path: "/units/X1/personnel", allowed: personnelOwn),
        Probe(method: .get, route: "/units/{code}/personnel", path: "/units/X9/personnel", allowed: personnelForeign),
        Probe(method: .post, route: "/units/{code}/personnel/planning", path: "/units/X1/personnel/planning", allowed: [.staffT44],
              form: "post=secretary&day=2026-11-22&members=M001&note=NQ+9"),
        Probe(method: .post, route: "/units/{code}/personnel/planning", path: "/units/X9/personnel/planning", allowed: personnelForeign,
              form: "post=secretary&day=2026-11-22&members=M101&note=NQ+9"),
        Probe(method: .get, route: "/units/{code}/personnel/dossiers", path: "/units/X1/personnel/dossiers", allowed: personnelOwn),
        Probe(method: .get, route: "/units/{code}/personnel/dossiers", path: "/units/X9/personnel/dossiers", allowed: personnelForeign,
              hidden: dung),
        Probe(method: .post, route: "/units/{code}/personnel/dossiers", path: "/units/X1/personnel/dossiers", allowed: [.staffT44],
              form: "member=M001&post=secretary&level=commune&entry=first&standardsDocument=KL+1&standardsDay=2026-11-01"),
        Probe(method: .post, route: "/units/{code}/personnel/dossiers", path: "/units/X9/personnel/dossiers", allowed: personnelForeign,
              form: "member=M101&post=committee&level=commune&entry=first"),
        Probe(method: .get, route: "/units/{code}/personnel/dossiers/{member}", path: "/units/X1/personnel/dossiers/M001", allowed: personnelOwn),
        // Dung's dossier is X9's: under X1's path it is not found for everyone.
        Probe(method: .get, route: "/units/{code}/personnel/dossiers/{member}", path: "/units/X1/personnel/dossiers/M101", allowed: [],
              hidden: dung),
        Probe(method: .get, route: "/units/{code}/personnel/dossiers/{member}", path: "/units/X9/personnel/dossiers/M101",
              allowed: personnelForeign, hidden: dung),
        Probe(method: .get, route: "/units/{code}/personnel/scheme", path: "/units/X1/personnel/scheme", allowed: personnelOwn,
              hidden: ["Hồ Thị Ánh"]),
        Probe(method: .get, route: "/units/{code}/personnel/scheme", path: "/units/X9/personnel/scheme", allowed: personnelForeign),
        Probe(method: .post, route: "/units/{code}/personnel/scheme", path: "/units/X1/personnel/scheme", allowed: [.staffT44],
              form: "term=2030%E2%80%932035&level=commune&executiveSeats=21"),
        Probe(method: .post, route: "/units/{code}/personnel/scheme", path: "/units/X9/personnel/scheme", allowed: personnelForeign,
              form: "term=2030%E2%80%932035&level=commune&executiveSeats=21"),
        Probe(method: .post, route: "/units/{code}/personnel/scheme/steps", path: "/units/X1/personnel/scheme/steps", allowed: [.staffT44],
              form: "body=executiveCommittee&version=1&action=dropBallot"),
        Probe(method: .post, route: "/units/{code}/personnel/scheme/steps", path: "/units/X9/personnel/scheme/steps",
              allowed: personnelForeign, form: "body=executiveCommittee&version=1&action=adoptList&names=M101%0AM102"),
        // The list has not been through the five steps: the staff hear so (400); nobody else reaches it.
        Probe(method: .post, route: "/units/{code}/personnel/scheme/congress", path: "/units/X1/personnel/scheme/congress",
              allowed: [.staffT44], succeeds: false),
        Probe(method: .post, route: "/units/{code}/personnel/scheme/congress", path: "/units/X9/personnel/scheme/congress",
              allowed: personnelForeign, succeeds: false),
        // An introduction ballot (R-P-3) is counted on the counting screens by the meeting's board
        // (R10 is the counter's member ID); the staff who hold the scheme see it; nobody else does.
        Probe(method: .get, route: round, path: "/units/X1/rounds/4", allowed: [.staffT44, .reviewer, .counter],
              hidden: ["Phiếu giới thiệu", "Hồ Thị Ánh"]),
        Probe(method: .get, route: round + "/minutes", path: "/units/X1/rounds/4/minutes", allowed: [], hidden: ["Hồ Thị Ánh"]),
    ]

    /// Statistics of elected bodies (issue 14): the figures for those who read a subtree's
    /// structure, the people behind them for those who read its members.
    static let statisticsRows: [Probe] = [
        Probe(method: .get, route: "/units/{code}/statistics/bodies", path: "/units/X1/statistics/bodies?term=2025-2030&previous=2020-2025",
              allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/statistics/bodies", path: "/units/T01/statistics/bodies?term=2025-2030", allowed: foreign),
        Probe(method: .get, route: "/units/{code}/statistics/bodies/people", path: "/units/X1/statistics/bodies/people?term=2025-2030&group=members",
              allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/statistics/bodies/people", path: "/units/X9/statistics/bodies/people?term=2020-2025&group=women",
              allowed: foreign, hidden: dung),
        // Reconciliation (formats.md §9) reads named members: the register's rule, both directions.
        Probe(method: .get, route: "/units/{code}/statistics/reconcile", path: "/units/X1/statistics/reconcile", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/statistics/reconcile", path: "/units/T01/statistics/reconcile", allowed: foreign),
        Probe(method: .post, route: "/units/{code}/statistics/reconcile", path: "/units/X1/statistics/reconcile", allowed: readersOwn,
              form: "file=unit%2Cday%2Cfigure%2Cvalue%0AX1%2C2026-01-01%2Cmembers%2C1%0A"),
        Probe(method: .post, route: "/units/{code}/statistics/reconcile", path: "/units/T01/statistics/reconcile", allowed: foreign,
              form: "file=unit%2Cday%2Cfigure%2Cvalue%0AT01%2C2026-01-01%2Cmembers.women%2C1%0A", hidden: ["Ba Đình"]),
        Probe(method: .get, route: "/units/{code}/round", path: "/units/T44/round", allowed: [.admin, .staffT44, .reviewer]),
        Probe(method: .get, route: "/units/{code}/round", path: "/units/T01/round", allowed: foreign, hidden: ["Ba Đình"]),
    ]

    static let ownRound: [String] = ["Bầu Ban Chấp hành"]
    static let foreignRound: [String] = ["Ba Đình"]

    static let probes: [Probe] = [
        Probe(method: .get, route: "/signin", path: "/signin", allowed: everyone),
        Probe(method: .post, route: "/signin", path: "/signin", allowed: everyone,
              form: "login=admin&password=\(Persona.password)"),
        Probe(method: .post, route: "/signout", path: "/signout", allowed: signedIn),
        Probe(method: .post, route: "/language", path: "/language", allowed: everyone, form: "lang=en&next=/"),
        Probe(method: .get, route: "/", path: "/", allowed: signedIn),
        Probe(method: .get, route: "/units/{code}", path: "/units/C1", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}", path: "/units/C9", allowed: foreign, hidden: ["Chi bộ tổ dân phố 9"]),
        Probe(method: .get, route: "/units/{code}", path: "/units/T01", allowed: foreign, hidden: ["Ba Đình"]),
        // Before 1/7/2025 T44 and X1 did not exist: grants on them cover the units merged into them.
        Probe(method: .get, route: "/units/{code}", path: "/units/LX1?day=2025-01-01",
              allowed: [.admin, .staffT44, .reviewer, .secretary, .counter, .communeAdmin, .multi]),
        Probe(method: .get, route: "/units/{code}", path: "/units/LT45?day=2025-01-01", allowed: [.admin, .staffT44, .reviewer]),
        Probe(method: .get, route: "/units/{code}", path: "/units/TW", allowed: adminOnly),
        Probe(method: .get, route: "/units/{code}/members", path: "/units/C1/members", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/members", path: "/units/C1/members?day=2025-01-01", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/members", path: "/units/C9/members?q=dung", allowed: foreign, hidden: ["Phạm Thị Dung"]),
        Probe(method: .get, route: "/units/{code}/structure", path: "/units/C1/structure", allowed: readersOwn),
        Probe(method: .get, route: "/units/{code}/structure", path: "/units/T01/structure", allowed: foreign, hidden: ["Ba Đình"]),
        Probe(method: .get, route: "/members/{id}", path: "/members/M001", allowed: readersOwn),
        // M001 was in C1 (under LX1) on 1/1/2025 too: the record as it stood then.
        Probe(method: .get, route: "/members/{id}", path: "/members/M001?day=2025-01-01", allowed: readersOwn),
        Probe(method: .get, route: "/members/{id}", path: "/members/M101", allowed: foreign, hidden: ["Phạm Thị Dung"]),
        Probe(method: .get, route: "/members/{id}", path: "/members/M101?day=2025-01-01", allowed: foreign, hidden: ["Phạm Thị Dung"]),
        // Unknown and foreign members answer alike (403), for every persona: IDs cannot be probed.
        Probe(method: .get, route: "/members/{id}", path: "/members/NOBODY", allowed: []),
        Probe(method: .get, route: "/admin/users", path: "/admin/users", allowed: administrators),
        Probe(method: .post, route: "/admin/users", path: "/admin/users", allowed: administrators,
              form: "login=newcomer&name=Mai&password=long-enough-pw&role=reviewer&unit=C1"),
        Probe(method: .post, route: "/admin/users", path: "/admin/users", allowed: adminOnly,
              form: "login=newcomer&name=Mai&password=long-enough-pw&role=reviewer&unit=T01", succeeds: false),
        // User 2 is the organising staff of T44: outside a commune administrator's subtree.
        Probe(method: .get, route: "/admin/users/{userID}", path: "/admin/users/2", allowed: adminOnly, hidden: ["(stafft44)"]),
        Probe(method: .get, route: "/admin/users/{userID}", path: "/admin/users/4", allowed: administrators),
        Probe(method: .post, route: "/admin/users/{userID}/grants", path: "/admin/users/2/grants", allowed: adminOnly),
        Probe(method: .post, route: "/admin/users/{userID}/grants", path: "/admin/users/5/grants", allowed: administrators),
        Probe(method: .post, route: "/admin/users/{userID}/pending", path: "/admin/users/4/pending", allowed: administrators,
              form: "role=reviewer&unit=C1&decision=confirm", setup: proposed),
        Probe(method: .post, route: "/admin/users/{userID}/pending", path: "/admin/users/3/pending", allowed: adminOnly,
              form: "role=reviewer&unit=C9&decision=confirm", succeeds: false),
        Probe(method: .post, route: "/admin/users/{userID}/password", path: "/admin/users/2/password", allowed: adminOnly,
              form: "password=long-enough-pw"),
        Probe(method: .post, route: "/admin/users/{userID}/active", path: "/admin/users/2/active", allowed: adminOnly,
              form: "active=1"),
        Probe(method: .post, route: "/admin/users/{userID}/active", path: "/admin/users/4/active", allowed: administrators,
              form: "active=1"),
        Probe(method: .get, route: "/admin/audit", path: "/admin/audit", allowed: administrators),
        Probe(method: .get, route: "/api/units/{code}", path: "/api/units/C1", allowed: treeOwn),
        Probe(method: .get, route: "/api/units/{code}", path: "/api/units/C9", allowed: foreign, hidden: ["Chi bộ tổ dân phố 9"]),
        Probe(method: .get, route: "/api/units/{code}/members", path: "/api/units/C1/members", allowed: readersOwn),
        Probe(method: .get, route: "/api/units/{code}/members", path: "/api/units/T01/members", allowed: foreign, hidden: ["Phạm Thị Dung"]),
        Probe(method: .get, route: "/api/units/{code}/structure", path: "/api/units/C1/structure", allowed: readersOwn),
        Probe(method: .get, route: "/api/units/{code}/structure", path: "/api/units/C9/structure", allowed: foreign),
        Probe(method: .get, route: "/api/members/{id}", path: "/api/members/M001", allowed: readersOwn),
        Probe(method: .get, route: "/api/members/{id}", path: "/api/members/M101", allowed: foreign, hidden: ["Dung"]),
        Probe(method: .get, route: "/assets/app.css", path: "/assets/app.css", allowed: everyone),
        Probe(method: .get, route: "/units/{code}/approvals", path: "/units/T44/approvals", allowed: [.reviewer]),
        Probe(method: .get, route: "/units/{code}/approvals", path: "/units/T01/approvals", allowed: []),
        Probe(method: .get, route: "/assets/entry.js", path: "/assets/entry.js", allowed: everyone),
        Probe(method: .get, route: "/assets/ballot.css", path: "/assets/ballot.css", allowed: everyone),
        Probe(method: .get, route: "/assets/ballot-a5.css", path: "/assets/ballot-a5.css", allowed: everyone),
        Probe(method: .get, route: "/assets/minutes.css", path: "/assets/minutes.css", allowed: everyone),
        // Congress day: X1 (own) has congress 1 with rounds 1 (draft) and 3 (certified); X9 (foreign) congress 2, round 2.
        Probe(method: .get, route: "/units/{code}/congress", path: "/units/X1/congress", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}/congress", path: "/units/X9/congress", allowed: foreign, hidden: foreignRound),
        Probe(method: .post, route: "/units/{code}/congress/elections", path: "/units/X1/congress/elections", allowed: runners,
              form: "congress=1&body=executiveCommittee&seats=3&candidates=\(list)"),
        Probe(method: .post, route: "/units/{code}/congress/elections", path: "/units/X9/congress/elections", allowed: [],
              form: "congress=2&body=executiveCommittee&seats=3&candidates=\(list)"),
        // A congress of another unit named under one's own unit path: not found for everyone.
        Probe(method: .post, route: "/units/{code}/congress/elections", path: "/units/X1/congress/elections", allowed: [],
              form: "congress=2&body=executiveCommittee&seats=3&candidates=\(list)"),
        Probe(method: .post, route: "/units/{code}/congress", path: "/units/C1/congress", allowed: runners,
              form: "kind=members&opens=2026-12-10&closes=2026-12-11"),
        Probe(method: .post, route: "/units/{code}/congress", path: "/units/C9/congress", allowed: [],
              form: "kind=members&opens=2026-12-10&closes=2026-12-11"),
        Probe(method: .post, route: "/units/{code}/congress/annul-seat", path: "/units/X1/congress/annul-seat", allowed: [.reviewer],
              form: "congress=1&name=Nguy%E1%BB%85n+V%C4%83n+An&role=committeeMember&reason=x"),
        Probe(method: .post, route: "/units/{code}/congress/annul-seat", path: "/units/X9/congress/annul-seat", allowed: [],
              form: "congress=2&name=An&role=secretary&reason=x"),
        Probe(method: .post, route: "/units/{code}/congress/resume", path: "/units/X1/congress/resume", allowed: runners,
              form: "congress=1&direction=CV-1"),
        Probe(method: .post, route: "/units/{code}/congress/resume", path: "/units/X9/congress/resume", allowed: [],
              form: "congress=2&direction=CV-1"),
        Probe(method: .post, route: "/units/{code}/congress/submit", path: "/units/X1/congress/submit", allowed: runners, form: "congress=1"),
        Probe(method: .post, route: "/units/{code}/congress/submit", path: "/units/X9/congress/submit", allowed: [], form: "congress=2"),
        Probe(method: .post, route: "/units/{code}/congress/submit", path: "/units/X1/congress/submit", allowed: [], form: "congress=2"),
        Probe(method: .get, route: "/units/{code}/congresses", path: "/units/T44/congresses", allowed: [.admin, .staffT44, .reviewer]),
        Probe(method: .get, route: "/units/{code}/congresses", path: "/units/T01/congresses", allowed: foreign, hidden: foreignRound),
        Probe(method: .get, route: "/units/{code}/congress/roll", path: "/units/X1/congress/roll", allowed: runners),
        Probe(method: .get, route: "/units/{code}/congress/roll", path: "/units/X9/congress/roll", allowed: [], hidden: ["Phan Thị Hoa"]),
        Probe(method: .get, route: "/units/{code}/congress/roll", path: "/units/X1/congress/roll?id=2", allowed: [], hidden: ["Ba Đình"]),
        Probe(method: .post, route: "/units/{code}/congress/roll", path: "/units/X1/congress/roll", allowed: runners,
              form: "id=1&member=R05&attendance=absentAccepted"),
        Probe(method: .post, route: "/units/{code}/congress/roll", path: "/units/X9/congress/roll", allowed: [],
              form: "id=2&member=R05&attendance=absentAccepted"),
        Probe(method: .get, route: "/units/{code}/congress/credentials", path: "/units/X1/congress/credentials", allowed: treeOwn),
        Probe(method: .get, route: "/units/{code}/congress/credentials", path: "/units/X9/congress/credentials", allowed: foreign,
              hidden: foreignRound),
        Probe(method: .post, route: "/units/{code}/congress/motions", path: "/units/X1/congress/motions", allowed: runners,
              form: "congress=1&subject=presidium&for=11&against=0"),
        Probe(method: .post, route: "/units/{code}/congress/motions", path: "/units/X9/congress/motions", allowed: [],
              form: "congress=2&subject=presidium&for=11&against=0"),
        Probe(method: .post, route: "/units/{code}/congress/appointments", path: "/units/X1/congress/appointments", allowed: runners,
              form: "congress=1&role=secretary&decision=12-QD/TU&date=2026-11-01&names=An"),
        Probe(method: .post, route: "/units/{code}/congress/appointments", path: "/units/X9/congress/appointments", allowed: [],
              form: "congress=2&role=secretary&decision=12-QD/TU&date=2026-11-01&names=An"),
        Probe(method: .get, route: round, path: "/units/X1/rounds/1", allowed: treeOwn),
        Probe(method: .get, route: round, path: "/units/X9/rounds/2", allowed: foreign, hidden: foreignRound),
        // A round of another unit's congress under one's own unit path: not found for everyone.
        Probe(method: .get, route: round, path: "/units/X1/rounds/2", allowed: [], hidden: foreignRound),
        Probe(method: .post, route: round + "/list", path: "/units/X1/rounds/1/list", allowed: runners),
        Probe(method: .post, route: round + "/list", path: "/units/X9/rounds/2/list", allowed: []),
        Probe(method: .post, route: round + "/list", path: "/units/X1/rounds/2/list", allowed: []),
        Probe(method: .post, route: round + "/issue", path: "/units/X1/rounds/1/issue", allowed: runners, form: "issued=11", setup: listed),
        Probe(method: .post, route: round + "/issue", path: "/units/X9/rounds/2/issue", allowed: [], form: "issued=11"),
        Probe(method: .post, route: round + "/open", path: "/units/X1/rounds/1/open", allowed: counters, form: "returned=11",
              setup: events(1, [.adoptList(candidates: 4), .issueBallots(issued: 11)])),
        Probe(method: .post, route: round + "/open", path: "/units/X9/rounds/2/open", allowed: [], form: "returned=11"),
        Probe(method: .post, route: round + "/close", path: "/units/X1/rounds/1/close", allowed: counters, form: "confirm=yes", setup: closable),
        Probe(method: .post, route: round + "/close", path: "/units/X9/rounds/2/close", allowed: []),
        Probe(method: .post, route: round + "/certify", path: "/units/X1/rounds/1/certify", allowed: counters, form: "confirm=yes", setup: counted),
        Probe(method: .post, route: round + "/certify", path: "/units/X9/rounds/2/certify", allowed: []),
        Probe(method: .post, route: round + "/decision", path: "/units/X1/rounds/3/decision", allowed: runners, form: "decision=stop"),
        Probe(method: .post, route: round + "/decision", path: "/units/X9/rounds/2/decision", allowed: [], form: "decision=stop"),
        Probe(method: .post, route: round + "/approval", path: "/units/X1/rounds/3/approval", allowed: [.reviewer], form: "decision=approve&confirm=yes"),
        Probe(method: .post, route: round + "/approval", path: "/units/X9/rounds/2/approval", allowed: [], form: "decision=approve"),
        Probe(method: .post, route: round + "/rerun", path: "/units/X1/rounds/3/rerun", allowed: runners, setup: annulled),
        Probe(method: .post, route: round + "/rerun", path: "/units/X9/rounds/2/rerun", allowed: []),
        Probe(method: .get, route: round + "/minutes", path: "/units/X1/rounds/3/minutes", allowed: treeOwn),
        Probe(method: .get, route: round + "/minutes", path: "/units/X9/rounds/2/minutes", allowed: [], hidden: foreignRound),
        Probe(method: .get, route: round + "/ballot", path: "/units/X1/rounds/1/ballot", allowed: runners),
        Probe(method: .get, route: round + "/ballot", path: "/units/X9/rounds/2/ballot", allowed: [], hidden: foreignRound),
        Probe(method: .get, route: round + "/export/election.json", path: "/units/X1/rounds/3/export/election.json", allowed: treeOwn),
        Probe(method: .get, route: round + "/export/election.json", path: "/units/X9/rounds/2/export/election.json", allowed: foreign,
              succeeds: false, hidden: foreignRound),
        Probe(method: .get, route: round + "/export/ballots.csv", path: "/units/X1/rounds/3/export/ballots.csv", allowed: treeOwn),
        Probe(method: .get, route: round + "/export/ballots.csv", path: "/units/X9/rounds/2/export/ballots.csv", allowed: foreign,
              succeeds: false),
        Probe(method: .post, route: round + "/stacks", path: "/units/X1/rounds/1/stacks", allowed: counters, form: "stack=1&ballots=11", setup: opened),
        Probe(method: .post, route: round + "/stacks", path: "/units/X9/rounds/2/stacks", allowed: [], form: "stack=1&ballots=11"),
        Probe(method: .post, route: round + "/stacks", path: "/units/X1/rounds/2/stacks", allowed: [], form: "stack=1&ballots=11"),
        Probe(method: .post, route: round + "/passes", path: "/units/X1/rounds/1/passes", allowed: counters, form: "stack=1", setup: counting),
        Probe(method: .post, route: round + "/passes", path: "/units/X9/rounds/2/passes", allowed: [], form: "stack=1"),
        Probe(method: .post, route: round + "/passes", path: "/units/X1/rounds/2/passes", allowed: [], form: "stack=1"),
        Probe(method: .get, route: pass, path: "/units/X1/rounds/1/stacks/1/passes/1", allowed: counters, setup: claimed),
        // Another clerk's pass (round 3's passes are clerk-a's and clerk-b's): nobody else opens it.
        Probe(method: .get, route: pass, path: "/units/X1/rounds/3/stacks/1/passes/1", allowed: []),
        Probe(method: .get, route: pass, path: "/units/X9/rounds/2/stacks/1/passes/1", allowed: []),
        Probe(method: .post, route: pass, path: "/units/X1/rounds/1/stacks/1/passes/1", allowed: counters, form: "typed=1&position=0",
              setup: claimed),
        Probe(method: .post, route: pass, path: "/units/X9/rounds/2/stacks/1/passes/1", allowed: [], form: "typed=1&position=0"),
        Probe(method: .post, route: "/api" + pass + "/ballots", path: "/api/units/X1/rounds/1/stacks/1/passes/1/ballots",
              allowed: counters, form: "typed=1&position=0", setup: claimed),
        Probe(method: .post, route: "/api" + pass + "/ballots", path: "/api/units/X9/rounds/2/stacks/1/passes/1/ballots",
              allowed: [], form: "typed=1&position=0"),
        Probe(method: .post, route: pass + "/finish", path: "/units/X1/rounds/1/stacks/1/passes/1/finish", allowed: counters, setup: typedOne),
        Probe(method: .post, route: pass + "/finish", path: "/units/X9/rounds/2/stacks/1/passes/1/finish", allowed: []),
        Probe(method: .post, route: pass + "/correction", path: "/units/X1/rounds/1/stacks/1/passes/1/correction", allowed: counters,
              setup: typedOne),
        Probe(method: .post, route: pass + "/correction", path: "/units/X9/rounds/2/stacks/1/passes/1/correction", allowed: []),
        Probe(method: .post, route: pass + "/correction", path: "/units/X1/rounds/3/stacks/1/passes/1/correction", allowed: []),
        Probe(method: .get, route: round + "/stacks/{stack}", path: "/units/X1/rounds/3/stacks/1", allowed: counters),
        Probe(method: .get, route: round + "/stacks/{stack}", path: "/units/X9/rounds/2/stacks/1", allowed: []),
        Probe(method: .post, route: round + "/stacks/{stack}", path: "/units/X1/rounds/1/stacks/1", allowed: counters, setup: typedByOthers),
        Probe(method: .post, route: round + "/stacks/{stack}", path: "/units/X9/rounds/2/stacks/1", allowed: []),
        Probe(method: .get, route: round + "/entry-log", path: "/units/X1/rounds/3/entry-log", allowed: counters),
        Probe(method: .get, route: round + "/entry-log", path: "/units/X9/rounds/2/entry-log", allowed: [], hidden: foreignRound),
        Probe(method: .get, route: round + "/projector", path: "/units/X1/rounds/1/projector", allowed: treeOwn),
        Probe(method: .get, route: round + "/projector", path: "/units/X9/rounds/2/projector", allowed: foreign, hidden: foreignRound),
        // The feed of a certified round sends the result and ends (a live one would stream on).
        Probe(method: .get, route: round + "/projector/events", path: "/units/X1/rounds/3/projector/events", allowed: treeOwn),
        // A live round's feed streams on; the refusal direction is aimed at a round of another unit.
        Probe(method: .get, route: round + "/projector/events", path: "/units/X1/rounds/2/projector/events", allowed: []),
        Probe(method: .get, route: "/assets/projector.js", path: "/assets/projector.js", allowed: everyone),
    ] + personnelRows + statisticsRows

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

    @Test("route × role, both directions: allowed personas reach the handler's success, every other persona is refused and shown nothing of the target; a write answers the same with ?day=",
          arguments: probes)
    func access(_ probe: Probe) async throws {
        for persona in Persona.allCases {
            let paths = probe.method == .post ? [probe.path, probe.path + (probe.path.contains("?") ? "&" : "?") + "day=2025-01-01"] : [probe.path]
            for path in paths {
                // A fresh world for every request: what one persona's write changed does not decide another's answer.
                let world = try await WebWorld.make()
                if let setup = probe.setup { try await setup(world) }
                let app = Application(router: try await world.router())
                try await app.test(.router) { client in
                    let response = try await WebClient.send(client, probe.method, path, as: persona, form: probe.form)
                    let location = response.headers[.location] ?? ""
                    if probe.allowed.contains(persona) {
                        #expect(!response.isRefused && response.status.code < 500,
                                "\(persona) should get \(path): got \(response.status.code) \(location)")
                        if probe.succeeds {
                            let success = response.status.code < 300 || (response.status == .seeOther && !location.hasPrefix("/signin?next="))
                            #expect(success, "\(persona) should reach the success of \(path): got \(response.status.code) \(Self.alert(response.text))")
                        }
                    } else {
                        let refused = [401, 403, 404].contains(response.status.code)
                            || (response.status == .seeOther && location.hasPrefix("/signin?next="))
                        #expect(refused, "\(persona) should be refused \(path): got \(response.status.code) \(Self.alert(response.text))")
                        for secret in probe.hidden { #expect(!response.text.contains(secret), "\(persona) was shown “\(secret)” by \(path)") }
                    }
                }
            }
        }
    }

    static func alert(_ text: String) -> String {
        String(text.components(separatedBy: "role=\"alert\">").dropFirst().first?.prefix(200) ?? "")
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
