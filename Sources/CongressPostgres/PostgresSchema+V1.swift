/// Version 1 of the PostgreSQL schema: the register, access, the audit log, counting and
/// congresses. Shipped: never edit this SQL; add a version instead.
extension PostgresSchema {
    static let v1 = Version(number: 1, name: "register, access, audit, counting, congresses", sql: [
        "CREATE TABLE register_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)",
        "INSERT INTO register_version (id, version) VALUES (1, 0)",
        """
        CREATE TABLE unit (
            id bigserial PRIMARY KEY,
            code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
            name text NOT NULL CHECK (length(name) > 0),
            kind text NOT NULL CHECK (kind IN ('central', 'underCentral', 'communeCommittee', 'aboveGrassroots',
                                                'grassrootsCommittee', 'grassrootsCell', 'cell')),
            valid_from date,
            valid_to date,
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to))
        """,
        """
        CREATE TABLE unit_placement (
            id bigserial PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES unit(id),
            parent_id bigint REFERENCES unit(id),
            valid_from date,
            valid_to date,
            CHECK (parent_id IS NULL OR parent_id <> unit_id),
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to))
        """,
        "CREATE INDEX unit_placement_unit ON unit_placement(unit_id)",
        "CREATE INDEX unit_placement_parent ON unit_placement(parent_id)",
        """
        CREATE TABLE unit_event (
            id bigserial PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('mergedInto', 'partInto', 'renamed', 'created', 'dissolved')),
            day date NOT NULL,
            unit_id bigint NOT NULL REFERENCES unit(id),
            other_id bigint REFERENCES unit(id),
            old_name text)
        """,
        "CREATE INDEX unit_event_unit ON unit_event(unit_id)",
        "CREATE INDEX unit_event_other ON unit_event(other_id)",
        """
        CREATE TABLE person (
            id bigserial PRIMARY KEY,
            member_id text NOT NULL UNIQUE CHECK (length(member_id) BETWEEN 1 AND 32),
            full_name text COLLATE "vi-VN-x-icu" NOT NULL CHECK (length(full_name) >= 3),
            gender text NOT NULL CHECK (gender IN ('nam', 'nữ')),
            birth_date date NOT NULL,
            birth_year_only boolean NOT NULL,
            ethnicity text NOT NULL CHECK (length(ethnicity) > 0),
            hometown text CHECK (hometown IS NULL OR length(hometown) = 2),
            education text NOT NULL CHECK (education IN ('', 'trung học cơ sở', 'trung học phổ thông', 'trung cấp', 'cao đẳng',
                                                          'cử nhân', 'kỹ sư', 'thạc sĩ', 'tiến sĩ', 'tiến sĩ khoa học')),
            academic_title text NOT NULL CHECK (academic_title IN ('', 'pgs', 'gs')),
            political_theory text NOT NULL CHECK (political_theory IN ('', 'sơ cấp', 'trung cấp', 'cao cấp', 'cử nhân')),
            joined_on date NOT NULL,
            official_on date,
            admitted_unit_id bigint NOT NULL REFERENCES unit(id),
            CHECK (birth_date < joined_on),
            CHECK (official_on IS NULL OR official_on >= joined_on))
        """,
        """
        CREATE TABLE membership_span (
            person_id bigint NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            valid_from date NOT NULL,
            valid_to date,
            unit_id bigint NOT NULL REFERENCES unit(id),
            standing text NOT NULL CHECK (standing IN ('active', 'temporaryElsewhere', 'exempted', 'suspended')),
            CHECK (valid_to IS NULL OR valid_from <= valid_to),
            PRIMARY KEY (person_id, valid_from))
        """,
        "CREATE INDEX membership_span_unit ON membership_span(unit_id)",
        """
        CREATE TABLE membership_event (
            id bigserial PRIMARY KEY,
            person_id bigint NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind text NOT NULL CHECK (kind IN ('admitted', 'madeOfficial', 'transferred', 'temporaryElsewhere', 'exempted',
                                               'suspended', 'resumed', 'disciplined', 'left')),
            day date NOT NULL,
            unit_id bigint REFERENCES unit(id),
            until date,
            detail text)
        """,
        "CREATE INDEX membership_event_person ON membership_event(person_id)",
        """
        CREATE TABLE app_user (
            id bigserial PRIMARY KEY,
            login text NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 32 AND login = lower(login)),
            display_name text NOT NULL CHECK (length(display_name) > 0),
            password_hash text NOT NULL CHECK (length(password_hash) > 20),
            language text NOT NULL CHECK (language IN ('vi', 'en')),
            active boolean NOT NULL,
            member_id text CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32))
        """,
        "CREATE UNIQUE INDEX app_user_member ON app_user(member_id) WHERE member_id IS NOT NULL",
        """
        CREATE TABLE role_grant (
            user_id bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('administrator', 'organisingStaff', 'secretariat', 'countingBoard', 'reviewer')),
            unit_id bigint NOT NULL REFERENCES unit(id),
            position integer NOT NULL,
            PRIMARY KEY (user_id, role, unit_id))
        """,
        """
        CREATE TABLE pending_grant (
            id bigserial UNIQUE,
            user_id bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            role text NOT NULL CHECK (role IN ('administrator', 'organisingStaff', 'secretariat', 'countingBoard', 'reviewer')),
            unit_id bigint NOT NULL REFERENCES unit(id),
            proposer_id bigint NOT NULL REFERENCES app_user(id),
            PRIMARY KEY (user_id, role, unit_id))
        """,
        """
        CREATE TABLE app_session (
            token_hash text PRIMARY KEY CHECK (length(token_hash) = 64),
            user_id bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            form_token text NOT NULL CHECK (length(form_token) >= 32),
            expires bigint NOT NULL)
        """,
        "CREATE INDEX app_session_user ON app_session(user_id)",
        """
        CREATE TABLE audit_action (name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40))
        """,
        """
        INSERT INTO audit_action (name) VALUES ('ballotEntered'), ('ballotWithdrawn'), ('congressChanged'), ('congressCreated'),
            ('databaseBackedUp'), ('databaseMigrated'), ('demoBuilt'), ('differenceSettled'), ('entriesDeleted'), ('grantConfirmed'),
            ('grantProposed'), ('grantRejected'), ('grantsChanged'), ('languageChanged'), ('memberBound'), ('membersImported'),
            ('organisationLoaded'), ('passClaimed'), ('passFinished'), ('passwordChanged'), ('resultCertified'), ('roundEvent'),
            ('roundExported'), ('roundOpened'), ('settlementProposed'), ('signInFailed'), ('signInThrottled'), ('signedIn'),
            ('signedOut'), ('stackAgreed'), ('stackDeclared'), ('unitsImported'), ('userCreated'), ('userDisabled'), ('userEnabled')
        """,
        """
        CREATE TABLE audit_entry (
            sequence bigint PRIMARY KEY CHECK (sequence >= 1),
            at text NOT NULL,
            actor text NOT NULL,
            action text NOT NULL REFERENCES audit_action(name),
            subject text NOT NULL,
            detail text NOT NULL,
            previous_hash text NOT NULL CHECK (length(previous_hash) = 64),
            hash text NOT NULL UNIQUE CHECK (length(hash) = 64),
            unit text)
        """,
        "CREATE INDEX audit_entry_unit ON audit_entry(unit, sequence)",
        "CREATE INDEX audit_entry_subject ON audit_entry(subject)",
        "CREATE INDEX audit_entry_action ON audit_entry(action)",
        """
        CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$
        """,
        """
        CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry
            FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()
        """,
        """
        CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
            FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()
        """,
        """
        CREATE TABLE congress (
            id bigserial PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES unit(id),
            record jsonb NOT NULL,
            version integer NOT NULL CHECK (version >= 1))
        """,
        "CREATE INDEX congress_unit ON congress(unit_id)",
        """
        CREATE TABLE counting_round (
            id bigserial PRIMARY KEY,
            unit_id bigint NOT NULL REFERENCES unit(id),
            congress_id bigint REFERENCES congress(id),
            election text NOT NULL CHECK ((election::jsonb) IS NOT NULL),
            required_entries integer NOT NULL CHECK (required_entries BETWEEN 2 AND 3),
            state text NOT NULL CHECK (state IN ('draft', 'listAdopted', 'ballotsIssued', 'counting', 'counted', 'tiePending',
                                                 'certified', 'approved', 'annulled')),
            candidates integer NOT NULL CHECK (candidates >= 0),
            issued integer NOT NULL CHECK (issued >= 0),
            returned integer NOT NULL CHECK (returned >= 0 AND returned <= issued),
            result text CHECK (result IS NULL OR (result::jsonb) IS NOT NULL),
            audit_head text)
        """,
        "CREATE INDEX counting_round_congress ON counting_round(congress_id)",
        """
        CREATE TABLE stack_pass (
            round_id bigint NOT NULL REFERENCES counting_round(id),
            stack integer NOT NULL CHECK (stack >= 1),
            pass integer NOT NULL CHECK (pass BETWEEN 1 AND 3),
            clerk text NOT NULL CHECK (length(clerk) > 0),
            finished boolean NOT NULL DEFAULT false,
            entered integer CHECK (entered IS NULL OR entered >= 0),
            PRIMARY KEY (round_id, stack, pass),
            UNIQUE (round_id, stack, clerk))
        """,
        """
        CREATE TABLE ballot_entry (
            round_id bigint NOT NULL,
            stack integer NOT NULL,
            pass integer NOT NULL,
            position integer NOT NULL CHECK (position >= 0),
            ballot text NOT NULL,
            PRIMARY KEY (round_id, stack, pass, position),
            FOREIGN KEY (round_id, stack, pass) REFERENCES stack_pass(round_id, stack, pass))
        """,
        """
        CREATE TABLE stack_split (
            round_id bigint NOT NULL REFERENCES counting_round(id),
            stack integer NOT NULL CHECK (stack >= 1),
            ballots integer NOT NULL CHECK (ballots >= 1),
            PRIMARY KEY (round_id, stack))
        """,
        """
        CREATE TABLE stack_result (
            round_id bigint NOT NULL REFERENCES counting_round(id),
            stack integer NOT NULL CHECK (stack >= 1),
            ballots text NOT NULL,
            count integer NOT NULL CHECK (count >= 0),
            PRIMARY KEY (round_id, stack))
        """,
        """
        CREATE TABLE stack_settlement (
            round_id bigint NOT NULL REFERENCES counting_round(id),
            stack integer NOT NULL CHECK (stack >= 1),
            proposer text NOT NULL CHECK (length(proposer) > 0),
            settlement jsonb NOT NULL,
            PRIMARY KEY (round_id, stack))
        """,
        """
        CREATE TABLE stack_settled (
            round_id bigint NOT NULL REFERENCES counting_round(id),
            stack integer NOT NULL CHECK (stack >= 1),
            settlement jsonb NOT NULL,
            PRIMARY KEY (round_id, stack))
        """,
    ])
}
