import CongressCore
import CongressStore
import GRDB

/// Writes members: imports (bulk, inside the caller's single transaction) and single events.
enum MemberWriter {
    static func importRows(_ rows: [MemberImportRow], on day: Day, _ db: Database) throws -> ImportSummary {
        let units = try UnitIndex.load(db)
        // Only the rows' own IDs are looked up (one index probe each); an empty register needs none.
        var existing: [String: PersonRecord] = [:]
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") == true {
            let probe = try RawStatement(db, "SELECT 1 FROM person WHERE member_id = ?")
            for row in rows {
                probe.bind(1, row.person.memberID)
                var found = false
                try probe.forEachRow(db) { _ in found = true }
                if found { existing[row.person.memberID] = try MemberReader.record(row.person.memberID, db) }
            }
        }
        let planned = ImportPlanner.plan(rows, on: day, unit: { units.units[$0] }, existing: { existing[$0] })
        let plan: ImportPlanner.Plan
        switch planned {
        case .failure(let errors): throw StoreError.importRejected(errors)
        case .success(let value): plan = value
        }
        let writer = try Statements(db)
        for record in plan.inserts {
            try writer.insert(record.person, admittedUnit: try id(record.admittedUnit, units), db)
            let personID = db.lastInsertedRowID
            try writer.insertSpans(record.spans, person: personID, units: units, db)
            for event in record.otherEvents { try writer.insert(event, person: personID, units: units, db) }
        }
        for (record, newEvents) in plan.updates {
            let personID = try personID(record.person.memberID, db)
            try writer.update(record.person, id: personID, db)
            try db.execute(sql: "DELETE FROM membership_span WHERE person_id = ?", arguments: [personID])
            try writer.insertSpans(record.spans, person: personID, units: units, db)
            for event in newEvents { try writer.insert(event, person: personID, units: units, db) }
        }
        return plan.summary
    }

    static func record(_ event: MembershipEvent, for memberID: String, _ db: Database) throws {
        guard let record = try MemberReader.record(memberID, db) else { throw StoreError.unknownMember(memberID) }
        let units = try UnitIndex.load(db)
        try MembershipEventCheck.validate(event, record: record, unit: { units.units[$0] })
        let personID = try personID(memberID, db)
        let writer = try Statements(db)
        var person = record.person
        if event.kind == .madeOfficial {
            person.officialOn = event.day
            try writer.update(person, id: personID, db)
        } else {
            try writer.insert(event, person: personID, units: units, db)
        }
        let others = event.kind == .madeOfficial ? record.otherEvents : record.otherEvents + [event]
        let updated = PersonRecord(person: person, admittedUnit: record.admittedUnit, otherEvents: others)
        try db.execute(sql: "DELETE FROM membership_span WHERE person_id = ?", arguments: [personID])
        try writer.insertSpans(updated.spans, person: personID, units: units, db)
    }

    static func id(_ code: String, _ units: UnitIndex) throws -> Int64 {
        guard let id = units.ids[code] else { throw StoreError.unknownUnit(code) }
        return id
    }

    static func personID(_ memberID: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE member_id = ?", arguments: [memberID]) else {
            throw StoreError.unknownMember(memberID)
        }
        return id
    }

    /// The prepared statements of a members write.
    struct Statements {
        let person: RawStatement
        let span: RawStatement
        let event: RawStatement
        let update: RawStatement

        init(_ db: Database) throws {
            person = try RawStatement(db, """
                INSERT INTO person (member_id, full_name, gender, birth_date, birth_year_only, ethnicity, hometown,
                    education, academic_title, political_theory, joined_on, official_on, admitted_unit_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            span = try RawStatement(db, "INSERT INTO membership_span (person_id, valid_from, valid_to, unit_id, standing) VALUES (?, ?, ?, ?, ?)")
            event = try RawStatement(db, "INSERT INTO membership_event (person_id, kind, day, unit_id, until, detail) VALUES (?, ?, ?, ?, ?, ?)")
            update = try RawStatement(db, """
                UPDATE person SET full_name = ?2, gender = ?3, birth_date = ?4, birth_year_only = ?5, ethnicity = ?6, hometown = ?7,
                    education = ?8, academic_title = ?9, political_theory = ?10, joined_on = ?11, official_on = ?12 WHERE id = ?1
                """)
        }

        func insert(_ value: Person, admittedUnit: Int64, _ db: Database) throws {
            person.bind(1, value.memberID)
            bindFields(person, value)
            person.bind(13, admittedUnit)
            try person.run(db)
        }

        func update(_ value: Person, id: Int64, _ db: Database) throws {
            update.bind(1, id)
            bindFields(update, value)
            try update.run(db)
        }

        /// Columns 2…12, shared by insert and update.
        private func bindFields(_ statement: RawStatement, _ value: Person) {
            statement.bind(2, value.fullName)
            statement.bind(3, value.gender.rawValue)
            statement.bind(4, value.birthDate)
            statement.bind(5, value.birthYearOnly ? 1 : 0)
            statement.bind(6, value.ethnicity)
            statement.bind(7, value.hometownProvince)
            statement.bind(8, value.education.rawValue)
            statement.bind(9, value.academicTitle.rawValue)
            statement.bind(10, value.politicalTheory.rawValue)
            statement.bind(11, value.joinedOn)
            statement.bind(12, value.officialOn)
        }

        func insertSpans(_ spans: [MembershipSpan], person: Int64, units: UnitIndex, _ db: Database) throws {
            for value in spans {
                span.bind(1, person)
                span.bind(2, value.from)
                span.bind(3, value.to)
                span.bind(4, try MemberWriter.id(value.unit, units))
                span.bind(5, value.standing.rawValue)
                try span.run(db)
            }
        }

        func insert(_ value: MembershipEvent, person: Int64, units: UnitIndex, _ db: Database) throws {
            event.bind(1, person)
            event.bind(2, value.kind.rawValue)
            event.bind(3, value.day)
            event.bind(4, try value.unit.map { try MemberWriter.id($0, units) })
            event.bind(5, value.until)
            event.bind(6, value.detail)
            try event.run(db)
        }
    }
}
