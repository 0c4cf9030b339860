extension Schema {
    /// Version 9: the rest of a congress as rows, and no JSON left for it (issue 12, item 3): the
    /// roll (members convened, R-E-17, or delegates, R-E-18, R-E-25) with each person's attendance,
    /// the sessions each missed as rows of their own, and the congress's rulebook in its header.
    /// The record column goes: a congress is its header and its tables. A round records the round
    /// it follows (a re-vote among the tied, R-E-23, a further round, R-E-24, or a re-election
    /// after an annulment, R-E-30), and no round is followed twice.
    /// Filled from the records already stored. Frozen: never edit it; a change is a new version.
    static let v9 = """
        ALTER TABLE congress_header ADD COLUMN rulebook_id TEXT NOT NULL DEFAULT '190-QĐ/TW' CHECK (length(rulebook_id) > 0);
        UPDATE congress_header SET rulebook_id = coalesce((SELECT json_extract(c.record, '$.rulebookID') FROM congress c
                                                           WHERE c.id = congress_header.congress_id), '190-QĐ/TW');
        CREATE TABLE congress_roll (
            congress_id INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            roll TEXT NOT NULL CHECK (roll = 'member' OR roll = 'delegate'),
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            position INTEGER NOT NULL CHECK (position >= 0),
            full_name TEXT NOT NULL CHECK (length(full_name) > 0),
            full INTEGER CHECK (full IN (0, 1)),
            condition TEXT CHECK (condition = 'none' OR condition = 'temporaryElsewhere' OR condition = 'exempted' OR condition = 'suspendedOrProsecuted'),
            delegate_kind TEXT CHECK (delegate_kind = 'exOfficio' OR delegate_kind = 'elected' OR delegate_kind = 'appointed'),
            alternate_order INTEGER CHECK (alternate_order >= 1),
            elected_by TEXT CHECK (elected_by IS NULL OR length(elected_by) > 0),
            absent_whole INTEGER NOT NULL CHECK (absent_whole IN (0, 1)),
            reason_accepted INTEGER NOT NULL CHECK (reason_accepted IN (0, 1)),
            CHECK (roll = 'delegate' OR (full IS NOT NULL AND condition IS NOT NULL AND delegate_kind IS NULL
                                         AND alternate_order IS NULL AND elected_by IS NULL)),
            CHECK (roll = 'member' OR (delegate_kind IS NOT NULL AND full IS NULL AND condition IS NULL)),
            PRIMARY KEY (congress_id, roll, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX congress_roll_member ON congress_roll(member_id);
        CREATE TABLE congress_absence (
            congress_id INTEGER NOT NULL,
            roll TEXT NOT NULL,
            member_id TEXT NOT NULL,
            session INTEGER NOT NULL CHECK (session >= 0),
            PRIMARY KEY (congress_id, roll, member_id, session),
            FOREIGN KEY (congress_id, roll, member_id) REFERENCES congress_roll(congress_id, roll, member_id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, full, condition, absent_whole, reason_accepted)
            SELECT c.id, 'member', json_extract(j.value, '$.memberID'), CAST(j.key AS INTEGER), json_extract(j.value, '$.fullName'),
                   coalesce(json_extract(j.value, '$.full'), 1), coalesce(json_extract(j.value, '$.condition'), 'none'),
                   coalesce(json_extract(j.value, '$.attendance.absentWhole'), 0), coalesce(json_extract(j.value, '$.attendance.reasonAccepted'), 0)
            FROM congress c, json_each(c.record, '$.members') j;
        INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, delegate_kind, alternate_order, elected_by,
                                   absent_whole, reason_accepted)
            SELECT c.id, 'delegate', json_extract(j.value, '$.memberID'), CAST(j.key AS INTEGER), json_extract(j.value, '$.fullName'),
                   json_extract(j.value, '$.kind'), json_extract(j.value, '$.alternateOrder'), json_extract(j.value, '$.electedBy'),
                   coalesce(json_extract(j.value, '$.attendance.absentWhole'), 0), coalesce(json_extract(j.value, '$.attendance.reasonAccepted'), 0)
            FROM congress c, json_each(c.record, '$.delegates') j;
        INSERT INTO congress_absence (congress_id, roll, member_id, session)
            SELECT c.id, 'member', json_extract(j.value, '$.memberID'), s.value
            FROM congress c, json_each(c.record, '$.members') j, json_each(j.value, '$.attendance.absentSessions') s;
        INSERT INTO congress_absence (congress_id, roll, member_id, session)
            SELECT c.id, 'delegate', json_extract(j.value, '$.memberID'), s.value
            FROM congress c, json_each(c.record, '$.delegates') j, json_each(j.value, '$.attendance.absentSessions') s;
        ALTER TABLE congress DROP COLUMN record;
        ALTER TABLE counting_round ADD COLUMN follows INTEGER REFERENCES counting_round(id);
        CREATE UNIQUE INDEX counting_round_follows ON counting_round(follows) WHERE follows IS NOT NULL;
        """
}
