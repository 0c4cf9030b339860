import CongressCore
import CongressStore
import Foundation
import Testing

/// Every store applies a units file's decision (`UnitImport`) the same way, whole.
@Suite struct UnitChangesContractTests {
    static func rows(_ lines: [String]) throws -> [UnitFileRow] {
        let text = ([UnitsFile.columns.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
        return try UnitsFile.parse(Array(text.utf8)).get()
    }

    static func plan(_ store: any RegisterStore, _ lines: [String]) async throws -> UnitImport.Changes {
        let snapshot = try await store.snapshot()
        return try UnitImport.plan(try rows(lines), existing: try await store.organisation(),
                                   members: { snapshot.memberCount(of: $0, on: $1) ?? 0 }).get()
    }

    @Test("R-O-4: units added, renamed and ended through a units file read back the same from every store", arguments: StoreKind.allCases)
    func applyChanges(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.addOrganisation(SampleRegister.organisation)
        let created = try await Self.plan(store, [
            "CS1,Đảng bộ Trường THPT Đồng Hới,grassrootsCommittee,X1,,,created,2025-08-01",
            "CB1,Chi bộ Tổ Toán,cell,CS1,,,created,2025-08-01",
            "CB2,Chi bộ Tổ Văn,cell,CS1,,,created,2025-08-01",
        ])
        try await store.applyUnitChanges(created)
        let changes = try await Self.plan(store, [
            "C3,Chi bộ thôn An Xá mới,grassrootsCell,X2,,,renamed,2026-01-01",
            "CB1,Chi bộ Tổ Toán,cell,CS1,,,mergedInto:CB2,2026-03-01",
        ])
        #expect(changes.renamed == [UnitImport.Rename(code: "C3", name: "Chi bộ thôn An Xá mới")])
        #expect(changes.ended == [UnitImport.Ending(code: "CB1", lastDay: Day(iso: "2026-02-28")!)])
        try await store.applyUnitChanges(changes)

        #expect(try await store.unit("C3")?.name == "Chi bộ thôn An Xá mới")
        #expect(try await store.unit("CB1")?.validTo == Day(iso: "2026-02-28"))
        let events = try await store.unitEvents("CB1")
        #expect(events.map(\.kind) == [.created, .mergedInto] && events.last?.other == "CB2")
        #expect(try await store.unitEvents("C3").last == UnitEvent(kind: .renamed, day: Day(iso: "2026-01-01")!, unit: "C3", oldName: "Chi bộ thôn An Xá"))
        #expect(try await store.tree(on: Day(iso: "2026-02-28")!).children(of: "CS1").map(\.code) == ["CB1", "CB2"])
        #expect(try await store.tree(on: Day(iso: "2026-03-01")!).children(of: "CS1").map(\.code) == ["CB2"])
        let organisation = try await store.organisation()
        #expect(organisation.placements.filter { $0.unit == "CB1" } == [UnitPlacement(unit: "CB1", parent: "CS1", validFrom: Day(iso: "2025-08-01")!, validTo: Day(iso: "2026-02-28")!)])
        // The same file again: nothing to write.
        let again = try await Self.plan(store, ["CB1,Chi bộ Tổ Toán,cell,CS1,,,mergedInto:CB2,2026-03-01",
                                                "C3,Chi bộ thôn An Xá mới,grassrootsCell,X2,,,renamed,2026-01-01"])
        #expect(again.isEmpty && again.unchanged == 2)
    }

    @Test("R-O-3: a unit with members cannot be dissolved; the register is unchanged", arguments: StoreKind.allCases)
    func membersKeepTheirUnit(_ kind: StoreKind) async throws {
        let store = try await kind.make()
        try await store.addOrganisation(SampleRegister.organisation)
        _ = try await store.importMembers(SampleRegister.rows(), on: SampleRegister.importDay)
        let snapshot = try await store.snapshot()
        let planned = UnitImport.plan(try Self.rows(["C1,Chi bộ khu phố 1,grassrootsCell,X1,,,dissolved,2026-01-01"]),
                                      existing: try await store.organisation(), members: { snapshot.memberCount(of: $0, on: $1) ?? 0 })
        guard case .failure(let errors) = planned else { Issue.record("a cell with members was dissolved"); return }
        guard case .membersRemain(code: "C1", members: let count) = errors.errors.first?.problem else { Issue.record("\(errors)"); return }
        #expect(count > 0)
        #expect(try await store.unit("C1")?.validTo == nil)
    }
}
