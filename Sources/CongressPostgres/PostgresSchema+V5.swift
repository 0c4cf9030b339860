/// Version 5 of the PostgreSQL schema: the organising staff's personnel work (issue 13, R-P-5):
/// cadre-planning revisions with their people as rows (R-P-7, never changed: the history
/// stays), each dossier's recorded conditions with their evidence as typed columns (R-P-4), and
/// each unit's personnel scheme for a term as one small document (its bodies and the events its
/// five-step introductions accepted, R-P-3), version-checked, with the counting rounds of its
/// secret ballots as rows so that a round finds its scheme. A counter changes with every write,
/// for the caches of every server. Shipped: never edit this SQL.
extension PostgresSchema {
    static let v5 = Version(number: 5, name: "cadre planning, dossiers and personnel schemes", sql: [
        "INSERT INTO audit_action (name) VALUES ('personnelRead'), ('planningRevised'), ('dossierRecorded'), ('schemeChanged')",
        """
        CREATE TABLE personnel_planning (
            id bigserial PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES unit(id),
            term text NOT NULL CHECK (length(term) BETWEEN 1 AND 40),
            post text NOT NULL CHECK (post IN ('committee', 'standingCommittee', 'secretary', 'deputySecretary', 'provincialDeputySecretary', 'inspectionCommittee', 'inspectionChair')),
            day date NOT NULL,
            recorded_by text NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 80),
            note text NOT NULL CHECK (length(note) <= 500))
        """,
        "CREATE INDEX personnel_planning_unit ON personnel_planning(unit_id, term, day)",
        """
        CREATE TABLE personnel_planning_member (
            planning_id bigint NOT NULL REFERENCES personnel_planning(id),
            position integer NOT NULL CHECK (position >= 0),
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 40),
            PRIMARY KEY (planning_id, position))
        """,
        """
        CREATE TABLE personnel_dossier (
            unit_id bigint NOT NULL REFERENCES unit(id),
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 40),
            post text NOT NULL CHECK (post IN ('committee', 'standingCommittee', 'secretary', 'deputySecretary', 'provincialDeputySecretary', 'inspectionCommittee', 'inspectionChair')),
            level text NOT NULL CHECK (level IN ('grassroots', 'aboveGrassroots', 'commune', 'underCentral')),
            entry text NOT NULL CHECK (entry IN ('first', 'reelection', 'higher')),
            standards_document text CHECK (standards_document IS NULL OR length(standards_document) BETWEEN 1 AND 120),
            standards_day date,
            standards_by text,
            assets_document text CHECK (assets_document IS NULL OR length(assets_document) BETWEEN 1 AND 120),
            assets_day date,
            assets_by text,
            CHECK ((standards_document IS NULL) = (standards_day IS NULL) AND (standards_day IS NULL) = (standards_by IS NULL)),
            CHECK ((assets_document IS NULL) = (assets_day IS NULL) AND (assets_day IS NULL) = (assets_by IS NULL)),
            PRIMARY KEY (unit_id, member_id, post))
        """,
        """
        CREATE TABLE personnel_scheme (
            id bigserial PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES unit(id),
            term text NOT NULL CHECK (length(term) BETWEEN 1 AND 40),
            version integer NOT NULL CHECK (version >= 1),
            record jsonb NOT NULL,
            UNIQUE (unit_id, term))
        """,
        """
        CREATE TABLE personnel_scheme_round (
            round_id bigint PRIMARY KEY REFERENCES counting_round(id),
            scheme_id bigint NOT NULL REFERENCES personnel_scheme(id))
        """,
        "CREATE SEQUENCE personnel_version",
    ])
}
