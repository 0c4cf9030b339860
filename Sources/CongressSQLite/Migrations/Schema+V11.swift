extension Schema {
    /// Version 11: the compositions of past terms brought in by `congress import bodies`
    /// (docs/formats.md §5, issue 14): one row per person per body per term; the member and the
    /// unit are checked against the register by the import (no foreign key, as on PostgreSQL,
    /// whose bulk member load rebuilds the person keys). Frozen: never edit it; a change is a new version.
    static let v11 = """
        INSERT INTO audit_action (name) VALUES ('bodiesImported');
        CREATE TABLE body_membership (
            member_id TEXT NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            unit_code TEXT NOT NULL CHECK (length(unit_code) BETWEEN 1 AND 40),
            term TEXT NOT NULL CHECK (term GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
            role TEXT NOT NULL CHECK ((role = 'executiveCommittee' OR role = 'standingCommittee' OR role = 'secretary' OR role = 'deputySecretary' OR role = 'inspectionCommittee' OR role = 'inspectionChair' OR role = 'cellCommittee' OR role = 'cellSecretary' OR role = 'officialDelegate' OR role = 'alternateDelegate')),
            how TEXT NOT NULL CHECK ((how = 'elected' OR how = 'appointed' OR how = 'added')),
            on_day TEXT NOT NULL CHECK (on_day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            PRIMARY KEY (term, role, member_id, unit_code)
        ) WITHOUT ROWID;
        """
}
