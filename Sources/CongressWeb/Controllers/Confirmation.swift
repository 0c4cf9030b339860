import CongressCore
import Hummingbird

/// An irreversible step (closing counting, certifying, approving, annulling) asked twice: the
/// round page's button only leads here, to a page that restates what will happen and posts the
/// same form again with `confirm=yes`. A stray Enter in a text field therefore never takes
/// the step itself.
struct Confirmation {
    struct Field { let name: String; let value: String }

    let heading: String
    let consequences: [String]
    let action: String
    let fields: [Field]
    let confirmLabel: String
    let backHref: String
    /// Annulling reads as a warning, the other steps as the page's main action.
    let danger: Bool

    static let field = "confirm"

    static func isConfirmed(_ form: FormFields) -> Bool { form[field] == "yes" }

    func render(_ pages: PageRenderer, _ context: AppRequestContext) -> Response {
        pages.page("confirm", title: heading, body: self, context: context, path: backHref, section: .congress)
    }
}
