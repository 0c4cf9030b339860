extension Schema {
    /// Version 3, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// Counting rounds, stack passes and ballot entries (R-E-29). The audit table is rebuilt so
    /// its CHECK admits the counting actions. Entries are keyed (round, stack, pass, position)
    /// in a table without row IDs: nothing stored tells in which order ballots were typed.
    static let v3 = """
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
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;CREATE TABLE counting_round (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            election TEXT NOT NULL CHECK (json_valid(election)),
            required_entries INTEGER NOT NULL CHECK (required_entries BETWEEN 2 AND 3),
            state TEXT NOT NULL CHECK ((state = 'draft' OR state = 'listAdopted' OR state = 'ballotsIssued' OR state = 'counting' OR state = 'counted' OR state = 'tiePending' OR state = 'certified' OR state = 'approved' OR state = 'annulled')),
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
}
