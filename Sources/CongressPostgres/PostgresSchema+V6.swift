/// Version 6 of the PostgreSQL schema: the compositions of past terms brought in by
/// `congress import bodies` (docs/formats.md §5, issue 14): one row per person per body per
/// term. The member and the unit are checked against the register by the import (the bulk
/// member load rebuilds the person table's keys, so no foreign key may lean on them). Shipped:
/// never edit this SQL.
extension PostgresSchema {
    static let v6 = Version(number: 6, name: "the compositions of past terms", sql: [
        "INSERT INTO audit_action (name) VALUES ('bodiesImported')",
        """
        CREATE TABLE body_membership (
            member_id text NOT NULL CHECK (length(member_id) BETWEEN 1 AND 32),
            unit_code text NOT NULL CHECK (length(unit_code) BETWEEN 1 AND 40),
            term text NOT NULL CHECK (term ~ '^[0-9]{4}-[0-9]{4}$'),
            role text NOT NULL CHECK (role IN ('executiveCommittee', 'standingCommittee', 'secretary', 'deputySecretary', 'inspectionCommittee', 'inspectionChair', 'cellCommittee', 'cellSecretary', 'officialDelegate', 'alternateDelegate')),
            how text NOT NULL CHECK (how IN ('elected', 'appointed', 'added')),
            on_day date NOT NULL,
            PRIMARY KEY (term, role, member_id, unit_code))
        """,
    ])
}
