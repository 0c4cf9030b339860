import CongressCore
import CongressStore
import Logging
import NIOCore
import PostgresNIO

/// Builds the read snapshot from PostgreSQL in one streamed scan of persons joined to their
/// spans. The server turns the stored text into the snapshot's small integers (CASE over each
/// enumeration, date minus the epoch), and names arrive as raw bytes, so no string is built
/// for them here.
enum PostgresSnapshotLoader {
    static func caseIndex(_ column: String, _ values: [String], unknown: Int = 255) -> String {
        "CASE \(column) " + values.enumerated().map { "WHEN '\($1.replacingOccurrences(of: "'", with: "''"))' THEN \($0)" }
            .joined(separator: " ") + " ELSE \(unknown) END"
    }

    static func days(_ column: String) -> String { "(\(column) - DATE '1970-01-01')" }

    static func load(_ connection: PostgresConnection, _ logger: Logger) async throws -> RegisterSnapshot {
        let units = try await PostgresOrganisation.units(connection, logger)
        let placements = try await PostgresOrganisation.placements(connection, logger)
        var unitPosition: [Int64: Int32] = [:]
        for (position, unit) in units.enumerated() { unitPosition[unit.id] = Int32(position) }
        let count = try await connection.value(Int.self, "SELECT count(*) FROM person", logger) ?? 0
        var builder = RegisterSnapshot.Builder(units: units.map(\.unit), placements: placements, expectedPersons: count)
        let query = PostgresQuery(unsafeSQL: """
            SELECT p.id, p.member_id, p.full_name, \(caseIndex("p.gender", Gender.allCases.map(\.rawValue))),
                   \(caseIndex("p.ethnicity", EthnicGroups.all)), \(caseIndex("p.education", Education.allCases.map(\.rawValue))),
                   \(caseIndex("p.political_theory", PoliticalTheory.allCases.map(\.rawValue))),
                   \(days("p.birth_date")), \(days("p.joined_on")), coalesce(\(days("p.official_on")), 2147483647),
                   s.unit_id, \(days("s.valid_from")), coalesce(\(days("s.valid_to")), 2147483647),
                   \(caseIndex("s.standing", Standing.allCases.map(\.rawValue)))
            FROM person p LEFT JOIN membership_span s ON s.person_id = p.id
            ORDER BY p.id, s.valid_from
            """)
        var current: Int64?
        for try await row in try await connection.query(query, logger: logger) {
            let (id, memberID, name, gender, ethnicity, education, theory, birth, joined, official, unit, from, to, standing) =
                try row.decode((Int64, ByteBuffer, ByteBuffer, Int32, Int32, Int32, Int32, Int32, Int32, Int32,
                                Int64?, Int32?, Int32?, Int32?).self)
            if id != current {
                if current != nil { builder.closePerson() }
                current = id
                memberID.withUnsafeReadableBytes { memberBytes in
                    name.withUnsafeReadableBytes { nameBytes in
                        builder.addPerson(memberID: memberBytes.bindMemory(to: UInt8.self), name: nameBytes.bindMemory(to: UInt8.self),
                                          gender: UInt8(truncatingIfNeeded: gender), ethnicity: UInt8(truncatingIfNeeded: ethnicity),
                                          education: UInt8(truncatingIfNeeded: education), theory: UInt8(truncatingIfNeeded: theory),
                                          birth: birth, joined: joined, official: official)
                    }
                }
            }
            if let unit, let from, let to, let standing {
                builder.addSpan(unit: unitPosition[unit] ?? -1, from: from, to: to, standing: UInt8(truncatingIfNeeded: standing))
            }
        }
        if current != nil { builder.closePerson() }
        return builder.build()
    }
}
