import CongressCore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// R-E-30: the higher committee's reviewer finds every result that waits for them.
@Suite("The reviewer's queue")
struct ReviewerQueueTests {
    @Test("R-E-30: the reviewer's menu opens the results waiting in their subtree; an approval leaves the queue and counts in the overview")
    func queue() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let home = try await WebClient.send(client, .get, "/", as: .reviewer)
            #expect(home.text.contains("href=\"/units/T44/approvals\""), "the reviewer's Đại hội menu leads to the queue")
            let waiting = try await WebClient.send(client, .get, "/units/T44/approvals", as: .reviewer)
            #expect(waiting.status == .ok && waiting.text.contains("1 kết quả chờ bạn chuẩn y"))
            #expect(waiting.text.contains("href=\"/units/X1/rounds/3\""), "the certified round, linked")
            let before = try await WebClient.send(client, .get, "/units/T44/congresses", as: .reviewer)
            #expect(before.text.contains("1 chờ chuẩn y · 0 đã chuẩn y"))
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer,
                                             form: "decision=approve&confirm=yes").status == .seeOther)
            let after = try await WebClient.send(client, .get, "/units/T44/approvals", as: .reviewer)
            #expect(after.text.contains("Không có kết quả nào chờ chuẩn y.") && !after.text.contains("/units/X1/rounds/3\""))
            let overview = try await WebClient.send(client, .get, "/units/T44/congresses", as: .reviewer)
            #expect(overview.text.contains("0 chờ chuẩn y · 1 đã chuẩn y"), "the overview's counts follow the approval")
            #expect(try await WebClient.send(client, .get, "/units/X1/approvals", as: .secretary).status == .forbidden)
        }
    }

    @Test("a passed deadline reads as overdue, never as a negative count")
    func overdue() {
        let due = Day(iso: "2026-11-20")!, today = Day(iso: "2026-11-24")!
        let text = Catalogue.text("web.deadline.overdue", .vi, 2, due.vietnamese)
        #expect(text == "quá hạn 2 ngày làm việc (hạn 20/11/2026)")
        #expect(WorkingDays.between(today, due) == -2)
    }
}
