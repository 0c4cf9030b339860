import CongressCore
import Foundation
import Mustache

/// The printed documents of a congress, whole pages sized for paper: the counting minutes
/// (R-E-28) and the ballot (R-E-11, R-E-12). The command line prints the same pages.
///
/// Their layout lives in stylesheets (`Assets/minutes.css`, `ballot.css`, `ballot-a5.css`):
/// the application links them, so the pages' policy (`style-src 'self'`) lets them apply; a
/// file written by the command line, opened without a server, carries them inside.
public enum PrintedDocuments {
    public enum Styles: Sendable {
        /// `<link>`s to the stylesheets the application serves under `/assets/`.
        case linked
        /// The stylesheets inside the page, for a file opened on its own.
        case embedded
    }

    private static func template(_ name: String) -> MustacheTemplate {
        guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let template = try? MustacheTemplate(string: text)
        else { fatalError("the \(name) template is missing from the CongressWeb bundle") }
        return template
    }

    private static let minutesTemplate = template("minutes")
    private static let ballotTemplate = template("ballot")
    static let marker = "<!--styles-->"

    /// The stylesheets of each printed page, in the order they apply.
    static func stylesheets(_ sheet: BallotSheet) -> [String] {
        sheet.paper == BallotSheet.Paper.a5.rawValue ? ["ballot.css", "ballot-a5.css"] : ["ballot.css"]
    }

    static let minutesStylesheets = ["minutes.css"]

    private static func styled(_ page: String, _ sheets: [String], _ styles: Styles) -> String {
        let head: String
        switch styles {
        case .linked:
            head = sheets.map { "<link rel=\"stylesheet\" href=\"/assets/\($0)\">" }.joined(separator: "\n")
        case .embedded:
            head = "<style>\n" + sheets.map { String(decoding: AssetController.bytes($0), as: UTF8.self) }.joined(separator: "\n") + "</style>"
        }
        return page.replacingOccurrences(of: marker, with: head)
    }

    /// The counting minutes as a printable A4 page with the board's signature grid.
    public static func minutes(_ minutes: CountingMinutes, styles: Styles = .embedded) -> String {
        styled(minutesTemplate.render(minutes), minutesStylesheets, styles)
    }

    /// The ballot as a printable A4 or A5 page.
    public static func ballot(_ sheet: BallotSheet, styles: Styles = .embedded) -> String {
        styled(ballotTemplate.render(sheet), stylesheets(sheet), styles)
    }
}
