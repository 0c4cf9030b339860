import CongressCore
import CongressStore
import GRDB
import GRDBSQLite

/// Reads persons and their history.
enum MemberReader {
    static let personColumns = """
        p.member_id, p.full_name, p.gender, p.birth_date, p.birth_year_only, p.ethnicity, p.hometown,
        p.education, p.academic_title, p.political_theory, p.joined_on, p.official_on
        """

    static func record(_ memberID: String, _ db: Database) throws -> PersonRecord? {
        let statement = try RawStatement(db, "SELECT \(personColumns), u.code, p.id FROM person p JOIN unit u ON u.id = p.admitted_unit_id WHERE p.member_id = ?")
        statement.bind(1, memberID)
        var found: (Person, String, Int64)?
        try statement.forEachRow(db) { row in found = (person(row), RawStatement.text(row, 12) ?? "", RawStatement.int(row, 13)) }
        guard let (person, admittedUnit, id) = found else { return nil }
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.kind, e.day, u.code AS unit, e.until, e.detail FROM membership_event e LEFT JOIN unit u ON u.id = e.unit_id
            WHERE e.person_id = ? ORDER BY e.day, e.id
            """, arguments: [id])
        let events = rows.compactMap { row -> MembershipEvent? in
            guard let kind = MembershipEvent.Kind(rawValue: row["kind"]), let day = Day(iso: row["day"] as String) else { return nil }
            return MembershipEvent(kind: kind, day: day, unit: row["unit"], until: (row["until"] as String?).flatMap { Day(iso: $0) }, detail: row["detail"])
        }
        return PersonRecord(person: person, admittedUnit: admittedUnit, otherEvents: events)
    }

    /// A person from the first twelve columns of `personColumns`.
    static func person(_ row: OpaquePointer) -> Person {
        let day = { (column: Int32) in RawStatement.text(row, column).flatMap { Day(iso: $0) } }
        return Person(
            memberID: RawStatement.text(row, 0) ?? "", fullName: RawStatement.text(row, 1) ?? "",
            gender: Gender(rawValue: RawStatement.text(row, 2) ?? "") ?? .male,
            birthDate: day(3) ?? Day(daysSinceEpoch: 0), birthYearOnly: RawStatement.int(row, 4) == 1,
            ethnicity: RawStatement.text(row, 5) ?? "", hometownProvince: RawStatement.text(row, 6),
            education: Education(rawValue: RawStatement.text(row, 7) ?? "") ?? .none,
            academicTitle: AcademicTitle(rawValue: RawStatement.text(row, 8) ?? "") ?? .none,
            politicalTheory: PoliticalTheory(rawValue: RawStatement.text(row, 9) ?? "") ?? .none,
            joinedOn: day(10) ?? Day(daysSinceEpoch: 0), officialOn: day(11))
    }
}

/// Builds the read snapshot from the database in two sequential scans.
enum SnapshotLoader {
    static func load(_ db: Database) throws -> RegisterSnapshot {
        let units = try UnitIndex.load(db)
        let placements = try OrganisationReader.placements(db, codes: units.codes)
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM person") ?? 0
        var builder = RegisterSnapshot.Builder(units: units.order, placements: placements, expectedPersons: count)
        let spans = try RawStatement(db, "SELECT person_id, valid_from, valid_to, unit_id, standing FROM membership_span ORDER BY person_id, valid_from")
        let persons = try RawStatement(db, "SELECT \(MemberReader.personColumns), p.id FROM person p ORDER BY p.id")
        // Walk both in person-id order, like a merge join.
        var spanRows: [(Int64, MembershipSpan)] = []
        spanRows.reserveCapacity(count + count / 8)
        try spans.forEachRow(db) { row in
            let span = MembershipSpan(
                unit: units.codes[RawStatement.int(row, 3)] ?? "",
                from: RawStatement.text(row, 1).flatMap { Day(iso: $0) } ?? Day(daysSinceEpoch: 0),
                to: RawStatement.text(row, 2).flatMap { Day(iso: $0) },
                standing: Standing(rawValue: RawStatement.text(row, 4) ?? "") ?? .active)
            spanRows.append((RawStatement.int(row, 0), span))
        }
        var next = 0
        try persons.forEachRow(db) { row in
            let id = RawStatement.int(row, 12)
            var own: [MembershipSpan] = []
            while next < spanRows.count, spanRows[next].0 < id { next += 1 }
            while next < spanRows.count, spanRows[next].0 == id {
                own.append(spanRows[next].1)
                next += 1
            }
            builder.add(MemberReader.person(row), spans: own)
        }
        return builder.build()
    }
}
