import CongressCore
import CongressStore
import Foundation
import GRDB
import GRDBSQLite

/// Reads persons and their history.
enum MemberReader {
    static let personColumns = """
        p.member_id, p.full_name, p.gender, p.birth_date, p.birth_year_only, p.ethnicity, p.hometown,
        p.education, p.academic_title, p.political_theory, p.joined_on, p.official_on
        """

    static func record(_ memberID: Person.ID, _ db: Database) throws -> PersonRecord? {
        let statement = try RawStatement(cached: db, "SELECT \(personColumns), u.code, p.id FROM person p JOIN unit u ON u.id = p.admitted_unit_id WHERE p.member_id = ?")
        statement.bind(1, memberID.rawValue)
        var found: (Person, String, Int64)?
        try statement.forEachRow(db) { row in found = (person(row), RawStatement.text(row, 12) ?? "", RawStatement.int(row, 13)) }
        guard let (person, admittedUnit, id) = found else { return nil }
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT e.kind, e.day, u.code AS unit, e.until, e.detail FROM membership_event e LEFT JOIN unit u ON u.id = e.unit_id
            WHERE e.person_id = ? ORDER BY e.day, e.id
            """), arguments: [id])
        let events = rows.compactMap { row -> MembershipEvent? in
            guard let kind = MembershipEvent.Kind(rawValue: row["kind"]), let day = Day(iso: row["day"] as String) else { return nil }
            return MembershipEvent(kind: kind, day: day, unit: row["unit"], until: (row["until"] as String?).flatMap { Day(iso: $0) }, detail: row["detail"])
        }
        return PersonRecord(person: person, admittedUnit: PartyUnit.ID(admittedUnit), otherEvents: events)
    }

    /// A person from the first twelve columns of `personColumns`.
    static func person(_ row: OpaquePointer) -> Person {
        let day = { (column: Int32) in RawStatement.text(row, column).flatMap { Day(iso: $0) } }
        return Person(
            memberID: Person.ID(RawStatement.text(row, 0) ?? ""), fullName: RawStatement.text(row, 1) ?? "",
            gender: Gender(rawValue: RawStatement.text(row, 2) ?? "") ?? .male,
            birthDate: day(3) ?? Day(daysSinceEpoch: 0), birthYearOnly: RawStatement.int(row, 4) == 1,
            ethnicity: RawStatement.text(row, 5) ?? "", hometownProvince: RawStatement.text(row, 6),
            education: Education(rawValue: RawStatement.text(row, 7) ?? "") ?? .none,
            academicTitle: AcademicTitle(rawValue: RawStatement.text(row, 8) ?? "") ?? .none,
            politicalTheory: PoliticalTheory(rawValue: RawStatement.text(row, 9) ?? "") ?? .none,
            joinedOn: day(10) ?? Day(daysSinceEpoch: 0), officialOn: day(11))
    }
}

/// Builds the read snapshot from the database in two sequential scans. SQLite turns the stored
/// text into the snapshot's integers (CASE over each enumeration, `julianday` for dates), so no
/// string is built for them.
enum SnapshotLoader {
    static func caseIndex(_ column: String, _ values: [String], unknown: Int = 255) -> String {
        "CASE \(column) " + values.enumerated().map { "WHEN '\($1.replacingOccurrences(of: "'", with: "''"))' THEN \($0)" }.joined(separator: " ") + " ELSE \(unknown) END"
    }

    static func days(_ column: String) -> String { "CAST(julianday(\(column)) - 2440587.5 AS INTEGER)" }

    static func load(_ db: Database) throws -> RegisterSnapshot {
        let units = try UnitIndex.load(db)
        let placements = try OrganisationReader.placements(db, codes: units.codes)
        var unitPosition: [Int64: Int32] = [:]
        for (position, unit) in units.order.enumerated() { if let id = units.ids[unit.code] { unitPosition[id] = Int32(position) } }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        var builder = RegisterSnapshot.Builder(units: units.order, placements: placements, expectedPersons: count)

        struct Span { var person: Int64; var unit: Int32; var from: Int32; var to: Int32; var standing: UInt8 }
        var spans: [Span] = []
        spans.reserveCapacity(count + count / 8)
        let spanQuery = try RawStatement(db, """
            SELECT person_id, unit_id, \(days("valid_from")), coalesce(\(days("valid_to")), 2147483647),
                   \(caseIndex("standing", Standing.allCases.map(\.rawValue)))
            FROM membership_span ORDER BY person_id, valid_from
            """)
        try spanQuery.forEachRow(db) { row in
            spans.append(Span(person: RawStatement.int(row, 0), unit: unitPosition[RawStatement.int(row, 1)] ?? -1,
                              from: Int32(RawStatement.int(row, 2)), to: Int32(truncatingIfNeeded: RawStatement.int(row, 3)),
                              standing: UInt8(RawStatement.int(row, 4))))
        }
        let personQuery = try RawStatement(db, """
            SELECT id, member_id, full_name, \(caseIndex("gender", Gender.allCases.map(\.rawValue))),
                   \(caseIndex("ethnicity", EthnicGroups.all)), \(caseIndex("education", Education.allCases.map(\.rawValue))),
                   \(caseIndex("political_theory", PoliticalTheory.allCases.map(\.rawValue))),
                   \(days("birth_date")), \(days("joined_on")), coalesce(\(days("official_on")), 2147483647)
            FROM person ORDER BY id
            """)
        var next = 0
        try personQuery.forEachRow(db) { row in
            let id = RawStatement.int(row, 0)
            let name = UnsafeBufferPointer(start: sqlite3_column_text(row, 2), count: Int(sqlite3_column_bytes(row, 2)))
            builder.addPerson(
                memberID: UnsafeBufferPointer(start: sqlite3_column_text(row, 1), count: Int(sqlite3_column_bytes(row, 1))), name: name,
                gender: UInt8(RawStatement.int(row, 3)), ethnicity: UInt8(RawStatement.int(row, 4)),
                education: UInt8(RawStatement.int(row, 5)), theory: UInt8(RawStatement.int(row, 6)),
                birth: Int32(RawStatement.int(row, 7)), joined: Int32(RawStatement.int(row, 8)),
                official: Int32(truncatingIfNeeded: RawStatement.int(row, 9)))
            while next < spans.count, spans[next].person < id { next += 1 }
            while next < spans.count, spans[next].person == id {
                let span = spans[next]
                builder.addSpan(unit: span.unit, from: span.from, to: span.to, standing: span.standing)
                next += 1
            }
            builder.closePerson()
        }
        return builder.build()
    }
}
