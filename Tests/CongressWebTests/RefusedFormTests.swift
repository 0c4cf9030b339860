import CongressCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A refused form of the congress page is shown again with its message beside it and every
/// value typed kept, so a long list of candidates or delegates is never lost to a typo.
@Suite("Refused forms on the congress page")
struct RefusedFormTests {
    static func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }

    @Test("R-E-6: a refused election keeps its title, its body and its list of candidates; nothing is opened")
    func refusedElection() async throws {
        try await WebWorld.withApp { world, client in
            let before = try await world.counting.rounds(ofCongress: 1).count
            let list = "Nguyễn Văn An\nLê Thị Bình"
            let refused = try await WebClient.send(client, .post, "/units/X1/congress/elections", as: .secretary,
                                                   form: "congress=1&body=standingCommittee&title=\(Self.encode("Bầu thử"))&seats=3x&candidates=\(Self.encode(list))")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("id=\"election-form\"><p class=\"error field-error\" role=\"alert\" id=\"election-error\">"))
            #expect(refused.text.contains("value=\"Bầu thử\"") && refused.text.contains(">Nguyễn Văn An\nLê Thị Bình</textarea>"))
            #expect(refused.text.contains("<option value=\"standingCommittee\" selected>"))
            #expect(refused.text.contains("<details class=\"step-form\" open><summary>"), "the refused form is shown unfolded")
            #expect(try await world.counting.rounds(ofCongress: 1).count == before)
        }
    }

    @Test("R-E-2: a refused motion keeps its counts and is shown unfolded; a refused set-up keeps its delegates list")
    func refusedMotionAndSetUp() async throws {
        try await WebWorld.withApp { _, client in
            let motion = try await WebClient.send(client, .post, "/units/X1/congress/motions", as: .secretary,
                                                  form: "congress=1&subject=presidium&text=\(Self.encode("Đoàn Chủ tịch"))&for=99&against=1")
            #expect(motion.status == .badRequest && motion.text.contains("id=\"motion-error\""))
            #expect(motion.text.contains("name=\"for\" value=\"99\"") && motion.text.contains("value=\"Đoàn Chủ tịch\""))
            let delegates = "M001; chính thức\nM999; ???"
            let setUp = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                                 form: "kind=delegates&opens=01/12/2026&closes=30/11/2026&delegates=\(Self.encode(delegates))")
            #expect(setUp.status == .badRequest && setUp.text.contains("id=\"create-error\""))
            #expect(setUp.text.contains(">M001; chính thức\nM999; ???</textarea>") && setUp.text.contains("value=\"01/12/2026\""))
            #expect(setUp.text.contains("<option value=\"delegates\" selected>"))
        }
    }
}
