extension Schema {
    /// Version 2, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// Users, role grants, sessions and the hash-chained audit log. The log refuses UPDATE and
    /// DELETE by trigger; its chain (`congress audit verify`) catches anything done around that.
    static let v2 = """
        CREATE TABLE app_user (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 3 AND 32 AND login = lower(login)),
            display_name TEXT NOT NULL CHECK (length(display_name) > 0),
            password_hash TEXT NOT NULL CHECK (length(password_hash) > 20),
            language TEXT NOT NULL CHECK ((language = 'vi' OR language = 'en')),
            active INTEGER NOT NULL CHECK (active = 0 OR active = 1)
        );
        CREATE TABLE role_grant (
            user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK ((role = 'administrator' OR role = 'organisingStaff' OR role = 'secretariat' OR role = 'countingBoard' OR role = 'reviewer')),
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
            action TEXT NOT NULL CHECK ((action = 'signedIn' OR action = 'signInFailed' OR action = 'signInThrottled' OR action = 'signedOut' OR action = 'userCreated' OR action = 'grantsChanged' OR action = 'passwordChanged' OR action = 'userEnabled' OR action = 'userDisabled' OR action = 'languageChanged' OR action = 'membersImported' OR action = 'organisationLoaded' OR action = 'demoBuilt' OR action = 'roundOpened' OR action = 'roundEvent' OR action = 'passClaimed' OR action = 'ballotEntered' OR action = 'differenceSettled' OR action = 'passFinished' OR action = 'stackAgreed' OR action = 'resultCertified' OR action = 'congressCreated' OR action = 'congressChanged' OR action = 'roundExported' OR action = 'memberBound' OR action = 'settlementProposed' OR action = 'entriesDeleted' OR action = 'grantProposed' OR action = 'grantConfirmed' OR action = 'grantRejected' OR action = 'stackDeclared' OR action = 'ballotWithdrawn')),
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
}
