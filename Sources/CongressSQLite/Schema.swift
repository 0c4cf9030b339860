import CongressCore
import GRDB

/// The schema, as migrations. The schema guards the data: NOT NULL, foreign keys, unique codes
/// and member IDs, CHECKs on every enumerated column and on date order. Each version's SQL is
/// literal text frozen when it shipped (`Migrations/`): an enumeration that gains a case needs a
/// new version, which `SchemaCoverageTests` demands.
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
        migrator.registerMigration("v7: audit actions as a lookup table") { db in
            try db.execute(sql: v7)
        }
        migrator.registerMigration("v8: a congress's facts as typed columns, its composition as rows") { db in
            try db.execute(sql: v8)
        }
        migrator.registerMigration("v9: the roll and attendance as rows, no congress JSON; the round each round follows") { db in
            try db.execute(sql: v9)
        }
        migrator.registerMigration("v10: cadre planning, dossiers and personnel schemes") { db in
            try db.execute(sql: v10)
        }
        migrator.registerMigration("v11: the compositions of past terms") { db in
            try db.execute(sql: v11)
        }
        return migrator
    }
}
