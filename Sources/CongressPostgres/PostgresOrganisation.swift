import CongressCore
import CongressStore
import Logging
import PostgresNIO

/// Units, placements and unit events: written a table at a time (arrays unnested by the
/// server, so the 14,131 units of the real tree are three statements), read back whole.
enum PostgresOrganisation {
    static func add(_ records: OrganisationRecords, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var ids = try await unitIDs(connection, logger)
        for unit in records.units where ids[unit.code] != nil { throw StoreError.duplicateUnit(unit.code) }
        if !records.units.isEmpty {
            let units = records.units
            let inserted = try await connection.rows("""
                INSERT INTO unit (code, name, kind, valid_from, valid_to)
                SELECT code, name, kind, NULLIF(valid_from, '')::date, NULLIF(valid_to, '')::date
                FROM unnest(\(units.map(\.code)), \(units.map(\.name)), \(units.map(\.kind.rawValue)),
                            \(units.map { $0.validFrom?.iso ?? "" }), \(units.map { $0.validTo?.iso ?? "" }))
                     WITH ORDINALITY AS row(code, name, kind, valid_from, valid_to, number)
                ORDER BY number
                RETURNING id, code
                """, logger)
            for row in inserted {
                let (id, code) = try row.decode((Int64, PartyUnit.ID).self)
                ids[code] = id
            }
        }
        let id = { (code: PartyUnit.ID) throws -> Int64 in
            guard let id = ids[code] else { throw StoreError.danglingReference(code) }
            return id
        }
        if !records.placements.isEmpty {
            let placements = records.placements
            let unitIDs = try placements.map { try id($0.unit) }
            let parentIDs = try placements.map { try $0.parent.map(id) ?? 0 }
            try await connection.run("""
                INSERT INTO unit_placement (unit_id, parent_id, valid_from, valid_to)
                SELECT unit_id, NULLIF(parent_id, 0), NULLIF(valid_from, '')::date, NULLIF(valid_to, '')::date
                FROM unnest(\(unitIDs), \(parentIDs), \(placements.map { $0.validFrom?.iso ?? "" }), \(placements.map { $0.validTo?.iso ?? "" }))
                     WITH ORDINALITY AS row(unit_id, parent_id, valid_from, valid_to, number)
                ORDER BY number
                """, logger)
        }
        if !records.events.isEmpty {
            let events = records.events
            let unitIDs = try events.map { try id($0.unit) }
            let otherIDs = try events.map { try $0.other.map(id) ?? 0 }
            try await connection.run("""
                INSERT INTO unit_event (kind, day, unit_id, other_id, old_name)
                SELECT kind, day::date, unit_id, NULLIF(other_id, 0), CASE WHEN named THEN name END
                FROM unnest(\(events.map(\.kind.rawValue)), \(events.map(\.day.iso)), \(unitIDs), \(otherIDs),
                            \(events.map { $0.oldName ?? "" }), \(events.map { $0.oldName != nil }))
                     WITH ORDINALITY AS row(kind, day, unit_id, other_id, name, named, number)
                ORDER BY number
                """, logger)
        }
    }

    /// Applies a units file's decision (`UnitImport`): new units, renames and endings, their events.
    static func apply(_ changes: UnitImport.Changes, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await add(changes.added, connection, logger)
        for rename in changes.renamed {
            try await connection.run("UPDATE unit SET name = \(rename.name) WHERE code = \(rename.code)", logger)
        }
        for ending in changes.ended {
            let last = ending.lastDay.iso
            try await connection.run("UPDATE unit SET valid_to = \(last)::date WHERE code = \(ending.code)", logger)
            try await connection.run("""
                UPDATE unit_placement SET valid_to = \(last)::date
                WHERE unit_id = (SELECT id FROM unit WHERE code = \(ending.code)) AND (valid_to IS NULL OR valid_to > \(last)::date)
                  AND (valid_from IS NULL OR valid_from <= \(last)::date)
                """, logger)
        }
    }

    static func unitIDs(_ connection: PostgresConnection, _ logger: Logger) async throws -> [PartyUnit.ID: Int64] {
        var ids: [PartyUnit.ID: Int64] = [:]
        for row in try await connection.rows("SELECT id, code FROM unit", logger) {
            let (id, code) = try row.decode((Int64, PartyUnit.ID).self)
            ids[code] = id
        }
        return ids
    }

    /// A unit from `code, name, kind, valid_from::text, valid_to::text`.
    static func unit(_ row: PostgresRow) throws -> PartyUnit {
        let (code, name, kind, from, to) = try row.decode((PartyUnit.ID, String, String, String?, String?).self)
        return PartyUnit(code: code, name: name, kind: UnitKind(rawValue: kind) ?? .cell,
                         validFrom: from.flatMap { Day(iso: $0) }, validTo: to.flatMap { Day(iso: $0) })
    }

    /// Every unit in the order they were added, with their database IDs.
    static func units(_ connection: PostgresConnection, _ logger: Logger) async throws -> [(id: Int64, unit: PartyUnit)] {
        try await connection.rows("SELECT id, code, name, kind, valid_from::text, valid_to::text FROM unit ORDER BY id", logger).map { row in
            let (id, code, name, kind, from, to) = try row.decode((Int64, PartyUnit.ID, String, String, String?, String?).self)
            return (id, PartyUnit(code: code, name: name, kind: UnitKind(rawValue: kind) ?? .cell,
                                  validFrom: from.flatMap { Day(iso: $0) }, validTo: to.flatMap { Day(iso: $0) }))
        }
    }

    /// Only the units of `codes` (one person's event).
    static func units(codes: Set<PartyUnit.ID>, _ connection: PostgresConnection, _ logger: Logger) async throws -> [(id: Int64, unit: PartyUnit)] {
        let wanted = codes.sorted()
        return try await connection.rows("SELECT id, code, name, kind, valid_from::text, valid_to::text FROM unit WHERE code = ANY(\(wanted))",
                                         logger).map { row in
            let (id, code, name, kind, from, to) = try row.decode((Int64, PartyUnit.ID, String, String, String?, String?).self)
            return (id, PartyUnit(code: code, name: name, kind: UnitKind(rawValue: kind) ?? .cell,
                                  validFrom: from.flatMap { Day(iso: $0) }, validTo: to.flatMap { Day(iso: $0) }))
        }
    }

    static func events(naming code: PartyUnit.ID, _ connection: PostgresConnection, _ logger: Logger) async throws -> [UnitEvent] {
        try await events(connection, logger, where: """
            WHERE e.unit_id = (SELECT id FROM unit WHERE code = \(code)) OR e.other_id = (SELECT id FROM unit WHERE code = \(code))
            """)
    }

    private static func events(_ connection: PostgresConnection, _ logger: Logger, where filter: PostgresQuery) async throws -> [UnitEvent] {
        var query = PostgresQuery(unsafeSQL: """
            SELECT e.kind, e.day::text, u.code, o.code, e.old_name
            FROM unit_event e JOIN unit u ON u.id = e.unit_id LEFT JOIN unit o ON o.id = e.other_id
            """)
        query.sql += " " + filter.sql + " ORDER BY e.day, e.id"
        query.binds = filter.binds
        return try await connection.rows(query, logger).compactMap { row in
            let (kind, day, unit, other, oldName) = try row.decode((String, String, PartyUnit.ID, PartyUnit.ID?, String?).self)
            guard let kind = UnitEvent.Kind(rawValue: kind), let day = Day(iso: day) else { return nil }
            return UnitEvent(kind: kind, day: day, unit: unit, other: other, oldName: oldName)
        }
    }

    /// Every unit, placement and event.
    static func all(_ connection: PostgresConnection, _ logger: Logger) async throws -> OrganisationRecords {
        let units = try await units(connection, logger)
        return OrganisationRecords(units: units.map(\.unit), placements: try await placements(connection, logger),
                                   events: try await events(connection, logger, where: ""))
    }

    static func placements(_ connection: PostgresConnection, _ logger: Logger) async throws -> [UnitPlacement] {
        try await connection.rows("""
            SELECT u.code, p.code, pl.valid_from::text, pl.valid_to::text
            FROM unit_placement pl JOIN unit u ON u.id = pl.unit_id LEFT JOIN unit p ON p.id = pl.parent_id ORDER BY pl.id
            """, logger).map { row in
            let (unit, parent, from, to) = try row.decode((PartyUnit.ID, PartyUnit.ID?, String?, String?).self)
            return UnitPlacement(unit: unit, parent: parent, validFrom: from.flatMap { Day(iso: $0) }, validTo: to.flatMap { Day(iso: $0) })
        }
    }
}
