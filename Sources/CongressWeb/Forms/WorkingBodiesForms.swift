import CongressCore

/// R-E-2, R-E-4: a motion with its counts; a counting board motion names the board, head first.
struct MotionForm {
    let motion: Motion
    let board: [Person.ID]

    init(_ form: FormFields) throws {
        let subject = try form.requiredChoice("subject", Motion.Subject.self)
        motion = Motion(subject: subject, text: try form.line("text") ?? subject.rawValue,
                        inFavour: try RoundController.count(form, "for"), against: try RoundController.count(form, "against"),
                        abstaining: form["abstaining"] == nil ? 0 : try RoundController.count(form, "abstaining"))
        board = subject == .countingBoard ? try Self.board(form) : []
    }

    /// The board a counting board motion names, head first: chosen from the roll, the head
    /// (`head`) and the members (`board`, several); IDs typed with spaces or commas are read too.
    static func board(_ form: FormFields) throws -> [Person.ID] {
        let chosen = form.all("board").prefix(2_000).flatMap { value in
            String(value.prefix(2_000)).split(whereSeparator: { $0 == " " || $0 == "," }).map { Person.ID(String($0)) }
        }
        let head = try form.line("head", max: 40).map { Person.ID($0) }
        if let head, chosen.filter({ $0 == head }).count > 1 { throw WebError.badInput(key: "web.board.repeated", arguments: []) }
        return head.map { head in [head] + chosen.filter { $0 != head } } ?? chosen
    }
}

/// R-E-27: a body or delegates appointed by a decision (its number and date), one person a line.
struct AppointmentForm {
    let role: SeatRole
    let decision: String
    let date: Day
    let names: [String]

    init(_ form: FormFields) throws {
        role = try form.requiredChoice("role", SeatRole.self)
        guard let decision = try form.line("decision", max: 100), form["date"] != nil else {
            throw WebError.badInput(key: "web.appointment.decisionMissing", arguments: [])
        }
        self.decision = decision
        date = try form.day("date")
        names = try form.lines("names")
        guard !names.isEmpty else { throw WebError.badInput(key: "web.appointment.namesMissing", arguments: []) }
    }
}

/// R-E-30: the post annulment form: the post chosen from the composition's list (`seat`), or a
/// name and a role, and the reason.
struct SeatAnnulmentForm {
    let seat: String?
    let name: String?
    let role: SeatRole?
    let reason: String?

    init(_ form: FormFields) throws {
        seat = try form.line("seat", max: 200)
        name = try form.line("name")
        role = try form.choice("role", SeatRole.self)
        reason = try form.line("reason", max: 2_000)
        guard seat != nil || (name != nil && role != nil) else { throw WebError.badInput(key: "web.annulSeat.which", arguments: []) }
    }
}
