import CongressCore
import CongressStore
import Logging
import NIOCore
import PostgresNIO

/// One members import inside the caller's transaction: each batch is planned by the core's
/// `ImportPlanner` against the persons already there, new persons go in by `COPY` (their IDs
/// taken from the sequence first, so spans and events name them), changed persons are rewritten
/// one by one. After the first problem later batches are only checked, so every problem is
/// reported; `finish` then throws and the transaction rolls back.
struct PostgresMemberImport {
    let connection: PostgresConnection
    let logger: Logger
    let units: [PartyUnit.ID: PartyUnit]
    let unitIDs: [PartyUnit.ID: Int64]
    /// Whether the register held persons before: an empty one needs no look-ups at all.
    let probe: Bool
    var summary = ImportSummary()
    var problems: [MemberFileError] = []
    var problemCount = 0

    init(_ connection: PostgresConnection, _ logger: Logger) async throws {
        self.connection = connection
        self.logger = logger
        let all = try await PostgresOrganisation.units(connection, logger)
        units = Dictionary(all.map { ($0.unit.code, $0.unit) }, uniquingKeysWith: { a, _ in a })
        unitIDs = Dictionary(all.map { ($0.unit.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        probe = try await connection.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM person)", logger) ?? false
        if !probe { try await Self.suspendChecks(connection, logger) }
    }

    /// The references and secondary indexes of the member tables, which an import into an empty
    /// register drops at its start and makes again at its end, in its own transaction: the
    /// database then checks every reference once over the loaded rows (a join) and builds each
    /// index once, instead of row by row (the national first load). Readers of the member
    /// tables wait for the import meanwhile; the register was empty. A failure rolls all of it back.
    static let deferredChecks: [(table: String, name: String, definition: String)] = [
        ("membership_event", "membership_event_person_id_fkey", "FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE"),
        ("membership_event", "membership_event_unit_id_fkey", "FOREIGN KEY (unit_id) REFERENCES unit(id)"),
        ("membership_span", "membership_span_person_id_fkey", "FOREIGN KEY (person_id) REFERENCES person(id) ON DELETE CASCADE"),
        ("membership_span", "membership_span_unit_id_fkey", "FOREIGN KEY (unit_id) REFERENCES unit(id)"),
        ("person", "person_admitted_unit_id_fkey", "FOREIGN KEY (admitted_unit_id) REFERENCES unit(id)"),
        ("person", "person_member_id_key", "UNIQUE (member_id)"),
    ]
    static let deferredIndexes: [(name: String, definition: String)] = [
        ("membership_span_unit", "ON membership_span(unit_id)"),
        ("membership_event_person", "ON membership_event(person_id)"),
    ]

    private static func suspendChecks(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for check in deferredChecks {
            try await connection.run(PostgresQuery(unsafeSQL: "ALTER TABLE \(check.table) DROP CONSTRAINT \(check.name)"), logger)
        }
        for index in deferredIndexes { try await connection.run(PostgresQuery(unsafeSQL: "DROP INDEX \(index.name)"), logger) }
    }

    private static func restoreChecks(_ connection: PostgresConnection, _ logger: Logger) async throws {
        for check in deferredChecks {
            try await connection.run(PostgresQuery(unsafeSQL: "ALTER TABLE \(check.table) ADD CONSTRAINT \(check.name) \(check.definition)"), logger)
        }
        for index in deferredIndexes {
            try await connection.run(PostgresQuery(unsafeSQL: "CREATE INDEX \(index.name) \(index.definition)"), logger)
        }
    }

    mutating func add(_ rows: [MemberImportRow], on day: Day) async throws {
        var existing: [Person.ID: PersonRecord] = [:]
        if probe {
            let found = try await connection.rows("SELECT member_id FROM person WHERE member_id = ANY(\(rows.map(\.person.memberID.rawValue)))", logger)
            for row in found {
                let memberID = try row.decode(Person.ID.self)
                existing[memberID] = try await Self.record(memberID, connection, logger)
            }
        }
        let units = self.units
        switch ImportPlanner.plan(rows, on: day, unit: { units[$0] }, existing: { existing[$0] }) {
        case .failure(let errors):
            problemCount += errors.total
            problems += errors.errors.prefix(max(0, 1_000 - problems.count))
        case .success(let plan):
            if problemCount == 0 { try await write(plan) }
            summary.added += plan.summary.added
            summary.updated += plan.summary.updated
            summary.unchanged += plan.summary.unchanged
        }
    }

    func finish() async throws -> ImportSummary {
        if problemCount > 0 { throw StoreError.importRejected(MemberFileErrors(errors: problems, total: problemCount)) }
        if !probe { try await Self.restoreChecks(connection, logger) }
        return summary
    }

    // MARK: Writing

    private func write(_ plan: ImportPlanner.Plan) async throws {
        if !plan.inserts.isEmpty { try await insert(plan.inserts) }
        for (record, newEvents) in plan.updates {
            let personID = try await Self.personID(record.person.memberID, connection, logger)
            try await Self.update(record.person, id: personID, connection, logger)
            try await connection.run("DELETE FROM membership_span WHERE person_id = \(personID)", logger)
            try await Self.insertSpans(record.spans, person: personID, unitIDs: unitIDs, connection, logger)
            for event in newEvents { try await Self.insert(event, person: personID, unitIDs: unitIDs, connection, logger) }
        }
    }

    /// New persons, their spans and their events, by `COPY`.
    private func insert(_ records: [PersonRecord]) async throws {
        let ids = try await connection.rows("SELECT nextval('person_id_seq') FROM generate_series(1, \(records.count))", logger)
            .map { try $0.decode(Int64.self) }
        var persons = CopyText()
        var spans = CopyText()
        var events = CopyText()
        for (record, id) in zip(records, ids) {
            let person = record.person
            persons.row([String(id), person.memberID.rawValue, person.fullName, person.gender.rawValue, person.birthDate.iso,
                         person.birthYearOnly ? "t" : "f", person.ethnicity, person.hometownProvince, person.education.rawValue,
                         person.academicTitle.rawValue, person.politicalTheory.rawValue, person.joinedOn.iso, person.officialOn?.iso,
                         String(try Self.id(record.admittedUnit, unitIDs))])
            for span in record.spans {
                spans.row([String(id), span.from.iso, span.to?.iso, String(try Self.id(span.unit, unitIDs)), span.standing.rawValue])
            }
            for event in record.otherEvents {
                events.row([String(id), event.kind.rawValue, event.day.iso, try event.unit.map { String(try Self.id($0, unitIDs)) },
                            event.until?.iso, event.detail])
            }
        }
        try await copy(persons, into: "person", ["id", "member_id", "full_name", "gender", "birth_date", "birth_year_only", "ethnicity",
                                                 "hometown", "education", "academic_title", "political_theory", "joined_on",
                                                 "official_on", "admitted_unit_id"])
        try await copy(spans, into: "membership_span", ["person_id", "valid_from", "valid_to", "unit_id", "standing"])
        try await copy(events, into: "membership_event", ["person_id", "kind", "day", "unit_id", "until", "detail"])
    }

    private func copy(_ text: CopyText, into table: String, _ columns: [String]) async throws {
        guard !text.isEmpty else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            for chunk in text.allChunks { try await writer.write(chunk) }
        }
    }

    static func id(_ code: PartyUnit.ID, _ unitIDs: [PartyUnit.ID: Int64]) throws -> Int64 {
        guard let id = unitIDs[code] else { throw StoreError.unknownUnit(code) }
        return id
    }

    // MARK: One person

    static func personID(_ memberID: Person.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        guard let id = try await connection.value(Int64.self, "SELECT id FROM person WHERE member_id = \(memberID)", logger) else {
            throw StoreError.unknownMember(memberID)
        }
        return id
    }

    static func update(_ person: Person, id: Int64, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            UPDATE person SET full_name = \(person.fullName), gender = \(person.gender.rawValue), birth_date = \(person.birthDate.iso)::date,
                birth_year_only = \(person.birthYearOnly), ethnicity = \(person.ethnicity), hometown = \(person.hometownProvince),
                education = \(person.education.rawValue), academic_title = \(person.academicTitle.rawValue),
                political_theory = \(person.politicalTheory.rawValue), joined_on = \(person.joinedOn.iso)::date,
                official_on = \(person.officialOn?.iso)::date
            WHERE id = \(id)
            """, logger)
    }

    static func insertSpans(_ spans: [MembershipSpan], person: Int64, unitIDs: [PartyUnit.ID: Int64], _ connection: PostgresConnection,
                            _ logger: Logger) async throws {
        for span in spans {
            try await connection.run("""
                INSERT INTO membership_span (person_id, valid_from, valid_to, unit_id, standing)
                VALUES (\(person), \(span.from.iso)::date, \(span.to?.iso)::date, \(try id(span.unit, unitIDs)), \(span.standing.rawValue))
                """, logger)
        }
    }

    static func insert(_ event: MembershipEvent, person: Int64, unitIDs: [PartyUnit.ID: Int64], _ connection: PostgresConnection,
                       _ logger: Logger) async throws {
        let unit = try event.unit.map { try id($0, unitIDs) }
        try await connection.run("""
            INSERT INTO membership_event (person_id, kind, day, unit_id, until, detail)
            VALUES (\(person), \(event.kind.rawValue), \(event.day.iso)::date, \(unit), \(event.until?.iso)::date, \(event.detail))
            """, logger)
    }

    /// A person with their history, in the canonical form every store returns.
    static func record(_ memberID: Person.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> PersonRecord? {
        guard let row = try await connection.rows("""
            SELECT p.id, p.member_id, p.full_name, p.gender, p.birth_date::text, p.birth_year_only, p.ethnicity, p.hometown,
                   p.education, p.academic_title, p.political_theory, p.joined_on::text, p.official_on::text, u.code
            FROM person p JOIN unit u ON u.id = p.admitted_unit_id WHERE p.member_id = \(memberID)
            """, logger).first else { return nil }
        let (id, member, name, gender, birth, yearOnly, ethnicity, hometown, education, title, theory, joined, official, admitted) =
            try row.decode((Int64, Person.ID, String, String, String, Bool, String, String?, String, String, String, String, String?, PartyUnit.ID).self)
        let person = Person(
            memberID: member, fullName: name, gender: Gender(rawValue: gender) ?? .male,
            birthDate: Day(iso: birth) ?? Day(daysSinceEpoch: 0), birthYearOnly: yearOnly, ethnicity: ethnicity,
            hometownProvince: hometown, education: Education(rawValue: education) ?? .none,
            academicTitle: AcademicTitle(rawValue: title) ?? .none, politicalTheory: PoliticalTheory(rawValue: theory) ?? .none,
            joinedOn: Day(iso: joined) ?? Day(daysSinceEpoch: 0), officialOn: official.flatMap { Day(iso: $0) })
        let events = try await connection.rows("""
            SELECT e.kind, e.day::text, u.code, e.until::text, e.detail FROM membership_event e LEFT JOIN unit u ON u.id = e.unit_id
            WHERE e.person_id = \(id) ORDER BY e.day, e.id
            """, logger).compactMap { row -> MembershipEvent? in
            let (kind, day, unit, until, detail) = try row.decode((String, String, PartyUnit.ID?, String?, String?).self)
            guard let kind = MembershipEvent.Kind(rawValue: kind), let day = Day(iso: day) else { return nil }
            return MembershipEvent(kind: kind, day: day, unit: unit, until: until.flatMap { Day(iso: $0) }, detail: detail)
        }
        return PersonRecord(person: person, admittedUnit: admitted, otherEvents: events)
    }

    /// Records one dated membership event (R-O-3), checked by `MembershipEventCheck`.
    /// Records the event; returns the person's record as it now is.
    @discardableResult
    static func record(_ event: MembershipEvent, for memberID: Person.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> PersonRecord {
        guard let record = try await record(memberID, connection, logger) else { throw StoreError.unknownMember(memberID) }
        let all = try await PostgresOrganisation.units(codes: record.unitCodes(with: event), connection, logger)
        let units = Dictionary(all.map { ($0.unit.code, $0.unit) }, uniquingKeysWith: { a, _ in a })
        let unitIDs = Dictionary(all.map { ($0.unit.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        try MembershipEventCheck.validate(event, record: record, unit: { units[$0] })
        let personID = try await personID(memberID, connection, logger)
        var person = record.person
        if event.kind == .madeOfficial {
            person.officialOn = event.day
            try await update(person, id: personID, connection, logger)
        } else {
            try await insert(event, person: personID, unitIDs: unitIDs, connection, logger)
        }
        let others = event.kind == .madeOfficial ? record.otherEvents : record.otherEvents + [event]
        let updated = PersonRecord(person: person, admittedUnit: record.admittedUnit, otherEvents: others)
        try await connection.run("DELETE FROM membership_span WHERE person_id = \(personID)", logger)
        try await insertSpans(updated.spans, person: personID, unitIDs: unitIDs, connection, logger)
        return updated
    }
}

/// Rows in `COPY … FROM STDIN` text format: tab-separated, `\N` for NULL, backslash escapes.
struct CopyText {
    private(set) var chunks: [ByteBuffer] = []
    private var current = ByteBuffer()

    var isEmpty: Bool { chunks.isEmpty && current.readableBytes == 0 }

    mutating func row(_ values: [String?]) {
        for (index, value) in values.enumerated() {
            if index > 0 { current.writeInteger(UInt8(ascii: "\t")) }
            guard let value else { current.writeStaticString("\\N"); continue }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): current.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): current.writeStaticString("\\t")
                case UInt8(ascii: "\n"): current.writeStaticString("\\n")
                case UInt8(ascii: "\r"): current.writeStaticString("\\r")
                default: current.writeInteger(byte)
                }
            }
        }
        current.writeInteger(UInt8(ascii: "\n"))
        if current.readableBytes >= 1 << 20 {
            chunks.append(current)
            current = ByteBuffer()
        }
    }

    var allChunks: [ByteBuffer] { current.readableBytes > 0 ? chunks + [current] : chunks }
}
