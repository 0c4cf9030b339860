extension Schema {
    /// Version 4, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// Congresses (one JSON record each, guarded by a version), rounds tied to their congress
    /// with the certified result, passes that a clerk finished, and the agreed ballots of each
    /// stack, stored sorted so that they reveal neither paper nor entry order (R-E-29).
    static let v4 = """
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
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
        );
        INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash FROM audit_entry;
        DROP TABLE audit_entry;
        ALTER TABLE audit_entry_next RENAME TO audit_entry;
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;CREATE TABLE congress (
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
}
