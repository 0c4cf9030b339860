import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The recipes a hostile user tried against the demo (issue "make what is built beyond
/// dispute"), each refused with a 4xx and nothing changed. Each test is named after its finding.
@Suite("Hostile users, recipe by recipe")
struct HostileUserTests {
    typealias Persona = WebWorld.Persona

    private func withApp(_ body: @Sendable (WebWorld, any TestClientProtocol) async throws -> Void) async throws {
        try await WebWorld.withApp(body)
    }

    @Test("one GET stops the server no more: page overflow, a year of 61 or less, huge form counts answer 400 naming the field", arguments: [
        "/units/T44/members?page=9223372036854775807", "/units/T44/members?page=0", "/units/LT45/structure?day=0001-01-01",
        "/units/T44/structure?day=0061-12-31", "/units/T44?day=10000-01-01", "/api/units/T44/members?page=-1",
        "/admin/audit?page=99999999999999999999",
    ])
    func oneGet(_ path: String) async throws {
        try await withApp { _, client in
            let response = try await WebClient.send(client, .get, path, as: .admin)
            #expect(response.status == .badRequest, "\(path): \(response.status.code)")
            #expect(response.text.contains("“Trang”") || response.text.contains("“Ngày”"), "the field by its label")
        }
    }

    @Test("form values (seats, counts) trap no more", arguments: [
        ("/units/X1/congress/elections", "congress=1&body=executiveCommittee&seats=9223372036854775807&candidates=An"),
        ("/units/X1/congress/motions", "congress=1&subject=presidium&for=9223372036854775807&against=9223372036854775807"),
        ("/units/X1/rounds/1/issue", "issued=99999999999999999999"),
        ("/units/X1/congress/roll", "id=1&member=R05&attendance=absentAccepted&sessions=9223372036854775807"),
    ])
    func formCounts(_ path: String, _ form: String) async throws {
        try await withApp { world, client in
            let before = try await world.access.auditLog().count
            let response = try await WebClient.send(client, .post, path, as: .secretary, form: form)
            #expect(response.status == .badRequest, "\(path): \(response.status.code)")
            #expect(try await world.access.auditLog().count == before, "nothing written")
        }
    }

    @Test("an administrator can do everything alone no more: no self-granted counting board or reviewer role")
    func administratorAlone() async throws {
        try await withApp { world, client in
            let me = world.userIDs[.admin]!
            for form in ["role=countingBoard&unit=X1", "role=reviewer&unit=X1"] {
                let response = try await WebClient.send(client, .post, "/admin/users/\(me)/grants", as: .admin, form: form)
                #expect(response.status == .badRequest && response.text.contains("chính mình"))
            }
            #expect(try await world.access.user(id: me)?.grants == Persona.admin.grants)
            // Nor can another administrator give one account two roles kept apart.
            let other = try await world.account("admin2", grants: [RoleGrant(role: .administrator, unit: "X1")])
            let clash = try await WebClient.send(client, .post, "/admin/users/\(other.id)/grants", as: .admin, form: "role=countingBoard&unit=C1")
            #expect(clash.status == .badRequest && clash.text.contains("phân tách nhiệm vụ"))
        }
    }

    @Test("a secretariat reads any member of the country no more: the delegates' list takes only the unit's own members; unknown and foreign IDs answer alike")
    func delegatesList() async throws {
        try await withApp { world, client in
            let before = try await world.counting.congresses(of: "X1").count
            let foreign = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                                   form: "kind=delegates&opens=2026-12-10&closes=2026-12-11&delegates=M101%3BexOfficio")
            let unknown = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                                   form: "kind=delegates&opens=2026-12-10&closes=2026-12-11&delegates=M999%3BexOfficio")
            #expect(foreign.status == .badRequest && unknown.status == .badRequest)
            #expect(!foreign.text.contains("Phạm Thị Dung"))
            #expect(foreign.text.replacingOccurrences(of: "M101", with: "ID") == unknown.text.replacingOccurrences(of: "M999", with: "ID"))
            #expect(try await world.counting.congresses(of: "X1").count == before)
            // The person route: an unknown ID and a foreign one answer alike.
            let unknownPerson = try await WebClient.send(client, .get, "/members/M999", as: .staffT44)
            let foreignPerson = try await WebClient.send(client, .get, "/members/M101", as: .staffT44)
            #expect(unknownPerson.status == foreignPerson.status && unknownPerson.text == foreignPerson.text)
        }
    }

    @Test("writes are checked on the tree of ?day= no more: a write is authorised on today's tree")
    func writesOnToday() async throws {
        try await withApp { world, client in
            // C1 sat under LX1 (Quảng Bình) until 30/6/2025: on that day a grant on T44 covers it; writes ignore the day.
            let response = try await WebClient.send(client, .post, "/units/LX1/congress?day=2025-06-30", as: .secretary,
                                                    form: "kind=members&opens=2026-12-10&closes=2026-12-11")
            #expect(response.status == .forbidden)
            #expect(try await world.counting.congresses(of: "LX1").isEmpty)
        }
    }

    @Test("anyone appends to the audit log no more: a 250 KB login leaves one bounded entry, invalid logins are not recorded as posted")
    func auditFlood() async throws {
        try await withApp { world, client in
            let before = try await world.access.auditLog().count
            let huge = String(repeating: "x", count: 250_000)
            for _ in 0..<20 {
                _ = try await WebClient.send(client, .post, "/signin", as: .anonymous, form: "login=\(huge)&password=nope-nope-nope")
            }
            let written = try await world.access.auditLog().dropFirst(before)
            #expect(written.count <= 2)
            #expect(written.allSatisfy { $0.actor.count <= AuditDraft.maximumField && $0.subject.count <= AuditDraft.maximumField })
        }
    }

    @Test("scopes leak no more: a commune's administrator reads only their subtree's audit entries")
    func auditScope() async throws {
        try await withApp { world, client in
            try await world.access.appendAudit(AuditDraft(actor: "t", action: .roundEvent, subject: "round 2", detail: "hanoi-secret", unit: "X9"))
            try await world.access.appendAudit(AuditDraft(actor: "t", action: .roundEvent, subject: "round 1", detail: "dong-hoi-visible", unit: "X1"))
            let commune = try await world.account("admin.x1", grants: [RoleGrant(role: .administrator, unit: "X1")])
            let page = try await WebClient.send(client, .get, "/admin/audit", account: commune)
            #expect(page.status == .ok && page.text.contains("dong-hoi-visible") && !page.text.contains("hanoi-secret"))
            let national = try await WebClient.send(client, .get, "/admin/audit", as: .admin)
            #expect(national.text.contains("hanoi-secret"))
        }
    }

    @Test("scopes leak no more: a reviewer does not approve their own unit's results; an annulment needs a reason")
    func reviewerScope() async throws {
        try await withApp { world, client in
            let own = try await world.account("thamdinh.x1", grants: [RoleGrant(role: .reviewer, unit: "X1")])
            let refused = try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", account: own, form: "decision=approve")
            #expect(refused.status == .badRequest && refused.text.contains("cấp ủy cấp trên"))
            let empty = try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer, form: "decision=annul&reason=")
            #expect(empty.status == .badRequest)
            #expect(try await world.counting.round(3)?.lifecycle.state == .certified)
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer, form: "decision=approve&confirm=yes").status == .seeOther)
        }
    }

    @Test("scopes leak no more: minutes before certification are not read by someone who counts somewhere else")
    func minutesScope() async throws {
        try await withApp { world, client in
            let audit = AuditDraft(actor: "t", action: .roundEvent, subject: "t")
            for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 0),
                          .closeCounting(agreedBallots: 0), .resultComputed(tiePending: false)] {
                _ = try await world.counting.apply(event, to: 2, audit: audit)
            }
            // A counting board user of Quảng Trị's X1 who may see Hà Nội's tree: a board elsewhere.
            let elsewhere = try await world.account("kp.elsewhere", grants: [RoleGrant(role: .countingBoard, unit: "X1"),
                                                                             RoleGrant(role: .organisingStaff, unit: "T01")])
            #expect(try await WebClient.send(client, .get, "/units/X9/rounds/2/minutes", account: elsewhere).status == .forbidden)
        }
    }

    @Test("scopes leak no more: the counting board is its elected members; with none bound, no board user counts")
    func boardByMember() async throws {
        try await withApp { world, client in
            let unbound = try await world.account("kp.unbound", grants: [RoleGrant(role: .countingBoard, unit: "X1")])
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/list", as: .secretary)
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/issue", as: .secretary, form: "issued=11")
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/1/open", account: unbound, form: "returned=11").status == .forbidden)
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/1/open", as: .counter, form: "returned=11").status == .seeOther)
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/1/passes", account: unbound, form: "stack=1").status == .forbidden)
        }
    }

    @Test("double entry is not independent no more: no comparison while a pass is typed, and no refusal names a position")
    func independentEntry() async throws {
        try await withApp { world, client in
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/list", as: .secretary)
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/issue", as: .secretary, form: "issued=11")
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/open", as: .counter, form: "returned=11")
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks", as: .counter, form: "stack=1&ballots=4")
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/passes", as: .counter, form: "stack=1")
            let second = try await world.boardMember("kiemphieu2", "R09")
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/passes", account: second, form: "stack=1")
            for position in 0..<4 {
                _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks/1/passes/1", as: .counter, form: "typed=1&position=\(position)")
                _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks/1/passes/2", account: second,
                                             form: "typed=\(position == 3 ? 2 : 1)&position=\(position)")
            }
            // The clerk tries to settle their own stack while typing: refused, naming nothing of the other pass.
            let probe = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks/1", as: .counter, form: "typed.3=1")
            #expect(probe.status == .badRequest && !probe.text.contains("Phiếu thứ 4") && !probe.text.contains("kiemphieu2"))
            // A member who typed neither pass is refused too until both passes are finished.
            let settler = try await world.boardMember("kiemphieu3", "R08")
            let early = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks/1", account: settler, form: "typed.3=1")
            #expect(early.status == .badRequest && !early.text.contains("Phiếu thứ 4"))
            let page = try await WebClient.send(client, .get, "/units/X1/rounds/1/stacks/1", account: settler)
            #expect(!page.text.contains("typed.3"))
            // Another clerk's login is never shown in a refusal.
            let steal = try await WebClient.send(client, .post, "/units/X1/rounds/1/stacks/1/passes/2", as: .counter, form: "typed=1&position=4")
            #expect(steal.status == .badRequest && !steal.text.contains("kiemphieu2") && !steal.text.contains("CongressCore"))
        }
    }

    @Test("open redirect no more: /signin?next=/%09/evil.example sends home", arguments: [
        "/%09/evil.example", "/%5C/evil.example", "//evil.example", "/%0D%0ALocation:%20x", "https://evil.example",
    ])
    func openRedirect(_ next: String) async throws {
        try await withApp { _, client in
            let response = try await WebClient.send(client, .get, "/signin?next=\(next)", as: .admin)
            #expect(response.headers[.location] == "/")
        }
    }
}

@Suite("Past units and today's record")
struct PastUnitTests {
    @Test("scopes leak no more: a unit a member once belonged to (via ?day=) reads the record as it stood then, not the current one")
    func pastUnitReadsPastRecord() async throws {
        let world = try await WebWorld.make()
        // Trần Thị Bình (M002) moves from C1 (Đồng Hới, Quảng Trị) to C9 (Ba Đình, Hà Nội) on 1/1/2026.
        let moved = WebWorld.membersCSV.replacingOccurrences(of: "M002,Trần Thị Bình,nữ,1992-11-02,Kinh,44,C1",
                                                             with: "M002,Trần Thị Bình,nữ,1992-11-02,Kinh,44,C9")
        guard case .success(let rows) = MembersCSV.parse(Array(moved.utf8), today: Day(iso: "2026-01-01")!) else {
            Issue.record("the moved members file is not valid"); return
        }
        _ = try await world.register.importMembers(rows, on: Day(iso: "2026-01-01")!)
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let today = try await WebClient.send(client, .get, "/members/M002", as: .staffT44)
            #expect(today.status == .forbidden && !today.text.contains("Trần Thị Bình"))
            let then = try await WebClient.send(client, .get, "/members/M002?day=2025-12-01", as: .staffT44)
            #expect(then.status == .ok && then.text.contains("Trần Thị Bình"))
            #expect(!then.text.contains("Ba Đình") && !then.text.contains("C9"), "nothing of the member's current unit")
            let hanoi = try await WebClient.send(client, .get, "/members/M002", as: .staffT01)
            #expect(hanoi.status == .ok && hanoi.text.contains("Chi bộ tổ dân phố 9"))
        }
    }
}

@Suite("Review findings, recipe by recipe")
struct ReviewFindingTests {
    private func withApp(_ body: @Sendable (WebWorld, any TestClientProtocol) async throws -> Void) async throws {
        try await WebWorld.withApp(body)
    }

    @Test("one person acts as several board members no more: a member is bound to one account only")
    func oneAccountPerMember() async throws {
        try await withApp { world, client in
            let first = try await world.account("kp.first", grants: [])
            let puppet = try await world.account("kp.puppet", grants: [])
            #expect(try await WebClient.send(client, .post, "/admin/users/\(first.id)/grants", as: .admin, form: "member=M001").status == .seeOther)
            let response = try await WebClient.send(client, .post, "/admin/users/\(puppet.id)/grants", as: .admin, form: "member=M001")
            #expect(response.status == .badRequest && response.text.contains("M001"))
            #expect(try await world.access.user(id: puppet.id)?.memberID == nil)
            await #expect(throws: StoreError.duplicateMember("R10")) {
                _ = try await world.access.createUser(NewUser(login: "kp.twin", displayName: "x", passwordHash: String(repeating: "x", count: 60),
                                                              grants: [], memberID: "R10"), audit: AuditDraft(actor: "t", action: .userCreated, subject: "t"))
            }
        }
    }

    @Test("the secretariat swaps the board under a count no more: the board is locked once ballots are issued, and names nobody twice")
    func boardLocked() async throws {
        try await withApp { world, client in
            let locked = try await WebClient.send(client, .post, "/units/X1/congress/motions", as: .secretary,
                                                  form: "congress=1&subject=countingBoard&for=10&against=1&board=R11+R10")
            #expect(locked.status == .badRequest && locked.text.contains("R-E-4"))
            #expect(try await world.counting.congress(1)?.record.countingBoard == ["R10", "R09", "R08", "R07"])
        }
    }

    @Test("a clerk sees other clerks' passes while typing no more: the round page shows a clerk only their own pass")
    func ownPassOnly() async throws {
        try await withApp { world, client in
            let audit = AuditDraft(actor: "t", action: .roundEvent, subject: "t")
            for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 11)] {
                _ = try await world.counting.apply(event, to: 1, audit: audit)
            }
            try await world.counting.declareStack(round: 1, stack: 1, ballots: 11, audit: audit)
            try await world.counting.claimPass(round: 1, stack: 1, pass: 1, clerk: "counter", audit: audit)
            try await world.counting.claimPass(round: 1, stack: 1, pass: 2, clerk: "kiemphieu2", audit: audit)
            try await world.counting.recordBallot(round: 1, stack: 1, pass: 2, clerk: "kiemphieu2", position: 0, ballot: .striking([1]))
            let page = try await WebClient.send(client, .get, "/units/X1/rounds/1", as: .counter)
            #expect(page.status == .ok && !page.text.contains("kiemphieu2"))
            // A pass not taken and another clerk's pass answer alike.
            let other = try await WebClient.send(client, .get, "/units/X1/rounds/1/stacks/1/passes/2", as: .counter)
            let free = try await WebClient.send(client, .get, "/units/X1/rounds/1/stacks/2/passes/1", as: .counter)
            #expect(other.status == free.status && other.text == free.text)
        }
    }

    @Test("any administrator takes over accounts without grants no more: those belong to the national administrator")
    func grantlessAccounts() async throws {
        try await withApp { world, client in
            let orphan = try await world.account("orphan", grants: [])
            let commune = try await world.account("admin.x1", grants: [RoleGrant(role: .administrator, unit: "X1")])
            #expect(try await WebClient.send(client, .post, "/admin/users/\(orphan.id)/password", account: commune,
                                             form: "password=long-enough-pw").status == .forbidden)
            #expect(try await WebClient.send(client, .get, "/admin/users/999", account: commune).status == .forbidden, "unknown answers as foreign")
            #expect(try await WebClient.send(client, .post, "/admin/users/\(orphan.id)/password", as: .admin,
                                             form: "password=long-enough-pw").status == .seeOther)
        }
    }
}

@Suite("Two administrators for a congress role")
struct SecondAdministratorTests {
    @Test("an administrator runs an election alone no more: accounts they create get congress roles only once a second administrator confirms")
    func secondAdministrator() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let created = try await WebClient.send(client, .post, "/admin/users", as: .admin,
                                                   form: "login=kp.puppet&name=Puppet&password=long-enough-pw&role=countingBoard&unit=X1&member=M002")
            #expect(created.status == .seeOther)
            let puppet = try #require(await world.access.users().first { $0.login == "kp.puppet" })
            #expect(puppet.grants.isEmpty, "no congress role before a second administrator")
            let confirm = "role=countingBoard&unit=X1&decision=confirm"
            let alone = try await WebClient.send(client, .post, "/admin/users/\(puppet.id)/pending", as: .admin, form: confirm)
            #expect(alone.status == .badRequest && alone.text.contains("quản trị viên khác"))
            #expect(try await world.access.user(id: puppet.id)?.grants.isEmpty == true)
            // The account cannot confirm its own role either; a second administrator can.
            let second = try await world.account("admin.x1", grants: [RoleGrant(role: .administrator, unit: "X1")])
            let page = try await WebClient.send(client, .get, "/admin/users/\(puppet.id)", account: second)
            #expect(page.text.contains("id=\"pending\"") && page.text.contains("admin"))
            #expect(try await WebClient.send(client, .post, "/admin/users/\(puppet.id)/pending", account: second, form: confirm).status == .seeOther)
            #expect(try await world.access.user(id: puppet.id)?.grants == [RoleGrant(role: .countingBoard, unit: "X1")])
            // Once it holds a congress role, the account cannot be moved to another member by one administrator.
            let moved = try await WebClient.send(client, .post, "/admin/users/\(puppet.id)/grants", as: .admin, form: "member=M004")
            let bound = try await world.access.user(id: puppet.id)?.memberID
            #expect(moved.status == .badRequest && bound == "M002")
            let log = try await world.access.auditLog().map(\.action)
            #expect(log.contains(.grantProposed) && log.contains(.grantConfirmed))
            // Taking the account over by a password reset sends its congress role back to a second administrator.
            #expect(try await WebClient.send(client, .post, "/admin/users/\(puppet.id)/password", as: .admin,
                                             form: "password=taken-over-pw").status == .seeOther)
            #expect(try await world.access.user(id: puppet.id)?.grants.isEmpty == true)
            #expect(await world.access.pendingGrants(of: puppet.id).map(\.grant) == [RoleGrant(role: .countingBoard, unit: "X1")])
        }
    }
}
