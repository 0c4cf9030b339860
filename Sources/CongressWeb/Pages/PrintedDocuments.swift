import CongressCore
import Foundation
import Mustache

/// The printed documents of a congress, whole pages sized for paper: the counting minutes
/// (R-E-28) and the ballot (R-E-11, R-E-12). The command line prints the same pages.
public enum PrintedDocuments {
    private static func template(_ name: String) -> MustacheTemplate {
        guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let template = try? MustacheTemplate(string: text)
        else { fatalError("the \(name) template is missing from the CongressWeb bundle") }
        return template
    }

    private static let minutesTemplate = template("minutes")
    private static let ballotTemplate = template("ballot")

    /// The counting minutes as a printable A4 page with signature lines.
    public static func minutes(_ minutes: CountingMinutes) -> String { minutesTemplate.render(minutes) }

    /// The ballot as a printable page.
    public static func ballot(_ sheet: BallotSheet) -> String { ballotTemplate.render(sheet) }
}
