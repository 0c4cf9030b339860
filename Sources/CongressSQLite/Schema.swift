import CongressCore
import GRDB

/// The schema, as migrations. The schema guards the data: NOT NULL, foreign keys, unique codes
/// and member IDs, CHECKs on every enumerated column and on date order.
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: organisation and register") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2: users, sessions and the audit log") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3: counting rounds by independent entry") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("v4: congresses, finished passes, agreed stacks, certified results") { db in
            try db.execute(sql: v4)
        }
        migrator.registerMigration("v5: accounts bound to members, proposed settlements, audit units") { db in
            try db.execute(sql: v5)
        }
        migrator.registerMigration("v6: declared stack counts, settled readings until certification") { db in
            try db.execute(sql: v6)
        }
        return migrator
    }

    /// `column = 'a' OR column = 'b' …`: the same check as `IN (…)`, which SQLite evaluates by
    /// building a temporary table on every insert (it tripled the cost of a bulk import).
    static func oneOf(_ column: String, _ values: [String]) -> String {
        "(" + values.map { "\(column) = '\($0)'" }.joined(separator: " OR ") + ")"
    }
    static func isDate(_ column: String) -> String {
        "\(column) GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
    }

    static let v1 = """
    CREATE TABLE register_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
    INSERT INTO register_version VALUES (1, 0);

    CREATE TABLE unit (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
        name TEXT NOT NULL CHECK (length(name) > 0),
        kind TEXT NOT NULL CHECK (\(oneOf("kind", UnitKind.allCases.map(\.rawValue)))),
        valid_from TEXT CHECK (valid_from IS NULL OR \(isDate("valid_from"))),
        valid_to TEXT CHECK (valid_to IS NULL OR \(isDate("valid_to"))),
        CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
    );
    CREATE TABLE unit_placement (
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        parent_id INTEGER REFERENCES unit(id),
        valid_from TEXT CHECK (valid_from IS NULL OR \(isDate("valid_from"))),
        valid_to TEXT CHECK (valid_to IS NULL OR \(isDate("valid_to"))),
        CHECK (parent_id IS NULL OR parent_id <> unit_id),
        CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
    );
    CREATE INDEX unit_placement_unit ON unit_placement(unit_id);
    CREATE INDEX unit_placement_parent ON unit_placement(parent_id);
    CREATE TABLE unit_event (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (\(oneOf("kind", UnitEvent.Kind.allCases.map(\.rawValue)))),
        day TEXT NOT NULL CHECK (\(isDate("day"))),
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        other_id INTEGER REFERENCES unit(id),
        old_name TEXT
    );
    CREATE INDEX unit_event_unit ON unit_event(unit_id);
    CREATE INDEX unit_event_other ON unit_event(other_id);

    CREATE TABLE person (
        id INTEGER PRIMARY KEY,
        member_id TEXT NOT NULL UNIQUE CHECK (length(member_id) BETWEEN 1 AND 32),
        full_name TEXT NOT NULL CHECK (length(full_name) >= 3),
        gender TEXT NOT NULL CHECK (\(oneOf("gender", Gender.allCases.map(\.rawValue)))),
        birth_date TEXT NOT NULL CHECK (\(isDate("birth_date"))),
        birth_year_only INTEGER NOT NULL CHECK (birth_year_only IN (0, 1)),
        ethnicity TEXT NOT NULL CHECK (length(ethnicity) > 0),
        hometown TEXT CHECK (hometown IS NULL OR length(hometown) = 2),
        education TEXT NOT NULL CHECK (\(oneOf("education", Education.allCases.map(\.rawValue)))),
        academic_title TEXT NOT NULL CHECK (\(oneOf("academic_title", AcademicTitle.allCases.map(\.rawValue)))),
        political_theory TEXT NOT NULL CHECK (\(oneOf("political_theory", PoliticalTheory.allCases.map(\.rawValue)))),
        joined_on TEXT NOT NULL CHECK (\(isDate("joined_on"))),
        official_on TEXT CHECK (official_on IS NULL OR \(isDate("official_on"))),
        admitted_unit_id INTEGER NOT NULL REFERENCES unit(id),
        CHECK (birth_date < joined_on),
        CHECK (official_on IS NULL OR official_on >= joined_on)
    );
    CREATE TABLE membership_span (
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        valid_from TEXT NOT NULL CHECK (\(isDate("valid_from"))),
        valid_to TEXT CHECK (valid_to IS NULL OR \(isDate("valid_to"))),
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        standing TEXT NOT NULL CHECK (\(oneOf("standing", Standing.allCases.map(\.rawValue)))),
        CHECK (valid_to IS NULL OR valid_from <= valid_to),
        PRIMARY KEY (person_id, valid_from)
    ) WITHOUT ROWID;
    CREATE INDEX membership_span_unit ON membership_span(unit_id);
    CREATE TABLE membership_event (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (\(oneOf("kind", MembershipEvent.Kind.allCases.map(\.rawValue)))),
        day TEXT NOT NULL CHECK (\(isDate("day"))),
        unit_id INTEGER REFERENCES unit(id),
        until TEXT CHECK (until IS NULL OR \(isDate("until"))),
        detail TEXT
    );
    CREATE INDEX membership_event_person ON membership_event(person_id);
    """

    /// Users, role grants, sessions and the hash-chained audit log. The log refuses UPDATE and
    /// DELETE by trigger; its chain (`congress audit verify`) catches anything done around that.
    static let v2 = """
    CREATE TABLE app_user (
        id INTEGER PRIMARY KEY,
        login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 32 AND login = lower(login)),
        display_name TEXT NOT NULL CHECK (length(display_name) > 0),
        password_hash TEXT NOT NULL CHECK (length(password_hash) > 20),
        language TEXT NOT NULL CHECK (\(oneOf("language", Language.allCases.map(\.rawValue)))),
        active INTEGER NOT NULL CHECK (active = 0 OR active = 1)
    );
    CREATE TABLE role_grant (
        user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (\(oneOf("role", Role.allCases.map(\.rawValue)))),
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (user_id, role, unit_id)
    );
    CREATE TABLE app_session (
        token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
        user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        form_token TEXT NOT NULL CHECK (length(form_token) >= 32),
        expires INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX app_session_user ON app_session(user_id);
    CREATE TABLE audit_entry (
        sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL CHECK (\(oneOf("action", AuditAction.allCases.map(\.rawValue)))),
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    );
    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """

    /// Counting rounds, stack passes and ballot entries (R-E-29). The audit table is rebuilt so
    /// its CHECK admits the counting actions. Entries are keyed (round, stack, pass, position)
    /// in a table without row IDs: nothing stored tells in which order ballots were typed.
    static let v3 = auditRebuild + """
    CREATE TABLE counting_round (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        election TEXT NOT NULL CHECK (json_valid(election)),
        required_entries INTEGER NOT NULL CHECK (required_entries BETWEEN 2 AND 3),
        state TEXT NOT NULL CHECK (\(oneOf("state", RoundLifecycle.State.allCases.map(\.rawValue)))),
        candidates INTEGER NOT NULL CHECK (candidates >= 0),
        issued INTEGER NOT NULL CHECK (issued >= 0),
        returned INTEGER NOT NULL CHECK (returned >= 0 AND returned <= issued)
    );
    CREATE TABLE stack_pass (
        round_id INTEGER NOT NULL REFERENCES counting_round(id),
        stack INTEGER NOT NULL CHECK (stack >= 1),
        pass INTEGER NOT NULL CHECK (pass BETWEEN 1 AND 3),
        clerk TEXT NOT NULL CHECK (length(clerk) > 0),
        PRIMARY KEY (round_id, stack, pass),
        UNIQUE (round_id, stack, clerk)
    ) WITHOUT ROWID;
    CREATE TABLE ballot_entry (
        round_id INTEGER NOT NULL,
        stack INTEGER NOT NULL,
        pass INTEGER NOT NULL,
        position INTEGER NOT NULL CHECK (position >= 0),
        ballot TEXT NOT NULL,
        PRIMARY KEY (round_id, stack, pass, position),
        FOREIGN KEY (round_id, stack, pass) REFERENCES stack_pass(round_id, stack, pass)
    ) WITHOUT ROWID;
    """

    /// The audit table, rebuilt with a CHECK that admits every action of this build.
    static let auditRebuild = """
    DROP TRIGGER audit_entry_no_update;
    DROP TRIGGER audit_entry_no_delete;
    CREATE TABLE audit_entry_next (
        sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL CHECK (\(oneOf("action", AuditAction.allCases.map(\.rawValue)))),
        subject TEXT NOT NULL,
        detail TEXT NOT NULL,
        previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
    );
    INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash FROM audit_entry;
    DROP TABLE audit_entry;
    ALTER TABLE audit_entry_next RENAME TO audit_entry;
    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """

    /// Congresses (one JSON record each, guarded by a version), rounds tied to their congress
    /// with the certified result, passes that a clerk finished, and the agreed ballots of each
    /// stack, stored sorted so that they reveal neither paper nor entry order (R-E-29).
    /// Accounts bound to the member they belong to (R-E-4: the counting board is people), a
    /// settlement proposed by one board member until a second confirms it (R-E-29), the round's
    /// audit head at certification, and the unit each audit entry concerns (the log page of an
    /// administrator shows their subtree only). The audit table is rebuilt for the new actions.
    static let v5 = auditRebuild(unit: "NULL") + """
    ALTER TABLE app_user ADD COLUMN member_id TEXT CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32);
    CREATE UNIQUE INDEX app_user_member ON app_user(member_id) WHERE member_id IS NOT NULL;
    CREATE TABLE pending_grant (
        user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (\(oneOf("role", Role.allCases.map(\.rawValue)))),
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        proposer_id INTEGER NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (user_id, role, unit_id)
    );
    CREATE TABLE stack_settlement (
        round_id INTEGER NOT NULL REFERENCES counting_round(id),
        stack INTEGER NOT NULL CHECK (stack >= 1),
        proposer TEXT NOT NULL CHECK (length(proposer) > 0),
        settlement TEXT NOT NULL CHECK (json_valid(settlement)),
        PRIMARY KEY (round_id, stack)
    ) WITHOUT ROWID;
    ALTER TABLE counting_round ADD COLUMN audit_head TEXT;
    ALTER TABLE stack_pass ADD COLUMN entered INTEGER CHECK (entered IS NULL OR entered >= 0);
    CREATE INDEX audit_entry_unit ON audit_entry(unit, sequence);
    CREATE INDEX audit_entry_subject ON audit_entry(subject);
    """

    static let v4 = auditRebuild + """
    CREATE TABLE congress (
        id INTEGER PRIMARY KEY,
        unit_id INTEGER NOT NULL REFERENCES unit(id),
        record TEXT NOT NULL CHECK (json_valid(record)),
        version INTEGER NOT NULL CHECK (version >= 1)
    );
    CREATE INDEX congress_unit ON congress(unit_id);
    ALTER TABLE counting_round ADD COLUMN congress_id INTEGER REFERENCES congress(id);
    ALTER TABLE counting_round ADD COLUMN result TEXT CHECK (result IS NULL OR json_valid(result));
    CREATE INDEX counting_round_congress ON counting_round(congress_id);
    ALTER TABLE stack_pass ADD COLUMN finished INTEGER NOT NULL DEFAULT 0 CHECK (finished IN (0, 1));
    CREATE TABLE stack_result (
        round_id INTEGER NOT NULL REFERENCES counting_round(id),
        stack INTEGER NOT NULL CHECK (stack >= 1),
        ballots TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (round_id, stack)
    ) WITHOUT ROWID;
    """

    /// R-E-29: each stack's number of ballots as the board counted it at the split, and the
    /// board's readings of a settled stack's differences, kept for the entry log until the round
    /// is certified. The audit table is rebuilt for the two new actions.
    static let v6 = auditRebuild(unit: "unit") + """
    CREATE INDEX audit_entry_unit ON audit_entry(unit, sequence);
    CREATE INDEX audit_entry_subject ON audit_entry(subject);
    CREATE TABLE stack_split (
        round_id INTEGER NOT NULL REFERENCES counting_round(id),
        stack INTEGER NOT NULL CHECK (stack >= 1),
        ballots INTEGER NOT NULL CHECK (ballots >= 1),
        PRIMARY KEY (round_id, stack)
    ) WITHOUT ROWID;
    CREATE TABLE stack_settled (
        round_id INTEGER NOT NULL REFERENCES counting_round(id),
        stack INTEGER NOT NULL CHECK (stack >= 1),
        settlement TEXT NOT NULL CHECK (json_valid(settlement)),
        PRIMARY KEY (round_id, stack)
    ) WITHOUT ROWID;
    """

    /// The audit table (with its unit column) rebuilt with a CHECK that admits every action of
    /// this build; `unit` is what the copied rows' unit column takes (NULL before v5 had one).
    static func auditRebuild(unit: String) -> String {
        """
        DROP TRIGGER audit_entry_no_update;
        DROP TRIGGER audit_entry_no_delete;
        CREATE TABLE audit_entry_next (
            sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK (\(oneOf("action", AuditAction.allCases.map(\.rawValue)))),
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            unit TEXT
        );
        INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, \(unit) FROM audit_entry;
        DROP TABLE audit_entry;
        ALTER TABLE audit_entry_next RENAME TO audit_entry;
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

        """
    }
}
