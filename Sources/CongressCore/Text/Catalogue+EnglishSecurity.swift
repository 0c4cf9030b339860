/// English messages of request validation, separation of duties and independent entry.
extension Catalogue {
    static let englishSecurity: [String: String] = [
        "web.field.missing": "The field “{0}” is missing.",
        "web.field.number": "Field “{0}”: “{1}” cannot be used — a whole number from {2} to {3} is needed.",
        "web.field.day": "Field “{0}”: “{1}” is not a valid day — write it as dd/mm/yyyy, from {2} to {3}.",
        "web.field.tooLong": "The field “{0}” is over its limit ({1}).",
        "web.field.choice": "Field “{0}”: “{1}” is not one of the choices ({2}).",
        "web.duty.ownGrants": "Nobody changes their own roles: another administrator must do it.",
        "web.duty.incompatible": "One account may not hold both “{0}” and “{1}” over the same units (unit {2}): separation of duties.",
        "web.duty.memberUnknown": "Member ID “{0}” is not among the members you manage.",
        "web.board.noBoard": "The congress has not voted its counting board yet (R-E-4): nobody may count.",
        "web.board.notMember": "Your account is not bound to a member of this congress's counting board (R-E-4).",
        "web.board.headCertifies": "Only the head of the counting board ({0}) certifies the result (R-E-28).",
        "web.stack.notFinished": "Stack {0} has not been entered in full by every pass: it cannot be compared yet (R-E-29).",
        "web.stack.ownStack": "You entered a pass of stack {0}: another member of the counting board compares it and settles its differences (R-E-29).",
        "web.stack.secondMember": "A settlement is confirmed by a second member of the counting board, not the one who proposed it (R-E-29).",
        "web.stack.unsettled": "Some differences are not settled from the paper ballot: fill in every line (R-E-29).",
        "web.stack.proposal": "Settlement proposed by {0}: waiting for another member to confirm it.",
        "web.stack.noProposal": "There is no proposed settlement to confirm.",
        "web.approval.ownUnit": "A unit's results are approved by the higher committee, not by the unit's own reviewer (R-E-30).",
        "web.approval.reasonRequired": "Annulling a result needs a reason (R-E-30).",
        "web.delegates.unknown": "line {0}: “{1}” is not a member within your units",
        "web.signin.slowDown": "Several failed sign-ins: wait {0} seconds and try again.",
    ]
}
