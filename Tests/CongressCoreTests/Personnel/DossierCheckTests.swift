import CongressCore
import Testing

/// R-P-1 and R-P-4 over dossiers, without I/O.
@Suite struct DossierCheckTests {
    /// A commune-level dossier (reference month 7/2025) of a man born in `born`.
    static func dossier(born: CalendarMonth = CalendarMonth(year: 1975, month: 1), post: PersonnelPost = .committee,
                        entry: PersonnelEntry = .reelection, level: CommitteeLevel = .commune) -> Dossier {
        Dossier(memberID: "DV1", fullName: "Nguyễn Văn An", gender: .male, birth: born, level: level, post: post, entry: entry)
    }

    static func check(_ dossier: Dossier) -> [DossierVerdict.Condition: Bool] {
        Dictionary(uniqueKeysWithValues: DossierCheck.check(dossier).checks.map { ($0.condition, $0.met) })
    }

    @Test("R-P-1: first-time entry needs 60 months, re-election 48, a provincial deputy secretary 42, a higher post 60")
    func workingTimeRequired() {
        // Men born from 4/1966 retire at 62: the birth month moves the months left across each threshold.
        func left(_ born: CalendarMonth, _ level: CommitteeLevel = .commune) -> Int {
            DossierCheck.check(Self.dossier(born: born, level: level)).workingMonthsLeft
        }
        let at48 = CalendarMonth(year: 1967, month: 7), at47 = CalendarMonth(year: 1967, month: 6)
        #expect(left(at48) == 48 && left(at47) == 47)
        #expect(Self.check(Self.dossier(born: at48))[.workingTime] == true)
        #expect(Self.check(Self.dossier(born: at47))[.workingTime] == false)
        #expect(Self.check(Self.dossier(born: at48, entry: .first))[.workingTime] == false, "first-time entry needs 60")
        #expect(Self.check(Self.dossier(born: at48, entry: .higher))[.workingTime] == false, "a higher post needs 60")
        let at42 = CalendarMonth(year: 1967, month: 1)
        #expect(left(at42, .underCentral) == 42 - 2, "the reference month is the level's: 9/2025 directly under Central")
        #expect(Self.check(Self.dossier(born: CalendarMonth(year: 1967, month: 3), post: .provincialDeputySecretary, level: .underCentral))[.workingTime] == true)
        #expect(Self.check(Self.dossier(born: CalendarMonth(year: 1967, month: 3), level: .underCentral))[.workingTime] == false)
        let verdict = DossierCheck.check(Self.dossier(born: at47))
        #expect(verdict.checks[0].reasonText(.vi) == "47 tháng (cần 48)" && verdict.checks[0].reasonText(.en) == "47 months (needs 48)")
    }

    @Test("R-P-4: standards conclusion, full membership, no suspension and assets declared each decide; the planning list only for first entry")
    func statedConditions() {
        var dossier = Self.dossier()
        #expect(DossierCheck.check(dossier).eligible)
        #expect(DossierCheck.check(dossier).checks.map(\.condition) == [.workingTime, .standardsConclusion, .fullMember, .notSuspended, .discipline, .assetsDeclared])
        dossier.onPlanningList = false
        #expect(DossierCheck.check(dossier).eligible, "re-election does not ask for the planning list")
        dossier.entry = .first
        dossier.birth = CalendarMonth(year: 1980, month: 1)
        #expect(Self.check(dossier)[.onPlanningList] == false)
        for change in [{ (d: inout Dossier) in d.standardsConclusion = false }, { $0.official = false },
                       { $0.suspendedOrProsecuted = true }, { $0.assetsDeclared = false }] {
            var failing = Self.dossier()
            change(&failing)
            #expect(!DossierCheck.check(failing).eligible)
        }
    }

    @Test("R-P-4: a reprimand or warning in effect allows re-election only; a dismissal nothing; an expired one counts for nothing")
    func discipline() {
        var dossier = Self.dossier()
        dossier.discipline = .reprimand
        #expect(Self.check(dossier)[.discipline] == true)
        dossier.entry = .higher
        #expect(Self.check(dossier)[.discipline] == false)
        dossier.entry = .reelection
        dossier.discipline = .dismissal
        #expect(Self.check(dossier)[.discipline] == false)
        // In effect when it ends on or after the first day of the reference month (1/7/2025).
        dossier.discipline = .warning
        dossier.entry = .first
        dossier.disciplineUntil = Day(iso: "2025-07-01")
        #expect(Self.check(dossier)[.discipline] == false)
        dossier.disciplineUntil = Day(iso: "2025-06-30")
        #expect(Self.check(dossier)[.discipline] == true)
        #expect(DossierCheck.check(dossier).checks[4].reasonText(.vi) == "cảnh cáo hết hiệu lực ngày 30/06/2025")
    }
}
