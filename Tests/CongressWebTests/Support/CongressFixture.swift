import CongressCore
import CongressStore

/// The congresses of the web tests: a members' congress of X1 (Đồng Hới, in Quảng Trị) with a
/// roll of 12, its executive committee election (round 1, a draft: 3 seats, 4 candidates) and a
/// certified election (round 3); a congress of X9 (Ba Đình, in Hà Nội) with round 2.
enum CongressFixture {
    static let candidates = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Đặng Văn Đức"]

    static let roll: [MemberOnRoll] = [
        ("M001", "Nguyễn Văn An"), ("M002", "Trần Thị Bình"), ("M004", "Đặng Văn Đức"), ("R04", "Lê Văn Cường"),
        ("R05", "Phan Thị Hoa"), ("R06", "Võ Văn Khánh"), ("R07", "Hồ Thị Lan"), ("R08", "Bùi Văn Minh"),
        ("R09", "Đỗ Thị Ngọc"), ("R10", "Ngô Văn Phúc"), ("R11", "Dương Thị Quyên"), ("R12", "Lý Văn Sơn"),
    ].map { MemberOnRoll(memberID: $0.0, fullName: $0.1) }

    static func record(unit: PartyUnit.ID, name: String) -> CongressRecord {
        var roll = roll
        roll[11].attendance = Attendance(absentWhole: true, reasonAccepted: true)
        var record = CongressRecord(unit: unit, name: name, term: "2025–2030", kind: .members, opensOn: "2026-11-20",
                                    closesOn: "2026-11-21", members: roll, countingBoard: ["R10", "R09", "R08", "R07"],
                                    motions: [Motion(subject: .numberOfSeats, text: "Số lượng Ban Chấp hành: 3", inFavour: 11, against: 0)])
        record.composition = [BodySeat(memberID: "M001", name: "Nguyễn Văn An", role: .committeeMember, source: "round 3")]
        return record
    }

    static func election(_ record: CongressRecord) -> Election {
        Election(title: "Bầu Ban Chấp hành — \(record.name)", body: .executiveCommittee, seats: 3,
                 candidates: VietnameseNameOrder.sorted(candidates), base: record.base(), ballotsIssued: record.voters())
    }

    /// Ballots of the certified round: every one strikes Bình; three strike Cường too.
    static let certifiedBallots: [Ballot] = (0..<11).map { index in
        index < 3 ? Ballot.striking([2, 3]) : Ballot.striking([2])
    }

    static func add(to store: MemoryCountingStore) async throws {
        let audit = AuditDraft(actor: "test", action: .roundEvent, subject: "fixture")
        let x1 = record(unit: "X1", name: "Đại hội Đảng bộ phường Đồng Hới lần thứ I, nhiệm kỳ 2025–2030")
        let x9 = record(unit: "X9", name: "Đại hội Đảng bộ phường Ba Đình, nhiệm kỳ 2025–2030")
        let ownCongress = try await store.createCongress(x1, audit: audit)
        let foreignCongress = try await store.createCongress(x9, audit: audit)
        _ = try await store.openRound(election(x1), unit: "X1", congress: ownCongress, requiredEntries: 2, audit: audit)
        _ = try await store.openRound(election(x9), unit: "X9", congress: foreignCongress, requiredEntries: 2, audit: audit)
        var done = election(x1)
        done.title = "Bầu Ban Chấp hành (đã kiểm) — \(x1.name)"
        let id = try await store.openRound(done, unit: "X1", congress: ownCongress, requiredEntries: 2, audit: audit)
        for event in [RoundLifecycle.Event.adoptList(candidates: 4), .issueBallots(issued: 11), .openCounting(returned: 11)] {
            _ = try await store.apply(event, to: id, audit: audit)
        }
        try await store.declareStack(round: id, stack: 1, ballots: 11, audit: audit)
        for (pass, clerk) in [(1, "clerk-a"), (2, "clerk-b")] {
            try await store.claimPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: audit)
            for (position, ballot) in certifiedBallots.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: audit)
        }
        try await store.agreeStack(round: id, stack: 1, ballots: certifiedBallots, audit: [audit])
        _ = try await store.apply(.closeCounting(agreedBallots: 11), to: id, audit: audit)
        let result = try Tally.count(done, ballots: certifiedBallots)
        _ = try await store.apply(.resultComputed(tiePending: false), to: id, audit: audit)
        _ = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: audit)
    }
}
