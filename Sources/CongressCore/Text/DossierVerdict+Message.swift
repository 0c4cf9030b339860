extension DossierVerdict.Check {
    /// What decided the condition, in words (the `reason` of docs/formats.md §7).
    public func reasonText(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("personnel." + key, language, arguments: arguments) }
        switch reason {
        case let .months(left, required): return say("reason.months", [left, required])
        case .stated(let value): return say("reason.\(condition.rawValue).\(value)", [])
        case .disciplineNone: return say("reason.disciplineNone", [])
        case let .disciplineExpired(discipline, until): return say("reason.disciplineExpired", [say("discipline." + discipline.rawValue, []), until.vietnamese])
        case let .disciplineInEffect(discipline, until, entry):
            let allows = discipline == .dismissal ? "nothing" : entry == .reelection ? "reelection" : "notThisEntry"
            return say("reason.disciplineInEffect", [say("discipline." + discipline.rawValue, []),
                                                     until.map { say("reason.disciplineUntil", [$0.vietnamese]) } ?? "",
                                                     say("reason.disciplineAllows." + allows, [])])
        }
    }

    public func conditionName(_ language: Language) -> String { Catalogue.text("personnel.condition." + condition.rawValue, language) }
}

extension DossierFileProblem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("dossiers." + key, language, arguments: arguments) }
        switch self {
        case .notUTF8: return say("notUTF8", [])
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "—" : missing.joined(separator: ", "), unknown.isEmpty ? "—" : unknown.joined(separator: ", ")])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case .badMemberID(let text): return say("badMemberID", [InputExcerpt.quote(text), DossiersFile.maximumMemberIDLength])
        case .badName: return say("badName", [DossiersFile.maximumNameLength])
        case let .notAChoice(text, choices): return say("notAChoice", [InputExcerpt.quote(text), choices.joined(separator: ", ")])
        case .badBirthDate(let text): return say("badBirthDate", [InputExcerpt.quote(text)])
        case .badDate(let text): return say("badDate", [InputExcerpt.quote(text)])
        case .untilWithoutDiscipline: return say("untilWithoutDiscipline", [])
        }
    }
}

extension BodiesFileProblem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("bodies." + key, language, arguments: arguments) }
        switch self {
        case .notUTF8: return say("notUTF8", [])
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "—" : missing.joined(separator: ", "), unknown.isEmpty ? "—" : unknown.joined(separator: ", ")])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case .badIdentifier(let text): return say("badIdentifier", [InputExcerpt.quote(text)])
        case .badTerm(let text): return say("badTerm", [InputExcerpt.quote(text)])
        case let .notAChoice(text, choices): return say("notAChoice", [InputExcerpt.quote(text), choices.joined(separator: ", ")])
        case .badDate(let text): return say("badDate", [InputExcerpt.quote(text)])
        case .duplicate(let first): return say("duplicate", [first])
        case .unknownMember(let id): return say("unknownMember", [id.rawValue])
        case let .unitNotInForce(unit, day): return say("unitNotInForce", [unit.rawValue, day.vietnamese])
        }
    }
}
