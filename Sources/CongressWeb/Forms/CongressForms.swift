import CongressCore

/// A congress set up: its kind (R-C-4), days, term, name, rulebook (its cycle's) and, for a
/// delegates' congress, the delegates list (R-E-18, R-E-25), one `member ID;kind;…` a line.
struct CongressCreationForm {
    let kind: CongressKind
    let opens: Day
    let closes: Day
    let term: String
    let name: String?
    let rulebook: Rulebook?
    /// The delegates list as lines (bounded) and as the text the roll reader takes.
    let delegateLines: [String]
    let delegatesText: String

    init(_ form: FormFields) throws {
        kind = try form.requiredChoice("kind", CongressKind.self)
        opens = try form.day("opens")
        closes = try form.day("closes")
        guard opens <= closes else { throw WebError.badInput(key: "web.congress.datesOrder", arguments: [opens.vietnamese, closes.vietnamese]) }
        term = try form.line("term", max: 40) ?? "2025–2030"
        name = try form.line("name")
        if let named = try form.line("rulebook", max: 40) {
            guard let book = Rulebook.named(named) else {
                throw FieldProblem.notAChoice(Rulebook.shipped.map(\.id)).error(field: "rulebook", value: named)
            }
            rulebook = book
        } else {
            rulebook = nil
        }
        delegateLines = kind == .delegates ? try form.lines("delegates") : []
        delegatesText = kind == .delegates ? form.all("delegates").first ?? "" : ""
    }
}

/// An election opened from the congress's adopted list (`ElectionOpening.Request`): its body,
/// seats, alternates, list, title, session (numbered from 1 on the form), entry count and the
/// opinion ballot it admits floor nominees from.
struct ElectionOpeningForm {
    let body: BodyKind
    let seats: Int
    let alternateSeats: Int
    let candidates: [String]
    let title: String?
    let session: Int
    let requiredEntries: Int
    let opinion: Round.ID?

    init(_ form: FormFields) throws {
        body = try form.requiredChoice("body", BodyKind.self)
        candidates = try form.lines("candidates")
        seats = body == .opinion ? 0 : try form.int("seats", in: InputLimits.seats)
        alternateSeats = body == .delegates ? try form.int("alternates", in: InputLimits.seats, default: 0) : 0
        title = try form.line("title")
        session = try form.int("session", in: InputLimits.session, default: 1) - 1
        requiredEntries = try form.int("entries", in: InputLimits.entries, default: 2)
        opinion = try form.optionalRecordID("opinion").map { Round.ID($0) }
    }
}
