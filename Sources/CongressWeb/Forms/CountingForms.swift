import CongressCore

/// R-E-29: a stack and the ballots it holds, as counted at the split.
struct StackDeclarationForm {
    let stack: Int
    let ballots: Int

    init(_ form: FormFields) throws {
        stack = try StackForm(form).stack
        ballots = try form.int("ballots", in: InputLimits.count)
    }
}

/// R-E-29: the stack a clerk takes a pass of.
struct StackForm {
    let stack: Int

    init(_ form: FormFields) throws { stack = try form.int("stack", in: InputLimits.stack) }
}

/// R-E-29: where one keyed ballot goes in its pass (what was typed is `EntryController.keyEntry`).
struct BallotPositionForm {
    let position: Int

    init(_ form: FormFields) throws { position = try form.int("position", in: InputLimits.position) }
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
