extension Schema {
    /// Version 5, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// Accounts bound to the member they belong to (R-E-4: the counting board is people), a
    /// settlement proposed by one board member until a second confirms it (R-E-29), the round's
    /// audit head at certification, and the unit each audit entry concerns.
    static let v5 = """
        DROP TRIGGER audit_entry_no_update;
        DROP TRIGGER audit_entry_no_delete;
        CREATE TABLE audit_entry_next (
            sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL CHECK ((action = 'signedIn' OR action = 'signInFailed' OR action = 'signInThrottled' OR action = 'signedOut' OR action = 'userCreated' OR action = 'grantsChanged' OR action = 'passwordChanged' OR action = 'userEnabled' OR action = 'userDisabled' OR action = 'languageChanged' OR action = 'membersImported' OR action = 'organisationLoaded' OR action = 'demoBuilt' OR action = 'roundOpened' OR action = 'roundEvent' OR action = 'passClaimed' OR action = 'ballotEntered' OR action = 'differenceSettled' OR action = 'passFinished' OR action = 'stackAgreed' OR action = 'resultCertified' OR action = 'congressCreated' OR action = 'congressChanged' OR action = 'roundExported' OR action = 'memberBound' OR action = 'settlementProposed' OR action = 'entriesDeleted' OR action = 'grantProposed' OR action = 'grantConfirmed' OR action = 'grantRejected' OR action = 'stackDeclared' OR action = 'ballotWithdrawn')),
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            unit TEXT
        );
        INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, NULL FROM audit_entry;
        DROP TABLE audit_entry;
        ALTER TABLE audit_entry_next RENAME TO audit_entry;
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        ALTER TABLE app_user ADD COLUMN member_id TEXT CHECK (member_id IS NULL OR length(member_id) BETWEEN 1 AND 32);
        CREATE UNIQUE INDEX app_user_member ON app_user(member_id) WHERE member_id IS NOT NULL;
        CREATE TABLE pending_grant (
            user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK ((role = 'administrator' OR role = 'organisingStaff' OR role = 'secretariat' OR role = 'countingBoard' OR role = 'reviewer')),
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
}
