import AsyncHTTPClient
import Foundation
import NIOCore

/// A small W3C WebDriver client for Chromium's chromedriver: enough to sign in, click, type,
/// read text and take screenshots.
final class WebDriver: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    private let driver: Process
    private let base: URL
    let session: String

    /// Starts chromedriver on `port` and a headless Chromium window of `width`×`height`.
    /// With `phone`, Chromium emulates a phone's screen of `width`×`height` CSS pixels (a
    /// headless window is never narrower than 500 px).
    init(port: Int, width: Int = 1366, height: Int = 768, phone: Bool = false) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromedriver)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        driver = process
        base = URL(string: "http://127.0.0.1:\(port)")!
        var ready = false
        var lastError = ""
        for _ in 0..<100 where !ready {
            try await Task.sleep(for: .milliseconds(100))
            do {
                let status = try await Self.call(base, "GET", "/status", nil)
                ready = (status["value"] as? [String: Any])?["ready"] as? Bool ?? false
            } catch {
                lastError = String(describing: error)
            }
        }
        guard ready else {
            process.terminate()
            throw Failure(description: "chromedriver did not start on port \(port): \(lastError)")
        }
        var options: [String: Any] = [
            "binary": Self.chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=\(width),\(height)", "--lang=vi-VN"],
        ]
        if phone { options["mobileEmulation"] = ["deviceMetrics": ["width": width, "height": height, "pixelRatio": 2]] }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]]
        let answer = try await Self.call(base, "POST", "/session", capabilities)
        guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            process.terminate()
            throw Failure(description: "chromedriver gave no session: \(answer)")
        }
        session = id
    }

    func quit() async {
        _ = try? await command("DELETE", "", nil)
        driver.terminate()
        // Foundation's waitUntilExit can hang inside Swift concurrency on Linux: poll instead.
        for _ in 0..<50 where driver.isRunning { try? await Task.sleep(for: .milliseconds(100)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    /// Signs in on the sign-in page as a test account (the fixture's one password).
    func signIn(_ site: String, _ login: String) async throws {
        try await go(site + "/signin")
        try await type("#login", login)
        try await type("#password", WebWorld.Persona.password)
        try await follow("#signin")
    }

    func go(_ url: String) async throws { _ = try await command("POST", "/url", ["url": url]) }

    /// The value of one of the browser's cookies for the current site.
    func cookie(_ name: String) async throws -> String? {
        ((try await command("GET", "/cookie/\(name)", nil))["value"] as? [String: Any])?["value"] as? String
    }

    /// A GET with the browser's session, outside the page (a download): the body and the file name it is saved under.
    func download(_ url: String) async throws -> (name: String, body: String) {
        var request = HTTPClientRequest(url: url)
        if let session = try await cookie("congress_session") { request.headers.add(name: "Cookie", value: "congress_session=\(session)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 24)
        let disposition = response.headers.first(name: "Content-Disposition") ?? ""
        let name = disposition.firstMatch(of: /filename="([^"]+)"/).map { String($0.output.1) } ?? ""
        return (name, String(buffer: body))
    }

    func currentURL() async throws -> String { try await command("GET", "/url", nil)["value"] as? String ?? "" }

    func source() async throws -> String { try await command("GET", "/source", nil)["value"] as? String ?? "" }

    /// The text of the whole page as a user reads it.
    func pageText() async throws -> String { try await text(try await element("body")) }

    /// The element matching `css`, waiting up to 5 s for a page that is still loading.
    func element(_ css: String) async throws -> String {
        var attempt = 0
        while true {
            do { return try await findElement(css) } catch let failure as Failure where attempt < 50 && failure.description.contains("no such element") {
                attempt += 1
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func findElement(_ css: String) async throws -> String {
        let answer = try await command("POST", "/element", ["using": "css selector", "value": css])
        guard let value = answer["value"] as? [String: Any], let id = value.values.first as? String, value.count == 1 else {
            throw Failure(description: "no element \(css): \(answer)")
        }
        return id
    }

    func click(_ css: String) async throws { _ = try await command("POST", "/element/\(try await element(css))/click", [:]) }

    /// Clicks something that leads to another address and waits until the browser is there.
    func follow(_ css: String) async throws {
        let before = try await currentURL()
        try await click(css)
        for _ in 0..<100 {
            if try await currentURL() != before { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "clicking \(css) did not leave \(before)")
    }

    /// Waits until the page's text contains `text`; returns the page text.
    @discardableResult
    func waitForText(_ text: String) async throws -> String {
        var page = ""
        for _ in 0..<100 {
            page = (try? await pageText()) ?? ""
            if page.contains(text) { return page }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "the page never showed “\(text)”; it reads: \(page.prefix(300))")
    }

    /// Clears a field and types into it.
    func type(_ css: String, _ text: String) async throws {
        let id = try await element(css)
        _ = try await command("POST", "/element/\(id)/clear", [:])
        _ = try await command("POST", "/element/\(id)/value", ["text": text])
    }

    func text(_ element: String) async throws -> String {
        try await command("GET", "/element/\(element)/text", nil)["value"] as? String ?? ""
    }

    func text(of css: String) async throws -> String { try await text(try await element(css)) }

    func setWindow(width: Int, height: Int) async throws {
        _ = try await command("POST", "/window/rect", ["width": width, "height": height])
    }

    /// Saves a PNG of the viewport.
    func screenshot(_ file: URL) async throws {
        guard let encoded = try await command("GET", "/screenshot", nil)["value"] as? String,
              let data = Data(base64Encoded: encoded) else { throw Failure(description: "no screenshot") }
        try data.write(to: file)
    }

    /// Runs `script` in the page (WebDriver's own channel, which the page's policy does not
    /// govern) and returns its value.
    func execute(_ script: String) async throws -> Any? {
        try await command("POST", "/execute/sync", ["script": script, "args": []])["value"]
    }

    /// A number the page computes (`return …;`).
    func number(_ script: String) async throws -> Double {
        guard let value = try await execute(script) as? NSNumber else { throw Failure(description: "no number from \(script)") }
        return value.doubleValue
    }

    /// A string the page computes (`return …;`).
    func string(_ script: String) async throws -> String {
        guard let value = try await execute(script) as? String else { throw Failure(description: "no string from \(script)") }
        return value
    }

    /// The page printed to PDF as Chrome prints it (WebDriver's print command), with the
    /// page size the page's own `@page` rule asks for (`width`×`height` in cm).
    func printPDF(width: Double = 21.0, height: Double = 29.7) async throws -> Data {
        let answer = try await command("POST", "/print", ["page": ["width": width, "height": height], "background": true,
                                                          "margin": ["top": 0, "bottom": 0, "left": 0, "right": 0]])
        guard let encoded = answer["value"] as? String, let data = Data(base64Encoded: encoded) else {
            throw Failure(description: "no PDF")
        }
        return data
    }

    private func command(_ method: String, _ path: String, _ body: [String: Any]?) async throws -> [String: Any] {
        try await Self.call(base, method, "/session/\(session)" + path, body)
    }

    private static func call(_ base: URL, _ method: String, _ path: String, _ body: [String: Any]?) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: base.absoluteString + path)
        request.method = .RAW(value: method)
        if let body {
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            request.headers.add(name: "Content-Type", value: "application/json")
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let data = Data(buffer: try await response.body.collect(upTo: 64 << 20))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}
