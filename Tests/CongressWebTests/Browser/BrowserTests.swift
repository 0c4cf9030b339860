import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Whether to run the browser tests: always under `.ci/run` (a missing browser then fails),
/// elsewhere when Chromium and its driver are installed.
enum BrowserRun {
    static var required: Bool { ProcessInfo.processInfo.environment["CONGRESS_BROWSER_TESTS"] == "1" }
    static var wanted: Bool { required || WebDriver.available }
}

/// The application in a real headless Chromium: sign in, browse the tree, search with and
/// without diacritics, switch language, be refused another province. Screenshots go to
/// `Artifacts/screenshots/` (CI lists them in its log). `.ci/run` installs Chromium and its
/// driver and sets CONGRESS_BROWSER_TESTS=1, which makes a missing browser a failure.
@Suite("Browser", .serialized, .enabled(if: BrowserRun.wanted, "Chromium and chromedriver are not installed (bash .ci/run installs them)"))
struct BrowserTests {
    static let screenshots: URL = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Artifacts/screenshots")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    @Test("sign in, browse, search with and without diacritics, switch language, refused elsewhere")
    func journey() async throws {
        #expect(WebDriver.available, "install chromium and chromium-driver (bash .ci/run does)")
        guard WebDriver.available else { return }
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let site = "http://127.0.0.1:\(port)"
            let browser = try await WebDriver(port: 9515 + Int.random(in: 0..<400))
            do {
                try await walk(browser, site)
                await browser.quit()
            } catch {
                try? await browser.screenshot(Self.screenshots.appendingPathComponent("failure.png"))
                await browser.quit()
                throw error
            }
        }
    }

    private func shot(_ browser: WebDriver, _ name: String) async throws {
        try await browser.screenshot(Self.screenshots.appendingPathComponent(name + ".png"))
    }

    private func walk(_ browser: WebDriver, _ site: String) async throws {
        // Signed out, any page leads to the sign-in page.
        try await browser.go(site + "/units/T44")
        #expect(try await browser.currentURL().contains("/signin?next="))
        #expect(try await browser.pageText().contains("Đăng nhập"))
        try await shot(browser, "01-signin")

        try await browser.type("#login", "stafft44")
        try await browser.type("#password", WebWorld.Persona.password)
        try await browser.follow("#signin")
        #expect(try await browser.currentURL().hasSuffix("/units/T44"), "back where the user was going")
        try await browser.go(site + "/")
        let home = try await browser.pageText()
        #expect(home.contains("Đảng bộ tỉnh Quảng Trị") && home.contains("Lê Thị Tổ Chức"))
        try await shot(browser, "02-home")

        // The tree: the province, a commune, and the breadcrumb back.
        try await browser.follow("nav a[href='/units/T44']")
        #expect(try await browser.text(of: "h1") == "Đảng bộ tỉnh Quảng Trị")
        #expect(try await browser.pageText().contains("Đảng bộ phường Đồng Hới"))
        try await shot(browser, "03-tree")
        try await browser.follow("a[href='/units/X1']")
        #expect(try await browser.text(of: "h1") == "Đảng bộ phường Đồng Hới")
        #expect(try await browser.text(of: "nav.crumbs").contains("Đảng bộ tỉnh Quảng Trị"))

        // Members: search with and without diacritics finds the same person.
        try await browser.follow("#members-link")
        try await browser.type("#q", "Nguyễn Văn An")
        try await browser.follow("#filter")
        #expect(try await browser.text(of: "#count") == "1 đảng viên")
        #expect(try await browser.text(of: "table.members tbody").contains("Nguyễn Văn An"))
        try await browser.type("#q", "nguyen van an")
        try await browser.follow("#filter")
        #expect(try await browser.text(of: "#count") == "1 đảng viên")
        #expect(try await browser.text(of: "table.members tbody").contains("Nguyễn Văn An"))
        try await browser.type("#q", "")
        try await browser.follow("#filter")
        try await shot(browser, "04-members")

        // The person's page, then English.
        try await browser.follow("a[href='/members/M001']")
        #expect(try await browser.text(of: "h1") == "Nguyễn Văn An")
        #expect(try await browser.pageText().contains("Quá trình sinh hoạt Đảng"))
        try await shot(browser, "05-person")
        try await browser.click("#language")
        let english = try await browser.waitForText("Member record")
        #expect(english.contains("Member record") && english.contains("Membership history"))
        try await shot(browser, "06-person-en")
        try await browser.go(site + "/units/T44/structure")
        #expect(try await browser.pageText().contains("Member structure"))
        try await shot(browser, "07-structure-en")
        try await browser.click("#language")
        try await browser.waitForText("Cơ cấu đảng viên")

        // Another province, by URL guessing: refused, nothing shown.
        try await browser.go(site + "/units/T01/members")
        let refused = try await browser.pageText()
        #expect(refused.contains("Bạn không có quyền xem nội dung này"))
        #expect(!refused.contains("Phạm Thị Dung"))
        try await browser.go(site + "/members/M101")
        #expect(try await browser.pageText().contains("Bạn không có quyền xem nội dung này"))
        try await shot(browser, "08-refused")

        // On a phone-sized window the member list still reads.
        try await browser.setWindow(width: 390, height: 844)
        try await browser.go(site + "/units/T44/members")
        #expect(try await browser.text(of: "#count") == "4 đảng viên")
        try await shot(browser, "09-members-phone")

        try await browser.follow("#signout")
        #expect(try await browser.currentURL().hasSuffix("/signin"))
    }
}
