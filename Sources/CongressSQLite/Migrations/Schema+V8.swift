extension Schema {
    /// Version 8: the facts of a congress that lists and overviews read, as typed columns beside
    /// its record (issue 12, item 3, first part): name, term, kind, the opening and closing days
    /// checked as days, the day the minutes were sent up, and whether the cycle is paused
    /// (R-E-26); and the composition of the term's bodies as rows, one per seat, by member ID,
    /// moved out of the records. Filled from the records already stored; every congress write keeps them.
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
        CREATE TABLE congress_seat (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            member_id TEXT CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32),
            name TEXT NOT NULL CHECK (length(name) > 0),
            role TEXT NOT NULL CHECK (role = 'committeeMember' OR role = 'standingMember' OR role = 'secretary' OR role = 'deputySecretary' OR role = 'inspectionMember' OR role = 'inspectionChair' OR role = 'officialDelegate' OR role = 'alternateDelegate'),
            source TEXT NOT NULL,
            PRIMARY KEY (congress_id, position)
        ) WITHOUT ROWID;
        CREATE INDEX congress_seat_member ON congress_seat(member_id);
        INSERT INTO congress_seat (congress_id, position, member_id, name, role, source)
            SELECT c.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.memberID'), json_extract(j.value, '$.name'),
                   json_extract(j.value, '$.role'), json_extract(j.value, '$.source')
            FROM congress c, json_each(c.record, '$.composition') j;
        UPDATE congress SET record = json_remove(record, '$.composition');
        """
}
