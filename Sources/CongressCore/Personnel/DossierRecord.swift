/// Who recorded a condition and on what document (R-P-4: every condition of a dossier rests on
/// evidence): the document's number and day, and the account that recorded it.
public struct Evidence: Sendable, Codable, Hashable {
    public var document: String
    public var day: Day
    public var recordedBy: String

    public init(document: String, day: Day, recordedBy: String) {
        self.document = document
        self.day = day
        self.recordedBy = recordedBy
    }
}

/// What the organising staff record of one person considered for one post; everything else a
/// dossier states (name, sex, birth, full or probationary, suspension, discipline) is read from
/// the register on the day of the check, never typed twice.
public struct DossierRecord: Sendable, Codable, Hashable {
    public var memberID: Person.ID
    public var post: PersonnelPost
    public var level: CommitteeLevel
    public var entry: PersonnelEntry
    /// The political-standards conclusion (R-P-4); nil until concluded.
    public var standardsConclusion: Evidence?
    /// The declaration of assets and income (R-P-4); nil until declared.
    public var assetsDeclared: Evidence?

    public init(memberID: Person.ID, post: PersonnelPost, level: CommitteeLevel, entry: PersonnelEntry,
                standardsConclusion: Evidence? = nil, assetsDeclared: Evidence? = nil) {
        self.memberID = memberID
        self.post = post
        self.level = level
        self.entry = entry
        self.standardsConclusion = standardsConclusion
        self.assetsDeclared = assetsDeclared
    }
}

/// What the register says of a person on the day a dossier is checked.
public struct RegisterFacts: Sendable, Hashable {
    public var fullName: String
    public var gender: Gender
    public var birthDate: Day
    public var birthYearOnly: Bool
    public var status: MemberStatus
    /// The discipline in force that day, from the register's `disciplined` events.
    public var discipline: Discipline
    public var disciplineUntil: Day?

    public init(fullName: String, gender: Gender, birthDate: Day, birthYearOnly: Bool = false, status: MemberStatus,
                discipline: Discipline = .none, disciplineUntil: Day? = nil) {
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.birthYearOnly = birthYearOnly
        self.status = status
        self.discipline = discipline
        self.disciplineUntil = disciplineUntil
    }

    /// The register's facts from a person's record as it stood on `day`: the last discipline
    /// event still in force that day.
    public init(_ person: Person, status: MemberStatus, events: [MembershipEvent], on day: Day) {
        let (discipline, until) = Self.discipline(in: events, on: day)
        self.init(fullName: person.fullName, gender: person.gender, birthDate: person.birthDate, birthYearOnly: person.birthYearOnly,
                  status: status, discipline: discipline, disciplineUntil: until)
    }

    /// The discipline of the last `disciplined` event taken by `day`, with the day it ends; an
    /// expired one is still stated, for the check decides what an expired discipline allows.
    public static func discipline(in events: [MembershipEvent], on day: Day) -> (Discipline, Day?) {
        guard let last = events.filter({ $0.kind == .disciplined && $0.day <= day }).max(by: { $0.day < $1.day }) else { return (.none, nil) }
        return (discipline(named: last.detail), last.until)
    }

    /// The discipline a `disciplined` event's detail names, in English or Vietnamese; an unnamed
    /// one counts as the lightest (a reprimand), so that no recorded discipline is read as none.
    public static func discipline(named detail: String?) -> Discipline {
        switch (detail ?? "").lowercased().split(separator: " ").joined(separator: " ") {
        case "warning", "cảnh cáo": .warning
        case "removal", "dismissal", "cách chức", "expulsion", "khai trừ": .dismissal
        default: .reprimand
        }
    }
}

extension DossierRecord {
    /// The dossier the check reads (R-P-1, R-P-4): the record's post and evidence with the
    /// register's facts; on the planning list when the unit's current planning names the person
    /// for the post.
    public func dossier(_ facts: RegisterFacts, onPlanningList: Bool) -> Dossier {
        let birth = CalendarMonth(year: facts.birthDate.year, month: facts.birthYearOnly ? 1 : facts.birthDate.components.month)
        return Dossier(memberID: memberID, fullName: facts.fullName, gender: facts.gender, birth: birth, level: level, post: post,
                       entry: entry, official: facts.status != .probationary, standardsConclusion: standardsConclusion != nil,
                       suspendedOrProsecuted: facts.status == .suspended, discipline: facts.discipline,
                       disciplineUntil: facts.disciplineUntil, onPlanningList: onPlanningList, assetsDeclared: assetsDeclared != nil)
    }
}
