import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Counting a stack in a real browser (R-E-29): two clerks enter the same stack of paper
/// ballots on the keyboard-first screen, one of them types ballot 3 differently, the board sees
/// the difference, settles it as the paper reads, closes and certifies.
@Suite("Browser counting", .serialized, .enabled(if: BrowserRun.wanted, "Chromium and chromedriver are not installed (bash .ci/run installs them)"))
struct BrowserCountingTests {
    static let enter = "\u{E007}"

    @Test("two clerks enter a stack, one difference is settled against the paper, the round is certified")
    func countAStack() async throws {
        #expect(WebDriver.available, "install chromium and chromium-driver (bash .ci/run does)")
        guard WebDriver.available else { return }
        let world = try await WebWorld.make()
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "setup")
        for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 4)] {
            _ = try await world.counting.apply(event, to: 1, audit: audit)
        }
        // The board of the fixture's congress: R10 (the counter persona, its head), R09, R08, R07.
        let hash = await BcryptPasswords(cost: 4).hash(WebWorld.Persona.password)
        for (login, member) in [("kiemphieu2", "R09"), ("kiemphieu3", "R08"), ("kiemphieu4", "R07")] {
            _ = try await world.access.createUser(
                NewUser(login: login, displayName: "Kiểm phiếu viên \(member)", passwordHash: hash,
                        grants: [RoleGrant(role: .countingBoard, unit: "X1")], memberID: Person.ID(member)),
                audit: AuditDraft(actor: "test", action: .userCreated, subject: login))
        }
        let app = Application(router: try await world.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let site = "http://127.0.0.1:\(try #require(client.port))"
            let browser = try await WebDriver(port: 9515 + Int.random(in: 400..<800))
            do {
                try await count(browser, site)
                await browser.quit()
                try await recount(client, world)
            } catch {
                try? await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("failure-counting.png"))
                await browser.quit()
                throw error
            }
        }
        #expect(try await world.counting.round(1)?.lifecycle.state == .certified)
        let settled = try await world.access.auditLog().filter { $0.action == .differenceSettled }
        #expect(settled.count == 1 && settled[0].detail.contains("proposed by kiemphieu3, confirmed by kiemphieu4"),
                "the settlement is in the audit log, without any position or ballot")
    }

    /// The certified round exported from the application and counted again by `congress tally`
    /// (the built binary, as on another machine) gives the certified result exactly.
    private func recount(_ client: some TestClientProtocol, _ world: WebWorld) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recount-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let election = folder.appendingPathComponent("election.json"), ballots = folder.appendingPathComponent("ballots.csv")
        let electionFile = try await WebClient.send(client, .get, "/units/X1/rounds/1/export/election.json", as: .reviewer)
        let ballotsFile = try await WebClient.send(client, .get, "/units/X1/rounds/1/export/ballots.csv", as: .reviewer)
        #expect(electionFile.status == .ok && ballotsFile.status == .ok)
        try electionFile.text.write(to: election, atomically: true, encoding: .utf8)
        try ballotsFile.text.write(to: ballots, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["tally", election.path, ballots.path, "--format", "json"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let certified = try #require(try await world.counting.round(1)?.certifiedResult)
        #expect(printed == certified + "\n", "congress tally on the exported files reproduces the certified result")
    }

    /// `congress` sits above the test bundle in the build folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("congress").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("congress")
    }()

    /// One pass of stack 1 (4 ballots): the ballots as typed, each followed by Enter. A 5th has no field.
    private func enterPass(_ browser: WebDriver, _ site: String, ballots: [String], shot: String? = nil) async throws {
        try await browser.go(site + "/units/X1/rounds/1")
        // A clerk back to a pass already taken continues it; the others take the next pass.
        let own = try await browser.number("return document.querySelectorAll('#continue-1').length") > 0
        try await browser.follow(own ? "#continue-1" : "#take-1")
        try await browser.waitForText("Đã nhập 0 / 4 phiếu của tập")
        for (index, typed) in ballots.enumerated() {
            try await browser.type("#typed", typed + Self.enter)
            try await browser.waitForText("Đã nhập \(index + 1) / 4 phiếu của tập")
        }
        #expect(try await browser.number("return document.querySelectorAll('#typed').length") == 0, "a full pass takes no 5th ballot")
        let page = try await browser.pageText()
        #expect(!page.contains("Tổng số phiếu"), "the entry screen shows no running totals")
        if let shot { try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent(shot + ".png")) }
        try await browser.follow("#finish")
    }

    private func count(_ browser: WebDriver, _ site: String) async throws {
        try await browser.signIn(site, "counter")
        // A typing mistake on the screen is refused there, naming the rule of the ballot.
        try await browser.go(site + "/units/X1/rounds/1")
        // The board counts the paper stack and records it: 4 ballots, all those returned.
        try await browser.type("#ballots", "4")
        try await browser.follow("#declare")
        _ = try await browser.waitForText("Đã chia đủ 4 phiếu thu vào")
        try await browser.follow("#take-1")
        try await browser.type("#typed", "7" + Self.enter)
        #expect(try await browser.waitForText("“7” không phải số thứ tự trên phiếu (1–4)").contains("Đã nhập 0 / 4 phiếu"))
        // The wrong text is selected, so the next keys replace it.
        #expect(try await browser.string("""
            const f = document.activeElement;
            return f.id + ':' + f.selectionStart + '-' + f.selectionEnd + ':' + f.value;
            """) == "typed:0-1:7")
        // A mistyped ballot is taken back before the pass ends and shows as typed, the cursor at its end.
        try await browser.type("#typed", "1 2" + Self.enter)
        _ = try await browser.waitForText("Đã nhập 1 / 4 phiếu")
        try await browser.follow("#correct")
        _ = try await browser.waitForText("Đã nhập 0 / 4 phiếu")
        #expect(try await browser.string("""
            const f = document.activeElement;
            return f.id + ':' + f.selectionStart + '-' + f.selectionEnd + ':' + f.value;
            """) == "typed:3-3:1 2")
        try await enterPass(browser, site, ballots: ["4", "3", "4", "2"], shot: "10-entry")
        try await browser.follow("#signout")

        try await browser.signIn(site, "kiemphieu2")
        try await enterPass(browser, site, ballots: ["4", "3", "1", "2"])
        // A clerk of the stack is not shown the comparison (R-E-29).
        try await browser.go(site + "/units/X1/rounds/1/stacks/1")
        #expect(!(try await browser.pageText()).contains("counter: 4"))
        try await browser.follow("#signout")

        // A third member, who typed neither pass, reads the paper and proposes; a fourth confirms.
        try await browser.signIn(site, "kiemphieu3")
        try await browser.go(site + "/units/X1/rounds/1/stacks/1")
        let comparison = try await browser.text(of: "#differences")
        #expect(comparison.contains("counter: 4") && comparison.contains("kiemphieu2: 1"), "ballot 3 as each clerk typed it")
        try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("11-differences.png"))
        // A reading that is no ballot is refused beside its row, with what was typed and ticked kept.
        try await browser.type("#paper-2", "9")
        try await browser.click("#marked-2")
        try await browser.click("#settle")
        let refusal = try await browser.waitForText("“9” không phải số thứ tự trên phiếu (1–4)")
        #expect(refusal.contains("Phiếu thứ 3"))
        #expect(try await browser.string("return document.querySelector('#paper-2').value + ':' + document.querySelector('#marked-2').checked + ':' + (document.querySelector('#error-2') !== null)") == "9:true:true")
        try await browser.click("#marked-2")
        try await browser.type("#paper-2", "4")
        try await browser.click("#settle")
        _ = try await browser.waitForText("Đề xuất xử lý của kiemphieu3")
        try await browser.follow("#signout")
        try await browser.signIn(site, "kiemphieu4")
        try await browser.go(site + "/units/X1/rounds/1/stacks/1")
        try await browser.follow("#confirm")
        #expect(try await browser.text(of: "#agreed-total") == "4")
        try await browser.follow("#signout")

        // The head of the board (the counter persona, R10) closes and certifies (R-E-28).
        try await browser.signIn(site, "counter")
        try await browser.go(site + "/units/X1/rounds/1")
        // Each irreversible step restates itself on a page of its own before it is taken.
        try await browser.follow("#close")
        try await browser.waitForText("Việc này không thể hoàn tác")
        try await browser.follow("#confirm")
        try await browser.waitForText("Đã kiểm xong")
        #expect(try await browser.text(of: "#notice").contains("Đã kết thúc kiểm phiếu"))
        // Minutes printed before certification say so on the page, in the rendered page's own styles.
        try await browser.go(site + "/units/X1/rounds/1/minutes")
        #expect(try await browser.string("return getComputedStyle(document.querySelector('.draft-mark')).position;") == "fixed",
                "the draft mark repeats on every printed page")
        #expect(try await browser.pageText().contains("Bản dự thảo"))
        try await BrowserPrinting.keep(try await browser.printPDF(), "minutes-draft")
        try await browser.go(site + "/units/X1/rounds/1")
        try await browser.follow("#certify")
        #expect(try await browser.waitForText("Các bản nhập riêng của từng lượt sẽ bị xóa").contains("Người trúng cử theo kết quả đã tính"))
        try await browser.follow("#confirm")
        let certified = try await browser.waitForText("Ban kiểm phiếu đã xác nhận")
        #expect(certified.contains("Trúng cử"))
        try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("12-certified.png"))
        try await browser.go(site + "/units/X1/rounds/1/minutes")
        #expect(try await browser.number("return document.querySelectorAll('.draft-mark').length;") == 0, "certified minutes are final")
        try await BrowserPrinting.checkMinutes(browser, signers: 4)
        try await BrowserPrinting.keep(try await browser.printPDF(), "minutes-certified")
    }
}
