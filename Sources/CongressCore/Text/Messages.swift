/// User-facing messages for the errors of the core, from the catalogues.
extension ElectionRefusal {
    public func message(_ language: Language) -> String {
        let rule = ruleID
        let say = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text("refusal." + key, language, arguments: [rule] + arguments)
        }
        switch self {
        case let .listWithoutSurplus(body, seats, candidates):
            return say("listWithoutSurplus", [body.name(language), candidates, seats])
        case let .surplusOverCap(_, seats, candidates, cap):
            return say("surplusOverCap", [candidates - seats, cap, seats, candidates])
        case let .fewerCandidatesThanPlaces(candidates, places): return say("fewerCandidatesThanPlaces", [candidates, places])
        case let .baseNotPositive(base): return say("baseNotPositive", [base])
        case let .negativeCount(field, value): return say("negativeCount", [field, value])
        case let .alternateSeatsOutsideDelegates(body): return say("alternateSeatsOutsideDelegates", [body.name(language)])
        case let .noSeats(body): return say("noSeats", [body.name(language)])
        case .noCandidates: return say("noCandidates", [])
        case let .blankCandidateName(number): return say("blankCandidateName", [number])
        case let .moreBallotsIssuedThanConvened(issued, convened):
            return say("moreBallotsIssuedThanConvened", [issued, convened])
        }
    }
}

extension BallotEntryProblem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text("entry." + key, language, arguments: arguments)
        }
        switch self {
        case let .numberOutsideList(number, candidates): return say("numberOutsideList", [number, candidates])
        case let .notABallotNumber(text): return say("notABallotNumber", [InputExcerpt.quote(text)])
        case let .numberRepeated(number): return say("numberRepeated", [number])
        case let .marksLength(found, expected): return say("marksLength", [found, expected])
        case let .unknownMark(text): return say("unknownMark", [InputExcerpt.quote(text)])
        case .marksOnStrikeOut: return say("marksOnStrikeOut", [])
        case .struckOnAgreeDisagree: return say("struckOnAgreeDisagree", [])
        case let .notYesNo(column, text): return say("notYesNo", [column, InputExcerpt.quote(text)])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "-" : missing.joined(separator: ", "),
                                  unknown.isEmpty ? "-" : InputExcerpt.quote(unknown.joined(separator: ", "))])
        case let .moreBallotsThanIssued(returned, issued): return say("moreBallotsThanIssued", [returned, issued])
        case .notUTF8: return say("notUTF8", [])
        }
    }
}

extension ElectionFileProblem {
    /// The message, naming the file and the field.
    public func message(file: String, _ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text("file." + key, language, arguments: [file] + arguments)
        }
        switch self {
        case .notJSON: return say("notJSON", [Catalogue.text("file.notJSONDetail", language)])
        case let .missingField(field): return say("missingField", [field])
        case let .wrongType(field, expected): return say("wrongType", [field, expected])
        case let .unknownValue(field, value, allowed):
            return say("unknownValue", [InputExcerpt.quote(field), InputExcerpt.quote(value), allowed.joined(separator: ", ")])
        case let .unknownField(field): return say("unknownField", [field])
        case let .exclusionNotForKind(field, kind): return say("exclusionNotForKind", [field, kind.rawValue])
        }
    }
}

extension NextRoundProblem {
    public func message(_ language: Language) -> String {
        switch self {
        case .noTie: Catalogue.text("next.noTie", language, ruleID)
        case .noUnfilledPlaces: Catalogue.text("next.noUnfilledPlaces", language, ruleID)
        case .tiePending: Catalogue.text("next.tiePending", language, ruleID)
        case .appointmentDue(let rounds): Catalogue.text("next.appointmentDue", language, ruleID, rounds)
        case .refused(let refusal): refusal.message(language)
        }
    }
}

extension BodyKind {
    /// The body's name in the language.
    public func name(_ language: Language) -> String { Catalogue.text("body." + rawValue, language) }
}

extension InvalidReason {
    /// The reason as the minutes print it.
    public func name(_ language: Language) -> String { Catalogue.text("invalid." + rawValue, language) }
}

extension MemberFileProblem {
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("member." + key, language, arguments: arguments) }
        switch self {
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "-" : missing.joined(separator: ", "), unknown.isEmpty ? "-" : unknown.joined(separator: ", ")])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case .missing: return say("missing", [])
        case let .badMemberID(id): return say("badMemberID", [id])
        case let .duplicateMemberID(line): return say("duplicateMemberID", [line])
        case let .badName(name): return say("badName", [name])
        case let .badGender(value): return say("badGender", [value])
        case let .badDate(value): return say("badDate", [value])
        case let .badYesNoValue(value, allowed): return say("badValue", [value, allowed.joined(separator: ", ")])
        case let .unknownEthnicity(value): return say("unknownEthnicity", [value])
        case let .badProvinceCode(value): return say("badProvinceCode", [value])
        case let .birthNotBeforeJoining(birth, joined): return say("birthNotBeforeJoining", [birth.vietnamese, joined.vietnamese])
        case let .joinedTooYoung(age): return say("joinedTooYoung", [age])
        case let .inTheFuture(day): return say("inTheFuture", [day.vietnamese])
        case let .officialBeforeJoining(official, joined): return say("officialBeforeJoining", [official.vietnamese, joined.vietnamese])
        case .officialDateMissing: return say("officialDateMissing", [])
        case .officialDateForProbationary: return say("officialDateForProbationary", [])
        case let .unknownUnit(code): return say("unknownUnit", [code])
        case let .unitNotOpen(code, day): return say("unitNotOpen", [code, day.vietnamese])
        case .notUTF8: return say("notUTF8", [])
        }
    }
}

extension UnitKind {
    /// The level's name in the language.
    public func name(_ language: Language) -> String { Catalogue.text("kind." + rawValue, language) }
}

extension StackComparison.Problem {
    /// The message, without naming any clerk or position to someone who typed a pass.
    public func message(_ language: Language) -> String {
        switch self {
        case let .notEnoughEntries(have, need): Catalogue.text("stack.problem.notEnoughEntries", language, have, need)
        case .sameClerkTwice: Catalogue.text("stack.problem.sameClerkTwice", language)
        case let .unsettled(positions): Catalogue.text("stack.problem.unsettled", language, positions.count)
        case .notADifference: Catalogue.text("stack.problem.notADifference", language)
        }
    }
}

extension CountingBoardProblem {
    /// The message, naming the member ID the congress typed (never an internal name).
    public func message(_ language: Language) -> String {
        switch self {
        case .memberOnList(let id): Catalogue.text("board.problem.memberOnList", language, InputExcerpt.quote(id.rawValue))
        case .notEligible(let id): Catalogue.text("board.problem.notEligible", language, InputExcerpt.quote(id.rawValue))
        case .empty: Catalogue.text("board.problem.empty", language)
        }
    }
}

