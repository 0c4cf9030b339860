/// Version 3 of the PostgreSQL schema: the facts of a congress that lists and overviews read,
/// as typed columns beside its record (issue 12, item 3, first part): name, term, kind, the
/// opening and closing days as dates, the day the minutes were sent up, and whether the cycle is
/// paused (R-E-26); and as rows moved out of the records: the composition of the term's bodies
/// (one per seat, by member ID), the motions with their counts (R-E-2), the counting board, head
/// first (R-E-4), those not convened (R-E-21), the designated leaders (R-E-26) and the pause. Filled from the records already stored; every congress write keeps them.
/// Shipped: never edit this SQL.
extension PostgresSchema {
    static let v3 = Version(number: 3, name: "a congress's facts as typed columns, its composition as rows", sql: [
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
        """
        CREATE TABLE congress_seat (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            member_id text CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32),
            name text NOT NULL CHECK (length(name) > 0),
            role text NOT NULL CHECK (role IN ('committeeMember', 'standingMember', 'secretary', 'deputySecretary', 'inspectionMember',
                                               'inspectionChair', 'officialDelegate', 'alternateDelegate')),
            source text NOT NULL,
            PRIMARY KEY (congress_id, position))
        """,
        "CREATE INDEX congress_seat_member ON congress_seat(member_id)",
        """
        INSERT INTO congress_seat (congress_id, position, member_id, name, role, source)
            SELECT c.id, s.ordinality - 1, s.seat->>'memberID', s.seat->>'name', s.seat->>'role', s.seat->>'source'
            FROM congress c, jsonb_array_elements(coalesce(c.record->'composition', '[]'::jsonb)) WITH ORDINALITY AS s(seat, ordinality)
        """,
        """
        CREATE TABLE congress_motion (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            subject text NOT NULL CHECK (subject IN ('presidium', 'secretariat', 'credentialsBoard', 'countingBoard', 'numberOfSeats',
                                                     'electionList', 'withdrawal', 'alternateSeats')),
            text text NOT NULL,
            in_favour integer NOT NULL CHECK (in_favour >= 0),
            against integer NOT NULL CHECK (against >= 0),
            abstaining integer NOT NULL CHECK (abstaining >= 0),
            PRIMARY KEY (congress_id, position))
        """,
        """
        INSERT INTO congress_motion (congress_id, position, subject, text, in_favour, against, abstaining)
            SELECT c.id, m.ordinality - 1, m.motion->>'subject', m.motion->>'text', (m.motion->>'inFavour')::integer,
                   (m.motion->>'against')::integer, coalesce((m.motion->>'abstaining')::integer, 0)
            FROM congress c, jsonb_array_elements(coalesce(c.record->'motions', '[]'::jsonb)) WITH ORDINALITY AS m(motion, ordinality)
        """,
        """
        CREATE TABLE congress_board_member (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            PRIMARY KEY (congress_id, position),
            UNIQUE (congress_id, member_id))
        """,
        """
        INSERT INTO congress_board_member (congress_id, position, member_id)
            SELECT c.id, b.ordinality - 1, b.member
            FROM congress c, jsonb_array_elements_text(coalesce(c.record->'countingBoard', '[]'::jsonb)) WITH ORDINALITY AS b(member, ordinality)
        """,
        """
        CREATE TABLE congress_not_convened (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            full_name text NOT NULL,
            reason text NOT NULL CHECK (reason IN ('suspendedOrProsecutedBeforeOpening', 'electionBrokeTheRules', 'retiredOrTransferredOut')),
            PRIMARY KEY (congress_id, position),
            UNIQUE (congress_id, member_id))
        """,
        """
        INSERT INTO congress_not_convened (congress_id, position, member_id, full_name, reason)
            SELECT c.id, n.ordinality - 1, n.entry->>'memberID', n.entry->>'fullName', n.entry->>'reason'
            FROM congress c, jsonb_array_elements(coalesce(c.record->'notConvened', '[]'::jsonb)) WITH ORDINALITY AS n(entry, ordinality)
        """,
        """
        CREATE TABLE congress_designated (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            position integer NOT NULL CHECK (position >= 0),
            name text NOT NULL,
            role text NOT NULL CHECK (role IN ('committeeMember', 'standingMember', 'secretary', 'deputySecretary', 'inspectionMember', 'inspectionChair', 'officialDelegate', 'alternateDelegate')),
            member_id text CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32),
            PRIMARY KEY (congress_id, position))
        """,
        """
        INSERT INTO congress_designated (congress_id, position, name, role, member_id)
            SELECT c.id, d.ordinality - 1, d.leader->>'name', d.leader->>'role', d.leader->>'memberID'
            FROM congress c, jsonb_array_elements(coalesce(c.record->'designated', '[]'::jsonb)) WITH ORDINALITY AS d(leader, ordinality)
        """,
        """
        CREATE TABLE congress_pause (
            congress_id bigint PRIMARY KEY REFERENCES congress(id) ON DELETE CASCADE,
            reason text NOT NULL,
            since date NOT NULL,
            direction text)
        """,
        """
        INSERT INTO congress_pause (congress_id, reason, since, direction)
            SELECT id, record->'pause'->>'reason', (record->'pause'->>'since')::date, record->'pause'->>'direction'
            FROM congress WHERE jsonb_typeof(record->'pause') = 'object'
        """,
        "UPDATE congress SET record = record - 'composition' - 'motions' - 'countingBoard' - 'notConvened' - 'designated' - 'pause'",
    ])
}
