/// Words for the personnel scheme's refusals, problems and warnings (R-P-2, R-P-3, R-P-6, R-P-7,
/// R-C-5, R-E-6, R-E-26), in the user's language; each names its rule.
extension SchemeDecision.Refusal {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.refusal." + key, language, arguments: arguments) }
        let text: String = switch self {
        case .process(let refusal): refusal.message(language)
        case .unknownBody(let body): say("unknownBody", [Catalogue.text("scheme.body." + body.rawValue, language)])
        case .ballotPending(let round): say("ballotPending", [round.rawValue])
        case .noBallotPending: say("noBallotPending", [])
        case .wrongRound(let round): say("wrongRound", [round.rawValue])
        case .notSecretBallot: say("notSecretBallot", [])
        case .countingBoardTooSmall(let count): say("boardTooSmall", [count])
        case let .presentExceedsSummoned(present, summoned): say("presentExceedsSummoned", [present, summoned])
        case let .notElectedBelow(person, lower): say("notElectedBelow", [person.rawValue, lower.rawValue])
        case .resultWithoutMemberIDs: say("resultWithoutMemberIDs", [])
        case .countingBoardOnList(let member): say("boardOnList", [member.rawValue])
        }
        return "\(ruleID): \(text)"
    }
}

extension IntroductionProcess.Refusal {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.refusal." + key, language, arguments: arguments) }
        return switch self {
        case .notNow: say("notNow", [])
        case let .listTooShort(names, needed): say("listTooShort", [names, needed])
        case .repeatedName(let id): say("repeatedName", [id.rawValue])
        case let .noQuorum(present, needed): say("noQuorum", [present, needed])
        case .impossibleCounts: say("impossibleCounts", [])
        case .unknownName(let id): say("unknownName", [id.rawValue])
        case let .standingVoteFailed(inFavour, members): say("standingVoteFailed", [inFavour, members])
        case .choiceNotAmongTied: say("choiceNotAmongTied", [])
        case let .choiceCount(chosen, places): say("choiceCount", [chosen, places])
        case .reasonMissing: say("reasonMissing", [])
        }
    }
}

extension IntroductionProcess.State {
    /// Where the introduction stands, in words.
    public func text(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.state." + key, language, arguments: arguments) }
        let step = { (step: IntroductionProcess.Step) in Catalogue.text("scheme.step.\(step.rawValue)", language) }
        return switch self {
        case .awaiting(let next): say("awaiting", [step(next)])
        case let .shortOfSurplus(at, passed, needed): say("short", [step(at), passed.count, needed])
        case let .tieAtEnd(at, _, tied, places): say("tie", [step(at), places, tied.count])
        case .adopted: say("adopted", [])
        }
    }
}

extension PersonnelScheme.Problem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.problem." + key, language, arguments: arguments) }
        let body = { (kind: BodyKind) in Catalogue.text("scheme.body." + kind.rawValue, language) }
        let text: String = switch self {
        case .size(let problem):
            switch problem {
            case let .executiveCommittee(seats, allowed): say("executive", [seats, allowed.lowerBound, allowed.upperBound])
            case let .standingCommittee(seats, allowed): say("standing", [seats, allowed.lowerBound, allowed.upperBound])
            case let .deputySecretaries(count, allowed): say("deputies", [count, allowed.lowerBound, allowed.upperBound])
            }
        case let .surplus(kind, names, seats, allowed): say("surplus", [body(kind), names, seats, allowed.lowerBound, allowed.upperBound])
        case let .conveningSurplusOutsideRange(kind, names, seats, range): say("surplusRange", [body(kind), names, seats, range.lowerBound, range.upperBound])
        case .designatedNotIntroduced(let leader): say("designated", [leader.name])
        }
        return "\(ruleID): \(text)"
    }
}

extension StructureWarning {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.structure." + key, language, arguments: arguments) }
        let text: String = switch self {
        case let .women(count, total, target): say("women", [count, total, target])
        case .noWomanOnStandingCommittee: say("standingWoman", [])
        case let .young(count, total, target): say("young", [count, total, target])
        case let .middleAged(count, total, target): say("middle", [count, total, target.lowerBound, target.upperBound])
        case let .ethnicMinorities(count, total, target): say("minorities", [count, total, target])
        }
        return "\(ruleID): \(text)"
    }
}

extension PlanningLimits.Problem {
    public func message(_ language: Language) -> String {
        let text: String = switch self {
        case let .tooManyForPost(post, count):
            Catalogue.text("scheme.planning.tooManyForPost", language, arguments: [Catalogue.text("scheme.post." + post.rawValue, language), count,
                                                                                  PlanningLimits.peoplePerPost])
        case let .tooManyPosts(person, count):
            Catalogue.text("scheme.planning.tooManyPosts", language, arguments: [person.rawValue, count, PlanningLimits.postsPerPerson])
        }
        return "\(ruleID): \(text)"
    }
}

extension IntroductionStep {
    /// What the decision was, in words, for the page's history (the audit log keeps `detail`).
    public func text(_ language: Language, names: [Person.ID: String] = [:]) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("scheme.event." + key, language, arguments: arguments) }
        let label = { (id: Person.ID) in names[id].map { "\($0) (\(id.rawValue))" } ?? id.rawValue }
        let what: String = switch event {
        case .adoptList(let list): say("adoptList", [list.count])
        case .ballot(let ballot):
            say("ballot", [ballot.present, ballot.summoned, ballot.votes.values.filter { $0 * 2 > ballot.convened }.count, ballot.votes.count,
                           ballot.convened])
        case let .standingVote(inFavour, members): say("standingVote", [inFavour, members])
        case .addNames(let list): say("addNames", [list.map(label).joined(separator: ", ")])
        case let .headChooses(chosen, head, reason): say("headChooses", [label(head), chosen.map(label).joined(separator: ", "), reason])
        }
        guard let step else { return what }
        return Catalogue.text("scheme.step.\(step.rawValue)", language) + ": " + what
    }
}

extension ConveningNominations.Problem {
    public func message(_ language: Language, names: [Person.ID: String] = [:]) -> String {
        let label = { (id: Person.ID) in names[id].map { "\($0) (\(id.rawValue))" } ?? id.rawValue }
        let text = switch self {
        case let .nominatedOffList(by, nominee): Catalogue.text("scheme.convening.nominated", language, arguments: [label(by), label(nominee)])
        case .standsOffList(let member): Catalogue.text("scheme.convening.stands", language, arguments: [label(member)])
        }
        return "\(ruleID): \(text)"
    }
}
