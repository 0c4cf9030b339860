import CongressCore
import Foundation
import Mustache

/// Renders the counting minutes as a printable A4 HTML page from the bundled Mustache template.
public enum MinutesPage {
    /// The template, loaded once.
    static let template: MustacheTemplate = {
        guard let url = Bundle.module.url(forResource: "minutes", withExtension: "mustache", subdirectory: "Templates"),
              let text = try? String(contentsOf: url, encoding: .utf8),
              let template = try? MustacheTemplate(string: text)
        else { fatalError("the minutes template is missing from the CongressApp bundle") }
        return template
    }()

    public static func render(_ minutes: CountingMinutes) -> String {
        template.render(minutes)
    }
}
