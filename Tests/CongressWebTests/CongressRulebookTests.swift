import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The rulebook comes from the congress (its cycle), never from the web layer.
@Suite("The congress's rulebook")
struct CongressRulebookTests {
    @Test("a congress set up under 244-QĐ/TW opens its elections under it; an old record reads as 190-QĐ/TW")
    func rulebookFromTheCongress() async throws {
        let old = try JSONDecoder().decode(CongressRecord.self, from: Data("""
            {"unit":"X1","name":"Cũ","term":"2020–2025","kind":"members","opensOn":"2020-06-01","closesOn":"2020-06-02"}
            """.utf8))
        #expect(old.rulebook == .qd190)
        try await WebWorld.withApp { world, client in
            let created = try await WebClient.send(client, .post, "/units/C1/congress", as: .secretary,
                                                   form: "kind=members&opens=2020-06-01&closes=2020-06-02&rulebook=244-QD/TW")
            #expect(created.status == .seeOther)
            let congress = try #require(try await world.counting.congresses(of: "C1").first)
            #expect(congress.record.rulebook == .qd244)
            let bad = try await WebClient.send(client, .post, "/units/C1/congress", as: .secretary,
                                               form: "kind=members&opens=2020-06-01&closes=2020-06-02&rulebook=999")
            #expect(bad.status == .badRequest && bad.text.contains("190-QĐ/TW"))
            let names = ["Nguyễn Văn An", "Trần Thị Bình"].map { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
            let opened = try await WebClient.send(client, .post, "/units/C1/congress/elections", as: .secretary,
                                                  form: "congress=\(congress.id)&body=opinion&seats=0&candidates=" + names.joined(separator: "%0A"))
            #expect(opened.status == .seeOther)
            let round = try #require(try await world.counting.rounds(ofCongress: congress.id).first)
            #expect(round.election.rulebook == .qd244)
        }
    }
}
