import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import Foundation
import Testing

/// `congress import members` and the organisation built from the real administrative units.
@Suite struct RegisterJobTests {
    static func database() async throws -> String {
        let path = try TallyJobTests.temporaryFile("", name: "register.sqlite")
        try FileManager.default.removeItem(atPath: path)
        let store = try SQLiteRegisterStore(path: path)
        try await store.addOrganisation(OrganisationRecords(
            units: [PartyUnit(code: "TW", name: "Trung ương", kind: .central), PartyUnit(code: "C1", name: "Chi bộ 1", kind: .grassrootsCell),
                    PartyUnit(code: "C2", name: "Chi bộ 2", kind: .grassrootsCell)],
            placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "C1", parent: "TW"), UnitPlacement(unit: "C2", parent: "TW")]))
        try store.close()
        return path
    }

    static let good = [
        "M1,Nguyễn Văn An,nam,1980-03-15,Kinh,44,C1,2005-05-19,2006-05-19,official,cử nhân,,trung cấp",
        "M2,Trần Thị Bình,nữ,1990-01-02,Kinh,44,C2,2015-02-03,2016-02-03,official,thạc sĩ,,sơ cấp",
        "M3,Lê Văn Cường,nam,1970,Thái,14,C2,1995-09-02,1996-09-02,official,,,",
    ]

    static func file(_ rows: [String]) throws -> String {
        try TallyJobTests.temporaryFile(([MembersCSV.header] + rows).joined(separator: "\n") + "\n", name: "members.csv")
    }

    @Test("A members file with three bad rows imports nothing and lists all three")
    func threeBadRowsImportNothing() async throws {
        let database = try await Self.database()
        let rows = Self.good + [
            "M4,Phạm Thị Dung,nữ,1985-02-30,Kinh,44,C1,2010-01-01,2011-01-01,official,,,",     // no such day
            "M5,Hồ Văn Em,nam,2000-01-01,Kinh,44,C9,2019-01-01,2020-01-01,official,,,",          // unknown unit
            "M1,Đỗ Văn Giang,nam,1975-01-01,Kinh,44,C1,2000-01-01,2001-01-01,official,,,",       // duplicate member ID
        ]
        let file = try Self.file(rows)
        let output = await ImportJob.run(file: file, database: database, asOf: Day(iso: "2026-11-22")!, language: .vi, say: { _ in })
        #expect(output.status == 2)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.contains("\(file), dòng 5, cột birth_date: ngày '1985-02-30' không hợp lệ"))
        #expect(output.standardError.contains("\(file), dòng 7, cột member_id: mã đảng viên trùng với dòng 2"))
        // The unknown unit is found by the store, after the file itself is clean: fix the other two first.
        let storeCheck = try Self.file(Self.good + [rows[4]])
        let second = await ImportJob.run(file: storeCheck, database: database, asOf: Day(iso: "2026-11-22")!, language: .en, say: { _ in })
        #expect(second.status == 2)
        #expect(second.standardError.contains("line 5, column unit_code: there is no party organisation with code 'C9'"))
        let store = try SQLiteRegisterStore(path: database)
        #expect(try await store.summary().persons == 0)
    }

    @Test("All three bad rows are listed when every problem is in the file itself")
    func allProblemsListed() async throws {
        let database = try await Self.database()
        let rows = Self.good + [
            "M4,Phạm Thị Dung,nữ,1985-02-30,Kinh,44,C1,2010-01-01,2011-01-01,official,,,",
            "M5,Hồ Văn Em,nam,2000-01-01,Klingon,44,C1,2019-01-01,2020-01-01,official,,,",
            "M1,Đỗ Văn Giang,nam,1975-01-01,Kinh,44,C1,2000-01-01,2001-01-01,official,,,",
        ]
        let output = await ImportJob.run(file: try Self.file(rows), database: database, asOf: Day(iso: "2026-11-22")!, language: .vi, say: { _ in })
        #expect(output.status == 2)
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains(", dòng ") }.map { $0.components(separatedBy: ", dòng ")[1].prefix(1) } == ["5", "6", "7"])
        #expect(lines.last == "Không nhập: tệp đảng viên có 3 lỗi. Không có dữ liệu nào được ghi.")
        #expect(try await SQLiteRegisterStore(path: database).summary().persons == 0)
    }

    @Test("A good file imports; importing it again changes nothing")
    func importAndReimport() async throws {
        let database = try await Self.database()
        let file = try Self.file(Self.good)
        let day = Day(iso: "2026-11-22")!
        let first = await ImportJob.run(file: file, database: database, asOf: day, language: .vi, say: { _ in })
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("thêm 3, cập nhật 0, không đổi 0"))
        let again = await ImportJob.run(file: file, database: database, asOf: day, language: .vi, say: { _ in })
        #expect(again.standardOutput.contains("thêm 0, cập nhật 0, không đổi 3"))
    }

    @Test("R-O-1, R-O-2: the real structure: 34 provinces and 3,321 communes from 1/7/2025, 63 provinces before")
    func realStructure() throws {
        let loaded = try AdminUnits.load()
        let after = OrganisationTree(units: loaded.records.units, placements: loaded.records.placements, on: Day(iso: "2025-07-01")!)
        let before = OrganisationTree(units: loaded.records.units, placements: loaded.records.placements, on: Day(iso: "2025-06-30")!)
        let provincesAfter = after.children(of: "TW").filter { $0.code.rawValue.hasPrefix("T") }
        let provincesBefore = before.children(of: "TW").filter { $0.code.rawValue.hasPrefix("T") || $0.code.rawValue.hasPrefix("LT") }
        #expect(provincesAfter.count == 34)
        #expect(provincesBefore.count == 63)
        #expect(after.units.filter { $0.kind == .communeCommittee }.count == 3_321)
        #expect(after.children(of: "TW").count == 34 + 6)   // R-O-1: 34 provinces + Army + Public Security + 4 central committees
        #expect(after.ancestry(of: "X00004").map(\.code) == ["TW", "T01", "X00004"])
        #expect(after.units.first { $0.code == "T44" }?.name == "Đảng bộ tỉnh Quảng Trị")
        // Quảng Bình (legacy 44) and the old Quảng Trị (45) both merged into the new Quảng Trị (R-O-4).
        let merged = loaded.records.events.filter { $0.other == "T44" && $0.kind == .mergedInto }.map(\.unit)
        #expect(Set(merged) == ["LT44", "LT45"])
    }

    @Test("The demo is the same for the same seed")
    func demoIsDeterministic() throws {
        let loaded = try AdminUnits.load()
        let communes = loaded.communes.filter { $0.province == "44" }.prefix(2)
        func draw() -> [String] {
            var records = OrganisationRecords()
            var cells: [(code: PartyUnit.ID, members: Int)] = []
            for commune in communes {
                var random = DemoRandom.stream(7, "cells:" + commune.code.rawValue)
                cells += DemoProbe.cells(commune, 300, &random, &records)
            }
            return DemoProbe.rows("44", cells, seed: 7).map(MembersCSV.line)
        }
        let first = draw()
        #expect(first == draw())
        #expect(first.count == 600)
        // Every generated row is a valid row of the members file.
        let parsed = MembersCSV.parse(Array(([MembersCSV.header] + first).joined(separator: "\n").utf8), today: Day(iso: "2026-11-22")!)
        if case .failure(let errors) = parsed { Issue.record("generated rows invalid: \(errors.errors.prefix(3))") }
    }
}
