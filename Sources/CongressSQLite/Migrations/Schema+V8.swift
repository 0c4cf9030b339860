extension Schema {
    /// Version 8: the facts of a congress that lists and overviews read, as typed columns beside
    /// its record (issue 12, item 3, first part): name, term, kind, the opening and closing days
    /// checked as days, the day the minutes were sent up, and whether the cycle is paused
    /// (R-E-26). Filled from the records already stored; every congress write keeps it.
    /// Frozen: never edit it; a change is a new version.
    static let v8 = """
        CREATE TABLE congress_header (
            congress_id INTEGER PRIMARY KEY REFERENCES congress(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            term TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'members' OR kind = 'delegates'),
            opens_on TEXT NOT NULL CHECK (date(opens_on) IS opens_on),
            closes_on TEXT NOT NULL CHECK (date(closes_on) IS closes_on),
            submitted_on TEXT CHECK (submitted_on IS NULL OR date(submitted_on) IS submitted_on),
            paused INTEGER NOT NULL CHECK (paused IN (0, 1))
        ) WITHOUT ROWID;
        INSERT INTO congress_header (congress_id, name, term, kind, opens_on, closes_on, submitted_on, paused)
            SELECT id, json_extract(record, '$.name'), json_extract(record, '$.term'), json_extract(record, '$.kind'),
                   json_extract(record, '$.opensOn'), json_extract(record, '$.closesOn'), json_extract(record, '$.submittedOn'),
                   coalesce(json_type(record, '$.pause') = 'object' AND json_extract(record, '$.pause.direction') IS NULL, 0)
            FROM congress;
        """
}
