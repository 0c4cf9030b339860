import CongressCore
import CongressStore
import Foundation
import Logging
import PostgresNIO

/// The register in PostgreSQL. Writes are single transactions that bump the register's version;
/// reads of members and statistics come from a snapshot of the version (`SnapshotCache`), so a
/// change by another application server shows here once its new snapshot is built, and no read
/// waits for that.
public final class PostgresRegisterStore: RegisterStore, Sendable {
    public let database: PostgresDatabase
    private let snapshots: SnapshotCache
    var logger: Logger { database.logger }
    /// The audit log's chain and clock, for the writes that append their entry in their transaction.
    let auditing: RegisterAuditing?

    /// The advisory lock every register write holds: register writes take their turn across servers.
    static let writeLock: Int64 = 0x436F_6E67_0003

    public init(database: PostgresDatabase, auditing: RegisterAuditing? = nil) {
        self.database = database
        self.auditing = auditing
        snapshots = SnapshotCache { () async throws(StoreError) in
            // One state of the database for the version and the rows it numbers.
            try await database.transaction(readOnlySnapshot: true) { connection in
                (try await Self.version(connection, database.logger), try await PostgresSnapshotLoader.load(connection, database.logger))
            }
        }
    }

    // MARK: Organisation

    public func addOrganisation(_ records: OrganisationRecords, audit: AuditDraft?) async throws(StoreError) {
        let auditing = try checked(asked: audit != nil)
        try await write { connection, logger in
            try await PostgresOrganisation.add(records, connection, logger)
            try await Self.append(audit, auditing, connection, logger)
        }
    }

    /// The store's auditing, refused when a write asks for an entry and the store keeps no log.
    private func checked(asked: Bool) throws(StoreError) -> RegisterAuditing? {
        if asked, auditing == nil { throw RegisterAuditing.missing }
        return auditing
    }

    /// Appends `draft` to the audit log in the caller's transaction.
    private static func append(_ draft: AuditDraft?, _ auditing: RegisterAuditing?, _ connection: PostgresConnection,
                               _ logger: Logger) async throws {
        guard let draft, let auditing else { return }
        _ = try await PostgresAudit.append(draft, at: auditing.clock(), auditing.chain, connection, logger)
    }

    public func organisation() async throws(StoreError) -> OrganisationRecords {
        try await database.read { [logger] connection in try await PostgresOrganisation.all(connection, logger) }
    }

    public func applyUnitChanges(_ changes: UnitImport.Changes, audit: AuditDraft?) async throws(StoreError) {
        let auditing = try checked(asked: audit != nil)
        try await write { connection, logger in
            try await PostgresOrganisation.apply(changes, connection, logger)
            try await Self.append(audit, auditing, connection, logger)
        }
    }

    public func unit(_ code: PartyUnit.ID) async throws(StoreError) -> PartyUnit? {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT code, name, kind, valid_from::text, valid_to::text FROM unit WHERE code = \(code)
                """, logger).first.map(PostgresOrganisation.unit)
        }
    }

    public func unitEvents(_ code: PartyUnit.ID) async throws(StoreError) -> [UnitEvent] {
        try await database.read { [logger] connection in try await PostgresOrganisation.events(naming: code, connection, logger) }
    }

    // MARK: Members

    public func importMembers(_ rows: [MemberImportRow], on day: Day) async throws(StoreError) -> ImportSummary {
        try await write { connection, logger in
            var importer = try await PostgresMemberImport(connection, logger)
            try await importer.add(rows, on: day)
            return try await importer.finish()
        }
    }

    public func importMembers(streaming next: @escaping @Sendable () -> ImportBatch, on day: Day,
                              audit: (@Sendable (ImportSummary) -> AuditDraft)?) async throws(StoreError) -> ImportSummary {
        let auditing = try checked(asked: audit != nil)
        return try await write { connection, logger in
            var importer = try await PostgresMemberImport(connection, logger)
            while true {
                // `next` may block while the file is read: wait for it off the connection's thread.
                let batch = await Task.detached { next() }.value
                switch batch {
                case .abandoned: throw StoreError.importAbandoned
                case .finished:
                    let summary = try await importer.finish()
                    try await Self.append(audit?(summary), auditing, connection, logger)
                    return summary
                case .rows(let rows): try await importer.add(rows, on: day)
                }
            }
        }
    }

    /// One event changes one person: the kept snapshot is patched at once (no reload), so the
    /// change is in the next read and no read waits.
    public func recordMembershipEvent(_ event: MembershipEvent, for memberID: Person.ID) async throws(StoreError) {
        _ = try await snapshots.patching({ () async throws(StoreError) in
            try await write(patching: true) { connection, logger in
                (try await PostgresMemberImport.record(event, for: memberID, connection, logger), try await Self.version(connection, logger) + 1)
            }
        }, patch: { updated, kept in kept.replacing(person: memberID, with: updated) })
    }

    public func personRecord(_ memberID: Person.ID) async throws(StoreError) -> PersonRecord? {
        try await database.read { [logger] connection in try await PostgresMemberImport.record(memberID, connection, logger) }
    }

    public func people(_ memberIDs: [Person.ID]) async throws(StoreError) -> [Person] {
        try await database.read { [logger] connection in
            try await connection.rows("""
                SELECT p.member_id, p.full_name, p.gender, p.birth_date::text, p.birth_year_only, p.ethnicity, p.hometown,
                       p.education, p.academic_title, p.political_theory, p.joined_on::text, p.official_on::text
                FROM person p WHERE p.member_id = ANY(\(memberIDs.map(\.rawValue))::text[])
                """, logger).map { row in
                let (member, name, gender, birth, yearOnly, ethnicity, hometown, education, title, theory, joined, official) =
                    try row.decode((Person.ID, String, String, String, Bool, String, String?, String, String, String, String, String?).self)
                return Person(
                    memberID: member, fullName: name, gender: Gender(rawValue: gender) ?? .male,
                    birthDate: Day(iso: birth) ?? Day(daysSinceEpoch: 0), birthYearOnly: yearOnly, ethnicity: ethnicity,
                    hometownProvince: hometown, education: Education(rawValue: education) ?? .none,
                    academicTitle: AcademicTitle(rawValue: title) ?? .none, politicalTheory: PoliticalTheory(rawValue: theory) ?? .none,
                    joinedOn: Day(iso: joined) ?? Day(daysSinceEpoch: 0), officialOn: official.flatMap { Day(iso: $0) })
            }
        }
    }

    public func disciplineEvents(of memberIDs: [Person.ID]) async throws(StoreError) -> [Person.ID: [MembershipEvent]] {
        try await database.read { [logger] connection in
            var found: [Person.ID: [MembershipEvent]] = [:]
            for row in try await connection.rows("""
                SELECT p.member_id, e.day::text, e.until::text, e.detail FROM membership_event e JOIN person p ON p.id = e.person_id
                WHERE e.kind = 'disciplined' AND p.member_id = ANY(\(memberIDs.map(\.rawValue))::text[]) ORDER BY e.day, e.id
                """, logger) {
                let (member, day, until, detail) = try row.decode((String, String, String?, String?).self)
                guard let day = Day(iso: day) else { continue }
                found[Person.ID(member), default: []].append(MembershipEvent(kind: .disciplined, day: day, until: until.flatMap { Day(iso: $0) },
                                                                           detail: detail))
            }
            return found
        }
    }

    public func snapshot() async throws(StoreError) -> RegisterSnapshot {
        let version = try await database.read { [logger] connection in try await Self.version(connection, logger) }
        return try await snapshots.snapshot(current: version)
    }

    public func summary() async throws(StoreError) -> RegisterSummary {
        try await database.read { [logger] connection in
            var byKind: [UnitKind: Int] = [:]
            for row in try await connection.rows("SELECT kind, count(*) FROM unit GROUP BY kind", logger) {
                let (kind, count) = try row.decode((String, Int).self)
                if let kind = UnitKind(rawValue: kind) { byKind[kind] = count }
            }
            let (persons, spans, events) = try await connection.rows("""
                SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM membership_span), (SELECT count(*) FROM membership_event)
                """, logger).first?.decode((Int, Int, Int).self) ?? (0, 0, 0)
            return RegisterSummary(unitsByKind: byKind, persons: persons, spans: spans, events: events)
        }
    }

    // MARK: Plumbing

    static func version(_ connection: PostgresConnection, _ logger: Logger) async throws -> Int64 {
        try await connection.value(Int64.self, "SELECT version FROM register_version WHERE id = 1", logger) ?? 0
    }

    /// One write transaction under the register's write lock that bumps its version; `patching`
    /// writes tell the snapshot cache themselves (`patched`), every other write marks it for a reload.
    private func write<T: Sendable>(patching: Bool = false, _ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(StoreError) -> T {
        let result = try await database.transaction { [logger] connection in
            try await connection.run("SELECT pg_advisory_xact_lock(\(Self.writeLock))", logger)
            let result = try await body(connection, logger)
            try await connection.run("UPDATE register_version SET version = version + 1 WHERE id = 1", logger)
            return result
        }
        if !patching { snapshots.wrote() }
        return result
    }
}
