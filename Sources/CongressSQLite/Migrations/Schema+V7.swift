extension Schema {
    /// Version 7: the audit log's actions become rows of a lookup table that the log refers to,
    /// so a later version admits a new action with one INSERT instead of rebuilding the log; the
    /// actions of `congress import units`, `congress backup` and `congress migrate` are added.
    /// Frozen: never edit it; a change is a new version.
    static let v7 = """
        CREATE TABLE audit_action (name TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 40)) WITHOUT ROWID;
        INSERT INTO audit_action (name) VALUES
            ('signedIn'),
            ('signInFailed'),
            ('signInThrottled'),
            ('signedOut'),
            ('userCreated'),
            ('grantsChanged'),
            ('passwordChanged'),
            ('userEnabled'),
            ('userDisabled'),
            ('languageChanged'),
            ('membersImported'),
            ('organisationLoaded'),
            ('demoBuilt'),
            ('roundOpened'),
            ('roundEvent'),
            ('passClaimed'),
            ('ballotEntered'),
            ('differenceSettled'),
            ('passFinished'),
            ('stackAgreed'),
            ('resultCertified'),
            ('congressCreated'),
            ('congressChanged'),
            ('roundExported'),
            ('memberBound'),
            ('settlementProposed'),
            ('entriesDeleted'),
            ('grantProposed'),
            ('grantConfirmed'),
            ('grantRejected'),
            ('stackDeclared'),
            ('ballotWithdrawn'),
            ('unitsImported'),
            ('databaseBackedUp'),
            ('databaseMigrated');
        DROP TRIGGER audit_entry_no_update;
        DROP TRIGGER audit_entry_no_delete;
        CREATE TABLE audit_entry_next (
            sequence INTEGER PRIMARY KEY CHECK (sequence >= 1),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL REFERENCES audit_action(name),
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
            hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
            unit TEXT
        );
        INSERT INTO audit_entry_next SELECT sequence, at, actor, action, subject, detail, previous_hash, hash, unit FROM audit_entry;
        DROP TABLE audit_entry;
        ALTER TABLE audit_entry_next RENAME TO audit_entry;
        CREATE INDEX audit_entry_unit ON audit_entry(unit, sequence);
        CREATE INDEX audit_entry_subject ON audit_entry(subject);
        CREATE INDEX audit_entry_action ON audit_entry(action);
        CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
