extension CountingMinutes {
    /// The minutes of `result` in `language`; `boardSize` signature lines (the head first).
    public init(result: ElectionResult, language: Language, boardSize: Int = 3) {
        let election = result.election
        let t = { (key: String, arguments: [CustomStringConvertible]) in
            Catalogue.text(key, language, arguments: arguments)
        }
        let percent = { (text: String) in language.decimal(text) }
        self.language = language.rawValue
        party = t("minutes.party", [])
        heading = t("minutes.heading", [])
        title = election.title
        facts = [Fact(label: t("minutes.election", []), value: election.body.name(language)),
                 Fact(label: t("minutes.round", []), value: String(election.round))]
        if !(election.body == .opinion && election.seats == 0) {
            facts.append(Fact(label: t("minutes.seats", []), value: String(election.seats)))
        }
        if election.body == .delegates {
            facts.append(Fact(label: t("minutes.alternateSeats", []), value: String(election.alternateSeats)))
        }
        facts.append(Fact(label: t("minutes.ballotForm", []), value: t("form." + result.ballotForm.rawValue, [])))
        facts.append(Fact(label: t("minutes.rulebook", []),
                          value: "\(election.rulebook.id) (\(election.rulebook.date)) — \(language == .vi ? election.rulebook.titleVi : election.rulebook.titleEn)"))
        listHeading = t("minutes.list", [])
        list = election.candidates.enumerated().map { Fact(label: String($0 + 1), value: $1) }

        let record = election.base
        attendance = [Fact(label: t("minutes.convened", []), value: String(record.convened))]
        if let present = record.present {
            attendance.append(Fact(label: t("minutes.present", []), value: String(present)))
            attendance.append(Fact(label: t("minutes.absent", []), value: String(record.convened - present)))
        }
        base = Fact(label: t("minutes.base", [record.kind.ruleID]), value: String(result.base))
        baseSteps = ["\(t("base." + record.kind.rawValue, [])): \(record.convened)"]
            + record.countedExclusions(under: election.rulebook).map { exclusion, count in
                "− \(t("exclusion." + exclusion.rawValue, [])): \(count)"
            }
            + ["= \(result.base)"]
        let thresholdKey = switch election.body {
        case .opinion: "minutes.thresholdOpinion"
        case .introduction: "minutes.thresholdIntroduction"
        default: "minutes.threshold"
        }
        threshold = Fact(label: t(thresholdKey, [election.rulebook.opinionThresholdPercent]), value: String(result.threshold))

        ballots = [
            Fact(label: t("minutes.issued", []), value: String(result.ballots.issued)),
            Fact(label: t("minutes.returned", []), value: String(result.ballots.returned)),
            Fact(label: t("minutes.valid", []), value: String(result.ballots.valid)),
            Fact(label: t("minutes.invalid", []), value: String(result.ballots.invalid)),
        ]
        invalidReasons = InvalidReason.allCases.compactMap { reason in
            guard let count = result.ballots.invalidByReason[reason], count > 0 else { return nil }
            return Fact(label: reason.name(language), value: String(count))
        }
        resultsHeading = t("minutes.results", [])
        columns = ["minutes.number", "minutes.name", "minutes.votes", "minutes.percent", "minutes.outcome"].map { t($0, []) }
        rows = result.candidates.map { candidate in
            let delegate = election.body == .delegates && candidate.outcome == .elected
            return Row(number: String(candidate.number), name: candidate.name, votes: String(candidate.votes),
                       percent: percent(candidate.percentOfBase) + "%",
                       outcome: t(delegate ? "outcome.electedDelegate" : "outcome." + candidate.outcome.rawValue, []),
                       outcomeCode: candidate.outcome.rawValue)
        }
        let describe = { (position: Int) in
            let candidate = result.candidates[position]
            return "\(candidate.name) (\(t("minutes.votesShort", [candidate.votes, percent(candidate.percentOfBase)])))"
        }
        let winnersKey = election.body.isPassFail ? "minutes.passed"
            : election.body == .delegates ? "minutes.electedDelegates" : "minutes.elected"
        outcomes = [NameList(heading: t(winnersKey, []), items: result.electedPositions.map(describe), isEmpty: result.electedPositions.isEmpty)]
        if election.body == .delegates {
            outcomes.append(NameList(heading: t("minutes.alternates", []), items: result.alternatePositions.map(describe), isEmpty: result.alternatePositions.isEmpty))
        }
        notices = result.ties.map { t("minutes.tie", [$0.names.joined(separator: ", "), $0.seats]) }
        if result.unfilledSeats > 0 { notices.append(t("minutes.unfilled", [result.unfilledSeats])) }
        if result.unfilledAlternateSeats > 0 { notices.append(t("minutes.unfilledAlternates", [result.unfilledAlternateSeats])) }
        boardHeading = t("minutes.board", [])
        signatures = [Signer(role: t("minutes.head", []))] + Array(repeating: Signer(role: t("minutes.member", [])), count: max(0, boardSize - 1))
        signHint = t("minutes.signHint", [])
        noneText = t("minutes.none", [])
    }
}
