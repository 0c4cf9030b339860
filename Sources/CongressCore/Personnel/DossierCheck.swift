/// A discipline recorded on a dossier (R-P-4).
public enum Discipline: String, Sendable, Codable, CaseIterable, Hashable {
    case none, reprimand, warning, dismissal
}

/// What a dossier states about one person considered for one post (docs/formats.md §7).
public struct Dossier: Sendable, Hashable {
    public var memberID: Person.ID
    public var fullName: String
    public var gender: Gender
    /// The birth month; a record with only a birth year counts as born on 1 January (R-P-1).
    public var birth: CalendarMonth
    public var level: CommitteeLevel
    public var post: PersonnelPost
    public var entry: PersonnelEntry
    public var official: Bool
    public var standardsConclusion: Bool
    public var suspendedOrProsecuted: Bool
    public var discipline: Discipline
    public var disciplineUntil: Day?
    public var onPlanningList: Bool
    public var assetsDeclared: Bool

    public init(memberID: Person.ID, fullName: String, gender: Gender, birth: CalendarMonth, level: CommitteeLevel, post: PersonnelPost,
                entry: PersonnelEntry, official: Bool = true, standardsConclusion: Bool = true, suspendedOrProsecuted: Bool = false,
                discipline: Discipline = .none, disciplineUntil: Day? = nil, onPlanningList: Bool = true, assetsDeclared: Bool = true) {
        self.memberID = memberID
        self.fullName = fullName
        self.gender = gender
        self.birth = birth
        self.level = level
        self.post = post
        self.entry = entry
        self.official = official
        self.standardsConclusion = standardsConclusion
        self.suspendedOrProsecuted = suspendedOrProsecuted
        self.discipline = discipline
        self.disciplineUntil = disciplineUntil
        self.onPlanningList = onPlanningList
        self.assetsDeclared = assetsDeclared
    }
}

/// The verdict on one dossier: each condition met or not, with what decided it.
public struct DossierVerdict: Sendable, Hashable {
    public enum Condition: String, Sendable, Codable, CaseIterable, Hashable {
        case workingTime, standardsConclusion, fullMember, notSuspended, discipline, onPlanningList, assetsDeclared

        public var ruleID: String { self == .workingTime ? "R-P-1" : "R-P-4" }
    }

    /// Why a condition is met or not, as data the messages put into words.
    public enum Reason: Sendable, Hashable {
        case months(left: Int, required: Int)
        case stated(Bool)
        case disciplineNone
        case disciplineExpired(Discipline, until: Day)
        case disciplineInEffect(Discipline, until: Day?, entry: PersonnelEntry)
    }

    public struct Check: Sendable, Hashable {
        public var condition: Condition
        public var met: Bool
        public var reason: Reason
    }

    public var dossier: Dossier
    public var retirementMonth: CalendarMonth
    public var workingMonthsLeft: Int
    public var checks: [Check]

    /// Every listed condition is met.
    public var eligible: Bool { checks.allSatisfy(\.met) }
}

/// R-P-1 and R-P-4 over one dossier: one pure decision behind the dossier page and
/// `congress personnel check`.
public enum DossierCheck {
    public static func check(_ dossier: Dossier, cycle: PersonnelCycle = .c2025_2030) -> DossierVerdict {
        let reference = cycle.referenceMonths[dossier.level] ?? CalendarMonth(year: 2025, month: 1)
        let retirement = WorkingTime.retirementMonth(dossier.gender, born: dossier.birth)
        let left = retirement.index - reference.index
        let required = cycle.requiredMonths(post: dossier.post, entry: dossier.entry)
        var checks: [DossierVerdict.Check] = [
            .init(condition: .workingTime, met: left >= required, reason: .months(left: left, required: required)),
            .init(condition: .standardsConclusion, met: dossier.standardsConclusion, reason: .stated(dossier.standardsConclusion)),
            .init(condition: .fullMember, met: dossier.official, reason: .stated(dossier.official)),
            .init(condition: .notSuspended, met: !dossier.suspendedOrProsecuted, reason: .stated(dossier.suspendedOrProsecuted)),
            discipline(dossier, reference: reference),
        ]
        if dossier.entry == .first {
            checks.append(.init(condition: .onPlanningList, met: dossier.onPlanningList, reason: .stated(dossier.onPlanningList)))
        }
        checks.append(.init(condition: .assetsDeclared, met: dossier.assetsDeclared, reason: .stated(dossier.assetsDeclared)))
        return DossierVerdict(dossier: dossier, retirementMonth: retirement, workingMonthsLeft: left, checks: checks)
    }

    /// R-P-4 (defaults): a discipline is in effect when it has no end day or ends on or after the
    /// first day of the reference month; in effect, a reprimand or a warning allows re-election
    /// only, a dismissal from post allows nothing; an expired discipline counts for nothing.
    static func discipline(_ dossier: Dossier, reference: CalendarMonth) -> DossierVerdict.Check {
        guard dossier.discipline != .none else { return .init(condition: .discipline, met: true, reason: .disciplineNone) }
        let firstDay = Day(year: reference.year, month: reference.month, day: 1)
        if let until = dossier.disciplineUntil, let firstDay, until < firstDay {
            return .init(condition: .discipline, met: true, reason: .disciplineExpired(dossier.discipline, until: until))
        }
        let met = dossier.discipline != .dismissal && dossier.entry == .reelection
        return .init(condition: .discipline, met: met,
                     reason: .disciplineInEffect(dossier.discipline, until: dossier.disciplineUntil, entry: dossier.entry))
    }
}
