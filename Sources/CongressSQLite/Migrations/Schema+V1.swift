extension Schema {
    /// Version 1, frozen as it first shipped: a database made by that build was made by exactly
    /// this text. Never edit it; a change is a new version.
    ///
    /// The organisation (units, dated placements and events, R-O-4) and the register of persons
    /// with their membership events and spans (R-O-3).
    static let v1 = """
        CREATE TABLE register_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO register_version VALUES (1, 0);

        CREATE TABLE unit (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
            name TEXT NOT NULL CHECK (length(name) > 0),
            kind TEXT NOT NULL CHECK ((kind = 'central' OR kind = 'underCentral' OR kind = 'communeCommittee' OR kind = 'aboveGrassroots' OR kind = 'grassrootsCommittee' OR kind = 'grassrootsCell' OR kind = 'cell')),
            valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
        );
        CREATE TABLE unit_placement (
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            parent_id INTEGER REFERENCES unit(id),
            valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            CHECK (parent_id IS NULL OR parent_id <> unit_id),
            CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
        );
        CREATE INDEX unit_placement_unit ON unit_placement(unit_id);
        CREATE INDEX unit_placement_parent ON unit_placement(parent_id);
        CREATE TABLE unit_event (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK ((kind = 'mergedInto' OR kind = 'partInto' OR kind = 'renamed' OR kind = 'created' OR kind = 'dissolved')),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
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
            gender TEXT NOT NULL CHECK ((gender = 'nam' OR gender = 'nữ')),
            birth_date TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            birth_year_only INTEGER NOT NULL CHECK (birth_year_only IN (0, 1)),
            ethnicity TEXT NOT NULL CHECK (length(ethnicity) > 0),
            hometown TEXT CHECK (hometown IS NULL OR length(hometown) = 2),
            education TEXT NOT NULL CHECK ((education = '' OR education = 'trung học cơ sở' OR education = 'trung học phổ thông' OR education = 'trung cấp' OR education = 'cao đẳng' OR education = 'cử nhân' OR education = 'kỹ sư' OR education = 'thạc sĩ' OR education = 'tiến sĩ' OR education = 'tiến sĩ khoa học')),
            academic_title TEXT NOT NULL CHECK ((academic_title = '' OR academic_title = 'pgs' OR academic_title = 'gs')),
            political_theory TEXT NOT NULL CHECK ((political_theory = '' OR political_theory = 'sơ cấp' OR political_theory = 'trung cấp' OR political_theory = 'cao cấp' OR political_theory = 'cử nhân')),
            joined_on TEXT NOT NULL CHECK (joined_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            official_on TEXT CHECK (official_on IS NULL OR official_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            admitted_unit_id INTEGER NOT NULL REFERENCES unit(id),
            CHECK (birth_date < joined_on),
            CHECK (official_on IS NULL OR official_on >= joined_on)
        );
        CREATE TABLE membership_span (
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            valid_to TEXT CHECK (valid_to IS NULL OR valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            unit_id INTEGER NOT NULL REFERENCES unit(id),
            standing TEXT NOT NULL CHECK ((standing = 'active' OR standing = 'temporaryElsewhere' OR standing = 'exempted' OR standing = 'suspended')),
            CHECK (valid_to IS NULL OR valid_from <= valid_to),
            PRIMARY KEY (person_id, valid_from)
        ) WITHOUT ROWID;
        CREATE INDEX membership_span_unit ON membership_span(unit_id);
        CREATE TABLE membership_event (
            id INTEGER PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK ((kind = 'admitted' OR kind = 'madeOfficial' OR kind = 'transferred' OR kind = 'temporaryElsewhere' OR kind = 'exempted' OR kind = 'suspended' OR kind = 'resumed' OR kind = 'disciplined' OR kind = 'left')),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            unit_id INTEGER REFERENCES unit(id),
            until TEXT CHECK (until IS NULL OR until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            detail TEXT
        );
        CREATE INDEX membership_event_person ON membership_event(person_id);
        """
}
