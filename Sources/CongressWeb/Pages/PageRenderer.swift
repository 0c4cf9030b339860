import CongressCore
import Foundation
import Hummingbird
import Mustache

/// The Mustache templates, loaded once at start-up from the module's bundle, and the layout
/// every page shares. Output is HTML-escaped by Mustache's default.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init() throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw WebSetupError(message: "the page templates are missing from the CongressWeb bundle")
        }
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
    }

    /// A page in the layout: `template` reads `body`, `layout` and the strings `t`.
    func page<Body>(_ template: String, title: String, body: Body, context: AppRequestContext, path: String,
                    status: HTTPResponse.Status = .ok, section: NavSection? = nil) -> Response {
        let layout = LayoutModel(context: context, title: title, path: path, section: section)
        let model = PageModel(layout: layout, t: WebText.table(context.language), body: body)
        return Self.html(library.render(TemplateValues.box(model), withTemplate: template) ?? "", status: status)
    }

    /// A part of a page (no layout), with the strings `t` of the language.
    func fragment<Body>(_ template: String, _ body: Body, language: Language) -> String {
        var values = TemplateValues.box(body) as? [String: Any] ?? [:]
        values["t"] = WebText.table(language)
        return library.render(values, withTemplate: template) ?? ""
    }

    /// A whole document of its own (no layout) from plain values; `{{{…}}}` fields are trusted HTML.
    func document(_ template: String, _ values: [String: String]) -> String {
        library.render(values, withTemplate: template) ?? ""
    }

    /// The page of a refusal: the message in words (rule IDs only in the tooltip of the rules
    /// it cites) and a way back.
    func errorPage(status: HTTPResponse.Status, message: String, context: AppRequestContext, back: String? = nil) -> Response {
        let title = Catalogue.text("web.error.title", context.language, status.code)
        let (text, rules) = RuleCitation.humanise(message, context.language)
        return page("error", title: title, body: ErrorModel(code: status.code, message: text, rules: rules, back: back),
                    context: context, path: back ?? "/", status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// What every page's template receives.
struct PageModel<Body> {
    let layout: LayoutModel
    let t: [String: String]
    let body: Body
}

struct ErrorModel {
    let code: Int
    let message: String
    let rules: [RuleCitation.Rule]
    let back: String?
}

/// A failure to start the web application (missing templates or assets).
public struct WebSetupError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// The strings of the pages, per language, built once.
enum WebText {
    private static let vietnamese = PageText.table(.vi)
    private static let english = PageText.table(.en)

    static func table(_ language: Language) -> [String: String] { language == .vi ? vietnamese : english }
}
