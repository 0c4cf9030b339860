import CongressCore

/// R-E-29: a stack and the ballots it holds, as counted at the split; or a stack alone (a pass taken).
struct StackDeclarationForm {
    let values: (stack: Int, ballots: Int)

    init(_ form: FormFields) throws {
        values = (try Self.stack(form), try form.int("ballots", in: InputLimits.count))
    }

    static func stack(_ form: FormFields) throws -> Int { try form.int("stack", in: InputLimits.stack) }
}

/// R-E-29: one ballot keyed in: what the clerk typed and ticked (`EntryController.keyEntry`),
/// at its position in the pass.
enum BallotEntryForm {
    static func position(_ form: FormFields) throws -> Int { try form.int("position", in: InputLimits.position) }
}

/// R-E-30: the higher committee's decision on a certified result, with the reason of an annulment.
struct ApprovalForm {
    let annul: Bool
    let reason: String?

    init(_ form: FormFields) throws {
        annul = try form.requiredChoice("decision", ApprovalDecision.self) == .annul
        reason = try form.line("reason", max: 2_000)
    }
}
