import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What a person checks on paper, read from the page as Chromium renders it (computed styles
/// and boxes, not markup), and the PDFs Chrome prints, kept in `Artifacts/printed/`.
enum BrowserPrinting {
    static let folder: URL = {
        let folder = BrowserTests.screenshots.deletingLastPathComponent().appendingPathComponent("printed")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    static func keep(_ pdf: Data, _ name: String) async throws {
        #expect(pdf.starts(with: Data("%PDF".utf8)), "\(name): Chrome printed a PDF")
        #expect(pdf.count > 2_000, "\(name): the PDF has content")
        try pdf.write(to: folder.appendingPathComponent(name + ".pdf"))
    }

    /// Millimetres of a CSS length in pixels (96 px to the inch).
    static func millimetres(_ pixels: Double) -> Double { pixels * 25.4 / 96 }

    /// The minutes' results table has ruled cells and every board member a place to sign with
    /// a line and their name.
    static func checkMinutes(_ browser: WebDriver, signers: Int) async throws {
        #expect(try await browser.string("return getComputedStyle(document.querySelector('table.results td')).borderTopStyle;") == "solid")
        #expect(try await browser.number("return document.querySelectorAll('.signatures .signer').length;") == Double(signers))
        #expect(try await browser.string("return getComputedStyle(document.querySelector('.signatures .space')).borderBottomStyle;") == "dotted",
                "a line to sign on")
        let room = try await browser.number("return document.querySelector('.signatures .space').getBoundingClientRect().height;")
        #expect(millimetres(room) >= 15, "room to sign: \(millimetres(room)) mm")
        let names = try await browser.string("return Array.from(document.querySelectorAll('.signatures .name')).map(e => e.textContent).join('|');")
        #expect(!names.split(separator: "|").contains { $0.isEmpty }, "each signature line names its member: \(names)")
        #expect(try await browser.string("return getComputedStyle(document.querySelector('td.num')).textAlign;") == "right")
        #expect(try await browser.number("return document.styleSheets.length;") >= 1, "the served stylesheet applied")
    }
}

@Suite("Browser printing and pages", .serialized, .enabled(if: BrowserRun.wanted, "Chromium and chromedriver are not installed (bash .ci/run installs them)"))
struct BrowserPrintingTests {
    private func withBrowser(width: Int = 1366, phone: Bool = false, _ body: @escaping @Sendable (WebDriver, String, WebWorld) async throws -> Void) async throws {
        #expect(WebDriver.available, "install chromium and chromium-driver (bash .ci/run does)")
        guard WebDriver.available else { return }
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let site = "http://127.0.0.1:\(try #require(client.port))"
            let browser = try await WebDriver(port: 9515 + Int.random(in: 800..<1200), width: width, height: phone ? 740 : 768, phone: phone)
            do {
                try await body(browser, site, world)
                await browser.quit()
            } catch {
                try? await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("failure-printing.png"))
                await browser.quit()
                throw error
            }
        }
    }

    @Test("R-E-11, R-E-12: the ballot prints on A4 and A5 with its stamp frame at the upper left and boxes to mark")
    func ballot() async throws {
        try await withBrowser { browser, site, _ in
            try await browser.signIn(site, "secretary")
            for (paper, stamp) in [("A4", 42.0), ("A5", 34.0)] {
                try await browser.go(site + "/units/X1/rounds/1/ballot?paper=\(paper)")
                let frame = "getComputedStyle(document.querySelector('.stamp'))"
                #expect(try await browser.string("return \(frame).borderTopStyle;") == "dashed", "\(paper): the stamp frame is drawn")
                let width = BrowserPrinting.millimetres(try await browser.number("return document.querySelector('.stamp').getBoundingClientRect().width;"))
                #expect(abs(width - stamp) < 1, "\(paper): the stamp frame is \(width) mm wide")
                let stampLeft = try await browser.number("return document.querySelector('.stamp').getBoundingClientRect().left;")
                let partyLeft = try await browser.number("return document.querySelector('.party').getBoundingClientRect().left;")
                let tableTop = try await browser.number("return document.querySelector('table.ballot').getBoundingClientRect().top;")
                let stampTop = try await browser.number("return document.querySelector('.stamp').getBoundingClientRect().top;")
                #expect(stampLeft < partyLeft && stampTop < tableTop, "\(paper): the stamp frame is at the upper left")
                // D1's list of the fixture is agree/disagree or strike-out: either way the table is ruled.
                #expect(try await browser.string("return getComputedStyle(document.querySelector('table.ballot td')).borderTopStyle;") == "solid")
                #expect(try await browser.string("return document.querySelector('.party').innerText;").contains("ĐẢNG BỘ PHƯỜNG ĐỒNG HỚI"),
                        "the organisation is printed under the party's name")
                let size: (Double, Double) = paper == "A4" ? (21.0, 29.7) : (14.8, 21.0)
                try await BrowserPrinting.keep(try await browser.printPDF(width: size.0, height: size.1), "ballot-\(paper)")
            }
        }
    }

    @Test("R-E-30: Enter in the reason field approves nothing; approving and annulling each ask first")
    func reviewerDecisions() async throws {
        try await withBrowser { browser, site, world in
            try await browser.signIn(site, "reviewer")
            try await browser.go(site + "/units/X1/rounds/3")
            try await browser.type("#reason", "Sai quy trình" + BrowserCountingTests.enter)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await browser.currentURL().hasSuffix("/units/X1/rounds/3"), "Enter stays in the reason field")
            #expect(try await world.counting.round(3)?.lifecycle.state == .certified)
            try await browser.follow("#annul")
            let asked = try await browser.waitForText("Việc này không thể hoàn tác")
            #expect(asked.contains("Lý do hủy: Sai quy trình"))
            try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("13-annul-asked.png"))
            try await browser.follow("#back")
            #expect(try await world.counting.round(3)?.lifecycle.state == .certified, "going back annuls nothing")
            try await browser.follow("#approve")
            try await browser.waitForText("Việc chuẩn y được ghi vào nhật ký")
            try await browser.follow("#confirm")
            #expect(try await browser.text(of: "#notice").contains("Đã chuẩn y kết quả"))
            #expect(try await world.counting.round(3)?.lifecycle.state == .approved)
        }
    }

    @Test("every page fits a 360 px phone without sideways scrolling")
    func phoneWidths() async throws {
        let pages: [(String, String)] = [
            ("stafft44", "/"), ("stafft44", "/units/T44"), ("stafft44", "/units/T44/members"), ("stafft44", "/members/M004"),
            ("stafft44", "/units/T44/structure"),
            ("secretary", "/units/X1/congress"), ("secretary", "/units/X1/congress/roll"), ("secretary", "/units/X1/rounds/1"),
            ("secretary", "/units/X1/rounds/1/ballot"),
            ("reviewer", "/units/X1/rounds/3"), ("reviewer", "/units/X1/rounds/3/minutes"), ("reviewer", "/units/T44/congresses"),
            ("reviewer", "/units/X1/congress/credentials"),
            ("counter", "/units/X1/rounds/3/stacks/1"), ("counter", "/units/X1/rounds/3/entry-log"),
            ("counter", "/units/X1/rounds/3/stacks/1/passes/1"),
            ("admin", "/admin/users"),
        ]
        try await withBrowser(width: 360, phone: true) { browser, site, _ in
            var signedIn = ""
            for (login, path) in pages {
                if login != signedIn {
                    if !signedIn.isEmpty { try await browser.go(site + "/"); try? await browser.click("#signout") }
                    try await browser.signIn(site, login)
                    signedIn = login
                }
                try await browser.go(site + path)
                let overflow = try await browser.number("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                if overflow > 0 {
                    let name = "phone" + path.replacingOccurrences(of: "/", with: "-")
                    try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent(name + ".png"))
                }
                let wide = overflow > 0 ? try await browser.string("""
                    const w = document.documentElement.clientWidth;
                    return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1)
                      .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > w + 1))
                      .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                      + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ');
                    """) : ""
                #expect(overflow <= 0, "\(path) is \(overflow) px wider than a 360 px phone: \(wide)")
            }
        }
    }
}
