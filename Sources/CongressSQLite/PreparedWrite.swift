import CongressCore
import CongressStore
import GRDB

/// New persons of one plan with every value of their multi-row INSERTs gathered in advance (on
/// the planning thread), so the writer's thread only binds and steps. Persons are written first:
/// SQLite gives each new row the largest ID plus one, so the plan's persons get consecutive IDs
/// and a span names its person by offset.
struct PreparedWrite: Sendable {
    var personBlocks: [TextArena] = []
    /// Persons after the last full block, written one by one.
    var remainingPersons: [(person: Person, admittedUnit: Int64)] = []
    var spanBlocks: [TextArena] = []
    var remainingSpans: [(offset: Int, span: MembershipSpan, unit: Int64)] = []
    var events: [(offset: Int, event: MembershipEvent)] = []
    var summary: ImportSummary

    /// Gathers the new persons of a plan (`summary` is what the whole plan does).
    init(inserts: [PersonRecord], summary: ImportSummary, units: UnitIndex) throws {
        self.summary = summary
        let memo = MemberWriter.UnitMemo(units)
        let rows = MemberWriter.Statements.bulkRows
        var start = 0
        while start + rows <= inserts.count {
            var arena = TextArena()
            for (row, record) in inserts[start..<(start + rows)].enumerated() {
                MemberWriter.Statements.gatherPerson(&arena, row: row, record.person, admittedUnit: try memo.id(record.admittedUnit))
            }
            personBlocks.append(arena)
            start += rows
        }
        for record in inserts[start...] { remainingPersons.append((record.person, try memo.id(record.admittedUnit))) }
        var spans: [(Int, MembershipSpan, Int64)] = []
        for (offset, record) in inserts.enumerated() {
            for span in record.spans { spans.append((offset, span, try memo.id(span.unit))) }
            for event in record.otherEvents { events.append((offset, event)) }
        }
        var index = 0
        while index + rows <= spans.count {
            var arena = TextArena()
            for (row, (offset, span, unit)) in spans[index..<(index + rows)].enumerated() {
                arena.person(Int32(row * 5) + 1, offset: offset)
                MemberWriter.Statements.gatherSpan(&arena, row: row, span, unit: unit)
            }
            spanBlocks.append(arena)
            index += rows
        }
        remainingSpans = spans[index...].map { (offset: $0.0, span: $0.1, unit: $0.2) }
    }

    /// Writes it all, on the writer's thread, inside the caller's transaction.
    mutating func write(_ writer: MemberWriter.Statements, units: UnitIndex, _ db: Database) throws -> ImportSummary {
        var firstID: Int64?
        for index in personBlocks.indices {
            try personBlocks[index].run(writer.personBulk, db)
            if firstID == nil { firstID = db.lastInsertedRowID - Int64(MemberWriter.Statements.bulkRows - 1) }
        }
        for (person, unit) in remainingPersons {
            try writer.insert(person, admittedUnit: unit, db)
            if firstID == nil { firstID = db.lastInsertedRowID }
        }
        guard let first = firstID else { return summary }
        for index in spanBlocks.indices { try spanBlocks[index].run(writer.spanBulk, db, firstPerson: first) }
        for (offset, span, unit) in remainingSpans {
            try writer.insertSpan(span, person: first + Int64(offset), unit: unit, db)
        }
        for (offset, event) in events { try writer.insert(event, person: first + Int64(offset), units: units, db) }
        return summary
    }
}
