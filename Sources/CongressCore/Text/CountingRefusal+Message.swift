extension CountingRefusal {
    /// The message for people: what was refused and the rule, never an internal name and never
    /// another clerk's login (a clerk must learn nothing of another pass).
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text("counting." + key, language, arguments: arguments)
        }
        switch self {
        case .unknownRound, .unknownCongress: return say("unknown", [])
        case .roundNotCounting(let state): return say("notCounting", [Catalogue.text("web.state." + state.rawValue, language)])
        case .passOutOfRange(_, let required): return say("passOutOfRange", [required])
        case .passTaken(let stack, let pass, _): return say("passTaken", [pass, stack])
        case .clerkAlreadyOnStack(let stack, _): return say("clerkAlreadyOnStack", [stack])
        case .notYourPass(let stack, let pass): return say("notYourPass", [pass, stack])
        case .positionConflict(_, _, let position): return say("positionConflict", [position + 1])
        case .positionOutOfOrder(let expected, _): return say("positionOutOfOrder", [expected + 1])
        case .passFinished(let stack, let pass): return say("passFinished", [pass, stack])
        case .passesNotFinished(let stack): return say("passesNotFinished", [stack])
        case .stackAlreadyAgreed(let stack): return say("stackAlreadyAgreed", [stack])
        case .congressChanged: return say("congressChanged", [])
        case .alreadyFollowed: return say("alreadyFollowed", [])
        case .settlementPending(let stack): return say("settlementPending", [stack])
        case .noSettlementProposed(let stack): return say("noSettlementProposed", [stack])
        case .nothingToCorrect(let stack, let pass): return say("nothingToCorrect", [pass, stack])
        case .stackOpen(let stack): return Catalogue.text("web.round.stackOpen", language, arguments: [stack])
        case .uncountable: return say("uncountable", [])
        case .split(let refusal):
            switch refusal {
            case .emptyStack(let stack): return say("emptyStack", [stack])
            case let .moreThanReturned(declared, returned): return say("moreThanReturned", [declared, returned])
            case .stackStarted(let stack): return say("stackStarted", [stack])
            case let .fewerThanEntered(stack, entered): return say("fewerThanEntered", [stack, entered])
            case .notDeclared(let stack): return say("notDeclared", [stack])
            case let .stackFull(stack, ballots): return say("stackFull", [stack, ballots])
            case let .passShort(stack, entered, ballots): return say("passShort", [entered, ballots, stack])
            }
        case .lifecycle(let refusal):
            switch refusal {
            case let .notNow(state, _): return say("notNow", [Catalogue.text("web.state." + state.rawValue, language)])
            case let .moreReturnedThanIssued(returned, issued): return say("moreReturnedThanIssued", [returned, issued])
            case let .entriesDoNotMatchReturned(agreed, returned): return say("entriesDoNotMatchReturned", [agreed, returned])
            case .nothing: return say("nothing", [])
            case .annulmentWithoutReason: return Catalogue.text("web.approval.reasonRequired", language)
            }
        }
    }
}
