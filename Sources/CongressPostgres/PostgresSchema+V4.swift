/// Version 4 of the PostgreSQL schema: the rest of a congress as rows, and no JSON left for it
/// (issue 12, item 3): the roll (members convened, R-E-17, or delegates, R-E-18, R-E-25) with
/// each person's attendance, the sessions each missed as rows of their own, and the congress's
/// rulebook in its header. The record column goes: a congress is its header and its tables.
/// A round records the round it follows (a re-vote among the tied, R-E-23, a further round,
/// R-E-24, or a re-election after an annulment, R-E-30), and no round is followed twice.
/// Filled from the records already stored. Shipped: never edit this SQL.
extension PostgresSchema {
    static let v4 = Version(number: 4, name: "the roll and attendance as rows, no congress JSON; the round each round follows", sql: [
        "ALTER TABLE congress_header ADD COLUMN rulebook_id text NOT NULL DEFAULT '190-QĐ/TW' CHECK (length(rulebook_id) > 0)",
        """
        UPDATE congress_header h SET rulebook_id = coalesce(c.record->>'rulebookID', '190-QĐ/TW') FROM congress c WHERE c.id = h.congress_id
        """,
        """
        CREATE TABLE congress_roll (
            congress_id bigint NOT NULL REFERENCES congress(id) ON DELETE CASCADE,
            roll text NOT NULL CHECK (roll IN ('member', 'delegate')),
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            position integer NOT NULL CHECK (position >= 0),
            full_name text NOT NULL CHECK (length(full_name) > 0),
            "full" boolean,
            condition text CHECK (condition IN ('none', 'temporaryElsewhere', 'exempted', 'suspendedOrProsecuted')),
            delegate_kind text CHECK (delegate_kind IN ('exOfficio', 'elected', 'appointed')),
            alternate_order integer CHECK (alternate_order >= 1),
            elected_by text CHECK (elected_by IS NULL OR length(elected_by) > 0),
            absent_whole boolean NOT NULL,
            reason_accepted boolean NOT NULL,
            CHECK (roll = 'delegate' OR ("full" IS NOT NULL AND condition IS NOT NULL AND delegate_kind IS NULL
                                         AND alternate_order IS NULL AND elected_by IS NULL)),
            CHECK (roll = 'member' OR (delegate_kind IS NOT NULL AND "full" IS NULL AND condition IS NULL)),
            PRIMARY KEY (congress_id, roll, member_id))
        """,
        "CREATE INDEX congress_roll_member ON congress_roll(member_id)",
        """
        CREATE TABLE congress_absence (
            congress_id bigint NOT NULL,
            roll text NOT NULL,
            member_id text NOT NULL,
            session integer NOT NULL CHECK (session >= 0),
            PRIMARY KEY (congress_id, roll, member_id, session),
            FOREIGN KEY (congress_id, roll, member_id) REFERENCES congress_roll(congress_id, roll, member_id) ON DELETE CASCADE)
        """,
        """
        INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, "full", condition, absent_whole, reason_accepted)
            SELECT c.id, 'member', m.entry->>'memberID', m.ordinality - 1, m.entry->>'fullName', coalesce((m.entry->>'full')::boolean, true),
                   coalesce(m.entry->>'condition', 'none'), coalesce((m.entry->'attendance'->>'absentWhole')::boolean, false),
                   coalesce((m.entry->'attendance'->>'reasonAccepted')::boolean, false)
            FROM congress c, jsonb_array_elements(coalesce(c.record->'members', '[]'::jsonb)) WITH ORDINALITY AS m(entry, ordinality)
        """,
        """
        INSERT INTO congress_roll (congress_id, roll, member_id, position, full_name, delegate_kind, alternate_order, elected_by,
                                   absent_whole, reason_accepted)
            SELECT c.id, 'delegate', d.entry->>'memberID', d.ordinality - 1, d.entry->>'fullName', d.entry->>'kind',
                   (d.entry->>'alternateOrder')::integer, d.entry->>'electedBy',
                   coalesce((d.entry->'attendance'->>'absentWhole')::boolean, false),
                   coalesce((d.entry->'attendance'->>'reasonAccepted')::boolean, false)
            FROM congress c, jsonb_array_elements(coalesce(c.record->'delegates', '[]'::jsonb)) WITH ORDINALITY AS d(entry, ordinality)
        """,
        """
        INSERT INTO congress_absence (congress_id, roll, member_id, session)
            SELECT c.id, r.roll, r.entry->>'memberID', s.session::integer
            FROM congress c,
                 LATERAL (SELECT 'member' AS roll, e AS entry FROM jsonb_array_elements(coalesce(c.record->'members', '[]'::jsonb)) e
                          UNION ALL
                          SELECT 'delegate', e FROM jsonb_array_elements(coalesce(c.record->'delegates', '[]'::jsonb)) e) r,
                 jsonb_array_elements_text(coalesce(r.entry->'attendance'->'absentSessions', '[]'::jsonb)) AS s(session)
        """,
        "ALTER TABLE congress DROP COLUMN record",
        "ALTER TABLE counting_round ADD COLUMN follows bigint REFERENCES counting_round(id)",
        "CREATE UNIQUE INDEX counting_round_follows ON counting_round(follows) WHERE follows IS NOT NULL",
    ])
}
