import CongressCore
import CongressStore
import GRDB
import GRDBSQLite

/// Writes units, placements and unit events.
enum OrganisationWriter {
    static func add(_ records: OrganisationRecords, _ db: Database) throws {
        var ids = try UnitIndex.load(db).ids
        let insertUnit = try RawStatement(db, "INSERT INTO unit (code, name, kind, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)")
        for unit in records.units {
            if ids[unit.code] != nil { throw StoreError.duplicateUnit(unit.code) }
            insertUnit.bind(1, unit.code.rawValue)
            insertUnit.bind(2, unit.name)
            insertUnit.bind(3, unit.kind.rawValue)
            insertUnit.bind(4, unit.validFrom?.iso)
            insertUnit.bind(5, unit.validTo?.iso)
            try insertUnit.run(db)
            ids[unit.code] = db.lastInsertedRowID
        }
        let id = { (code: PartyUnit.ID) throws -> Int64 in
            guard let id = ids[code] else { throw StoreError.danglingReference(code) }
            return id
        }
        let insertPlacement = try RawStatement(db, "INSERT INTO unit_placement (unit_id, parent_id, valid_from, valid_to) VALUES (?, ?, ?, ?)")
        for placement in records.placements {
            insertPlacement.bind(1, try id(placement.unit))
            insertPlacement.bind(2, try placement.parent.map(id))
            insertPlacement.bind(3, placement.validFrom?.iso)
            insertPlacement.bind(4, placement.validTo?.iso)
            try insertPlacement.run(db)
        }
        let insertEvent = try RawStatement(db, "INSERT INTO unit_event (kind, day, unit_id, other_id, old_name) VALUES (?, ?, ?, ?, ?)")
        for event in records.events {
            insertEvent.bind(1, event.kind.rawValue)
            insertEvent.bind(2, event.day.iso)
            insertEvent.bind(3, try id(event.unit))
            insertEvent.bind(4, try event.other.map(id))
            insertEvent.bind(5, event.oldName)
            try insertEvent.run(db)
        }
    }
}

extension OrganisationWriter {
    /// Applies a units file's decision (`UnitImport`): new units, renames and endings, their events.
    static func apply(_ changes: UnitImport.Changes, _ db: Database) throws {
        try add(changes.added, db)
        for rename in changes.renamed {
            try db.execute(sql: "UPDATE unit SET name = ? WHERE code = ?", arguments: [rename.name, rename.code])
        }
        for ending in changes.ended {
            let last = ending.lastDay.iso
            try db.execute(sql: "UPDATE unit SET valid_to = ? WHERE code = ?", arguments: [last, ending.code])
            try db.execute(sql: """
                UPDATE unit_placement SET valid_to = ?
                WHERE unit_id = (SELECT id FROM unit WHERE code = ?) AND (valid_to IS NULL OR valid_to > ?)
                  AND (valid_from IS NULL OR valid_from <= ?)
                """, arguments: [last, ending.code, last, last])
        }
    }
}

/// Every unit's id and record, for lookups during a write.
struct UnitIndex: Sendable {
    var ids: [PartyUnit.ID: Int64] = [:]
    var codes: [Int64: PartyUnit.ID] = [:]
    var units: [PartyUnit.ID: PartyUnit] = [:]
    var order: [PartyUnit] = []

    /// Only the units of `codes` (one person's event: a few, not the 160,000 of the nation).
    static func load(codes: Set<PartyUnit.ID>, _ db: Database) throws -> UnitIndex {
        var index = UnitIndex()
        for code in codes.sorted() {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, code, name, kind, valid_from, valid_to FROM unit WHERE code = ?"),
                                             arguments: [code]) else { continue }
            let id: Int64 = row["id"]
            let unit = OrganisationReader.unit(row)
            index.ids[unit.code] = id
            index.codes[id] = unit.code
            index.units[unit.code] = unit
            index.order.append(unit)
        }
        return index
    }

    static func load(_ db: Database) throws -> UnitIndex {
        var index = UnitIndex()
        let statement = try RawStatement(db, "SELECT id, code, name, kind, valid_from, valid_to FROM unit ORDER BY id")
        try statement.forEachRow(db) { row in
            let id = RawStatement.int(row, 0)
            let unit = PartyUnit(
                code: PartyUnit.ID(RawStatement.text(row, 1) ?? ""), name: RawStatement.text(row, 2) ?? "",
                kind: UnitKind(rawValue: RawStatement.text(row, 3) ?? "") ?? .cell,
                validFrom: RawStatement.text(row, 4).flatMap { Day(iso: $0) },
                validTo: RawStatement.text(row, 5).flatMap { Day(iso: $0) })
            index.ids[unit.code] = id
            index.codes[id] = unit.code
            index.units[unit.code] = unit
            index.order.append(unit)
        }
        return index
    }
}

/// Reads units and their events.
enum OrganisationReader {
    static func unit(_ row: Row) -> PartyUnit {
        PartyUnit(code: row["code"], name: row["name"], kind: UnitKind(rawValue: row["kind"]) ?? .cell,
             validFrom: (row["valid_from"] as String?).flatMap { Day(iso: $0) },
             validTo: (row["valid_to"] as String?).flatMap { Day(iso: $0) })
    }

    static func events(naming code: PartyUnit.ID, _ db: Database) throws -> [UnitEvent] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.kind, e.day, u.code AS unit, o.code AS other, e.old_name
            FROM unit_event e JOIN unit u ON u.id = e.unit_id LEFT JOIN unit o ON o.id = e.other_id
            WHERE e.id IN (
                SELECT id FROM unit_event WHERE unit_id = (SELECT id FROM unit WHERE code = ?)
                UNION SELECT id FROM unit_event WHERE other_id = (SELECT id FROM unit WHERE code = ?))
            ORDER BY e.day, e.id
            """, arguments: [code, code])
        return rows.compactMap { row in
            guard let kind = UnitEvent.Kind(rawValue: row["kind"]), let day = Day(iso: row["day"] as String) else { return nil }
            return UnitEvent(kind: kind, day: day, unit: row["unit"], other: row["other"], oldName: row["old_name"])
        }
    }

    /// Every unit, placement and event.
    static func all(_ db: Database) throws -> OrganisationRecords {
        let index = try UnitIndex.load(db)
        let events = try Row.fetchAll(db, sql: "SELECT kind, day, unit_id, other_id, old_name FROM unit_event ORDER BY day, id").compactMap { row -> UnitEvent? in
            guard let kind = UnitEvent.Kind(rawValue: row["kind"]), let day = Day(iso: row["day"] as String),
                  let unit = index.codes[row["unit_id"]] else { return nil }
            return UnitEvent(kind: kind, day: day, unit: unit, other: (row["other_id"] as Int64?).flatMap { index.codes[$0] }, oldName: row["old_name"])
        }
        return OrganisationRecords(units: index.order, placements: try placements(db, codes: index.codes), events: events)
    }

    static func placements(_ db: Database, codes: [Int64: PartyUnit.ID]) throws -> [UnitPlacement] {
        var placements: [UnitPlacement] = []
        let statement = try RawStatement(db, "SELECT unit_id, parent_id, valid_from, valid_to FROM unit_placement ORDER BY rowid")
        try statement.forEachRow(db) { row in
            let parent = sqlite3_column_type(row, 1) == SQLITE_NULL ? nil : codes[RawStatement.int(row, 1)]
            placements.append(UnitPlacement(
                unit: codes[RawStatement.int(row, 0)] ?? "", parent: parent,
                validFrom: RawStatement.text(row, 2).flatMap { Day(iso: $0) },
                validTo: RawStatement.text(row, 3).flatMap { Day(iso: $0) }))
        }
        return placements
    }
}
