import CongressCore
import CongressStore
import Foundation
import GRDB

/// The compositions of past terms in the register's SQLite file (schema v11).
public final class SQLiteBodiesStore: BodiesStore, Sendable {
    let pool: DatabasePool
    let chain: AuditChain
    let clock: @Sendable () -> String

    public init(register: SQLiteRegisterStore, chain: AuditChain, clock: @escaping @Sendable () -> String) {
        self.pool = register.pool
        self.chain = chain
        self.clock = clock
    }

    public func importBodies(_ rows: [BodyMembership], audit: @escaping @Sendable (Int) -> AuditDraft) async throws(StoreError) -> Int {
        let time = clock()
        let drafts = audit
        do {
            return try await pool.write { [chain] db in
                var added = 0
                let insert = try db.makeStatement(sql: """
                    INSERT OR IGNORE INTO body_membership (member_id, unit_code, term, role, how, on_day) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                for row in rows {
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM person WHERE member_id = ?)", arguments: [row.memberID]) == true else {
                        throw StoreError.unknownMember(row.memberID)
                    }
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM unit WHERE code = ?)", arguments: [row.unit]) == true else {
                        throw StoreError.unknownUnit(row.unit)
                    }
                    try insert.execute(arguments: [row.memberID, row.unit, row.term, row.role.rawValue, row.how.rawValue, row.on.iso])
                    added += db.changesCount
                }
                _ = try SQLiteAccessStore.append(drafts(added), at: time, chain, db)
                return added
            }
        } catch let error as StoreError { throw error } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Nothing was written. Check the file against the register.")
        }
    }

    public func changeMarker() async throws(StoreError) -> Int {
        do {
            return try await pool.read { db in
                try Int.fetchOne(db, sql: "SELECT coalesce(max(sequence), 0) FROM audit_entry WHERE action = 'bodiesImported'") ?? 0
            }
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }

    public func count(role: BodyMembership.Role, term: String) async throws(StoreError) -> Int {
        do {
            return try await pool.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM body_membership WHERE term = ? AND role = ?", arguments: [term, role.rawValue]) ?? 0
            }
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }

    public func bodies(role: BodyMembership.Role, term: String) async throws(StoreError) -> [BodyMembership] {
        do {
            return try await pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT member_id, unit_code, how, on_day FROM body_membership WHERE term = ? AND role = ? ORDER BY member_id, unit_code
                    """, arguments: [term, role.rawValue]).compactMap { row in
                    guard let how = BodyMembership.Origin(rawValue: row[2]), let day = Day(iso: row[3] as String) else { return nil }
                    return BodyMembership(memberID: Person.ID(row[0] as String), unit: PartyUnit.ID(row[1] as String), term: term, role: role, how: how,
                                          on: day)
                }
            }
        } catch {
            throw SQLiteRegisterStore.storeError(error, advice: "Try again; if it persists, check the database file.")
        }
    }
}
