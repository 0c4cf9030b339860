import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The whole cycle of a commune's members' congress through the router (R-E-3): the counting
/// board voted in, the executive committee (27 seats, 30 candidates), the delegates to the
/// higher congress (official and alternate), then the first conference: standing committee,
/// secretary, deputy secretaries, inspection committee and its chair; each counted by two
/// clerks, certified, becoming the term's composition; minutes sent up and approved (R-E-30).
@Suite("Full congress cycle through the router")
struct FullCycleTests {
    static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan"]
    static let given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam"]
    /// 60 members, in ballot order (R-E-10).
    static let names = VietnameseNameOrder.sorted(families.enumerated().flatMap { index, family in
        given.map { "\(family) \(index % 2 == 0 ? "Văn" : "Thị") \($0)" }
    })
    static let roll = names.enumerated().map { MemberOnRoll(memberID: Person.ID(String(format: "G%02d", $0 + 1)), fullName: $1) }

    /// The counting board voted in these tests: G60 (its head, the counter persona's member), G59, G58.
    struct Clerk { let token: String; let form: String; let settler: WebWorld.Account }

    /// The second clerk (G59) and the member who agrees stacks (G58); the counter persona is bound to G60.
    static func secondClerk(_ world: WebWorld) async throws -> Clerk {
        try await world.access.bindMember(of: world.userIDs[.counter]!, to: "G60",
                                          audit: AuditDraft(actor: "test", action: .memberBound, subject: "counter"))
        let second = try await world.boardMember("kiemphieu2", "G59")
        return Clerk(token: second.token, form: second.form, settler: try await world.boardMember("kiemphieu3", "G58"))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    @discardableResult
    static func post(_ client: some TestClientProtocol, _ path: String, as persona: WebWorld.Persona, _ form: String) async throws -> TestResponse {
        let response = try await WebClient.send(client, .post, path, as: persona, form: form)
        #expect(response.status == .seeOther, "\(persona) POST \(path): \(response.status.code) \(response.text.components(separatedBy: "role=\"alert\">").last?.prefix(300) ?? "")")
        return response
    }

    /// One election from the list to certification: two passes of one stack, agreed.
    static func elect(_ client: some TestClientProtocol, clerk: Clerk, body: BodyKind, seats: Int, alternates: Int = 0,
                      candidates: [String], ballots: [String], extra: String = "") async throws -> String {
        let opened = try await post(client, "/units/X1/congress/elections", as: .secretary,
                                    "congress=3&body=\(body.rawValue)&seats=\(seats)&alternates=\(alternates)\(extra)&candidates="
                                        + encode(candidates.joined(separator: "\n")))
        let round = try #require(opened.headers[.location]?.split(separator: "?").first.map(String.init))
        try await post(client, round + "/list", as: .secretary, "")
        // The ballots to issue are offered as those with a vote: the roll's, or the new committee at its conference.
        let page = try await WebClient.send(client, .get, round, as: .secretary)
        #expect(page.text.contains("name=\"issued\" value=\"\(ballots.count)\""), "\(body): issued offered")
        try await post(client, round + "/issue", as: .secretary, "issued=\(ballots.count)")
        try await post(client, round + "/open", as: .counter, "returned=\(ballots.count)")
        try await post(client, round + "/stacks", as: .counter, "stack=1&ballots=\(ballots.count)")
        try await post(client, round + "/passes", as: .counter, "stack=1")
        for (position, typed) in ballots.enumerated() {
            let response = try await WebClient.send(client, .post, "/api" + round + "/stacks/1/passes/1/ballots", as: .counter,
                                                    form: "position=\(position)&typed=\(encode(typed))")
            #expect(response.status == .ok)
        }
        try await post(client, round + "/stacks/1/passes/1/finish", as: .counter, "")
        // The second clerk, in their own session.
        var headers: HTTPFields = [.cookie: "congress_session=\(clerk.token)", .contentType: "application/x-www-form-urlencoded"]
        let claim = try await client.execute(uri: round + "/passes", method: .post, headers: headers,
                                             body: ByteBuffer(string: "csrf=\(clerk.form)&stack=1"))
        #expect(claim.headers[.location] == round + "/stacks/1/passes/2?notice=passTaken")
        for (position, typed) in ballots.enumerated() {
            let response = try await client.execute(uri: "/api" + round + "/stacks/1/passes/2/ballots", method: .post, headers: headers,
                                                    body: ByteBuffer(string: "csrf=\(clerk.form)&position=\(position)&typed=\(encode(typed))"))
            #expect(response.status == .ok)
        }
        headers[.contentType] = "application/x-www-form-urlencoded"
        _ = try await client.execute(uri: round + "/stacks/1/passes/2/finish", method: .post, headers: headers,
                                     body: ByteBuffer(string: "csrf=\(clerk.form)"))
        let agreed = try await WebClient.send(client, .post, round + "/stacks/1", account: clerk.settler)
        #expect(agreed.status == .seeOther, "stack agreed by a member who typed neither pass")
        try await post(client, round + "/close", as: .counter, "confirm=yes")
        try await post(client, round + "/certify", as: .counter, "confirm=yes")
        return round
    }

    @Test("R-E-3: executive committee, delegates, first conference; composition of the term; approval")
    func fullCycle() async throws {
        let world = try await WebWorld.make()
        var record = CongressRecord(unit: "X1", name: "Đại hội Đảng bộ phường Đồng Hới (chu trình đầy đủ)", term: "2025–2030",
                                    kind: .members, opensOn: "2026-11-20", closesOn: "2026-11-21", members: Self.roll)
        let list = Array(Self.names.prefix(30))
        record.designated = [DesignatedLeader(name: list[0], role: .secretary), DesignatedLeader(name: list[1], role: .deputySecretary)]
        let congress = try await world.counting.createCongress(record, audit: AuditDraft(actor: "test", action: .congressCreated, subject: "X1"))
        #expect(congress == 3)
        let clerk = try await Self.secondClerk(world)
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            // The counting board, voted by show of hands: members not on any list (R-E-4).
            try await Self.post(client, "/units/X1/congress/motions", as: .secretary, "congress=3&subject=countingBoard&for=60&against=0&board=G60+G59+G58")
            // R-E-3: the first conference cannot start before the executive committee is certified.
            let early = try await WebClient.send(client, .post, "/units/X1/congress/elections", as: .secretary,
                                                 form: "congress=3&body=standingCommittee&seats=9&candidates=" + Self.encode(list[0]))
            #expect(early.status == .badRequest && early.text.contains("R-E-3"))

            // The executive committee: 27 of 30; every 7th voter strikes list[0] instead of list[27].
            let executive = (0..<60).map { $0 % 7 == 0 ? "1 29 30" : "28 29 30" }
            try await Self.elect(client, clerk: clerk, body: .executiveCommittee, seats: 27, candidates: list, ballots: executive)
            // Delegates: 5 official and 1 alternate from 8 (R-E-25).
            let delegates = Array(Self.names[40..<48])   // not the counting board (R-E-4)
            try await Self.elect(client, clerk: clerk, body: .delegates, seats: 5, alternates: 1, candidates: delegates,
                                 ballots: (0..<60).map { $0 < 50 ? "7 8" : "6 8" })
            // The first conference of the 27 (R-E-19).
            let committee = try #require(try await world.counting.congress(3)?.record.composition.filter { $0.role == .committeeMember }.map(\.name))
            #expect(committee.count == 27 && committee.contains(list[0]))
            // The designated secretary and deputy stand for the standing committee with 8 others (R-E-26).
            let others = committee.filter { $0 != list[0] && $0 != list[1] }
            let standing = VietnameseNameOrder.sorted([list[0], list[1]] + others.prefix(8))
            let struck = standing.firstIndex(of: others[7])! + 1
            try await Self.elect(client, clerk: clerk, body: .standingCommittee, seats: 9,
                                 candidates: standing, ballots: Array(repeating: String(struck), count: 27))
            try await Self.elect(client, clerk: clerk, body: .secretary, seats: 1, candidates: [list[0]], ballots: Array(repeating: "A", count: 27))
            let deputies = VietnameseNameOrder.sorted([list[1], others[0]])
            try await Self.elect(client, clerk: clerk, body: .deputySecretary, seats: 2, candidates: deputies, ballots: Array(repeating: "AA", count: 27))
            let inspection = VietnameseNameOrder.sorted(Array(committee.suffix(6)))
            try await Self.elect(client, clerk: clerk, body: .inspectionCommittee, seats: 5, candidates: inspection,
                                 ballots: Array(repeating: "6", count: 27))
            let chair = try #require(try await world.counting.congress(3)?.record.composition.first { $0.role == .inspectionMember }?.name)
            try await Self.elect(client, clerk: clerk, body: .inspectionChair, seats: 1, candidates: [chair], ballots: Array(repeating: "A", count: 27))

            let term = try #require(try await world.counting.congress(3)?.record)
            let byRole = Dictionary(grouping: term.composition, by: \.role).mapValues(\.count)
            #expect(byRole == [.committeeMember: 27, .officialDelegate: 5, .alternateDelegate: 1, .standingMember: 9, .secretary: 1,
                               .deputySecretary: 2, .inspectionMember: 5, .inspectionChair: 1])
            #expect(!term.isPaused, "every designated leader was elected (R-E-26)")
            #expect(term.composition.first { $0.role == .secretary }?.memberID == "G01")
            #expect(!term.composition.filter { $0.role == .committeeMember }.map(\.name).contains(list[27]))

            // The new committee sends the minutes up; the province's reviewer approves every round (R-E-30).
            try await Self.post(client, "/units/X1/congress/submit", as: .secretary, "congress=3")
            let rounds = try await world.counting.rounds(ofCongress: 3)
            #expect(rounds.count == 7 && rounds.allSatisfy { $0.lifecycle.state == .certified })
            for round in rounds { try await Self.post(client, "/units/X1/rounds/\(round.id)/approval", as: .reviewer, "decision=approve&confirm=yes") }
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/\(rounds[0].id)/rerun", as: .secretary).status == .badRequest,
                    "an approved result is not re-run")
            let overview = try await WebClient.send(client, .get, "/units/T44/congresses", as: .reviewer)
            #expect(overview.text.contains("(chu trình đầy đủ)") && overview.text.contains("7/7 cuộc bầu đã xác nhận"))
            #expect(overview.text.contains("Đã chuẩn y"))
            let page = try await WebClient.send(client, .get, "/units/X1/congress?id=3", as: .reviewer)
            #expect(page.text.contains("Bí thư (1)") && page.text.contains("Ủy viên Ban Chấp hành (27)"))
        }
    }

    @Test("R-E-7, R-E-20: floor nominees pass an opinion ballot over 30% of those attending and join the list top-down to the cap")
    func floorNominees() async throws {
        let world = try await WebWorld.make()
        var record = CongressRecord(unit: "X1", name: "Đại hội (đề cử tại đại hội)", term: "2025–2030", kind: .members,
                                    opensOn: "2026-11-20", closesOn: "2026-11-21", members: Self.roll)
        record.countingBoard = ["G60", "G59", "G58"]
        _ = try await world.counting.createCongress(record, audit: AuditDraft(actor: "test", action: .congressCreated, subject: "X1"))
        let clerk = try await Self.secondClerk(world)
        let app = Application(router: try await world.router())
        let nominees = VietnameseNameOrder.sorted([Self.names[50], Self.names[55]])
        try await app.test(.router) { client in
            // 60 attending: more than 18 (30%) must agree. The first keeps 40, the second 25.
            let ballots = (0..<60).map { $0 < 25 ? "" : ($0 < 40 ? "2" : "1 2") }
            let opinion = try await Self.elect(client, clerk: clerk, body: .opinion, seats: 0, candidates: nominees, ballots: ballots)
            let id = try #require(opinion.split(separator: "/").last.map(String.init))
            let round = try #require(try await world.counting.round(Round.ID(Int64(id)!)))
            #expect(round.election.base.kind == .attending && round.election.threshold == 19)
            // The convening committee's 34 for 27 seats leaves room for one under the 30% cap (35): the one with more votes.
            let convening = Array(Self.names.prefix(34))
            let opened = try await Self.post(client, "/units/X1/congress/elections", as: .secretary,
                                             "congress=3&body=executiveCommittee&seats=27&opinion=\(id)&candidates=" + Self.encode(convening.joined(separator: "\n")))
            let list = try #require(try await world.counting.rounds(ofCongress: 3).last?.election.candidates)
            #expect(opened.headers[.location] != nil && list.count == 35)
            #expect(list.contains(nominees[0]) && !list.contains(nominees[1]))
            #expect(list == VietnameseNameOrder.sorted(list), "the combined list keeps ballot order (R-E-10)")
            let log = try await world.access.auditLog().last { $0.action == .roundOpened }
            #expect(log?.detail.contains("floor nominees admitted (R-E-7): \(nominees[0])") == true)
        }
    }
}
