import CongressCore
import CongressStore
import Foundation
import GRDB

/// Personnel work in the register's SQLite file (schema v10). Every write is one transaction
/// with its audit entry and the bump of the personnel counter.
public final class SQLitePersonnelStore: PersonnelStore, Sendable {
    let pool: DatabasePool
    let chain: AuditChain
    let clock: @Sendable () -> String

    public init(register: SQLiteRegisterStore, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.pool = register.pool
        self.chain = chain
        self.clock = clock
    }

    public func planningRevisions(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> [PlanningRevision] {
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.post, p.day, p.recorded_by, p.note FROM personnel_planning p JOIN unit u ON u.id = p.unit_id
                WHERE u.code = ? AND p.term = ? ORDER BY p.day, p.id
                """, arguments: [unit, term])
            return try rows.map { row in
                let id: Int64 = row["id"]
                let members = try String.fetchAll(db, sql: "SELECT member_id FROM personnel_planning_member WHERE planning_id = ? ORDER BY position",
                                                  arguments: [id])
                return PlanningRevision(unit: unit, term: term, post: try Self.decode(row["post"]), day: try Self.day(row["day"]),
                                        members: members.map { Person.ID($0) }, recordedBy: row["recorded_by"], note: row["note"])
            }
        }
    }

    public func revisePlanning(_ revision: PlanningRevision, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let unitID = try Self.unitID(revision.unit, db)
            try db.execute(sql: "INSERT INTO personnel_planning (unit_id, term, post, day, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [unitID, revision.term, revision.post.rawValue, revision.day.iso, revision.recordedBy, revision.note])
            let id = db.lastInsertedRowID
            for (position, member) in revision.members.enumerated() {
                try db.execute(sql: "INSERT INTO personnel_planning_member (planning_id, position, member_id) VALUES (?, ?, ?)",
                               arguments: [id, position, member.rawValue])
            }
            try Self.bump(db)
            _ = try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func dossiers(of unit: PartyUnit.ID) async throws(StoreError) -> [DossierRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.* FROM personnel_dossier d JOIN unit u ON u.id = d.unit_id WHERE u.code = ? ORDER BY d.member_id, d.post
                """, arguments: [unit]).map { row in
                DossierRecord(memberID: Person.ID(row["member_id"] as String), post: try Self.decode(row["post"]),
                              level: try Self.decode(row["level"]), entry: try Self.decode(row["entry"]),
                              standardsConclusion: try Self.evidence(row, "standards"), assetsDeclared: try Self.evidence(row, "assets"))
            }
        }
    }

    public func recordDossier(_ dossier: DossierRecord, unit: PartyUnit.ID, audit: AuditDraft) async throws(StoreError) {
        let time = clock()
        try await write { [chain] db in
            let unitID = try Self.unitID(unit, db)
            let standards = dossier.standardsConclusion, assets = dossier.assetsDeclared
            try db.execute(sql: """
                INSERT OR REPLACE INTO personnel_dossier (unit_id, member_id, post, level, entry, standards_document, standards_day,
                    standards_by, assets_document, assets_day, assets_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [unitID, dossier.memberID.rawValue, dossier.post.rawValue, dossier.level.rawValue, dossier.entry.rawValue,
                                 standards?.document, standards?.day.iso, standards?.recordedBy,
                                 assets?.document, assets?.day.iso, assets?.recordedBy])
            try Self.bump(db)
            _ = try SQLiteAccessStore.append(audit, at: time, chain, db)
        }
    }

    public func scheme(of unit: PartyUnit.ID, term: String) async throws(StoreError) -> StoredScheme? {
        try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.version, s.record FROM personnel_scheme s JOIN unit u ON u.id = s.unit_id WHERE u.code = ? AND s.term = ?
                """, arguments: [unit, term]).map(Self.stored)
        }
    }

    public func scheme(countingRound round: Round.ID) async throws(StoreError) -> StoredScheme? {
        try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT s.version, s.record FROM personnel_scheme s JOIN personnel_scheme_round r ON r.scheme_id = s.id WHERE r.round_id = ?
                """, arguments: [round]).map(Self.stored)
        }
    }

    public func saveScheme(_ record: SchemeRecord, version: Int?, audit: AuditDraft) async throws(StoreError) -> Int {
        let time = clock()
        let json = try SchemeJSON.encode(record)
        return try await write { [chain] db in
            let unitID = try Self.unitID(record.scheme.unit, db)
            let current = try Row.fetchOne(db, sql: "SELECT id, version FROM personnel_scheme WHERE unit_id = ? AND term = ?",
                                           arguments: [unitID, record.scheme.term])
            guard current?["version"] as Int? == version else { throw StoreError.schemeChanged }
            let next = (version ?? 0) + 1
            let schemeID: Int64
            if let current {
                schemeID = current["id"]
                try db.execute(sql: "UPDATE personnel_scheme SET version = ?, record = ? WHERE id = ?", arguments: [next, json, schemeID])
            } else {
                try db.execute(sql: "INSERT INTO personnel_scheme (unit_id, term, version, record) VALUES (?, ?, ?, ?)",
                               arguments: [unitID, record.scheme.term, next, json])
                schemeID = db.lastInsertedRowID
            }
            for round in record.rounds {
                try db.execute(sql: "INSERT OR IGNORE INTO personnel_scheme_round (round_id, scheme_id) VALUES (?, ?)", arguments: [round, schemeID])
            }
            try Self.bump(db)
            _ = try SQLiteAccessStore.append(audit, at: time, chain, db)
            return next
        }
    }

    public func personnelVersion() async throws(StoreError) -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT version FROM personnel_version WHERE id = 1") ?? 0 }
    }

    // MARK: Rows

    private static func unitID(_ unit: PartyUnit.ID, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE code = ?", arguments: [unit]) else { throw StoreError.unknownUnit(unit) }
        return id
    }

    private static func bump(_ db: Database) throws {
        try db.execute(sql: "UPDATE personnel_version SET version = version + 1 WHERE id = 1")
    }

    private static func evidence(_ row: Row, _ prefix: String) throws -> Evidence? {
        guard let document: String = row["\(prefix)_document"], let day: String = row["\(prefix)_day"], let by: String = row["\(prefix)_by"] else {
            return nil
        }
        return Evidence(document: document, day: try Self.day(day), recordedBy: by)
    }

    static func decode<T: RawRepresentable>(_ text: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError.database(message: "unknown value '\(text)'", advice: "Run congress migrate.") }
        return value
    }

    static func day(_ text: String) throws -> Day {
        guard let day = Day(iso: text) else { throw StoreError.database(message: "bad day '\(text)'", advice: "Check the database file.") }
        return day
    }

    private static func stored(_ row: Row) throws -> StoredScheme {
        StoredScheme(version: row["version"], record: try SchemeJSON.decode(row["record"]))
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.read(body) } catch let error as StoreError { throw error } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws(StoreError) -> T {
        do { return try await pool.write(body) } catch let error as StoreError { throw error } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was written. Check the input, or that the disk has room.")
        }
    }
}
