import CongressCore
import Foundation
import Testing

/// README = app: the README's congress-day walk-through followed word for word in Chromium on
/// the demo the README's first command builds (`congress demo`, then `congress serve`, the built
/// binary as a user runs it). Every button, link and label it names in italics is pressed or
/// read on the page, and at the end each italic label of the walk-through must have been seen
/// on a page exactly as the README writes it.
@Suite("README walk-through", .serialized, .enabled(if: BrowserRun.wanted, "Chromium and chromedriver are not installed (bash .ci/run installs them)"))
struct BrowserReadmeWalkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let enter = "\u{E007}"

    /// The walk-through: from its heading to the secretariat's paragraph that follows it.
    static func walkThrough() throws -> String {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Congress day"), let end = readme.range(of: "`thuky` (the secretariat) runs the rest", range: start.upperBound..<readme.endIndex)
        else { throw WebDriver.Failure(description: "the README has no congress-day walk-through") }
        return String(readme[start.lowerBound..<end.lowerBound])
    }

    /// Its italic labels (`*…*`, not bold), with line breaks read as spaces.
    static func labels(_ text: String) -> [String] {
        text.replacing(/\*\*[^*]+\*\*/, with: "").matches(of: /\*([^*\s][^*]*)\*/).map { match in
            String(match.output.1).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    @Test("the README's congress-day walk-through, step by step, on the demo it builds: every label it names is on the pages")
    func followTheReadme() async throws {
        #expect(WebDriver.available, "install chromium and chromium-driver (bash .ci/run does)")
        guard WebDriver.available else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("demo.sqlite").path
        let built = try Self.run(["demo", "--build-only", "--database", database])
        #expect(built.status == 0, "congress demo: \(built.out.suffix(500))")
        var passwords: [String: String] = [:]
        for match in built.out.matches(of: #/Tài khoản (\S+) / mật khẩu (\S+) /#) { passwords[String(match.output.1)] = String(match.output.2) }
        #expect(Set(["thuky", "kiemphieu1", "kiemphieu2", "kiemphieu3", "kiemphieu4", "thamdinh"]).isSubset(of: passwords.keys))
        #expect(built.out.contains("/units/X19742/rounds/4"), "the demo prints the secretary election's address")
        let port = 18_000 + Int.random(in: 0..<2_000)
        let server = Process()
        server.executableURL = BrowserCountingTests.binary
        server.arguments = ["serve", "--database", database, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGTERM, then SIGKILL if the server is still up after 5 s: no test leaves one running.
            server.terminate()
            for _ in 0..<50 where server.isRunning { usleep(100_000) }
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        }
        let site = "http://127.0.0.1:\(port)"
        let browser = try await WebDriver(port: 9515 + Int.random(in: 1_200..<1_600))
        var walk = Walk(browser: browser, site: site, passwords: passwords)
        do {
            try await walk.waitForServer()
            try await walk.follow(folder)
            await browser.quit()
        } catch {
            try? await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("failure-readme-walk.png"))
            await browser.quit()
            throw error
        }
        // Every label the walk-through names was on a page as written.
        let seen = walk.seen.joined(separator: "\n").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let labels = Self.labels(try Self.walkThrough())
        #expect(labels.count > 25, "the walk-through's labels are read")
        // The one branch the walk does not take (two passes that agree) is checked in the catalogue.
        let otherBranch = ["Xác nhận tập phiếu"]
        for label in labels where !otherBranch.contains(label) {
            #expect(seen.contains(label), "the README names “\(label)”, which no page of the walk showed")
        }
        #expect(otherBranch == [Catalogue.text("web.stack.accept", .vi)], "the agreeing branch's button is named as the README writes it")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String) {
        let process = Process()
        process.executableURL = BrowserCountingTests.binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

/// The walk itself: the README's steps, in order, remembering every page's text.
struct Walk {
    let browser: WebDriver
    let site: String
    let passwords: [String: String]
    var seen: [String] = []
    let round = "/units/X19742/rounds/4"

    func waitForServer() async throws {
        for _ in 0..<300 {
            if (try? await browser.go(site + "/signin")) != nil, (try? await browser.pageText())?.contains("Đăng nhập") == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriver.Failure(description: "congress serve did not start")
    }

    mutating func look() async throws { seen.append(try await browser.pageText()) }

    /// Presses the link or button whose text is `label` (as the README writes it) and waits for the next page.
    mutating func press(_ label: String) async throws {
        try await look()
        let before = try await browser.currentURL()
        let found = try await browser.string("""
            const want = \(Self.quoted(label));
            const norm = s => s.replace(/\\s+/g, ' ').trim();
            const all = [...document.querySelectorAll('a, button, summary')];
            const hit = all.find(e => norm(e.innerText) === want) || all.find(e => norm(e.innerText).startsWith(want));
            if (!hit) { return 'missing'; }
            hit.click();
            return 'ok';
            """)
        guard found == "ok" else { throw WebDriver.Failure(description: "no link or button “\(label)” on \(before)") }
        for _ in 0..<100 {
            if try await browser.currentURL() != before { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try await look()
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    mutating func signIn(_ login: String) async throws {
        try await browser.go(site + "/signin")
        try await browser.type("#login", login)
        try await browser.type("#password", passwords[login] ?? "")
        try await browser.follow("#signin")
        try await look()
    }

    /// Signs out from the home page (a printed page, such as the minutes, has no menu).
    mutating func signOut() async throws {
        try await browser.go(site + "/")
        try await browser.follow("#signout")
    }

    /// One pass of the secretary's stack: 27 agree/disagree ballots, one letter each, Enter after each.
    mutating func enterPass(_ letters: [String], correcting: Bool = false) async throws {
        try await browser.waitForText("Đã nhập 0 / 27 phiếu của tập")
        for (index, letter) in letters.enumerated() {
            if correcting, index == 1 {
                // A slip, taken back with *Sửa phiếu vừa nhập* and typed again.
                try await browser.type("#typed", "D" + BrowserReadmeWalkTests.enter)
                try await browser.waitForText("Đã nhập 2 / 27 phiếu của tập")
                try await press("Sửa phiếu vừa nhập")
                try await browser.waitForText("Đã nhập 1 / 27 phiếu của tập")
            }
            try await browser.type("#typed", letter + BrowserReadmeWalkTests.enter)
            try await browser.waitForText("Đã nhập \(index + 1) / 27 phiếu của tập")
            if index == 0 { try await look() }
        }
        try await press("Hoàn thành lượt nhập")
    }

    mutating func follow(_ folder: URL) async throws {
        let paper = (0..<27).map { $0 % 9 == 8 ? "D" : "A" }
        // 1. The counting board's head: **Đại hội** shows the congress.
        try await signIn("kiemphieu1")
        try await press("Đại hội")
        let congress = try await browser.pageText()
        #expect(congress.contains("Ban Kiểm phiếu") && congress.contains("Cơ sở tính"), "the congress page shows the board and the base")
        // 2. The secretary election: the ballots returned, then the box opened.
        try await press("Bầu Bí thư Đảng ủy")
        #expect(try await browser.currentURL().hasSuffix(round))
        try await browser.type("#returned", "27")
        try await press("Mở hòm phiếu, bắt đầu kiểm")
        // 3. The split (27 in one stack), then pass 1.
        try await browser.type("#ballots", "27")
        try await press("Ghi số phiếu của tập")
        try await browser.waitForText("Đã chia đủ 27 phiếu thu vào")
        try await press("Nhận lượt 1")
        try await enterPass(paper, correcting: true)
        try await signOut()
        // 4. Pass 2, with a deliberate mistake at ballot 5.
        try await signIn("kiemphieu2")
        try await browser.go(site + round)
        try await press("Nhận lượt 2")
        try await enterPass(paper.enumerated().map { $0.offset == 4 ? "D" : $0.element })
        try await signOut()
        // 5. A member who typed neither pass compares and proposes; a fourth confirms.
        try await signIn("kiemphieu3")
        try await browser.go(site + round)
        try await press("Đối chiếu")
        try await browser.type("#paper-4", "A")
        try await press("Ghi kết quả xử lý chênh lệch")
        try await signOut()
        try await signIn("kiemphieu4")
        try await browser.go(site + round + "/stacks/1")
        try await look()
        try await browser.follow("#confirm")
        try await look()
        // 6. Closing: the confirmation page; back first, then the step; the draft minutes.
        try await press("Kết thúc kiểm phiếu và tính kết quả…")
        try await press("Quay lại, chưa làm")
        #expect(try await browser.currentURL().hasSuffix(round), "going back does nothing")
        try await press("Kết thúc kiểm phiếu và tính kết quả…")
        try await press("Kết thúc kiểm phiếu và tính kết quả")
        try await press("Biên bản kiểm phiếu")
        #expect(try await browser.pageText().contains("DỰ THẢO"))
        // Before certification the entry log reads each settled ballot as typed and as the paper reads.
        try await browser.go(site + round)
        try await press("Nhật ký nhập phiếu")
        #expect(try await browser.pageText().contains("Phiếu 5: lượt 1 ghi Đồng ý, lượt 2 ghi Không đồng ý, phiếu giấy: Đồng ý"))
        try await signOut()
        // 7. The head certifies; the minutes, the exports and the entry log.
        try await signIn("kiemphieu1")
        try await browser.go(site + round)
        try await press("Xác nhận kết quả…")
        try await press("Tôi, Trưởng Ban Kiểm phiếu, xác nhận kết quả")
        var exported: [String] = []
        for id in ["#export-election", "#export-ballots"] {
            let file = try await browser.download(try await browser.string("return document.querySelector('\(id)').href"))
            exported += [file.name, file.body]
        }
        #expect(exported[0] == "round-4-election.json" && exported[2] == "round-4-ballots.csv", "the README's file names")
        try await look()
        try await press("Nhật ký nhập phiếu")
        let certifiedLog = try await browser.pageText()
        #expect(!certifiedLog.contains("Phiếu 5: lượt 1") && certifiedLog.contains("đã được xóa khi xác nhận kết quả"),
                "a certified round's entry log keeps no ballot-by-ballot detail")
        try await browser.go(site + round)
        try await press("Biên bản kiểm phiếu")
        #expect(!(try await browser.pageText()).contains("DỰ THẢO"))
        try await signOut()
        // 8. The exported files re-count to the certified result with `congress tally`.
        let election = folder.appendingPathComponent(exported[0]), ballots = folder.appendingPathComponent(exported[2])
        try exported[1].write(to: election, atomically: true, encoding: .utf8)
        try exported[3].write(to: ballots, atomically: true, encoding: .utf8)
        let tally = try BrowserReadmeWalkTests.run(["tally", election.path, ballots.path, "--format", "json"])
        #expect(tally.status == 0 && tally.out.contains("\"elected\""), "\(tally.out)")
        // 9. The reviewer's queue, and approval through its confirmation.
        try await signIn("thamdinh")
        try await press("Đại hội")
        #expect(try await browser.pageText().contains("Kết quả chờ chuẩn y"))
        try await browser.go(site + round)
        try await look()
        try await press("Chuẩn y kết quả…")
        try await press("Chuẩn y kết quả")
        try await signOut()
        // The printed ballot, from the secretariat's round page.
        try await signIn("thuky")
        try await browser.go(site + round)
        try await press("In phiếu bầu (A4)")
        try await browser.go(site + round)
        try await press("In phiếu bầu (A5)")
    }
}
