import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The personnel scheme's five steps through the router (R-P-3): the standing committee's list,
/// three secret ballots each counted by the meeting's own counting board on the counting screens
/// (two independent passes, agreed by a third member, certified by the head), the standing
/// committee's show of hands; then the adopted list opens as the congress's executive committee
/// election (R-E-3), while the secretariat sees none of it (R-P-5).
@Suite("Personnel introduction through the router")
struct IntroductionFlowTests {
    static let term = "2030–2035"
    static let encodedTerm = "2030%E2%80%932035"
    static let list: [Person.ID] = ["M001", "M002", "M004", "M003"]

    struct Board { let second: WebWorld.Account; let settler: WebWorld.Account }

    /// A secret ballot's round counted as every ballot round is: the head (the counter persona,
    /// R10) and R09 type a pass each, R08 agrees the stack, the head closes and certifies.
    static func count(_ client: some TestClientProtocol, round: String, ballots: [String], board: Board) async throws {
        try await FullCycleTests.post(client, round + "/open", as: .counter, "returned=\(ballots.count)")
        try await FullCycleTests.post(client, round + "/stacks", as: .counter, "stack=1&ballots=\(ballots.count)")
        try await FullCycleTests.post(client, round + "/passes", as: .counter, "stack=1")
        for (position, typed) in ballots.enumerated() {
            let response = try await WebClient.send(client, .post, "/api" + round + "/stacks/1/passes/1/ballots", as: .counter,
                                                    form: "position=\(position)&typed=\(FullCycleTests.encode(typed))")
            #expect(response.status == .ok, "pass 1 ballot \(position): \(response.text.prefix(200))")
        }
        try await FullCycleTests.post(client, round + "/stacks/1/passes/1/finish", as: .counter, "")
        #expect(try await WebClient.send(client, .post, round + "/passes", account: board.second, form: "stack=1").status == .seeOther)
        for (position, typed) in ballots.enumerated() {
            let response = try await WebClient.send(client, .post, "/api" + round + "/stacks/1/passes/2/ballots", account: board.second,
                                                    form: "position=\(position)&typed=\(FullCycleTests.encode(typed))")
            #expect(response.status == .ok)
        }
        #expect(try await WebClient.send(client, .post, round + "/stacks/1/passes/2/finish", account: board.second).status == .seeOther)
        #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: board.settler).status == .seeOther)
        try await FullCycleTests.post(client, round + "/close", as: .counter, "confirm=yes")
        try await FullCycleTests.post(client, round + "/certify", as: .counter, "confirm=yes")
    }

    static func scheme(_ world: WebWorld) async throws -> StoredScheme {
        try #require(try await world.personnel.scheme(of: "X1", term: term))
    }

    static func step(_ client: some TestClientProtocol, _ world: WebWorld, _ form: String) async throws -> TestResponse {
        let version = try await scheme(world).version
        return try await FullCycleTests.post(client, "/units/X1/personnel/scheme/steps", as: .staffT44,
                                             "term=\(encodedTerm)&body=executiveCommittee&version=\(version)&" + form)
    }

    @Test("R-P-3: one body through the five steps, every secret ballot counted by the product; R-E-3: the adopted list opens as the congress's election; R-P-5: the secretariat sees none of it")
    func fiveSteps() async throws {
        let world = try await WebWorld.make()
        var record = CongressFixture.record(unit: "X1", name: "Đại hội Đảng bộ phường Đồng Hới lần thứ II, nhiệm kỳ 2030–2035")
        record.term = Self.term
        record.composition = []
        let congress = try await world.counting.createCongress(record, audit: AuditDraft(actor: "test", action: .congressCreated, subject: "X1"))
        let board = Board(second: try await world.boardMember("kp9", "R09"), settler: try await world.boardMember("kp8", "R08"))
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            try await FullCycleTests.post(client, "/units/X1/personnel/scheme", as: .staffT44,
                                          "term=\(Self.encodedTerm)&level=commune&executiveSeats=3&convening=M001+M004+M101")
            // Step 1: too short a list is refused (R-E-6: 3 seats need 4 names), then the list.
            let short = try await WebClient.send(client, .post, "/units/X1/personnel/scheme/steps", as: .staffT44,
                                                 form: "term=\(Self.encodedTerm)&body=executiveCommittee&version=1&action=adoptList&names=M001%0AM002")
            #expect(short.status == .badRequest && short.text.contains("cần ít nhất 4"))
            #expect(try await Self.scheme(world).version == 1, "a refused step writes nothing")
            try await Self.step(client, world, "action=adoptList&names=" + Self.list.map(\.rawValue).joined(separator: "%0A"))
            // Three secret ballots (steps 2, 3, 5) and the standing committee's vote (step 4).
            let ballots = [Array(repeating: "", count: 8) + ["4", "4", "4"],       // M003: 8 of 12 convened
                           Array(repeating: "", count: 9) + ["3", "3"],
                           Array(repeating: "", count: 11)]
            var rounds: [String] = []
            for (index, typed) in ballots.enumerated() {
                if index == 2 {
                    let refused = try await WebClient.send(client, .post, "/units/X1/personnel/scheme/steps", as: .staffT44,
                                                           form: "term=\(Self.encodedTerm)&body=executiveCommittee&version=\(try await Self.scheme(world).version)&action=standingVote&inFavour=4&members=9")
                    #expect(refused.status == .badRequest, "4 of 9 is not more than half")
                    try await Self.step(client, world, "action=standingVote&inFavour=8&members=9")
                }
                let opened = try await Self.step(client, world, "action=openBallot&summoned=12&present=11&board=R10+R09+R08")
                let round = try #require(opened.headers[.location]?.split(separator: "?").first.map(String.init))
                rounds.append(round)
                // R-P-5: the secretariat does not learn the ballot exists; the meeting's board counts it.
                #expect(try await WebClient.send(client, .get, round, as: .secretary).status == .notFound)
                let early = try await WebClient.send(client, .post, "/units/X1/personnel/scheme/steps", as: .staffT44,
                                                     form: "term=\(Self.encodedTerm)&body=executiveCommittee&version=\(try await Self.scheme(world).version)&action=takeBallot")
                #expect(early.status == .badRequest, "an uncertified count is not taken")
                try await Self.count(client, round: round, ballots: typed, board: board)
                try await Self.step(client, world, "action=takeBallot")
            }
            let adopted = try await Self.scheme(world)
            #expect(adopted.record.process(.executiveCommittee)?.state == .adopted)
            #expect(adopted.record.scheme.body(.executiveCommittee)?.introduced == ["M001", "M002", "M003", "M004"],
                    "the order of the last vote that changed it: M004 was struck at step 3")
            #expect(adopted.record.introduction(.executiveCommittee)?.steps.compactMap(\.round).count == 3)
            let page = try await WebClient.send(client, .get, "/units/X1/personnel/scheme?term=\(Self.encodedTerm)", as: .staffT44)
            #expect(page.text.contains("Đã hoàn thành 5 bước") && page.text.contains("Hồ Thị Ánh (M003)"))
            // R-P-5: the secretariat of X1 sees neither the scheme nor its ballots' minutes.
            #expect(try await WebClient.send(client, .get, "/units/X1/personnel/scheme?term=\(Self.encodedTerm)", as: .secretary).status == .forbidden)
            for round in rounds {
                #expect(try await WebClient.send(client, .get, round + "/minutes", as: .secretary).status == .notFound)
            }
            // R-E-3: the adopted list becomes the congress's executive committee election, by member ID, in ballot order.
            let opened = try await FullCycleTests.post(client, "/units/X1/personnel/scheme/congress", as: .staffT44, "term=\(Self.encodedTerm)")
            let location = try #require(opened.headers[.location]?.split(separator: "?").first.map(String.init))
            let id = try #require(Int64(location.split(separator: "/").last ?? ""))
            let election = try #require(try await world.counting.round(Round.ID(id)))
            #expect(election.congress == congress && election.election.body == .executiveCommittee && election.election.seats == 3)
            let names: [Person.ID: String] = ["M001": "Nguyễn Văn An", "M002": "Trần Thị Bình", "M004": "Đặng Văn Đức", "M003": "Hồ Thị Ánh"]
            let expected = VietnameseNameOrder.sorted(Self.list.map { ListEntry(name: names[$0]!, memberID: $0) })
            #expect(election.election.listEntries == expected)
            let again = try await WebClient.send(client, .post, "/units/X1/personnel/scheme/congress", as: .staffT44, form: "term=\(Self.encodedTerm)")
            #expect(again.status == .badRequest, "the list opens once")
            // R-E-8: a convening committee member who is not on its list does not stand (M101 is on the committee, not the list).
            let offList = VietnameseNameOrder.sorted(Self.list.map { ListEntry(name: names[$0]!, memberID: $0) }
                                                       + [ListEntry(name: "Phạm Thị Dung", memberID: "M101")])
                .map { "\($0.name) (\($0.memberID!.rawValue))" }.joined(separator: "\n")
            let refused = try await WebClient.send(client, .post, "/units/X1/congress/elections", as: .secretary,
                                                   form: "congress=\(congress)&body=executiveCommittee&seats=4&candidates=" + FullCycleTests.encode(offList))
            #expect(refused.status == .badRequest && refused.text.contains("cấp ủy triệu tập"), "\(refused.text.components(separatedBy: "field-error").dropFirst().first?.prefix(400) ?? "")")
            // The congress's election is the congress's: the secretariat runs it from here.
            #expect(try await WebClient.send(client, .get, location, as: .secretary).status == .ok)
        }
    }

    @Test("R-P-3: a tie at the end of a 3-seat list is settled by the head, who and why recorded; a list short of the surplus takes more names and is voted again")
    func tieAndShortfall() async throws {
        let world = try await WebWorld.make()
        let board = Board(second: try await world.boardMember("kp9", "R09"), settler: try await world.boardMember("kp8", "R08"))
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            try await FullCycleTests.post(client, "/units/X1/personnel/scheme", as: .staffT44, "term=\(Self.encodedTerm)&level=commune&executiveSeats=3")
            try await Self.step(client, world, "action=adoptList&names=M001%0AM002%0AM004%0AM003%0AM102")
            // Step 2: the 4th and 5th names struck on 2 ballots: 9 votes each, both pass, one place left for them.
            let opened = try await Self.step(client, world, "action=openBallot&summoned=12&present=11&board=R10+R09+R08")
            let round = try #require(opened.headers[.location]?.split(separator: "?").first.map(String.init))
            try await Self.count(client, round: round, ballots: ["4 5", "4 5"] + Array(repeating: "", count: 9), board: board)
            try await Self.step(client, world, "action=takeBallot")
            let tied = try await Self.scheme(world).record.process(.executiveCommittee)?.state
            #expect(tied == .tieAtEnd(.keyCadres, kept: ["M001", "M002", "M004"], tied: ["M003", "M102"], places: 1))
            let noReason = try await WebClient.send(client, .post, "/units/X1/personnel/scheme/steps", as: .staffT44,
                                                    form: "term=\(Self.encodedTerm)&body=executiveCommittee&version=\(try await Self.scheme(world).version)&action=headChooses&names=M102&head=M001")
            #expect(noReason.status == .badRequest, "the head's choice needs a reason")
            try await Self.step(client, world, "action=headChooses&names=M102&head=M001&reason=C%C6%A1+c%E1%BA%A5u+n%E1%BB%AF")
            let chosen = try await Self.scheme(world).record
            #expect(chosen.process(.executiveCommittee)?.state == .awaiting(.executiveConference))
            #expect(chosen.process(.executiveCommittee)?.list == ["M001", "M002", "M004", "M102"])
            #expect(chosen.introduction(.executiveCommittee)?.steps.last?.detail.contains("settled by M001") == true)
            // Step 3: M002 (2nd) struck on 6 of 11: 5 votes, not more than half of 12: three pass, four needed.
            let third = try await Self.step(client, world, "action=openBallot&summoned=12&present=11&board=R10+R09+R08")
            let thirdRound = try #require(third.headers[.location]?.split(separator: "?").first.map(String.init))
            try await Self.count(client, round: thirdRound, ballots: Array(repeating: "2", count: 6) + Array(repeating: "", count: 5), board: board)
            try await Self.step(client, world, "action=takeBallot")
            #expect(try await Self.scheme(world).record.process(.executiveCommittee)?.state
                    == .shortOfSurplus(.executiveConference, passed: ["M001", "M004", "M102"], needed: 4))
            try await Self.step(client, world, "action=addNames&names=M101")
            let again = try await Self.scheme(world).record.process(.executiveCommittee)
            #expect(again?.state == .awaiting(.executiveConference) && again?.list == ["M001", "M004", "M102", "M101"])
        }
    }
}

