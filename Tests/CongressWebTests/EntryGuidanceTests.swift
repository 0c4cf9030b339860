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
            let undeclared = try await WebClient.send(client, .post, round + "/passes", as: .counter, form: "stack=1")
            #expect(undeclared.status == .badRequest && undeclared.text.contains("chưa ghi số phiếu của tập 1"))
            let declared = try await WebClient.send(client, .post, round + "/stacks", as: .counter, form: "stack=1&ballots=2")
            #expect(declared.headers[.location] == round + "?notice=stackDeclared")
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

    @Test("R-E-29: a pass shows “n / N”, refuses the (N+1)th ballot, finishes only with N, and its clerk corrects the last ballots")
    func declaredStackAndCorrection() async throws {
        try await WebWorld.withApp { world, client in
            let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
            for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 11)] {
                _ = try await world.counting.apply(event, to: 1, audit: audit)
            }
            let round = "/units/X1/rounds/1", pass = round + "/stacks/1/passes/1"
            let tooMany = try await WebClient.send(client, .post, round + "/stacks", as: .counter, form: "stack=1&ballots=12")
            #expect(tooMany.status == .badRequest && tooMany.text.contains("nhiều hơn số phiếu thu vào (11)"))
            _ = try await WebClient.send(client, .post, round + "/stacks", as: .counter, form: "stack=1&ballots=3")
            let page = try await WebClient.send(client, .get, round, as: .counter).text
            #expect(page.contains("Đã chia 3 trong 11 phiếu thu vào") && page.contains("value=\"2\""), "the next stack's number is offered")
            _ = try await WebClient.send(client, .post, round + "/passes", as: .counter, form: "stack=1")
            _ = try await WebClient.send(client, .post, pass, as: .counter, form: "position=0&typed=1")
            _ = try await WebClient.send(client, .post, pass, as: .counter, form: "position=1&typed=2%203")
            #expect(try await WebClient.send(client, .get, pass, as: .counter).text.contains("Đã nhập 2 / 3 phiếu của tập"))
            let short = try await WebClient.send(client, .post, pass + "/finish", as: .counter)
            #expect(short.status == .badRequest && short.text.contains("mới nhập 2 trong 3 phiếu"))
            // The clerk takes back ballot 2, sees it as typed, and enters it corrected.
            let corrected = try await WebClient.send(client, .post, pass + "/correction", as: .counter)
            #expect(corrected.status == .ok && corrected.text.contains("value=\"2 3\"") && corrected.text.contains("Đã nhập 1 / 3 phiếu"))
            _ = try await WebClient.send(client, .post, pass, as: .counter, form: "position=1&typed=2")
            _ = try await WebClient.send(client, .post, pass, as: .counter, form: "position=2&typed=4")
            let full = try await WebClient.send(client, .get, pass, as: .counter).text
            #expect(full.contains("id=\"stack-full\"") && !full.contains("id=\"typed\""), "a full pass offers no field for another ballot")
            let extra = try await WebClient.send(client, .post, pass, as: .counter, form: "position=3&typed=1")
            #expect(extra.status == .badRequest && extra.text.contains("đã nhập đủ 3 phiếu của tập 1"))
            #expect(try await WebClient.send(client, .post, pass + "/finish", as: .counter).status == .seeOther)
            let entries = try #require(try await world.counting.entries(round: 1, stack: 1).first)
            #expect(entries.ballots == [.striking([1]), .striking([2]), .striking([4])])
        }
    }

    @Test("a refused form is shown again with its message beside it and what was typed kept: the round's counts and the settlement")
    func refusedFormsKeepTheirValues() async throws {
        try await WebWorld.withApp { world, client in
            let round = "/units/X1/rounds/1"
            _ = try await WebClient.send(client, .post, round + "/list", as: .secretary)
            let issue = try await WebClient.send(client, .post, round + "/issue", as: .secretary, form: "issued=11a")
            #expect(issue.status == .badRequest && issue.text.contains("id=\"issue-error\"") && issue.text.contains("value=\"11a\""))
            _ = try await WebClient.send(client, .post, round + "/issue", as: .secretary, form: "issued=4")
            let open = try await WebClient.send(client, .post, round + "/open", as: .counter, form: "returned=5")
            #expect(open.status == .badRequest && open.text.contains("id=\"open-error\"") && open.text.contains("name=\"returned\" value=\"5\""))
            #expect(open.text.contains("Số phiếu thu về (5) nhiều hơn số phiếu phát ra (4)"))
            _ = try await WebClient.send(client, .post, round + "/open", as: .counter, form: "returned=4")
            let split = try await WebClient.send(client, .post, round + "/stacks", as: .counter, form: "stack=1&ballots=5")
            #expect(split.status == .badRequest && split.text.contains("id=\"split-error\"") && split.text.contains("name=\"ballots\" value=\"5\""))
            _ = try await WebClient.send(client, .post, round + "/stacks", as: .counter, form: "stack=1&ballots=4")
            let second = try await world.boardMember("kiemphieu2", "R09")
            let settler = try await world.boardMember("kiemphieu3", "R08")
            for pass in 1...2 {
                let send = { (path: String, form: String?) in
                    pass == 1 ? try await WebClient.send(client, .post, path, as: .counter, form: form)
                        : try await WebClient.send(client, .post, path, account: second, form: form)
                }
                _ = try await send(round + "/passes", "stack=1")
                for (position, typed) in ["1", "2", "3", pass == 1 ? "4" : "1"].enumerated() {
                    _ = try await send(round + "/stacks/1/passes/\(pass)", "position=\(position)&typed=\(typed)")
                }
                #expect(try await send(round + "/stacks/1/passes/\(pass)/finish", nil).status == .seeOther)
            }
            let refused = try await WebClient.send(client, .post, round + "/stacks/1", account: settler, form: "typed.3=7&marked.3=on")
            #expect(refused.status == .badRequest && refused.text.contains("id=\"error-3\""))
            #expect(refused.text.contains("id=\"paper-3\" value=\"7\"") && refused.text.contains("id=\"marked-3\" checked"))
            #expect(try await world.counting.settlementProposal(round: 1, stack: 1) == nil, "a refused form changes nothing")
            // Settled: the entry log reads the ballot as each pass typed it and as the paper reads.
            let confirmer = try await world.boardMember("kiemphieu4", "R07")
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: settler, form: "typed.3=4").status == .seeOther)
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: confirmer, form: "confirm=1").status == .seeOther)
            let log = try await WebClient.send(client, .get, round + "/entry-log", account: settler).text
            #expect(log.contains("Phiếu 4: lượt 1 ghi gạch tên số 4, lượt 2 ghi gạch tên số 1, phiếu giấy: gạch tên số 4"))
            #expect(log.contains("Tập 1: Ban Kiểm phiếu ghi 4 phiếu"))
        }
    }
}
