extension Schema {
    /// Version 6, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// R-E-29: each stack's number of ballots as the board counted it at the split, and the
    /// board's readings of a settled stack's differences, kept until the round is certified.
    static let v6 = """
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
        INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, unit FROM audit_entry;
        DROP TABLE audit_entry;
        ALTER TABLE audit_entry_next RENAME TO audit_entry;
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
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
}
