import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// R-E-29 on the round page: nobody learns another pass's count before the comparison, the
/// next pass is offered to those who typed none of the stack, a finished pass stays finished.
@Suite("Entry that guides the clerk")
struct EntryGuidanceTests {
    @Test("R-E-29: the second clerk does not see the first one's count; “Nhận lượt 2” is offered to others only; retyping a finished stack reopens nothing")
    func guidance() async throws {
        try await WebWorld.withApp { world, client in
            let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
            for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 4)] {
                _ = try await world.counting.apply(event, to: 1, audit: audit)
            }
            let round = "/units/X1/rounds/1"
            let second = try await world.boardMember("kiemphieu2", "R09")
            let taken = try await WebClient.send(client, .post, round + "/passes", as: .counter, form: "stack=1")
            #expect(taken.headers[.location] == round + "/stacks/1/passes/1?notice=passTaken")
            for (position, typed) in ["4", "3"].enumerated() {
                let entered = try await WebClient.send(client, .post, round + "/stacks/1/passes/1", as: .counter,
                                                       form: "position=\(position)&typed=\(typed)")
                #expect(entered.status == .seeOther)
            }
            let own = try await WebClient.send(client, .get, round, as: .counter).text
            #expect(own.contains("lượt 1: counter, đang nhập (2 phiếu)"), "a clerk sees their own count")
            #expect(!own.contains("Nhận lượt 2"), "not offered a second pass of their own stack")
            let other = try await WebClient.send(client, .get, round, account: second).text
            #expect(other.contains("lượt 1: counter, đang nhập") && !other.contains("(2 phiếu)"), "no other pass's count before comparison")
            #expect(other.contains("Nhận lượt 2"))
            #expect(!other.contains("class=\"compare\""), "no comparison before every pass is finished")
            _ = try await WebClient.send(client, .post, round + "/stacks/1/passes/1/finish", as: .counter)
            let again = try await WebClient.send(client, .post, round + "/passes", as: .counter, form: "stack=1")
            #expect(again.status == .badRequest && again.text.contains("lượt đã xong không mở lại"))
            let finished = try #require(try await world.counting.stacks(round: 1).first?.passes.first)
            #expect(finished.finished && finished.entered == 2)
            // A refused ballot keeps what was typed, marked for the entry script to select.
            _ = try await WebClient.send(client, .post, round + "/passes", account: second, form: "stack=1")
            let refused = try await WebClient.send(client, .post, round + "/stacks/1/passes/2", account: second, form: "position=0&typed=7")
            #expect(refused.status == .badRequest && refused.text.contains("value=\"7\"") && refused.text.contains("data-refused=\"1\""))
            #expect(refused.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
        }
    }
}
