import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// One body through the five steps in a real browser (R-P-3), as the organising staff do it:
/// the fixture's step-2 ballot dropped and opened again from the form (the meeting's board
/// offered), each secret ballot counted by the board and taken from its certified count, the
/// standing committee's vote typed, until the page says the list is adopted and opens it as the
/// congress's election. The counting itself is the counting screens' (their own browser test
/// types a stack); here the board's passes go through the router.
@Suite("Browser personnel", .serialized, .enabled(if: BrowserRun.wanted, "Chromium and chromedriver are not installed (bash .ci/run installs them)"))
struct BrowserIntroductionTests {
    @Test("R-P-3: the staff take the executive committee's list through the five steps in the browser; R-E-3: it opens as the congress's election")
    func fiveSteps() async throws {
        #expect(WebDriver.available, "install chromium and chromium-driver (bash .ci/run does)")
        guard WebDriver.available else { return }
        let world = try await WebWorld.make()
        let board = IntroductionFlowTests.Board(second: try await world.boardMember("kp9", "R09"), settler: try await world.boardMember("kp8", "R08"))
        let app = Application(router: try await world.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let site = "http://127.0.0.1:\(try #require(client.port))"
            let browser = try await WebDriver(port: 9515 + Int.random(in: 800..<1200))
            do {
                try await browser.signIn(site, "stafft44")
                try await browser.go(site + "/units/X1/personnel/scheme")
                try await browser.waitForText("Chờ bước 2")
                try await browser.click("#drop-executiveCommittee button")
                try await browser.waitForText("Mở phiếu kín để kiểm")
                for step in ["bước 2", "bước 3", "bước 5"] {
                    if step == "bước 5" {
                        try await browser.type("#in-executiveCommittee", "7")
                        try await browser.type("#me-executiveCommittee", "9")
                        try await browser.click("#standing-executiveCommittee button")
                        try await browser.waitForText("Chờ bước 5")
                    }
                    try await browser.type("#su-executiveCommittee", "12")
                    try await browser.type("#pr-executiveCommittee", "11")
                    #expect(try await browser.string("return document.querySelector('#bo-executiveCommittee').value") == "R10 R09 R08 R07",
                            "the meeting's board is offered: the congress's")
                    try await browser.follow("#ballot-executiveCommittee button")
                    let round = try #require(URL(string: try await browser.currentURL())?.path)
                    #expect(round.hasPrefix("/units/X1/rounds/"), "\(step): the ballot is a counting round")
                    try await IntroductionFlowTests.count(client, round: round, ballots: Array(repeating: "", count: 11), board: board)
                    try await browser.go(site + "/units/X1/personnel/scheme")
                    try await browser.click("#take-executiveCommittee button")
                    try await browser.waitForText(step == "bước 5" ? "Đã hoàn thành 5 bước" : step == "bước 2" ? "Chờ bước 3" : "Chờ bước 4")
                }
                try await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("20-scheme-adopted.png"))
                let page = try await browser.pageText()
                #expect(page.contains("Hồ Thị Ánh (M003)") && page.contains("Danh sách cấp ủy triệu tập trình đại hội"))
                try await browser.follow("#to-congress button")
                let opened = try await browser.waitForText("Ban Chấp hành")
                #expect(opened.contains("Hồ Thị Ánh"), "the congress's election lists the adopted names")
                await browser.quit()
            } catch {
                try? await browser.screenshot(BrowserTests.screenshots.appendingPathComponent("failure-introduction.png"))
                await browser.quit()
                throw error
            }
        }
        let scheme = try #require(try await world.personnel.scheme(of: "X1", term: "2025–2030"))
        #expect(scheme.record.process(.executiveCommittee)?.state == .adopted)
        #expect(try await world.counting.rounds(ofCongress: 1).contains { $0.election.body == .executiveCommittee && $0.election.memberIDs?.contains("M003") == true })
    }
}
