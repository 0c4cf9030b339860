import Foundation
import Testing

/// The built `congress` program itself: exit statuses and streams as a shell sees them.
@Suite struct ExecutableTests {
    /// `congress` sits beside the test bundle in the build folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("congress").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("congress")
    }()

    func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func tallyPrintsJSONAndExitsZero() throws {
        let example = TallyJobTests.paths("A-threshold-on-base")
        let result = try run(["tally", example.0, example.1, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.out.contains("\"threshold\": 51"))
    }

    @Test("a binary file given to congress tally is echoed raw into the error message no more: a short escaped excerpt")
    func binaryBallotFile() throws {
        let example = TallyJobTests.paths("A-threshold-on-base")
        var bytes: [UInt8] = Array("issued,struck,marks,writein,marked\n".utf8) + [0x01, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0xFF, 0xFE]
        bytes += Array(repeating: 0x07, count: 5_000) + Array(",1,,,\n".utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString).csv")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(["tally", example.0, file.path, "--lang", "en"])
        #expect(result.status == 2 && result.out.isEmpty)
        #expect(!result.err.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character reaches the terminal")
        #expect(result.err.contains("\\u{001B}") && result.err.utf8.count < 1_000)
    }

    @Test func entryErrorExitsTwo() throws {
        let example = TallyJobTests.paths("A-threshold-on-base")
        let bad = try TallyJobTests.temporaryFile("struck\n1\n5\n", name: "ballots.csv")
        let result = try run(["tally", example.0, bad, "--lang", "en"])
        #expect(result.status == 2)
        #expect(result.out.isEmpty)
        #expect(result.err.contains("line 3: number 5 is not on the list"))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let example = TallyJobTests.paths("A-threshold-on-base")
        let result = try run(["tally", example.0, example.1, "--format", "pdf"])
        #expect(result.status != 0)
        #expect(result.out.isEmpty)
    }

    @Test("serve and audit verify refuse a database that is not there, saying how to make one")
    func serveWithoutDatabase() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString).sqlite").path
        for arguments in [["serve", "--database", missing, "--lang", "en"], ["audit", "verify", "--database", missing, "--lang", "en"]] {
            let result = try run(arguments)
            #expect(result.status == 2)
            #expect(result.err.contains("no such database") && result.err.contains("congress demo"))
            #expect(!FileManager.default.fileExists(atPath: missing), "nothing is created")
        }
    }
}
