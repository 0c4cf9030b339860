import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation

/// The demo's congress day: the members' congress of the smallest commune of Quảng Trị with its
/// roll from the register, its counting board and motions; the executive committee (27 seats,
/// 30 candidates) already counted by two demo clerks from generated ballots and certified; and
/// the new committee's first conference with its secretary election ready to count in the
/// browser. Demo users for each role, with generated passwords shown once.
enum DemoCongress {
    static let province: PartyUnit.ID = "T44"
    static let seats = 27
    static let candidates = 30

    /// Builds it in `database`; returns the lines to print (the users and where to go).
    static func build(database: OpenedDatabase, passwords: any PasswordHashing, seed: UInt64,
                      language: Language) async throws -> [String] {
        let register = database.register
        let day = DemoMembers.referenceDay
        let tree = try await register.tree(on: day)
        let snapshot = try await register.snapshot()
        let communes = tree.children(of: province).filter { $0.kind == .communeCommittee }
        guard let commune = communes.min(by: { (snapshot.memberCount(of: $0.code, on: day) ?? 0) < (snapshot.memberCount(of: $1.code, on: day) ?? 0) })
        else { return [] }
        // The congress opens on the day the demo is built; its roll is the register on that day.
        let opens = DemoMembers.congressDay
        let roster = try await register.members(MemberQuery(unit: commune.code, day: opens, limit: 1_000_000)).items
        // The roll as the secretariat's set-up makes it (R-E-17): from the register, with each
        // member's standing on the opening day (temporary activity elsewhere, exempted, suspended).
        var roll = RollFromRegister.members(roster)
        var random = DemoRandom(seed: seed ^ 0xC0_4E55)
        // A few absences, as any congress has: some with a reason the convening committee accepted.
        for index in roll.indices where random.int(0...99) < 4 {
            roll[index].attendance = Attendance(absentWhole: true, reasonAccepted: random.int(0...1) == 1)
        }
        // Candidates, the board and the delegates come from full members in good standing.
        let full = roll.filter { $0.full && $0.condition == .none }
        // The personnel scheme's 30 (R-P-3): 26 men and 4 women, short of the 15% target for women (R-P-2).
        let rows = Dictionary(roster.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        let fullRows = full.compactMap { rows[$0.memberID] }.filter { $0.birthDate.year >= 1968 }
        let men = fullRows.filter { $0.gender == .male }.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let women = fullRows.filter { $0.gender == .female }.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        let picked = Array(men.prefix(candidates - 4)) + Array(women.prefix(4))
        let pickedByID = Dictionary(picked.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        let chosen = VietnameseNameOrder.sorted(picked.map { ListEntry(name: $0.fullName, memberID: $0.memberID) })
            .compactMap { $0.memberID.flatMap { pickedByID[$0] } }
        let list = chosen.map(\.fullName)
        let onList = Set(list)
        let board = full.filter { !onList.contains($0.fullName) && !$0.attendance.absentWhole }.suffix(4).map(\.memberID)
        let name = "Đại hội Đảng bộ \(commune.name.replacingOccurrences(of: "Đảng bộ ", with: "")) lần thứ I, nhiệm kỳ 2025–2030"
        var record = CongressRecord(unit: commune.code, name: name, term: "2025–2030", kind: .members,
                                    opensOn: opens.iso, closesOn: opens.adding(days: 1).iso, members: roll, countingBoard: Array(board))
        let voters = record.voters()
        record.motions = [
            Motion(subject: .presidium, text: "Đoàn Chủ tịch đại hội (5 đồng chí)", inFavour: voters, against: 0),
            Motion(subject: .countingBoard, text: "Ban Kiểm phiếu (4 đồng chí)", inFavour: voters - 1, against: 1),
            Motion(subject: .numberOfSeats, text: "Số lượng Ban Chấp hành: \(seats) đồng chí", inFavour: voters, against: 0),
            Motion(subject: .electionList, text: "Danh sách bầu cử Ban Chấp hành: \(list.count) đồng chí", inFavour: voters - 2, against: 2),
        ]
        let store = database.counting
        let access = database.access
        let actor = AccessSetup.commandLineActor
        let congress = try await store.createCongress(record, audit: AuditDraft(actor: actor, action: .congressCreated, subject: commune.code.rawValue, detail: name))

        // Users: the administrator first (so that serving does not create another), then one per role.
        var lines: [String] = []
        if let password = try await FirstAdministrator.ensure(access: access, register: register, passwords: passwords, today: day) {
            lines.append(Catalogue.text("demo.user", language, FirstAdministrator.login, password, Catalogue.text("web.role.administrator", language), "TW"))
        }
        // The counting board's accounts are bound to the members the congress voted to it (R-E-4),
        // its head (kiemphieu1) first: two type each stack, a third settles, a fourth confirms.
        let boardName = { (index: Int) in record.name(of: board[index]) ?? board[index].rawValue }
        let users: [(String, String, Role, PartyUnit.ID, Person.ID?)] = [
            ("thuky", "Thư ký đại hội (demo)", .secretariat, commune.code, nil),
            ("kiemphieu1", "\(boardName(0)) — Trưởng Ban Kiểm phiếu (demo)", .countingBoard, commune.code, board[0]),
            ("kiemphieu2", "\(boardName(1)) — Ban Kiểm phiếu (demo)", .countingBoard, commune.code, board[1]),
            ("kiemphieu3", "\(boardName(2)) — Ban Kiểm phiếu (demo)", .countingBoard, commune.code, board[2]),
            ("kiemphieu4", "\(boardName(3)) — Ban Kiểm phiếu (demo)", .countingBoard, commune.code, board[3]),
            ("thamdinh", "Thẩm định tỉnh (demo)", .reviewer, province, nil),
        ]
        for (login, display, role, unit, member) in users where try await access.credentials(login: login) == nil {
            let password = AccessSetup.generatedPassword()
            _ = try await access.createUser(NewUser(login: login, displayName: display, passwordHash: await passwords.hash(password),
                                                    grants: [RoleGrant(role: role, unit: unit)], memberID: member),
                                            audit: AuditDraft(actor: actor, action: .userCreated, subject: login, detail: "demo"))
            lines.append(Catalogue.text("demo.user", language, login, password, Catalogue.text("web.role.\(role.rawValue)", language), unit))
        }

        lines += try await DemoPersonnel.build(
            DemoPersonnel.Input(commune: commune.code, candidates: chosen, roster: roster, designated: Array(chosen.prefix(3)), seats: seats),
            database: database, passwords: passwords, language: language)

        // The executive committee, the delegates and the standing committee, counted by the two
        // demo clerks from generated ballots (R-E-3); the secretary is left to count in the browser.
        let counter = DemoCounter(store: store, congress: congress, unit: commune.code, actor: actor, day: opens)
        let executive = Election(title: "Bầu Ban Chấp hành — \(name)", body: .executiveCommittee, seats: seats, candidates: list,
                                 base: record.base(), ballotsIssued: voters)
        guard let committee = try await counter.count(executive, random: &random)?.elected else { return lines }
        let others = full.filter { !onList.contains($0.fullName) && !board.contains($0.memberID) }.map(\.fullName)
        let delegateList = VietnameseNameOrder.sorted(Array(others.prefix(14)))
        let delegates = Election(title: "Bầu đại biểu dự Đại hội Đảng bộ tỉnh — \(name)", body: .delegates, seats: 10, alternateSeats: 2,
                                 candidates: delegateList, base: record.base(), ballotsIssued: voters)
        _ = try await counter.count(delegates, random: &random)
        let conference = BaseRecord(kind: .committeeConference, convened: committee.count, present: committee.count)
        let secretary = committee[0]
        let standingList = VietnameseNameOrder.sorted(Array(committee.prefix(10)))
        let standing = Election(title: "Bầu Ban Thường vụ — Hội nghị lần thứ nhất Ban Chấp hành khóa mới", body: .standingCommittee,
                                seats: 9, candidates: standingList, base: conference, ballotsIssued: committee.count)
        // The approved personnel scheme designated the secretary (R-E-26), who stands for the standing committee.
        if let stored = try await store.congress(congress) {
            var designated = stored.record
            let bearers = stored.record.memberIDs(named: secretary)
            designated.designated = [DesignatedLeader(name: secretary, role: .secretary, memberID: bearers.count == 1 ? bearers[0] : nil)]
            _ = try await store.updateCongress(congress, version: stored.version, designated,
                                               audit: AuditDraft(actor: actor, action: .congressChanged, subject: "congress \(congress)", detail: "designated secretary"))
        }
        guard let elected = try await counter.count(standing, random: &random, keep: secretary), elected.elected.contains(secretary) else {
            return lines
        }
        let election = Election(title: "Bầu Bí thư Đảng ủy — Hội nghị lần thứ nhất Ban Chấp hành khóa mới", body: .secretary, seats: 1,
                                candidates: [secretary], base: conference, ballotsIssued: committee.count)
        let second = try await counter.open(election, through: .issueBallots(issued: committee.count))
        lines.append(Catalogue.text("demo.congress", language, name, "/units/\(commune.code)/congress", "/units/\(commune.code)/rounds/\(second)"))
        return lines
    }

    /// Strike-out ballots where later names on a hidden preference order are struck more often,
    /// so that the count has clear winners; a few invalid ones of each kind.
    static func generatedBallots(count: Int, candidates: Int, places: Int, keep: Int? = nil, random: inout DemoRandom) -> [Ballot] {
        var weights = (0..<candidates).map { _ in random.int(1...40) }
        if let keep { weights[keep] = 0 }
        return (0..<count).map { index in
            if index % 97 == 5 { return Ballot(issued: false, choice: .struck(CandidateSet())) }
            if index % 89 == 7 { return Ballot(choice: .struck(CandidateSet(0..<candidates))) }
            var struck = CandidateSet()
            let strikes = candidates - places + (index % 5 == 0 ? 1 : 0)
            while struck.count < strikes {
                let total = weights.reduce(0, +)
                var pick = random.int(0...(total - 1))
                for (position, weight) in weights.enumerated() {
                    if pick < weight { struck.insert(position); break }
                    pick -= weight
                }
            }
            return Ballot(choice: .struck(struck))
        }
    }
}

/// The two demo clerks counting one election the way the counting board does it: list adopted,
/// ballots issued, the box opened, one stack entered twice, agreed, closed and certified, and
/// the result recorded in the term's composition.
struct DemoCounter {
    let store: any CountingStore
    let congress: CongressRecord.ID
    let unit: PartyUnit.ID
    let actor: String
    let day: Day

    func open(_ election: Election, through last: RoundLifecycle.Event) async throws -> Round.ID {
        let round = try await store.openRound(election, unit: unit, congress: congress, requiredEntries: 2,
                                              audit: AuditDraft(actor: actor, action: .roundOpened, subject: "congress \(congress)", detail: "demo"))
        let events: [RoundLifecycle.Event] = [.adoptList(candidates: election.candidates.count), .issueBallots(issued: election.ballotsIssued)]
        for event in events {
            _ = try await store.apply(event, to: round, audit: AuditDraft(actor: actor, action: .roundEvent, subject: "round \(round)", detail: "demo"))
            if event == last { break }
        }
        return round
    }

    /// Counts `election` from generated ballots (tried again with new ballots on a tie); the certified result.
    func count(_ election: Election, random: inout DemoRandom, keep: String? = nil) async throws -> ElectionResult? {
        var ballots: [Ballot] = []
        for _ in 0..<20 {
            ballots = DemoCongress.generatedBallots(count: election.ballotsIssued, candidates: election.candidates.count,
                                                    places: election.places, keep: keep.flatMap(election.candidates.firstIndex(of:)), random: &random)
            if let trial = try? Tally.count(election, ballots: ballots), trial.tie == nil, trial.unfilledSeats == 0 { break }
        }
        let round = try await open(election, through: .issueBallots(issued: election.ballotsIssued))
        let step = { (event: RoundLifecycle.Event) in
            _ = try await store.apply(event, to: round, audit: AuditDraft(actor: actor, action: .roundEvent, subject: "round \(round)", detail: "demo"))
        }
        try await step(.openCounting(returned: ballots.count))
        try await store.declareStack(round: round, stack: 1, ballots: ballots.count, audit: AuditDraft(
            actor: "kiemphieu3", action: .stackDeclared, subject: "round \(round) stack 1", detail: "\(ballots.count) ballots"))
        for (pass, clerk) in [(1, "kiemphieu1"), (2, "kiemphieu2")] {
            try await store.claimPass(round: round, stack: 1, pass: pass, clerk: clerk,
                                      audit: AuditDraft(actor: clerk, action: .passClaimed, subject: "round \(round) stack 1 pass \(pass)"))
            for (position, ballot) in ballots.enumerated() {
                try await store.recordBallot(round: round, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: round, stack: 1, pass: pass, clerk: clerk,
                                       audit: AuditDraft(actor: clerk, action: .passFinished, subject: "round \(round) stack 1 pass \(pass)"))
        }
        guard case .agreed(let agreed) = try StackComparison.compare(try await store.entries(round: round, stack: 1)) else { return nil }
        try await store.agreeStack(round: round, stack: 1, ballots: agreed,
                                   audit: [AuditDraft(actor: "kiemphieu1", action: .stackAgreed, subject: "round \(round) stack 1")])
        let result = try await store.closeCounting(round: round, actor: "kiemphieu1")
        guard result.tie == nil else { return nil }
        // The composition in the certification's transaction, as the web's certification does.
        var composition: CongressWrite?
        if let stored = try await store.congress(congress), case var updated = stored.record,
           let detail = updated.recordCertified(result, round: round, on: day) {
            composition = CongressWrite(id: congress, version: stored.version, record: updated, audit: AuditDraft(
                actor: "kiemphieu1", action: .congressChanged, subject: "congress \(congress)", detail: detail))
        }
        _ = try await store.certify(round: round, result: ResultDocument.encode(result).formatted(),
                                    audit: AuditDraft(actor: "kiemphieu1", action: .resultCertified, subject: "round \(round)"),
                                    congress: composition)
        return result
    }
}
