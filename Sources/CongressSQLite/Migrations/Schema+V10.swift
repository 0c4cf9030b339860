extension Schema {
    /// Version 10: the organising staff's personnel work (issue 13, R-P-5): cadre-planning
    /// revisions with their people as rows (R-P-7, never changed: the history stays), each
    /// dossier's recorded conditions with their evidence as typed columns (R-P-4), and each unit's
    /// personnel scheme for a term as one small document (its bodies and the events its five-step
    /// introductions accepted, R-P-3), version-checked, with the counting rounds of its secret
    /// ballots as rows so that a round finds its scheme. A counter changes with every write, for
    /// the caches of what is computed from it. Frozen: never edit it; a change is a new version.
    static let v10 = """
        INSERT INTO audit_action (name) VALUES ('personnelRead'), ('planningRevised'), ('dossierRecorded'), ('schemeChanged');
        CREATE TABLE personnel_planning (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 40),
            post TEXT NOT NULL CHECK ((post = 'committee' OR post = 'standingCommittee' OR post = 'secretary' OR post = 'deputySecretary' OR post = 'provincialDeputySecretary' OR post = 'inspectionCommittee' OR post = 'inspectionChair')),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 80),
            note TEXT NOT NULL CHECK (length(note) <= 500)
        );
        CREATE INDEX personnel_planning_unit ON personnel_planning(unit_id, term, day);
        CREATE TABLE personnel_planning_member (
            planning_id INTEGER NOT NULL REFERENCES personnel_planning(id),
            position INTEGER NOT NULL CHECK (position >= 0),
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 40),
            PRIMARY KEY (planning_id, position)
        ) WITHOUT ROWID;
        CREATE TABLE personnel_dossier (
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 40),
            post TEXT NOT NULL CHECK ((post = 'committee' OR post = 'standingCommittee' OR post = 'secretary' OR post = 'deputySecretary' OR post = 'provincialDeputySecretary' OR post = 'inspectionCommittee' OR post = 'inspectionChair')),
            level TEXT NOT NULL CHECK ((level = 'grassroots' OR level = 'aboveGrassroots' OR level = 'commune' OR level = 'underCentral')),
            entry TEXT NOT NULL CHECK ((entry = 'first' OR entry = 'reelection' OR entry = 'higher')),
            standards_document TEXT CHECK (standards_document IS NULL OR length(standards_document) BETWEEN 1 AND 120),
            standards_day TEXT CHECK (standards_day IS NULL OR standards_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            standards_by TEXT,
            assets_document TEXT CHECK (assets_document IS NULL OR length(assets_document) BETWEEN 1 AND 120),
            assets_day TEXT CHECK (assets_day IS NULL OR assets_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            assets_by TEXT,
            CHECK ((standards_document IS NULL) = (standards_day IS NULL) AND (standards_day IS NULL) = (standards_by IS NULL)),
            CHECK ((assets_document IS NULL) = (assets_day IS NULL) AND (assets_day IS NULL) = (assets_by IS NULL)),
            PRIMARY KEY (unit_id, member_id, post)
        ) WITHOUT ROWID;
        CREATE TABLE personnel_scheme (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 40),
            version INTEGER NOT NULL CHECK (version >= 1),
            record TEXT NOT NULL CHECK (json_valid(record)),
            UNIQUE (unit_id, term)
        );
        CREATE TABLE personnel_scheme_round (
            round_id INTEGER PRIMARY KEY REFERENCES counting_round(id),
            scheme_id INTEGER NOT NULL REFERENCES personnel_scheme(id)
        );
        CREATE TABLE personnel_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO personnel_version (id, version) VALUES (1, 0);
        """
}
