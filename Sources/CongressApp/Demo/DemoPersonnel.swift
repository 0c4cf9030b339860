import CongressCore
import CongressStore
import CongressWeb
import Foundation

/// The demo's personnel work on the demo commune (Cồn Cỏ): cadre planning for 2025–2030 with a
/// yearly revision, dossiers with their evidence (three of them failing a condition: working time,
/// a discipline in force, a probationary member), and the personnel scheme (27 seats; the 30
/// planned people who pass every condition to introduce), waiting for step 1, for the
/// organising staff (`bantochuc`) to take through the five steps in the browser.
enum DemoPersonnel {
    static let term = "2025–2030"

    struct Input {
        let commune: PartyUnit.ID
        /// The 30 people the congress's list names, in ballot order.
        let candidates: [MemberRow]
        /// Everyone of the commune on the roll's day.
        let roster: [MemberRow]
        /// The people the scheme designates: secretary, then two deputies.
        let designated: [MemberRow]
        let seats: Int
    }

    static func build(_ input: Input, database: OpenedDatabase, passwords: any PasswordHashing, language: Language) async throws -> [String] {
        let store = database.personnel
        let actor = AccessSetup.commandLineActor
        let audit = { (action: AuditAction, detail: String) in
            AuditDraft(actor: actor, action: action, subject: "personnel of \(input.commune)", detail: detail + " (demo)", unit: input.commune)
        }
        let chosen = Set(input.candidates.map(\.memberID))
        let others = input.roster.filter { !chosen.contains($0.memberID) }
        // Three people considered who fail a condition (R-P-1, R-P-4).
        let tooOld = others.first { $0.gender == .male && $0.birthDate.year <= 1966 && $0.status == .official }
        let disciplined = others.first { $0.status == .official && $0.memberID != tooOld?.memberID && $0.birthDate.year >= 1975 }
        let probationary = others.first { $0.status == .probationary }
        if let disciplined {
            try await database.register.recordMembershipEvent(
                MembershipEvent(kind: .disciplined, day: Day(iso: "2025-01-10")!, until: Day(iso: "2026-01-10")!, detail: "cảnh cáo"),
                for: disciplined.memberID)
        }
        let failing = [tooOld, disciplined].compactMap { $0 }
        // Planning: the committee list of 2024 and its 2025 review, and the leading posts.
        let ids = input.candidates.map(\.memberID)
        let revisions: [(PersonnelPost, String, [Person.ID], String)] = [
            (.committee, "2024-03-15", ids + failing.map(\.memberID) + [probationary, others.last].compactMap { $0?.memberID },
             "Nghị quyết 05-NQ/ĐU: quy hoạch Ban Chấp hành nhiệm kỳ 2025–2030"),
            (.committee, "2025-03-20", ids + failing.map(\.memberID), "Nghị quyết 11-NQ/ĐU: rà soát, bổ sung quy hoạch năm 2025"),
            (.secretary, "2024-03-15", Array(ids.prefix(2)), "Nghị quyết 05-NQ/ĐU"),
            (.deputySecretary, "2024-03-15", Array(ids.dropFirst(2).prefix(3)), "Nghị quyết 05-NQ/ĐU"),
            (.standingCommittee, "2024-03-15", Array(ids.prefix(11)), "Nghị quyết 05-NQ/ĐU"),
            (.inspectionChair, "2024-03-15", Array(ids.dropFirst(12).prefix(2)), "Nghị quyết 05-NQ/ĐU"),
        ]
        for (post, day, members, note) in revisions {
            try await store.revisePlanning(PlanningRevision(unit: input.commune, term: term, post: post, day: Day(iso: day)!, members: members,
                                                            recordedBy: "bantochuc", note: note),
                                           audit: audit(.planningRevised, "\(post.rawValue), \(members.count) people"))
        }
        // Dossiers with their evidence: every planned person, and the probationary member considered too.
        let considered = input.candidates + failing + [probationary].compactMap { $0 }
        for (index, person) in considered.enumerated() {
            let evidence = { (prefix: String, day: String) in
                Evidence(document: "\(index + 1)\(prefix)", day: Day(iso: day)!, recordedBy: "bantochuc")
            }
            let dossier = DossierRecord(memberID: person.memberID, post: .committee, level: .commune, entry: .first,
                                        standardsConclusion: evidence("-KL/ĐU", "2025-04-10"), assetsDeclared: evidence("/BKTS", "2025-03-31"))
            try await store.recordDossier(dossier, unit: input.commune, audit: audit(.dossierRecorded, "dossier \(person.memberID)"))
        }
        // The scheme: 27 seats, the designated leaders, the provisional committee that convenes the congress.
        let designated = zip([SeatRole.secretary, .deputySecretary, .deputySecretary], input.designated).map {
            DesignatedLeader(name: $1.fullName, role: $0, memberID: $1.memberID)
        }
        let scheme = PersonnelScheme(unit: input.commune, term: term, level: .commune, mergedUnits: 1,
                                     bodies: [PersonnelScheme.Body(kind: .executiveCommittee, seats: input.seats)], designated: designated,
                                     conveningCommittee: Array(ids.prefix(15)))
        try await store.saveScheme(SchemeRecord(scheme: scheme), version: nil, audit: audit(.schemeChanged, "scheme created"))
        // The commune's organising staff, who hold it.
        var lines: [String] = []
        let login = "bantochuc"
        if try await database.access.credentials(login: login) == nil {
            let password = AccessSetup.generatedPassword()
            _ = try await database.access.createUser(
                NewUser(login: login, displayName: "Ban Tổ chức Đảng ủy (demo)", passwordHash: await passwords.hash(password),
                        grants: [RoleGrant(role: .organisingStaff, unit: input.commune)]),
                audit: AuditDraft(actor: actor, action: .userCreated, subject: login, detail: "demo"))
            lines.append(Catalogue.text("demo.user", language, login, password, Catalogue.text("web.role.organisingStaff", language), input.commune))
        }
        lines.append(Catalogue.text("demo.personnel", language, "/units/\(input.commune)/personnel/scheme"))
        return lines
    }
}
