import CongressCore
import Foundation
import Testing

/// `congress import units`: the units file read (formats §8) and its decision against the
/// organisation already held (R-O-1, R-O-3, R-O-4), without any store.
@Suite("Units file")
struct UnitImportTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static let reform = Day.reorganisation2025

    /// A province and one commune of the 2025 tree, as `congress init` brings them.
    static let existing = OrganisationRecords(
        units: [PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương", kind: .central),
                PartyUnit(code: "T44", name: "Đảng bộ tỉnh Quảng Trị", kind: .underCentral),
                PartyUnit(code: "X1", name: "Đảng bộ phường Đồng Hới", kind: .communeCommittee, validFrom: reform)],
        placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "T44", parent: "TW"),
                     UnitPlacement(unit: "X1", parent: "T44", validFrom: reform)])

    static func rows(_ lines: [String]) throws -> [UnitFileRow] {
        let text = ([UnitsFile.columns.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
        return try UnitsFile.parse(Array(text.utf8)).get()
    }

    static func plan(_ lines: [String], existing: OrganisationRecords = existing, members: @escaping (PartyUnit.ID, Day) -> Int = { _, _ in 0 })
        throws -> Result<UnitImport.Changes, UnitFileErrors> {
        UnitImport.plan(try rows(lines), existing: existing, members: members)
    }

    /// The organisation after applying `changes` the way a store does.
    static func applied(_ changes: UnitImport.Changes, to records: OrganisationRecords) -> OrganisationRecords {
        var result = records
        result.units += changes.added.units
        result.placements += changes.added.placements
        result.events += changes.added.events
        for rename in changes.renamed { if let i = result.units.firstIndex(where: { $0.code == rename.code }) { result.units[i].name = rename.name } }
        for ending in changes.ended {
            if let i = result.units.firstIndex(where: { $0.code == ending.code }) { result.units[i].validTo = ending.lastDay }
            for i in result.placements.indices where result.placements[i].unit == ending.code && (result.placements[i].validTo.map { $0 > ending.lastDay } ?? true) {
                result.placements[i].validTo = ending.lastDay
            }
        }
        return result
    }

    static let created = [
        "CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X1,,,created,2025-08-01",
        "CB1,Chi bộ Tổ Toán,cell,CS1,,,created,2025-08-01",
        "CB2,Chi bộ Tổ Văn,cell,CS1,,,,2025-08-01",
        "CB2,Chi bộ Tổ Ngữ văn,cell,CS1,,,renamed,2026-01-01",
    ]

    @Test("R-O-4: created units take their day as first day; a rename is a dated event with the old name")
    func createsAndRenames() throws {
        let changes = try Self.plan(Self.created).get()
        #expect(changes.added.units.map(\.code) == ["CS1", "CB1", "CB2"])
        #expect(changes.added.units.allSatisfy { $0.validFrom == Self.day("2025-08-01") && $0.validTo == nil })
        #expect(changes.added.units.last?.name == "Chi bộ Tổ Ngữ văn")
        #expect(changes.added.placements.map(\.parent) == ["X1", "CS1", "CS1"])
        #expect(changes.added.events.last == UnitEvent(kind: .renamed, day: Self.day("2026-01-01"), unit: "CB2", oldName: "Chi bộ Tổ Văn"))
        let tree = OrganisationTree(units: Self.applied(changes, to: Self.existing).units,
                                    placements: Self.applied(changes, to: Self.existing).placements, on: Self.day("2026-02-01"))
        #expect(tree.children(of: "CS1").map(\.code) == ["CB1", "CB2"])
        #expect(tree.isWithin("CB1", "T44"))
    }

    @Test("R-O-4: re-importing the same file changes nothing, renames included")
    func reimportChangesNothing() throws {
        let first = try Self.plan(Self.created).get()
        let after = Self.applied(first, to: Self.existing)
        let second = try Self.plan(Self.created, existing: after).get()
        #expect(second.isEmpty && second.unchanged == 4)
    }

    @Test("R-O-1: a cell only under a grassroots committee; provinces and communes are not the file's to change")
    func levels() throws {
        let errors = try #require(try Self.plan([
            "CB9,Chi bộ sai chỗ,cell,X1,,,created,2025-08-01",
            "CS2,Đảng bộ cơ sở,grassrootsCommittee,CB9,,,created,2025-08-01",
        ]).failure)
        #expect(errors.errors.map(\.problem) == [.parentKind(child: .cell, parent: .communeCommittee), .unknownParent(code: "CB9", day: Self.day("2025-08-01"))])
        #expect(errors.errors.map(\.line) == [2, 3] && errors.errors.allSatisfy { $0.column == "parent_code" })
        let read = UnitsFile.parse(Array("code,name,kind,parent_code,valid_from,valid_to,event,on\nX1,Đảng bộ phường mới,communeCommittee,T44,,,renamed,2026-01-01\n".utf8))
        #expect(read.failure?.errors.first?.problem == .kindNotImportable(.communeCommittee))
    }

    @Test("R-O-4: a unit ends the day before its dissolution or merger; its parent must not be left with units in force under it")
    func endings() throws {
        let after = Self.applied(try Self.plan(Self.created).get(), to: Self.existing)
        let refused = try #require(try Self.plan(["CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X1,,,dissolved,2026-06-01"], existing: after).failure)
        #expect(refused.errors.first?.problem == .childrenRemain(code: "CS1", child: "CB1"))
        let changes = try Self.plan([
            "CB1,Chi bộ Tổ Toán,cell,CS1,,,mergedInto:CB2,2026-03-01",
            "CB2,Chi bộ Tổ Ngữ văn,cell,CS1,,,dissolved,2026-06-01",
            "CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X1,,,dissolved,2026-06-01",
        ], existing: after).get()
        #expect(changes.ended == [UnitImport.Ending(code: "CB1", lastDay: Self.day("2026-02-28")),
                                  UnitImport.Ending(code: "CB2", lastDay: Self.day("2026-05-31")),
                                  UnitImport.Ending(code: "CS1", lastDay: Self.day("2026-05-31"))])
        #expect(changes.added.events.first == UnitEvent(kind: .mergedInto, day: Self.day("2026-03-01"), unit: "CB1", other: "CB2"))
        let ended = Self.applied(changes, to: after)
        #expect(OrganisationTree(units: ended.units, placements: ended.placements, on: Self.day("2026-06-01")).unit("CS1") == nil)
        #expect(OrganisationTree(units: ended.units, placements: ended.placements, on: Self.day("2026-05-31")).children(of: "CS1").map(\.code) == ["CB2"])
    }

    @Test("R-O-3: a cell that still has members on the day cannot end: they are transferred first")
    func membersBeforeEnding() throws {
        let after = Self.applied(try Self.plan(Self.created).get(), to: Self.existing)
        let refused = try #require(try Self.plan(["CB1,Chi bộ Tổ Toán,cell,CS1,,,dissolved,2026-03-01"], existing: after,
                                                 members: { code, _ in code == "CB1" ? 12 : 0 }).failure)
        #expect(refused.errors == [UnitFileError(line: 2, column: "on", problem: .membersRemain(code: "CB1", members: 12))])
    }

    @Test("R-O-4: a split names a unit in force the day before; a merger one in force that day")
    func splitAndMergeTargets() throws {
        let after = Self.applied(try Self.plan(Self.created).get(), to: Self.existing)
        let changes = try Self.plan(["CB3,Chi bộ Tổ Toán 2,cell,CS1,,,splitFrom:CB1,2026-01-01"], existing: after).get()
        #expect(changes.added.events == [UnitEvent(kind: .partInto, day: Self.day("2026-01-01"), unit: "CB1", other: "CB3")])
        let refused = try #require(try Self.plan(["CB4,Chi bộ Y,cell,CS1,,,splitFrom:CB1,2025-08-01",
                                                  "CB5,Chi bộ Z,cell,CS1,,,mergedInto:CB9,2026-01-01"], existing: after).failure)
        #expect(refused.errors.map(\.problem) == [.unknownOther(code: "CB1", day: Self.day("2025-07-31")), .unknownOther(code: "CB9", day: Self.day("2026-01-01"))])
    }

    @Test("The file's own errors name line and column: header, dates, kinds, codes, events")
    func readingErrors() {
        let header = UnitsFile.parse(Array("code,name\nA,B\n".utf8))
        #expect(header.failure?.errors.first?.problem == .header(missing: ["kind", "parent_code", "valid_from", "valid_to", "event", "on"], unknown: []))
        let text = """
        code,name,kind,parent_code,valid_from,valid_to,event,on
        C 1,Chi bộ một,cell,CS1,,,created,2025-08-01
        C2,Chi bộ hai,chibo,CS1,,,created,2025-08-01
        C3,Chi bộ ba,cell,CS1,2025-08-01,2025-07-01,created,2025-08-01
        C4,Chi bộ bốn,cell,CS1,,,movedTo:X,2025-08-01
        C5,Chi bộ năm,cell,CS1,,,created,2025-02-30
        C6,Chi bộ sáu,cell,CS1,,,mergedInto:C6,2025-08-01
        C7,Chi bộ bảy,cell,CS1,,,dissolved,

        """
        let errors = UnitsFile.parse(Array(text.utf8)).failure?.errors ?? []
        #expect(errors.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(errors.map(\.column) == ["code", "kind", "valid_to", "event", "on", "event", "on"])
        #expect(errors.map(\.problem) == [.badCode("C 1"), .badKind("chibo"), .endsBeforeStart(from: Self.day("2025-08-01"), to: Self.day("2025-07-01")),
                                          .badEvent("movedTo:X"), .badDate("2025-02-30"), .selfReference, .missing])
    }

    @Test("Every problem reads in both languages without type names")
    func messages() {
        let problems: [UnitFileProblem] = [.parentKind(child: .cell, parent: .communeCommittee), .membersRemain(code: "CB1", members: 3),
                                           .childrenRemain(code: "CS1", child: "CB1"), .kindNotImportable(.underCentral)]
        for problem in problems {
            for language in Language.allCases {
                let text = problem.message(language)
                #expect(!text.contains("units.") && !text.contains("{") && text.contains("R-O-"))
            }
        }
        #expect(UnitFileProblem.parentKind(child: .cell, parent: .communeCommittee).message(.vi).contains("đảng bộ cơ sở"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
