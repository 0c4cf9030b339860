import CongressCore

/// Text on screens: the catalogue's, without the rule IDs its entries carry for maintainers
/// (`RuleCitation`); a refusal's page names its rules in words instead. Printed documents of
/// the public formats keep their IDs.
enum PageText {
    static func say(_ language: Language) -> (String, [CustomStringConvertible]) -> String {
        { key, arguments in RuleCitation.humanise(Catalogue.text(key, language, arguments: arguments), language).text }
    }

    /// Every `web.…` entry for the templates, without rule IDs.
    static func table(_ language: Language) -> [String: String] {
        Catalogue.table(prefix: "web.", language).mapValues { RuleCitation.humanise($0, language).text }
    }
}
