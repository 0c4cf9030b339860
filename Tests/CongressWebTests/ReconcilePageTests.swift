import CongressCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The reconciliation page (formats.md §9): the same computation as `congress report reconcile`,
/// the people behind a differing figure linked, a unit outside the user's subtree refused, a bad
/// file refused naming line and column, nothing stored either way.
@Suite("Reconciliation page")
struct ReconcilePageTests {
    static func form(_ csv: String) -> String {
        "file=" + (csv.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    @Test("§9: a planted difference is shown with the people the register counts, linked to their records")
    func difference() async throws {
        try await WebWorld.withApp { world, client in
            let before = try await world.access.auditHead()
            let file = "unit,day,figure,value\nX1,2026-01-01,members.women,5\nX1,2026-01-01,executiveCommittee.members,1\n"
            let response = try await WebClient.send(client, .post, "/units/X1/statistics/reconcile", as: .staffT44, form: Self.form(file))
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("id=\"reconcile-differences\"") && page.contains("members.women"))
            #expect(page.contains("href=\"/members/M002\">Trần Thị Bình</a>"), "the women the register counts are linked")
            #expect(!page.contains("<td>executiveCommittee.members</td>"), "M002 is X1's committee: that figure agrees")
            #expect(try await world.access.auditHead() == before, "the page only reads")
        }
    }

    @Test("§9: a unit outside the user's subtree is refused (403); a bad row is named by line and column (400)")
    func refusals() async throws {
        try await WebWorld.withApp { _, client in
            let outside = try await WebClient.send(client, .post, "/units/X1/statistics/reconcile", as: .staffT44,
                                                   form: Self.form("unit,day,figure,value\nT01,2026-01-01,members,3\n"))
            #expect(outside.status == .forbidden && outside.text.contains("T01"))
            let bad = try await WebClient.send(client, .post, "/units/X1/statistics/reconcile", as: .staffT44,
                                               form: Self.form("unit,day,figure,value\nX1,2026-01-01,members,many\n"))
            #expect(bad.status == .badRequest && bad.text.contains("dòng 2, cột value"))
            let gone = try await WebClient.send(client, .post, "/units/X1/statistics/reconcile", as: .staffT44,
                                                form: Self.form("unit,day,figure,value\nX1,2020-01-01,members,3\n"))
            #expect(gone.status == .badRequest, "X1 did not exist in 2020")
        }
    }
}
