import Synchronization
import CongressCore
import CongressStore
import Testing

/// The contract every register store meets; runs against the in-memory and the SQLite store.
@Suite struct RegisterStoreContractTests {
    typealias S = SampleRegister

    @Test("R-O-4: the tree as of a day before and after the 2025 merge", arguments: StoreKind.allCases)
    func treeAsOfDay(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let before = try await store.tree(on: S.day("2025-01-01"))
        #expect(before.children(of: "TW").map(\.code) == ["LT44", "LT45"])
        #expect(before.ancestry(of: "C1").map(\.code) == ["TW", "LT44", "LX1", "C1"])
        #expect(before.subtree(of: "T44") == nil)
        let after = try await store.tree(on: S.day("2025-07-01"))
        #expect(after.children(of: "TW").map(\.code) == ["T44"])
        #expect(after.children(of: "X1").map(\.code) == ["C1", "C2"])
        #expect(after.ancestry(of: "C3").map(\.code) == ["TW", "T44", "X2", "C3"])
    }

    @Test("R-O-4: merges are dated events of both units", arguments: StoreKind.allCases)
    func unitHistory(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let events = try await store.unitEvents("T44")
        #expect(events.map(\.unit) == ["LT44", "LT45"])
        #expect(events.allSatisfy { $0.kind == .mergedInto && $0.day == S.reform && $0.other == "T44" })
        #expect(try await store.unit("LT44")?.validTo == S.lastLegacyDay)
    }

    @Test("Adding a unit code twice or naming an unknown unit is refused, nothing written", arguments: StoreKind.allCases)
    func organisationGuards(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let before = try await store.summary()
        await #expect(throws: StoreError.duplicateUnit("C1")) {
            try await store.addOrganisation(OrganisationRecords(units: [PartyUnit(code: "C9", name: "Mới", kind: .cell), PartyUnit(code: "C1", name: "Trùng", kind: .cell)]))
        }
        await #expect(throws: StoreError.danglingReference("NOPE")) {
            try await store.addOrganisation(OrganisationRecords(units: [PartyUnit(code: "C9", name: "Mới", kind: .cell)],
                                                               placements: [UnitPlacement(unit: "C9", parent: "NOPE")]))
        }
        #expect(try await store.summary() == before)
        #expect(try await store.unit("C9") == nil)
    }

    @Test("Import adds every row; re-importing the same file changes nothing", arguments: StoreKind.allCases)
    func importIsIdempotent(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.addOrganisation(S.organisation)
        #expect(try await store.importMembers(S.rows(), on: S.importDay) == ImportSummary(added: 7))
        let first = try await store.summary()
        let record = try await store.personRecord("M003")
        #expect(try await store.importMembers(S.rows(), on: S.importDay) == ImportSummary(unchanged: 7))
        #expect(try await store.summary() == first)
        #expect(try await store.personRecord("M003") == record)
    }

    @Test("An import with a bad unit imports nothing and names the line and column", arguments: StoreKind.allCases)
    func importAllOrNothing(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.addOrganisation(S.organisation)
        var rows = S.rows()
        rows[2].unit = "NOPE"
        rows[5].unit = "LX1"   // ended on 30/6/2025
        do {
            _ = try await store.importMembers(rows, on: S.importDay)
            Issue.record("expected a rejection")
        } catch {
            guard case .importRejected(let errors) = error else { Issue.record("unexpected \(error)"); return }
            #expect(errors.errors == [
                MemberFileError(line: 4, column: "unit_code", problem: .unknownUnit("NOPE")),
                MemberFileError(line: 7, column: "unit_code", problem: .unitNotOpen(code: "LX1", day: S.importDay)),
            ])
        }
        #expect(try await store.summary().persons == 0)
    }

    @Test("An import's audit entry is written in its own transaction: a rejected import leaves neither rows nor entry",
          arguments: StoreKind.allCases)
    func importAuditedInItsTransaction(kind: StoreKind) async throws {
        let (store, access) = try await kind.makeAudited()
        try await store.addOrganisation(S.organisation, audit: AuditDraft(actor: "cli:ops", action: .organisationLoaded, subject: "p.sqlite"))
        let audit: @Sendable (ImportSummary) -> AuditDraft = {
            AuditDraft(actor: "cli:ops", action: .membersImported, subject: "members.csv", detail: "added \($0.added)")
        }
        var bad = S.rows()
        bad[2].unit = "NOPE"
        let rejected = bad
        let rejectedBatches = Batches([rejected])
        await #expect(throws: StoreError.self) {
            _ = try await store.importMembers(streaming: { rejectedBatches.next() }, on: S.importDay, audit: audit)
        }
        #expect(try await store.summary().persons == 0)
        #expect(try await access.auditLog().map(\.action) == [.organisationLoaded], "no entry for the rejected import")

        let rows = S.rows()
        let batches = Batches([Array(rows.prefix(3)), Array(rows.dropFirst(3))])
        let summary = try await store.importMembers(streaming: { batches.next() }, on: S.importDay, audit: audit)
        let log = try await access.auditLog()
        #expect(log.map(\.action) == [.organisationLoaded, .membersImported])
        #expect(log.last?.detail == "added \(summary.added)" && summary.added == rows.count)
        #expect(try await store.summary().persons == rows.count)
    }

    /// The filled register's seven people with their spans, read one by one: the reference's input.
    static func everyone(_ store: any RegisterStore) async throws -> ([Person], [Person.ID: [MembershipSpan]]) {
        var people: [Person] = []
        var spans: [Person.ID: [MembershipSpan]] = [:]
        for id: Person.ID in ["M001", "M002", "M003", "M004", "M005", "M006", "M007"] {
            let record = try #require(try await store.personRecord(id))
            people.append(record.person)
            spans[id] = record.spans
        }
        return (people, spans)
    }

    @Test("Structure counts equal the core's reference computation over the same people", arguments: StoreKind.allCases)
    func structureMatchesReference(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let (people, spans) = try await Self.everyone(store)
        for day in [S.day("2020-01-01"), S.day("2025-06-30"), S.day("2025-07-01"), S.day("2026-11-22")] {
            let tree = try await store.tree(on: day)
            for unit in tree.units.map(\.code) {
                let reference = StructureReport.count(StructureReport.members(of: unit, in: tree, people: people, spans: spans), on: day)
                #expect(try await store.structure(of: unit, on: day) == reference, "\(unit) on \(day)")
                #expect(try await store.memberCount(of: unit, on: day) == reference.total)
            }
        }
        let province = try await store.structure(of: "T44", on: S.day("2026-11-22"))
        #expect(province.total == 7)
        #expect(province.byStatus == [.official: 3, .probationary: 1, .exempted: 1, .suspended: 1, .temporaryElsewhere: 1])
        #expect(province.byEthnicity == ["Kinh": 5, "Bru-Vân Kiều": 1, "Tà Ôi": 1])
        #expect(province.ethnicMinorities == 2)
    }

    @Test("§9: each register figure of the snapshot equals the core's definition over the same people; people read together as one by one",
          arguments: StoreKind.allCases)
    func registerFiguresMatchReference(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let (people, spans) = try await Self.everyone(store)
        let together = try await store.people(people.map(\.memberID) + ["NOBODY"])
        #expect(Set(together.map(\.memberID)) == Set(people.map(\.memberID)) && together.count == people.count)
        for person in together { #expect(people.first { $0.memberID == person.memberID } == person) }
        let snapshot = try await store.snapshot()
        for day in [S.day("2025-06-30"), S.day("2026-11-22")] {
            let tree = try await store.tree(on: day)
            for unit in tree.units.map(\.code) {
                let members = StructureReport.members(of: unit, in: tree, people: people, spans: spans)
                for figure in RegisterFigure.allCases {
                    let expected = Set(members.filter { figure.contains($0.person, status: $0.status, on: day) }.map(\.person.memberID))
                    let found = try #require(snapshot.people(figure, of: unit, on: day))
                    #expect(Set(found) == expected && found.count == expected.count, "\(figure) of \(unit) on \(day)")
                }
                let directly = members.filter { member in
                    MembershipHistory.status(of: member.person, spans: spans[member.person.memberID] ?? [], on: day)?.0 == unit
                }.count
                #expect(snapshot.people(.all, of: unit, on: day, directly: true)?.count == directly, "\(unit) directly")
            }
        }
        #expect(snapshot.people(.all, of: "NOWHERE", on: S.day("2026-11-22")) == nil)
    }

    @Test("R-O-3: a transfer moves a person; nobody is counted twice", arguments: StoreKind.allCases)
    func transferCountsOnce(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: S.day("2025-10-01"), unit: "C3"), for: "M001")
        let before = S.day("2025-09-30"), after = S.day("2025-10-01")
        #expect(try await store.memberCount(of: "X1", on: before) == 4)
        #expect(try await store.memberCount(of: "X2", on: before) == 3)
        #expect(try await store.memberCount(of: "X1", on: after) == 3)
        #expect(try await store.memberCount(of: "X2", on: after) == 4)
        for day in [before, after] { #expect(try await store.memberCount(of: "T44", on: day) == 7) }
        let record = try #require(try await store.personRecord("M001"))
        #expect(record.spans.map(\.unit) == ["C1", "C3"])
        #expect(record.spans[0].to == before)
    }

    @Test("R-O-3: events that cannot apply are refused", arguments: StoreKind.allCases)
    func eventGuards(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        await #expect(throws: StoreError.self) {
            try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: S.day("2001-01-01"), unit: "C3"), for: "M004")
        }
        await #expect(throws: StoreError.unknownMember("M999")) {
            try await store.recordMembershipEvent(MembershipEvent(kind: .left, day: S.day("2026-01-01")), for: "M999")
        }
        await #expect(throws: StoreError.unknownUnit("LX1")) {
            try await store.recordMembershipEvent(MembershipEvent(kind: .transferred, day: S.day("2026-01-01"), unit: "LX1"), for: "M001")
        }
    }

    @Test("R-E-10: members listed in ballot-name order, paged, with filters", arguments: StoreKind.allCases)
    func membersInNameOrder(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let page = try await store.members(MemberQuery(unit: "T44", day: S.day("2026-11-22")))
        #expect(page.total == 7)
        #expect(page.items.map(\.fullName) == ["Nguyễn Văn An", "Nguyễn Văn An", "Nguyễn Văn Ân", "Hồ Thị Ánh", "Trần Thị Bình", "Lê Văn Đạt", "Phạm Thị Dung"].sortedLike(VietnameseNameOrder.sorted))
        #expect(page.items.prefix(2).map(\.memberID) == ["M001", "M007"])
        let second = try await store.members(MemberQuery(unit: "T44", day: S.day("2026-11-22"), offset: 5, limit: 5))
        #expect(second.items == Array(page.items[5...]))
        #expect(second.total == 7)
        let middle = try await store.members(MemberQuery(unit: "T44", day: S.day("2026-11-22"), offset: 2, limit: 3))
        #expect(middle.items == Array(page.items[2..<5]) && middle.total == 7)
        let women = try await store.members(MemberQuery(unit: "T44", day: S.day("2026-11-22"), gender: .female))
        #expect(Set(women.items.map(\.memberID)) == ["M002", "M004", "M006"])
        let minorities = try await store.members(MemberQuery(unit: "T44", day: S.day("2026-11-22"), ethnicity: "ta oi"))
        #expect(minorities.items.map(\.memberID) == ["M004"])
    }

    @Test("Search is accent-insensitive and by word prefixes", arguments: StoreKind.allCases)
    func search(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let day = S.day("2026-11-22")
        let plain = try await store.members(MemberQuery(unit: "TW", day: day, search: "nguyen van an"))
        #expect(plain.items.map(\.memberID) == ["M001", "M007", "M005"])
        let accented = try await store.members(MemberQuery(unit: "TW", day: day, search: "Nguyễn Văn Ân"))
        #expect(accented.items.map(\.memberID) == ["M001", "M007", "M005"])
        #expect(try await store.members(MemberQuery(unit: "TW", day: day, search: "dat")).items.map(\.memberID) == ["M003"])
        #expect(try await store.members(MemberQuery(unit: "TW", day: day, search: "Đạt")).items.map(\.memberID) == ["M003"])
        #expect(try await store.members(MemberQuery(unit: "X1", day: day, search: "an")).items.map(\.memberID) == ["M001", "M005"])
        #expect(try await store.members(MemberQuery(unit: "TW", day: day, search: "zzz")).total == 0)
    }

    @Test("Search in a small subtree gives the subtree's matches in name order, whichever way the store finds them",
          arguments: StoreKind.allCases)
    func searchInSubtrees(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        let day = S.day("2026-11-22")
        for unit: PartyUnit.ID in ["X1", "X2", "C1", "C2", "C3"] {
            let everyone = try await store.members(MemberQuery(unit: unit, day: day, limit: 1_000)).items
            for search in ["nguyen", "van", "an", "nguyen van", "thi"] {
                let wanted = VietnameseText.foldedWords(search)
                let expected = everyone.filter { member in
                    let words = VietnameseText.foldedWords(member.fullName)
                    return wanted.allSatisfy { query in words.contains { $0.hasPrefix(query) } }
                }
                let found = try await store.members(MemberQuery(unit: unit, day: day, search: search, limit: 1_000))
                #expect(found.items.map(\.memberID) == expected.map(\.memberID), "\(unit), \"\(search)\"")
                #expect(found.total == expected.count)
            }
        }
    }

    @Test("Reads on an unknown unit say so", arguments: StoreKind.allCases)
    func unknownUnit(kind: StoreKind) async throws {
        let store = try await S.filled(kind)
        await #expect(throws: StoreError.unknownUnit("NOPE")) { try await store.structure(of: "NOPE", on: S.importDay) }
    }

    @Test("Both stores return the same records and pages")
    func storesAgree() async throws {
        let memory = try await S.filled(.memory), sqlite = try await S.filled(.sqlite)
        for id: Person.ID in ["M001", "M003", "M004", "M006"] {
            #expect(try await memory.personRecord(id) == sqlite.personRecord(id))
        }
        let query = MemberQuery(unit: "TW", day: S.day("2025-08-01"))
        #expect(try await memory.members(query) == sqlite.members(query))
    }
}

extension Array where Element == String {
    func sortedLike(_ sort: ([String]) -> [String]) -> [String] { sort(self) }
}

/// Large imports take the bulk paths (blocks of rows per statement, batches); they must give the
/// same register as the in-memory store.
@Suite struct BulkImportTests {
    static func rows(_ count: Int) -> [MemberImportRow] {
        (0..<count).map { index in
            let person = Person(
                memberID: "B\(1000 + index)", fullName: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"][index % 3],
                gender: index % 3 == 1 ? .female : .male, birthDate: Day(year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28)!,
                ethnicity: index % 7 == 0 ? "Thái" : "Kinh", hometownProvince: "44", education: Education.allCases[index % Education.allCases.count],
                joinedOn: Day(year: 2000 + index % 20, month: 5, day: 19)!, officialOn: Day(year: 2001 + index % 20, month: 5, day: 19)!)
            let status: MemberStatus = index % 11 == 0 ? .exempted : .official
            return MemberImportRow(line: index + 2, person: person, unit: ["C1", "C2", "C3"][index % 3], status: status)
        }
    }

    @Test("A common name searched in a small unit: the unit's matches in name order, as a filter of its members gives them",
          arguments: StoreKind.allCases)
    func commonNameInSmallUnit(kind: StoreKind) async throws {
        // Ten members in C1, 140 in C2: "nguyen" names 50 people, more than C1 holds.
        let rows = Self.rows(150).enumerated().map { index, row in
            var row = row
            row.unit = index < 10 ? "C1" : "C2"
            return row
        }
        let store = try await kind.make()
        try await store.addOrganisation(SampleRegister.organisation)
        _ = try await store.importMembers(rows, on: SampleRegister.importDay)
        let day = SampleRegister.day("2026-11-22")
        let everyone = try await store.members(MemberQuery(unit: "C1", day: day, limit: 100)).items
        #expect(everyone.count == 10)
        for search in ["nguyen", "van", "nguyen an", "thi binh"] {
            let wanted = VietnameseText.foldedWords(search)
            let expected = everyone.filter { member in
                let words = VietnameseText.foldedWords(member.fullName)
                return wanted.allSatisfy { query in words.contains { $0.hasPrefix(query) } }
            }
            let found = try await store.members(MemberQuery(unit: "C1", day: day, search: search, limit: 100))
            #expect(!expected.isEmpty && found.items.map(\.memberID) == expected.map(\.memberID), "\"\(search)\"")
            #expect(found.total == expected.count)
            let second = try await store.members(MemberQuery(unit: "C1", day: day, search: search, offset: 1, limit: 2))
            #expect(second.items.map(\.memberID) == Array(expected.dropFirst(1).prefix(2)).map(\.memberID))
        }
    }

    @Test("150 members in batches: both stores hold the same register")
    func bulkMatchesMemory() async throws {
        let rows = Self.rows(150)
        var stores: [any RegisterStore] = []
        for kind in StoreKind.allCases {
            let store = try await kind.make()
            try await store.addOrganisation(SampleRegister.organisation)
            let batches = [Array(rows[0..<70]), Array(rows[70..<150])]
            let feed = Feed(batches)
            #expect(try await store.importMembers(streaming: { feed.next() }, on: SampleRegister.importDay) == ImportSummary(added: 150))
            stores.append(store)
        }
        for id: Person.ID in ["B1000", "B1063", "B1064", "B1065", "B1149"] {
            let memory = try await stores[0].personRecord(id), sqlite = try await stores[1].personRecord(id)
            #expect(memory != nil)
            #expect(memory == sqlite)
        }
        let day = SampleRegister.day("2026-11-22")
        #expect(try await stores[0].structure(of: "T44", on: day) == stores[1].structure(of: "T44", on: day))
        #expect(try await stores[1].memberCount(of: "T44", on: day) == 150)
    }

    @Test("An abandoned stream writes nothing", arguments: StoreKind.allCases)
    func abandoned(kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.addOrganisation(SampleRegister.organisation)
        let feed = Feed([Self.rows(100)], end: .abandoned)
        await #expect(throws: StoreError.importAbandoned) { try await store.importMembers(streaming: { feed.next() }, on: SampleRegister.importDay) }
        #expect(try await store.summary().persons == 0)
    }
}

/// Hands out prepared batches, then the end marker.
final class Feed: @unchecked Sendable {
    // @unchecked: the store calls `next` from one thread at a time.
    private var batches: [[MemberImportRow]]
    private let end: ImportBatch
    init(_ batches: [[MemberImportRow]], end: ImportBatch = .finished) {
        self.batches = batches
        self.end = end
    }
    func next() -> ImportBatch { batches.isEmpty ? end : .rows(batches.removeFirst()) }
}

/// Hands out prepared batches, then `.finished`, as the file reader does.
final class Batches: Sendable {
    private let queue: Mutex<[[MemberImportRow]]>
    init(_ batches: [[MemberImportRow]]) { queue = Mutex(batches) }
    func next() -> ImportBatch {
        queue.withLock { batches in batches.isEmpty ? .finished : .rows(batches.removeFirst()) }
    }
}
