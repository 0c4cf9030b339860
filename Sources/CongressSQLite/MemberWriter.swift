import CongressCore
import CongressStore
import GRDB

/// Writes members: imports (bulk, inside the caller's single transaction) and single events.
enum MemberWriter {
    static func importRows(_ rows: [MemberImportRow], on day: Day, _ db: Database) throws -> ImportSummary {
        let units = try UnitIndex.load(db)
        switch try importBatch(rows, on: day, units: units, statements: try Statements(db), probe: try hasPersons(db), db) {
        case .failure(let errors): throw StoreError.importRejected(errors)
        case .success(let summary): return summary
        }
    }

    /// Consumes batches inside the caller's transaction; any problem, or an abandoned source,
    /// throws, so the transaction rolls back and nothing is kept.
    static func importStream(_ next: @escaping @Sendable () -> ImportBatch, on day: Day, _ db: Database) throws -> ImportSummary {
        // A large import is one transaction: let SQLite keep it in memory (up to 4 GB) instead
        // of spilling pages into an ever larger WAL, which slows every later page look-up.
        try db.execute(sql: "PRAGMA cache_size = -4000000")
        defer { try? db.execute(sql: "PRAGMA cache_size = -200000") }
        let units = try UnitIndex.load(db)
        let statements = try Statements(db)
        // The file has no duplicate IDs (its reader checks), so only persons there before this
        // import can exist: an empty register needs no look-ups at all.
        let probe = try hasPersons(db)
        var summary = ImportSummary()
        var problems: [MemberFileError] = []
        var problemCount = 0
        func record(_ result: Result<ImportSummary, MemberFileErrors>) {
            switch result {
            case .failure(let errors):
                problemCount += errors.total
                problems += errors.errors.prefix(max(0, 1_000 - problems.count))
            case .success(let part):
                summary.added += part.added
                summary.updated += part.updated
                summary.unchanged += part.unchanged
            }
        }
        if !probe {
            // An empty register: plans are made on their own thread while this one writes.
            let stage = PlanningStage(source: next, day: day, units: units)
            while true {
                switch stage.take() {
                case .abandoned: throw StoreError.importAbandoned
                case .finished:
                    if problemCount > 0 { throw StoreError.importRejected(MemberFileErrors(errors: problems, total: problemCount)) }
                    return summary
                case .plan(let planned):
                    switch planned {
                    case .failure(let errors): record(.failure(errors))
                    case .success(var prepared):
                        // After a problem, later batches are only checked, so every problem is reported.
                        record(problemCount == 0 ? .success(try prepared.write(statements, units: units, db)) : .success(prepared.summary))
                    }
                }
            }
        }
        while true {
            switch next() {
            case .abandoned:
                throw StoreError.importAbandoned
            case .finished:
                if problemCount > 0 { throw StoreError.importRejected(MemberFileErrors(errors: problems, total: problemCount)) }
                return summary
            case .rows(let rows):
                record(try importBatch(rows, on: day, units: units, statements: problemCount == 0 ? statements : nil, probe: probe, db))
            }
        }
    }

    static func hasPersons(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person)") == true
    }

    /// Plans and, when `statements` is given, writes one batch.
    static func importBatch(_ rows: [MemberImportRow], on day: Day, units: UnitIndex, statements: Statements?, probe: Bool,
                            _ db: Database) throws -> Result<ImportSummary, MemberFileErrors> {
        // Only the rows' own IDs are looked up (one index probe each); an empty register needs none.
        var existing: [Person.ID: PersonRecord] = [:]
        if probe {
            let probe = try RawStatement(cached: db, "SELECT 1 FROM person WHERE member_id = ?")
            for row in rows {
                probe.bind(1, row.person.memberID.rawValue)
                var found = false
                try probe.forEachRow(db) { _ in found = true }
                if found { existing[row.person.memberID] = try MemberReader.record(row.person.memberID, db) }
            }
        }
        let planned = ImportPlanner.plan(rows, on: day, unit: { units.units[$0] }, existing: { existing[$0] })
        let plan: ImportPlanner.Plan
        switch planned {
        case .failure(let errors): return .failure(errors)
        case .success(let value): plan = value
        }
        guard let writer = statements else { return .success(plan.summary) }
        return .success(try write(plan, units: units, statements: writer, db))
    }

    /// Writes a plan: new persons and their spans (see `PreparedWrite`), then the changed ones.
    static func write(_ plan: ImportPlanner.Plan, units: UnitIndex, statements writer: Statements, _ db: Database) throws -> ImportSummary {
        var prepared = try PreparedWrite(inserts: plan.inserts, summary: plan.summary, units: units)
        _ = try prepared.write(writer, units: units, db)
        for (record, newEvents) in plan.updates {
            let personID = try personID(record.person.memberID, db)
            try writer.update(record.person, id: personID, db)
            try db.execute(sql: "DELETE FROM membership_span WHERE person_id = ?", arguments: [personID])
            try writer.insertSpans(record.spans, person: personID, units: units, db)
            for event in newEvents { try writer.insert(event, person: personID, units: units, db) }
        }
        return plan.summary
    }

    /// Records the event; returns the person's record as it now is.
    @discardableResult
    static func record(_ event: MembershipEvent, for memberID: Person.ID, _ db: Database) throws -> PersonRecord {
        guard let record = try MemberReader.record(memberID, db) else { throw StoreError.unknownMember(memberID) }
        let units = try UnitIndex.load(codes: record.unitCodes(with: event), db)
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
        return updated
    }

    static func id(_ code: PartyUnit.ID, _ units: UnitIndex) throws -> Int64 {
        guard let id = units.ids[code] else { throw StoreError.unknownUnit(code) }
        return id
    }

    /// Unit IDs for one write; rows of a file come cell by cell, so the last look-up is kept.
    final class UnitMemo {
        let units: UnitIndex
        private var last: (code: PartyUnit.ID, id: Int64)?
        init(_ units: UnitIndex) { self.units = units }

        func id(_ code: PartyUnit.ID) throws -> Int64 {
            if let last, last.code == code { return last.id }
            let id = try MemberWriter.id(code, units)
            last = (code, id)
            return id
        }
    }

    static func personID(_ memberID: Person.ID, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM person WHERE member_id = ?", arguments: [memberID]) else {
            throw StoreError.unknownMember(memberID)
        }
        return id
    }

    /// The prepared statements of a members write.
    struct Statements {
        /// Rows per multi-row INSERT: one statement's fixed cost shared by many rows.
        static let bulkRows = 64
        static let personColumns = "member_id, full_name, gender, birth_date, birth_year_only, ethnicity, hometown, education, academic_title, political_theory, joined_on, official_on, admitted_unit_id"
        let personBulk: RawStatement
        let spanBulk: RawStatement
        let person: RawStatement
        let span: RawStatement
        let event: RawStatement
        let update: RawStatement

        init(_ db: Database) throws {
            let personRow = "(" + Array(repeating: "?", count: 13).joined(separator: ", ") + ")"
            personBulk = try RawStatement(db, "INSERT INTO person (\(Self.personColumns)) VALUES "
                + Array(repeating: personRow, count: Self.bulkRows).joined(separator: ", "))
            spanBulk = try RawStatement(db, "INSERT INTO membership_span (person_id, valid_from, valid_to, unit_id, standing) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: Self.bulkRows).joined(separator: ", "))
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
            var arena = TextArena()
            Self.gatherPerson(&arena, row: 0, value, admittedUnit: admittedUnit)
            try arena.run(person, db)
        }

        func update(_ value: Person, id: Int64, _ db: Database) throws {
            var arena = TextArena()
            arena.integer(1, id)
            Self.gatherFields(&arena, value, offset: 0)
            try arena.run(update, db)
        }

        /// Inserts one span (outside a block).
        func insertSpan(_ value: MembershipSpan, person: Int64, unit: Int64, _ db: Database) throws {
            var arena = TextArena()
            Self.gatherSpan(&arena, row: 0, value, unit: unit)
            arena.integer(1, person)
            try arena.run(span, db)
        }

        func insertSpans(_ spans: [MembershipSpan], person: Int64, units: UnitIndex, _ db: Database) throws {
            for value in spans { try insertSpan(value, person: person, unit: try MemberWriter.id(value.unit, units), db) }
        }

        /// The 13 columns of row `row` of a (multi-row) person INSERT.
        static func gatherPerson(_ arena: inout TextArena, row: Int, _ value: Person, admittedUnit: Int64) {
            let base = Int32(row * 13)
            arena.text(base + 1, value.memberID.rawValue)
            gatherFields(&arena, value, offset: base)
            arena.integer(base + 13, admittedUnit)
        }

        /// Columns 2…12 of a person, shared by insert and update.
        static func gatherFields(_ arena: inout TextArena, _ value: Person, offset base: Int32) {
            arena.text(base + 2, value.fullName)
            arena.text(base + 3, value.gender.rawValue)
            arena.day(base + 4, value.birthDate)
            arena.integer(base + 5, value.birthYearOnly ? 1 : 0)
            arena.text(base + 6, value.ethnicity)
            arena.text(base + 7, value.hometownProvince)
            arena.text(base + 8, value.education.rawValue)
            arena.text(base + 9, value.academicTitle.rawValue)
            arena.text(base + 10, value.politicalTheory.rawValue)
            arena.day(base + 11, value.joinedOn)
            arena.day(base + 12, value.officialOn)
        }

        /// Columns 2…5 of row `row` of a (multi-row) span INSERT; column 1, the person, is the caller's.
        static func gatherSpan(_ arena: inout TextArena, row: Int, _ value: MembershipSpan, unit: Int64) {
            let base = Int32(row * 5)
            arena.day(base + 2, value.from)
            arena.day(base + 3, value.to)
            arena.integer(base + 4, unit)
            arena.text(base + 5, value.standing.rawValue)
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
