/// One step of a round's counting as the entry log prints it (R-E-29): the audit entry's
/// machine detail ("counting opened: 27 ballots returned") said in words of the user's
/// language, with the stack and pass it concerns. A detail of no known shape prints only the
/// step's name: the log never shows machine text.
public enum EntryLogLine {
    /// The numbers of `text` that stand as words of their own, in order (not the 3 of `kiemphieu3`).
    static func numbers(_ text: String) -> [Int] {
        text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" || $0 == "(" || $0 == ")" }).compactMap { Int($0) }
    }

    /// The word after `word` in `text` (`"proposed by kiemphieu3, …"` → `kiemphieu3`).
    static func word(after phrase: String, in text: String) -> String? {
        guard let range = text.range(of: phrase) else { return nil }
        let rest = text[range.upperBound...]
        let word = rest.prefix { $0 != "," && $0 != ";" && $0 != " " }
        return word.isEmpty ? nil : String(word)
    }

    /// The stack and pass an entry's subject names (`round 4 stack 2 pass 1`).
    public static func place(_ subject: String) -> (stack: Int?, pass: Int?) {
        let parts = subject.split(separator: " ")
        func after(_ name: String) -> Int? {
            guard let index = parts.firstIndex(of: Substring(name)), index + 1 < parts.count else { return nil }
            return Int(parts[index + 1])
        }
        return (after("stack"), after("pass"))
    }

    public static func describe(action: AuditAction, subject: String, detail: String, actor: String, _ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text("entryLog." + key, language, arguments: arguments)
        }
        let n = numbers(detail)
        let (stack, pass) = place(subject)
        let first = n.first ?? 0
        let text: String? = switch action {
        case .roundEvent:
            if detail.hasPrefix("list adopted") { say("listAdopted", [first]) }
            else if detail.hasPrefix("ballots issued") { say("ballotsIssued", [first]) }
            else if detail.hasPrefix("counting opened") { say("countingOpened", [first]) }
            else if detail.hasPrefix("counting closed") { say("countingClosed", [first]) }
            else if detail.hasPrefix("result computed") { say(detail.contains("tie") ? "resultTied" : "resultComputed", []) }
            else if detail.hasPrefix("presidium") { say(detail.contains("new round") ? "presidiumNewRound" : "presidiumUnfilled", []) }
            else if detail.hasPrefix("approved") { say("approved", []) }
            else if detail.hasPrefix("annulled") { say("annulled", []) }
            else { nil }
        case .stackDeclared: say("stackDeclared", [stack ?? 0, first])
        case .ballotWithdrawn: say("ballotWithdrawn", [stack ?? 0, pass ?? 0, actor, numbers(detail).first ?? 0])
        case .passClaimed: say("passClaimed", [stack ?? 0, pass ?? 0, actor])
        case .passFinished: say("passFinished", [stack ?? 0, pass ?? 0, actor, first])
        case .stackAgreed:
            detail.contains("passes agree") ? say("stackAgreed", [stack ?? 0, first]) : say("stackSettledAgreed", [stack ?? 0, first])
        case .settlementProposed:
            if detail.contains("rejected") { say("settlementRejected", [stack ?? 0, actor, word(after: "proposal of ", in: detail) ?? "—"]) }
            else { say("settlementProposed", [stack ?? 0, actor, first]) }
        case .differenceSettled:
            say("differenceSettled", [stack ?? 0, first, word(after: "proposed by ", in: detail) ?? "—", word(after: "confirmed by ", in: detail) ?? actor])
                + (n.count > 1 && n[1] > 0 ? ". " + say("withoutPaper", [n[1]]) : "")
        case .resultCertified: say("certified", [first, n.count > 1 ? n[1] : 0])
        default: nil
        }
        return text ?? Catalogue.text("web.action.\(action.rawValue)", language)
    }
}
