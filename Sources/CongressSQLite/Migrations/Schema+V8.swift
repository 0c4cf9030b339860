extension Schema {
    /// Version 8: the facts of a congress that lists and overviews read, as typed columns beside
    /// its record (issue 12, item 3, first part): name, term, kind, the opening and closing days
    /// checked as days, the day the minutes were sent up, and whether the cycle is paused
    /// (R-E-26); and as rows moved out of the records: the composition of the term's bodies (one
    /// per seat, by member ID), the motions with their counts (R-E-2), the counting board, head
    /// first (R-E-4), those not convened (R-E-21), the designated leaders (R-E-26) and the pause. Filled from the records already stored; every congress write keeps them.
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
        CREATE TABLE congress_motion (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            subject TEXT NOT NULL CHECK (subject = 'presidium' OR subject = 'secretariat' OR subject = 'credentialsBoard' OR subject = 'countingBoard' OR subject = 'numberOfSeats' OR subject = 'electionList' OR subject = 'withdrawal' OR subject = 'alternateSeats'),
            text TEXT NOT NULL,
            in_favour INTEGER NOT NULL CHECK (in_favour >= 0),
            against INTEGER NOT NULL CHECK (against >= 0),
            abstaining INTEGER NOT NULL CHECK (abstaining >= 0),
            PRIMARY KEY (congress_id, position)
        ) WITHOUT ROWID;
        INSERT INTO congress_motion (congress_id, position, subject, text, in_favour, against, abstaining)
            SELECT c.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.subject'), json_extract(j.value, '$.text'),
                   json_extract(j.value, '$.inFavour'), json_extract(j.value, '$.against'), coalesce(json_extract(j.value, '$.abstaining'), 0)
            FROM congress c, json_each(c.record, '$.motions') j;
        CREATE TABLE congress_board_member (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            PRIMARY KEY (congress_id, position),
            UNIQUE (congress_id, member_id)
        ) WITHOUT ROWID;
        INSERT INTO congress_board_member (congress_id, position, member_id)
            SELECT c.id, CAST(j.key AS INTEGER), j.value FROM congress c, json_each(c.record, '$.countingBoard') j;
        CREATE TABLE congress_not_convened (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            full_name TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason = 'suspendedOrProsecutedBeforeOpening' OR reason = 'electionBrokeTheRules' OR reason = 'retiredOrTransferredOut'),
            PRIMARY KEY (congress_id, position),
            UNIQUE (congress_id, member_id)
        ) WITHOUT ROWID;
        INSERT INTO congress_not_convened (congress_id, position, member_id, full_name, reason)
            SELECT c.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.memberID'), json_extract(j.value, '$.fullName'),
                   json_extract(j.value, '$.reason')
            FROM congress c, json_each(c.record, '$.notConvened') j;
        CREATE TABLE congress_designated (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role = 'committeeMember' OR role = 'standingMember' OR role = 'secretary' OR role = 'deputySecretary' OR role = 'inspectionMember' OR role = 'inspectionChair' OR role = 'officialDelegate' OR role = 'alternateDelegate'),
            member_id TEXT CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32),
            PRIMARY KEY (congress_id, position)
        ) WITHOUT ROWID;
        INSERT INTO congress_designated (congress_id, position, name, role, member_id)
            SELECT c.id, CAST(j.key AS INTEGER), json_extract(j.value, '$.name'), json_extract(j.value, '$.role'),
                   json_extract(j.value, '$.memberID')
            FROM congress c, json_each(c.record, '$.designated') j;
        CREATE TABLE congress_pause (
            congress_id INTEGER PRIMARY KEY REFERENCES congress(id) ON DELETE CASCADE,
            reason TEXT NOT NULL,
            since TEXT NOT NULL CHECK (date(since) IS since),
            direction TEXT
        ) WITHOUT ROWID;
        INSERT INTO congress_pause (congress_id, reason, since, direction)
            SELECT id, json_extract(record, '$.pause.reason'), json_extract(record, '$.pause.since'), json_extract(record, '$.pause.direction')
            FROM congress WHERE json_type(record, '$.pause') = 'object';
        UPDATE congress SET record = json_remove(record, '$.composition', '$.motions', '$.countingBoard', '$.notConvened', '$.designated',
                                                 '$.pause');
        """
}
