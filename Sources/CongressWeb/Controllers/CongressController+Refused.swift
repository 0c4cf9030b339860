import CongressCore
import Hummingbird

extension CongressController {
    /// The congress page's forms whose refusals are shown beside them.
    enum PageForm: String, Sendable, CaseIterable { case create, election, motion, appointment, annulSeat, resume }

    /// A refused form of the congress page: its message (rules by name) and the values typed.
    struct RefusedForm { let form: PageForm; let message: (text: String, rules: [RuleCitation.Rule]); let values: FormFields }

    /// The fields each form shows again when refused, and their values when nothing was refused.
    static let fields: [PageForm: [String: String]] = [
        .create: ["name": "", "term": "2025–2030", "kind": "", "opens": "", "closes": "", "rulebook": "", "delegates": ""],
        .election: ["body": "", "title": "", "seats": "", "alternates": "0", "session": "1", "entries": "2", "opinion": "", "candidates": ""],
        .motion: ["subject": "", "text": "", "for": "", "against": "0", "abstaining": "0"],
        .appointment: ["role": "", "decision": "", "date": "", "names": ""],
        .annulSeat: ["seat": "", "reason": ""],
        .resume: ["direction": ""],
    ]

    /// Every form's field values: what was typed in the refused one (bounded), the defaults elsewhere.
    static func values(_ refused: RefusedForm?) -> [String: [String: String]] {
        var all: [String: [String: String]] = [:]
        for (form, defaults) in fields {
            var values = defaults
            if refused?.form == form, let typed = refused?.values {
                for name in defaults.keys { values[name] = typed.all(name).first.map { String($0.prefix(InputLimits.textLength)) } ?? "" }
            }
            all[form.rawValue] = values
        }
        return all
    }

    /// Runs a form's step; a refusal of its input shows the congress page again with the message
    /// beside that form and what was typed kept (400), instead of an error page.
    func onPage(_ form: PageForm, _ context: AppRequestContext, _ authorised: Authorised,
                _ step: () async throws -> Response) async throws -> Response {
        do { return try await step() } catch let error as WebError where error.status == .badRequest {
            let refused = RefusedForm(form: form, message: RuleCitation.humanise(error.message(context.language), context.language),
                                      values: authorised.form)
            let id = ((try? authorised.form.optionalRecordID("congress")) ?? nil).map(CongressRecord.ID.init)
            let path = "/units/\(authorised.unit ?? "")/congress" + (id.map { "?id=\($0)" } ?? "")
            return try await page(path, chosenID: id, context, authorised, refused: refused)
        }
    }
}
