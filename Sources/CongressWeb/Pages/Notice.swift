import CongressCore
import Foundation

/// What a step just did, said on the page the step returns to (`?notice=…`): one of a closed
/// list, so a crafted address can only show a text of the catalogue, never its own.
enum Notice: String, CaseIterable, Sendable {
    case listAdopted, ballotsIssued, countingOpened, stackDeclared, passFinished, passTaken, entryCorrected
    case settlementProposed, settlementRejected, settled, stackAgreed, closed, certified, approved, annulled, roundOpened
    case congressSaved, grantProposed

    func text(_ language: Language) -> String { Catalogue.text("web.notice.\(rawValue)", language) }

    /// The notice a page's address carries, if it names one of the list.
    static func from(path: String) -> Notice? {
        guard let query = URLComponents(string: path)?.queryItems,
              let value = query.last(where: { $0.name == "notice" })?.value else { return nil }
        return Notice(rawValue: value)
    }

    /// `target` with the notice added to its query.
    static func address(_ target: String, _ notice: Notice) -> String {
        target + (target.contains("?") ? "&" : "?") + "notice=" + notice.rawValue
    }
}
