import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A round counted through the router, as the presidium and two clerks do it on congress day:
/// adopt, issue, open, two independent passes with one deliberate difference, settlement against
/// the paper, close, certify, export; and the refusals on the way (R-E-29, R-E-28, R-E-30).
@Suite("Counting day through the router")
struct CountingDayTests {
    typealias Persona = WebWorld.Persona

    /// The paper ballots of the stack: ballot numbers struck (4 candidates, 3 seats).
    static let paper: [String] = ["4", "3", "4", "", "2", "4", "3", "4", "4", "1", "4"]

    @discardableResult
    static func post(_ client: some TestClientProtocol, _ path: String, as persona: Persona, _ form: String = "") async throws -> TestResponse {
        try await WebClient.send(client, .post, path, as: persona, form: form.isEmpty ? nil : form)
    }

    @Test("R-E-29: two passes, one difference settled against the paper; the certified export re-counts to the same result")
    func fullRound() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        let round = "/units/X1/rounds/1"
        try await app.test(.router) { client in
            #expect(try await Self.post(client, round + "/list", as: .secretary).status == .seeOther)
            #expect(try await Self.post(client, round + "/issue", as: .secretary, "issued=11").status == .seeOther)
            // More returned than issued is refused, and changes nothing (R-E-28 reconciliation).
            #expect(try await Self.post(client, round + "/open", as: .counter, "returned=12").status == .badRequest)
            #expect(try await Self.post(client, round + "/open", as: .counter, "returned=11").status == .seeOther)
            #expect(try await Self.post(client, round + "/stacks", as: .counter, "stack=1&ballots=11").status == .seeOther)

            // Pass 1 by the counter persona; pass 2 by a second clerk (the administrator may not count).
            #expect(try await Self.post(client, round + "/passes", as: .admin, "stack=1").status == .forbidden)
            let taken = try await Self.post(client, round + "/passes", as: .counter, "stack=1")
            #expect(taken.headers[.location] == round + "/stacks/1/passes/1?notice=passTaken")
            for (position, typed) in Self.paper.enumerated() {
                let response = try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=\(typed)&position=\(position)")
                #expect(response.status == .seeOther, "ballot \(position + 1)")
            }
            // A retry of an acknowledged ballot is accepted once; a different ballot there is refused.
            #expect(try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=4&position=0").status == .seeOther)
            #expect(try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=3&position=0").status == .badRequest)
            // A ballot number outside the list is an entry error on the screen, with the field kept.
            let bad = try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=9&position=11")
            #expect(bad.status == .badRequest && bad.text.contains("“9” không phải số thứ tự trên phiếu (1–4)"))
            // The entry screen shows the clerk's own count, never another pass or a running total.
            let screen = try await WebClient.send(client, .get, round + "/stacks/1/passes/1", as: .counter)
            #expect(screen.text.contains("Đã nhập 11 / 11 phiếu của tập"))
            #expect(try await Self.post(client, round + "/stacks/1/passes/1/finish", as: .counter).status == .seeOther)
            #expect(try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=4&position=11").status == .badRequest,
                    "a finished pass takes no more ballots")

            // The second pass, entered by the store's second clerk, differs at ballot 5.
            let id: Round.ID = 1
            try await world.counting.claimPass(round: id, stack: 1, pass: 2, clerk: "clerk2",
                                               audit: AuditDraft(actor: "clerk2", action: .passClaimed, subject: "t"))
            for (position, typed) in Self.paper.enumerated() {
                let text = position == 4 ? "3" : typed
                let ballot = try BallotKeyEntry(typed: text).ballot(form: .strikeOut, candidates: 4)
                try await world.counting.recordBallot(round: id, stack: 1, pass: 2, clerk: "clerk2", position: position, ballot: ballot)
            }
            // Closing before the stack is agreed is refused.
            #expect(try await Self.post(client, round + "/close", as: .counter).status == .badRequest)
            try await world.counting.finishPass(round: id, stack: 1, pass: 2, clerk: "clerk2",
                                                audit: AuditDraft(actor: "clerk2", action: .passFinished, subject: "t"))

            // The comparison is a board member's who typed neither pass (R-E-29): not the clerk's.
            let settler = try await world.boardMember("kiemphieu3", "R08"), checker = try await world.boardMember("kiemphieu4", "R07")
            let own = try await WebClient.send(client, .get, round + "/stacks/1", as: .counter)
            #expect(own.status == .badRequest && !own.text.contains("typed.4"))
            let comparison = try await WebClient.send(client, .get, round + "/stacks/1", account: settler)
            #expect(comparison.text.contains("name=\"typed.4\""), "the difference at ballot 5 is listed")
            #expect(!comparison.text.contains("name=\"typed.3\""), "agreeing positions are not")
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: settler, form: "typed.4=7").status == .badRequest)
            #expect(try await Self.post(client, round + "/stacks/1", as: .counter, "typed.4=2").status == .badRequest, "not by a clerk of the stack")
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: settler, form: "typed.4=2").status == .seeOther)
            #expect(try await world.counting.stacks(round: id)[0].agreed == nil, "a proposal waits for a second member")
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: settler, form: "confirm=1").status == .badRequest,
                    "the proposer does not confirm their own proposal")
            let proposed = try await WebClient.send(client, .get, round + "/stacks/1", account: checker)
            #expect(proposed.text.contains("id=\"confirm\"") && proposed.text.contains("kiemphieu3"))
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: checker, form: "confirm=1").status == .seeOther)
            #expect(try await world.counting.stacks(round: id)[0].agreed == 11)
            #expect(try await WebClient.send(client, .post, round + "/stacks/1", account: checker, form: "confirm=1").status == .badRequest,
                    "settled once")

            // Closing asks first: the button leads to a page that restates the step (nothing closes).
            let asked = try await Self.post(client, round + "/close", as: .counter)
            #expect(asked.status == .ok && asked.text.contains("id=\"confirmation\"") && asked.text.contains("name=\"confirm\" value=\"yes\""))
            #expect(try await world.counting.round(id)?.lifecycle.state == .counting, "asking is not closing")
            #expect(try await Self.post(client, round + "/close", as: .counter, "confirm=yes").status == .seeOther)
            // Only the account bound to the board's head (R10, Ngô Văn Phúc) certifies (R-E-28).
            let notHead = try await WebClient.send(client, .post, round + "/certify", account: checker)
            #expect(notHead.status == .badRequest && notHead.text.contains("Ngô Văn Phúc"))
            // Before certification the result is the board's and the presidium's, not the reviewer's.
            #expect(try await WebClient.send(client, .get, round + "/minutes", as: .reviewer).status == .forbidden)
            let certifyAsked = try await Self.post(client, round + "/certify", as: .counter)
            #expect(certifyAsked.status == .ok && certifyAsked.text.contains("Trưởng Ban Kiểm phiếu"))
            #expect(try await world.counting.round(id)?.lifecycle.state == .counted, "asking is not certifying")
            #expect(try await Self.post(client, round + "/certify", as: .counter, "confirm=yes").status == .seeOther)
            let page = try await WebClient.send(client, .get, round, as: .reviewer)
            #expect(page.text.contains("Ban kiểm phiếu đã xác nhận"))

            // The export re-counts to exactly the certified result.
            let electionFile = try await WebClient.send(client, .get, round + "/export/election.json", as: .reviewer)
            let ballotsFile = try await WebClient.send(client, .get, round + "/export/ballots.csv", as: .reviewer)
            let election = try ElectionFile.decode(Data(electionFile.text.utf8))
            let recount = try Tally.count(election, ballots: try BallotCSV.ballots(Array(ballotsFile.text.utf8), election: election))
            let certified = try #require(try await world.counting.round(id)?.certifiedResult)
            #expect(ResultDocument.encode(recount).formatted() == certified)
            // The paper, with ballot 5 as settled, gives the same votes.
            let expected = try Tally.count(election, ballots: try Self.paper.map {
                try BallotKeyEntry(typed: $0).ballot(form: .strikeOut, candidates: 4)
            })
            #expect(recount.candidates.map(\.votes) == expected.candidates.map(\.votes))
            // Ballot 4 keeps all four names for 3 seats: invalid (R-E-14). Of 10 valid ballots:
            // An 9, Bình 9, Cường 8, Đức 4, against base 11 (threshold 6): three elected.
            #expect(Set(recount.elected) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"])
            #expect(recount.candidates.map(\.votes) == [9, 9, 8, 4])

            // The minutes print the counting board, its head first (R-E-28).
            let minutes = try await WebClient.send(client, .get, round + "/minutes", as: .reviewer)
            #expect(minutes.text.contains("<span class=\"role\">Trưởng ban</span><span class=\"hint\">(ký, ghi rõ họ tên)</span><span class=\"space\"></span><span class=\"name\">Ngô Văn Phúc</span>"))
            #expect(!minutes.text.contains("draft-mark"), "certified minutes are not marked as a draft")

            // R-E-30: an annulment needs its reason; then the reviewer approves.
            #expect(try await Self.post(client, round + "/approval", as: .reviewer, "decision=annul&reason=").status == .badRequest)
            let approveAsked = try await Self.post(client, round + "/approval", as: .reviewer, "decision=approve")
            #expect(approveAsked.status == .ok && approveAsked.text.contains("name=\"decision\" value=\"approve\""))
            #expect(try await world.counting.round(id)?.lifecycle.state == .certified, "asking is not approving")
            #expect(try await Self.post(client, round + "/approval", as: .reviewer, "decision=approve&confirm=yes").status == .seeOther)
            #expect(try await world.counting.round(id)?.lifecycle.state == .approved)

            // The entry log lists the passes, their clerks and the settlement (R-E-29).
            let entryLog = try await WebClient.send(client, .get, round + "/entry-log", as: .counter)
            #expect(entryLog.text.contains("clerk2") && entryLog.text.contains("(đề xuất: kiemphieu3, xác nhận: kiemphieu4)"))
            #expect(entryLog.text.contains("<th>Thời gian</th><th>Người thực hiện</th><th>Nội dung</th>"), "the log's columns are headed")
            #expect(entryLog.text.contains("Tập 1, lượt 1: counter kết thúc lượt nhập, 11 phiếu"))
            #expect(entryLog.text.contains("<p id=\"head-name\"><strong>Ngô Văn Phúc</strong></p>"), "the head's name on the signature line")
            #expect(!entryLog.text.contains("counting opened") && !entryLog.text.contains("ballots"), "no machine text")
            // Every pass and settlement is in the audit log; no ballot is, one by one (secrecy).
            let entries = try await world.access.auditLog()
            #expect(!entries.contains { $0.action == .ballotEntered })
            let log = entries.map(\.action)
            #expect(log.contains(.differenceSettled) && log.contains(.stackAgreed) && log.contains(.resultCertified))
        }
    }

    @Test("R-E-29: a clerk never takes two passes of one stack, nor sees another clerk's pass")
    func passesBelongToOneClerk() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        let round = "/units/X1/rounds/1"
        try await app.test(.router) { client in
            try await Self.post(client, round + "/list", as: .secretary)
            try await Self.post(client, round + "/issue", as: .secretary, "issued=11")
            try await Self.post(client, round + "/open", as: .counter, "returned=11")
            try await Self.post(client, round + "/stacks", as: .counter, "stack=1&ballots=11")
            try await world.counting.claimPass(round: 1, stack: 1, pass: 1, clerk: "clerk2",
                                               audit: AuditDraft(actor: "clerk2", action: .passClaimed, subject: "t"))
            let taken = try await Self.post(client, round + "/passes", as: .counter, "stack=1")
            #expect(taken.headers[.location] == round + "/stacks/1/passes/2?notice=passTaken", "the free pass, not the other clerk's")
            let again = try await Self.post(client, round + "/passes", as: .counter, "stack=1")
            #expect(again.headers[.location] == round + "/stacks/1/passes/2", "the same clerk is sent back to their own pass")
            #expect(try await WebClient.send(client, .get, round + "/stacks/1/passes/1", as: .counter).status == .forbidden)
            #expect(try await Self.post(client, round + "/stacks/1/passes/1", as: .counter, "typed=1&position=0").status == .badRequest)
            // A round of Hà Nội addressed through a unit of Quảng Trị is not found.
            #expect(try await WebClient.send(client, .get, "/units/X1/rounds/2", as: .secretary).status == .notFound)
        }
    }

    @Test("the projector shows no count before the board releases the result, then the result (server-sent events)")
    func projector() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let waiting = try await WebClient.send(client, .get, "/units/X1/rounds/1/projector", as: .reviewer)
            #expect(waiting.text.contains("Đang kiểm phiếu. Kết quả được công bố khi Ban kiểm phiếu xác nhận."))
            #expect(!waiting.text.contains("Trúng cử") && !waiting.text.contains("Số phiếu"))
            let policy = try #require(waiting.headers[.contentSecurityPolicy])
            #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"))
            let feed = try await WebClient.send(client, .get, "/units/X1/rounds/3/projector/events", as: .reviewer)
            #expect(feed.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            let events = feed.text.components(separatedBy: "\n\n").filter { $0.hasPrefix("data: ") }
            #expect(events.count == 1)
            #expect(events.first?.contains("Trúng cử") == true && events.first?.contains("Nguyễn Văn An") == true)
            // Other pages keep the policy without any script.
            let round = try await WebClient.send(client, .get, "/units/X1/rounds/3", as: .reviewer)
            #expect(!(round.headers[.contentSecurityPolicy] ?? "script").contains("script"))
        }
    }

    @Test("R-E-30: the higher committee sees each subordinate congress's state and deadline, and only its own subtree's")
    func overview() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let page = try await WebClient.send(client, .get, "/units/T44/congresses", as: .reviewer)
            #expect(page.status == .ok)
            #expect(page.text.contains("Đại hội Đảng bộ phường Đồng Hới lần thứ I") && page.text.contains("1/2 cuộc bầu đã xác nhận"))
            #expect(page.text.contains("hạn 01/12/2026, còn 7 ngày làm việc"))
            #expect(!page.text.contains("Ba Đình"), "Hà Nội's congress is not in Quảng Trị's overview")
            try await WebClient.send(client, .post, "/units/X1/congress/submit", as: .secretary, form: "congress=1")
            let submitted = try await WebClient.send(client, .get, "/units/T44/congresses", as: .reviewer)
            #expect(submitted.text.contains("Đã gửi hồ sơ, chờ chuẩn y") && submitted.text.contains("hạn 11/12/2026"))
        }
    }

    @Test("R-E-17, R-E-21: attendance recorded on the roll changes the base of the next election; the credentials report counts without names")
    func rollAndCredentials() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary,
                                             form: "id=1&member=R05&attendance=absentAccepted").status == .seeOther)
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary,
                                             form: "id=1&member=R06&attendance=present&condition=temporaryElsewhere").status == .seeOther)
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary,
                                             form: "id=1&member=R07&notConvened=retiredOrTransferredOut").status == .seeOther)
            // R08 misses the second session: out of those present then, never out of the base.
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary,
                                             form: "id=1&member=R08&attendance=present&sessions=2").status == .seeOther)
            let unknown = try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary, form: "id=1&member=NOBODY")
            #expect(unknown.status == .badRequest && unknown.text.contains("Không có “NOBODY” trong danh sách triệu tập."))
            let record = try #require(try await world.counting.congress(1)?.record)
            // 11 convened full members (R07 is no longer convened), minus R06 elsewhere, minus R05 and R12 absent with a reason.
            #expect(record.base().base(under: .qd190) == 8)
            #expect(record.notConvened.map(\.memberID) == ["R07"])
            #expect(record.base(session: 1).base(under: .qd190) == 8 && record.base(session: 1).present == record.base().present! - 1)
            let credentials = try await WebClient.send(client, .get, "/units/X1/congress/credentials", as: .counter)
            #expect(credentials.status == .ok && credentials.text.contains("Không có trong sổ đảng viên"))
            #expect(!credentials.text.contains("Phan Thị Hoa"), "the report has no names")
            let roll = try await WebClient.send(client, .get, "/units/X1/congress/roll", as: .secretary)
            #expect(roll.text.contains("Phan Thị Hoa") && roll.text.contains("Vắng cả đại hội, có lý do được chấp nhận"))
            // The next election's base comes from the roll as it now stands.
            let opened = try await WebClient.send(client, .post, "/units/X1/congress/elections", as: .secretary,
                                                  form: "congress=1&body=executiveCommittee&seats=3&candidates=Nguy%E1%BB%85n+V%C4%83n+An%0ATr%E1%BA%A7n+Th%E1%BB%8B+B%C3%ACnh%0AL%C3%AA+V%C4%83n+C%C6%B0%E1%BB%9Dng%0A%C4%90%E1%BA%B7ng+V%C4%83n+%C4%90%E1%BB%A9c")
            #expect(opened.status == .seeOther)
            let round = try #require(try await world.counting.rounds(ofCongress: 1).last)
            #expect(round.election.baseValue == 8 && round.election.base.kind == .membersCongress)
        }
    }

    @Test("R-E-2, R-E-4, R-E-27: motions with their counts, a counting board never on a list it counts, appointments by decision")
    func workingBodies() async throws {
        let world = try await WebWorld.make()
        // A congress whose board may still be voted: none of its rounds has issued ballots (R-E-4).
        let fresh = CongressFixture.record(unit: "X1", name: "Đại hội (biểu quyết)")
        let id = try await world.counting.createCongress(fresh, audit: AuditDraft(actor: "t", action: .congressCreated, subject: "X1"))
        _ = try await world.counting.openRound(CongressFixture.election(fresh), unit: "X1", congress: id, requiredEntries: 2,
                                               audit: AuditDraft(actor: "t", action: .roundOpened, subject: "X1"))
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let post = { (form: String) in try await WebClient.send(client, .post, "/units/X1/congress/motions", as: .secretary, form: form) }
            // M001 (Nguyễn Văn An) is on the executive committee list: refused on the board (R-E-4).
            let onList = try await post("congress=\(id)&subject=countingBoard&for=10&against=1&board=R10+M001")
            #expect(onList.status == .badRequest && onList.text.contains("R-E-4"))
            #expect(try await post("congress=\(id)&subject=countingBoard&for=12&against=0").status == .badRequest, "more votes than voters")
            // The board is chosen from the roll: the page lists those who may sit on it (full members).
            let page = try await WebClient.send(client, .get, "/units/X1/congress?id=\(id)", as: .secretary).text
            #expect(page.contains("<select id=\"m-head\" name=\"head\">") && page.contains("<option value=\"R11\">"))
            #expect(try await post("congress=\(id)&subject=countingBoard&for=10&against=1&head=R11&board=R10&board=R11").status == .seeOther)
            let record = try #require(try await world.counting.congress(id)?.record)
            #expect(record.countingBoard == ["R11", "R10"], "the head first, whatever order the list sends")
            #expect(record.motions.last.map { ($0.subject, $0.inFavour, $0.against) } ?? (.presidium, 0, 0) == (.countingBoard, 10, 1))
            let missing = try await WebClient.send(client, .post, "/units/X1/congress/appointments", as: .secretary,
                                                   form: "congress=\(id)&role=inspectionChair&names=Hồ+Thị+Lan")
            #expect(missing.status == .badRequest && missing.text.contains("R-E-27"))
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/appointments", as: .secretary,
                                             form: "congress=\(id)&role=inspectionChair&decision=15-QĐ/TU&date=01/11/2026&names=Hồ+Thị+Lan").status == .seeOther)
            // R-E-4 the other way round: a board member on a new list is refused.
            let clash = try await WebClient.send(client, .post, "/units/X1/congress/elections", as: .secretary,
                                                 form: "congress=\(id)&body=executiveCommittee&seats=3&candidates=" + FullCycleTests.encode(
                                                    ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Dương Thị Quyên"].joined(separator: "\n")))
            #expect(clash.status == .badRequest && clash.text.contains("Dương Thị Quyên ở trong Ban kiểm phiếu"))
            let seat = try #require(try await world.counting.congress(id)?.record.composition.last)
            #expect(seat.memberID == "R07" && seat.role == .inspectionChair && seat.source == "decision 15-QĐ/TU of 01/11/2026 (R-E-27)")
        }
    }

    @Test("R-C-4, R-E-17, R-E-18: a congress set up in the browser takes its roll from the register or from a checked delegates list")
    func setUpCongress() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            let made = try await WebClient.send(client, .post, "/units/C1/congress", as: .secretary,
                                                form: "kind=members&term=2025%E2%80%932030&opens=10%2F12%2F2026&closes=2026-12-11")
            #expect(made.status == .seeOther)
            let cell = try #require(try await world.counting.congresses(of: "C1").first?.record)
            #expect(Set(cell.members.map(\.memberID)) == ["M001", "M002", "M004"] && cell.members.allSatisfy(\.full))
            #expect(cell.name == "Đại hội Chi bộ khu phố 1, nhiệm kỳ 2025–2030" && cell.opensOn == "2026-12-10")
            let page = try await WebClient.send(client, .get, "/units/C1/congress", as: .secretary)
            #expect(page.text.contains("Theo quy định: Đại hội đảng viên.") && !page.text.contains("R-C-4"), "no rule code on the screen")
            // A delegates list with bad lines: every problem named, nothing stored.
            let before = try await world.counting.allCongresses().count
            let bad = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                               form: "kind=delegates&opens=2026-12-10&closes=2026-12-11&delegates=" + FullCycleTests.encode("M001;elected;C1\nM002;chosen\nNOBODY;elected\nM004;elected;C1;0"))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("dòng 2") && bad.text.contains("dòng 3") && bad.text.contains("dòng 4") && !bad.text.contains("dòng 1 "))
            #expect(try await world.counting.allCongresses().count == before)
            let good = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                                form: "kind=delegates&opens=2026-12-10&closes=2026-12-11&delegates=" + FullCycleTests.encode("M001;elected;C1\nM002;exOfficio\nM004;elected;C1;1"))
            #expect(good.status == .seeOther)
            let delegates = try #require(try await world.counting.congresses(of: "X1").first?.record)
            #expect(delegates.kind == .delegates && delegates.delegates.map(\.fullName) == ["Nguyễn Văn An", "Trần Thị Bình", "Đặng Văn Đức"])
            #expect(delegates.base().base(under: .qd190) == 2, "official delegates: the alternate is not in the base (R-E-18)")
            // M001 absent throughout: the alternate of C1 sits in their place and the base keeps 2 (R-E-25).
            let congress = try #require(try await world.counting.congresses(of: "X1").first)
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/roll", as: .secretary,
                                             form: "id=\(congress.id)&member=M001&attendance=absentNoReason").status == .seeOther)
            let replaced = try await WebClient.send(client, .get, "/units/X1/congress/roll?id=\(congress.id)", as: .secretary)
            #expect(replaced.text.contains("id=\"replacements\"") && replaced.text.contains("Đặng Văn Đức"))
            #expect(try await world.counting.congress(congress.id)?.record.base().base(under: .qd190) == 2)
            let wrongOrder = try await WebClient.send(client, .post, "/units/X1/congress", as: .secretary,
                                                      form: "kind=members&opens=2026-12-12&closes=2026-12-11")
            #expect(wrongOrder.status == .badRequest)
        }
    }

    @Test("R-E-30: an annulled result leaves the term's composition, and the ordered re-election opens with the same list and base")
    func annulAndRerun() async throws {
        let world = try await WebWorld.make()
        var record = try #require(try await world.counting.congress(1))
        record.record.composition = [BodySeat(memberID: "M001", name: "Nguyễn Văn An", role: .committeeMember, source: "round 3"),
                                     BodySeat(memberID: "R05", name: "Phan Thị Hoa", role: .committeeMember, source: "decision 1 (R-E-27)")]
        _ = try await world.counting.updateCongress(1, version: record.version, record.record,
                                                    audit: AuditDraft(actor: "test", action: .congressChanged, subject: "t"))
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/3/rerun", as: .secretary).status == .badRequest,
                    "a certified result is not re-run before an annulment")
            #expect(try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer,
                                             form: "decision=annul&reason=Vi+ph%E1%BA%A1m+quy+tr%C3%ACnh&confirm=yes").status == .seeOther)
            let after = try #require(try await world.counting.congress(1)?.record.composition)
            #expect(after.map(\.memberID) == ["R05"], "the annulled round's seats are gone, the appointed one stays")
            let rerun = try await WebClient.send(client, .post, "/units/X1/rounds/3/rerun", as: .secretary)
            let location = try #require(rerun.headers[.location])
            let id = Round.ID(try #require(Int64(location.split(separator: "?")[0].split(separator: "/").last!)))
            let old = try #require(try await world.counting.round(3)), new = try #require(try await world.counting.round(id))
            #expect(new.lifecycle.state == .draft && new.election.candidates == old.election.candidates && new.election.base == old.election.base)
            #expect(new.election.round == old.election.round + 1 && new.congress == 1)
            // One post annulled: the reason is required, the seat leaves the composition.
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/annul-seat", as: .reviewer,
                                             form: "congress=1&name=Phan+Th%E1%BB%8B+Hoa&role=committeeMember").status == .badRequest)
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/annul-seat", as: .secretary,
                                             form: "congress=1&name=Phan+Th%E1%BB%8B+Hoa&role=committeeMember&reason=x").status == .forbidden)
            // The post is chosen from the composition's list, by person.
            let seat = try #require(try await world.counting.congress(1)?.record.composition.first)
            let key = seat.key
            let listed = try await WebClient.send(client, .get, "/units/X1/congress?id=1", as: .reviewer).text
            #expect(listed.contains("<option value=\"\(key)\">"))
            #expect(try await WebClient.send(client, .post, "/units/X1/congress/annul-seat", as: .reviewer,
                                             form: "congress=1&seat=\(key)&reason=Kh%C3%B4ng+%C4%91%E1%BB%A7+ti%C3%AAu+chu%E1%BA%A9n").status == .seeOther)
            #expect(try await world.counting.congress(1)?.record.composition.isEmpty == true)
        }
    }
}
