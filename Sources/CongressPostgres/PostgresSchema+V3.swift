/// Version 3 of the PostgreSQL schema: the facts of a congress that lists and overviews read,
/// as typed columns beside its record (issue 12, item 3, first part): name, term, kind, the
/// opening and closing days as dates, the day the minutes were sent up, and whether the cycle is
/// paused (R-E-26). Filled from the records already stored; every congress write keeps it.
/// Shipped: never edit this SQL.
extension PostgresSchema {
    static let v3 = Version(number: 3, name: "a congress's facts as typed columns", sql: [
        """
        CREATE TABLE congress_header (
            congress_id bigint PRIMARY KEY REFERENCES congress(id) ON DELETE CASCADE,
            name text NOT NULL,
            term text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('members', 'delegates')),
            opens_on date NOT NULL,
            closes_on date NOT NULL,
            submitted_on date,
            paused boolean NOT NULL)
        """,
        """
        INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused)
            SELECT id, record->>'name', record->>'term', record->>'kind', (record->>'opensOn')::date, (record->>'closesOn')::date,
                   (record->>'submittedOn')::date,
                   coalesce(jsonb_typeof(record->'pause') = 'object' AND (record->'pause'->>'direction') IS NULL, false)
            FROM congress
        """,
    ])
}
