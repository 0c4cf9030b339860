import CongressCore
import CongressStore
import Foundation

/// Personnel work for the web tests: X1 (own, Quảng Trị) has a planning list, two dossiers and a
/// scheme whose executive committee list passed step 1 and whose step-2 ballot is counted in
/// round 4 by R10 and R09; X9 (foreign, Hà Nội) has a dossier of Phạm Thị Dung and a scheme
/// waiting for step 1.
enum PersonnelFixture {
    static let term = "2025–2030"
    static let introductionRound: Round.ID = 4
    static let ballotTitle = "Phiếu giới thiệu nhân sự Ban Chấp hành"

    static func add(to personnel: MemoryPersonnelStore, counting: MemoryCountingStore) async throws {
        let audit = AuditDraft(actor: "test", action: .schemeChanged, subject: "fixture")
        let day = Day(iso: "2026-03-01")!
        try await personnel.revisePlanning(PlanningRevision(unit: "X1", term: term, post: .committee, day: day,
                                                            members: ["M001", "M002", "M004"], recordedBy: "test", note: "NQ 01"), audit: audit)
        try await personnel.recordDossier(DossierRecord(memberID: "M001", post: .committee, level: .commune, entry: .reelection,
                                                        standardsConclusion: Evidence(document: "KL 5", day: day, recordedBy: "test"),
                                                        assetsDeclared: Evidence(document: "BK 1", day: day, recordedBy: "test")),
                                          unit: "X1", audit: audit)
        try await personnel.recordDossier(DossierRecord(memberID: "M002", post: .committee, level: .commune, entry: .first),
                                          unit: "X1", audit: audit)
        try await personnel.recordDossier(DossierRecord(memberID: "M101", post: .secretary, level: .commune, entry: .first),
                                          unit: "X9", audit: audit)
        var own = SchemeRecord(scheme: PersonnelScheme(unit: "X1", term: term, level: .commune,
                                                       bodies: [PersonnelScheme.Body(kind: .executiveCommittee, seats: 3)]))
        (own, _) = try SchemeDecision.record(.adoptList(["M001", "M002", "M004", "M003"]), body: .executiveCommittee, actor: "test",
                                             day: day, in: own)
        let process = try require(own.process(.executiveCommittee))
        let names: [Person.ID: String] = ["M001": "Nguyễn Văn An", "M002": "Trần Thị Bình", "M004": "Đặng Văn Đức", "M003": "Hồ Thị Ánh"]
        let election = SchemeDecision.ballotElection(process, step: .keyCadres, body: .executiveCommittee, title: ballotTitle, names: names,
                                                     convened: 12, present: 11)
        let round = try await counting.openRound(election, unit: "X1", congress: nil, requiredEntries: 2, audit: audit)
        precondition(round == introductionRound, "the introduction ballot is round \(introductionRound) of the web fixture")
        (own, _) = try SchemeDecision.openBallot(body: .executiveCommittee, round: round, summoned: 12, present: 11, countingBoard: ["R10", "R09"],
                                                 in: own)
        try await personnel.saveScheme(own, version: nil, audit: audit)
        let foreign = SchemeRecord(scheme: PersonnelScheme(unit: "X9", term: term, level: .commune,
                                                           bodies: [PersonnelScheme.Body(kind: .executiveCommittee, seats: 1)]))
        try await personnel.saveScheme(foreign, version: nil, audit: audit)
    }
}

/// `#require` outside a test: a fixture that cannot be built stops the test run loudly.
private func require<T>(_ value: T?) throws -> T {
    guard let value else { throw FixtureError.missing }
    return value
}

private enum FixtureError: Error { case missing }
