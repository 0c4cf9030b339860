@testable import CongressCore
import Testing

/// Cadre planning as dated revisions (R-P-7), dossiers read with the register's facts (R-P-4),
/// and who may see personnel work (R-P-5).
@Suite("Planning revisions, dossier records and personnel access")
struct PlanningAndDossierTests {
    static func revision(_ post: PersonnelPost, _ iso: String, _ members: [Person.ID]) -> PlanningRevision {
        PlanningRevision(unit: "X1", term: "2025–2030", post: post, day: Day(iso: iso)!, members: members, recordedBy: "bto", note: "")
    }

    @Test("R-P-7: the latest revision of each post is in force on a day; history stays; a revision adding a problem is found")
    func revisions() {
        let planning = CadrePlanning([Self.revision(.secretary, "2026-03-01", ["A", "B"]), Self.revision(.secretary, "2025-03-01", ["A"]),
                                      Self.revision(.committee, "2025-03-01", ["A", "B", "C", "D", "E", "F"])])
        #expect(planning.current(on: Day(iso: "2025-12-31")!).map(\.members) == [["A", "B", "C", "D", "E", "F"], ["A"]])
        #expect(planning.current(on: Day(iso: "2026-06-01")!).first { $0.post == .secretary }?.members == ["A", "B"])
        #expect(planning.plans("B", for: .secretary, on: Day(iso: "2026-06-01")!) && !planning.plans("B", for: .secretary, on: Day(iso: "2025-06-01")!))
        #expect(planning.problems(on: Day(iso: "2026-06-01")!).isEmpty, "the committee's own list is not capped at 4")
        #expect(planning.revising(with: Self.revision(.standingCommittee, "2026-04-01", ["A", "B", "C", "D", "E"])).added.isEmpty,
                "nor a standing committee's: bodies are planned against their seats")
        let tooMany = Self.revision(.deputySecretary, "2026-04-01", ["A", "B", "C", "D", "E"])
        #expect(planning.revising(with: tooMany).added == [.tooManyForPost(.deputySecretary, count: 5)])
        let busy = [Self.revision(.standingCommittee, "2026-04-01", ["A"]), Self.revision(.inspectionChair, "2026-04-01", ["A"])]
        let (next, _) = planning.revising(with: busy[0])
        #expect(next.revising(with: busy[1]).added == [.tooManyPosts("A", count: 4)], "committee, secretary, standing, inspection chair")
    }

    static let person = Person(memberID: "A", fullName: "Nguyễn Văn An", gender: .male, birthDate: Day(iso: "1975-05-10")!,
                               ethnicity: "Kinh", education: .bachelor, joinedOn: Day(iso: "2000-01-01")!, officialOn: Day(iso: "2001-01-01")!)

    @Test("R-P-4: discipline is read from the register's events as of the day; the last one taken decides")
    func disciplineFromTheRegister() {
        let events = [MembershipEvent(kind: .disciplined, day: Day(iso: "2023-01-10")!, until: Day(iso: "2024-01-10")!, detail: "khiển trách"),
                      MembershipEvent(kind: .disciplined, day: Day(iso: "2024-06-01")!, detail: "cảnh cáo")]
        let early = RegisterFacts(Self.person, status: .official, events: events, on: Day(iso: "2023-06-01")!)
        #expect(early.discipline == .reprimand && early.disciplineUntil == Day(iso: "2024-01-10"))
        let late = RegisterFacts(Self.person, status: .official, events: events, on: Day(iso: "2025-01-01")!)
        #expect(late.discipline == .warning && late.disciplineUntil == nil)
        #expect(RegisterFacts(Self.person, status: .official, events: [], on: Day(iso: "2025-01-01")!).discipline == .none)
        #expect(RegisterFacts.discipline(named: "Cách chức") == .dismissal && RegisterFacts.discipline(named: nil) == .reprimand)
    }

    @Test("R-P-4: a dossier is the staff's evidence with the register's facts; each condition follows its source")
    func dossierFromRecord() {
        let facts = RegisterFacts(fullName: "Nguyễn Văn An", gender: .male, birthDate: Day(iso: "1975-05-10")!, status: .probationary)
        let bare = DossierRecord(memberID: "A", post: .committee, level: .commune, entry: .first)
        let verdict = DossierCheck.check(bare.dossier(facts, onPlanningList: false))
        let unmet = Set(verdict.checks.filter { !$0.met }.map(\.condition))
        #expect(unmet == [.standardsConclusion, .fullMember, .onPlanningList, .assetsDeclared])
        var evidenced = bare
        evidenced.standardsConclusion = Evidence(document: "KL 1", day: Day(iso: "2025-02-01")!, recordedBy: "bto")
        evidenced.assetsDeclared = Evidence(document: "BK 1", day: Day(iso: "2025-02-01")!, recordedBy: "bto")
        var official = facts
        official.status = .official
        #expect(DossierCheck.check(evidenced.dossier(official, onPlanningList: true)).eligible)
        official.status = .suspended
        #expect(!DossierCheck.check(evidenced.dossier(official, onPlanningList: true)).eligible)
    }

    @Test("R-P-5: personnel work is the organising staff's to manage and the higher reviewer's to read; never the secretariat's, the counting board's or the administrator's")
    func confidentiality() {
        #expect(Role.organisingStaff.capabilities.isSuperset(of: [.viewPersonnel, .managePersonnel]))
        #expect(Role.reviewer.capabilities.contains(.viewPersonnel) && !Role.reviewer.capabilities.contains(.managePersonnel))
        for role in [Role.secretariat, .countingBoard, .administrator] {
            #expect(role.capabilities.isDisjoint(with: [.viewPersonnel, .managePersonnel]), "\(role)")
        }
    }
}
