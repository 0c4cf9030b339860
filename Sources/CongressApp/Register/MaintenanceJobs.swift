import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation

/// `congress migrate` and `congress backup`.
public enum MaintenanceJobs {
    public static func migrate(database: String, language: Language) async -> CommandOutput {
        do {
            if PostgresLocation.isURL(database) { return try await migratePostgres(database, language: language) }
            guard FileManager.default.fileExists(atPath: database) else {
                return .failure([Catalogue.text("database.missing", language, database)])
            }
            let report = try DatabaseMaintenance.migrate(path: database)
            let version = { (identifiers: [String]) in identifiers.last.map { String($0.prefix { $0 != ":" }) } ?? "v0" }
            if report.superseded { return .failure([Catalogue.text("migrate.newer", language, database, version(report.before))]) }
            if report.before == report.after { return .success(Catalogue.text("migrate.current", language, database, version(report.after)) + "\n") }
            let applied = report.after.filter { !report.before.contains($0) }
            let store = try SQLiteRegisterStore(path: database)
            try await OpenedDatabase(sqlite: store).access.appendAudit(AuditDraft(
                actor: AccessSetup.commandLineActor, action: .databaseMigrated, subject: (database as NSString).lastPathComponent,
                detail: "from \(version(report.before)) to \(version(report.after))"))
            return .success(Catalogue.text("migrate.done", language, database, version(report.before), version(report.after),
                                           applied.joined(separator: "; ")) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    /// PostgreSQL: the schema versions (`v1`, …) before and after, the change audited.
    static func migratePostgres(_ database: String, language: Language) async throws -> CommandOutput {
        guard PostgresLocation(database) != nil else { throw JobFailure([Catalogue.text("database.badURL", language, database)]) }
        let connection = try await PostgresDatabase(url: database, migrate: false)
        defer { connection.close() }
        let report = try await connection.migrate()
        let version = { (numbers: [Int]) in numbers.last.map { "v\($0)" } ?? "v0" }
        let shown = connection.location.description
        if report.before == report.after { return .success(Catalogue.text("migrate.current", language, shown, version(report.after)) + "\n") }
        try await OpenedDatabase(postgres: connection).access.appendAudit(AuditDraft(
            actor: AccessSetup.commandLineActor, action: .databaseMigrated, subject: shown,
            detail: "from \(version(report.before)) to \(version(report.after))"))
        let applied = report.after.filter { !report.before.contains($0) }.map { "v\($0)" }
        return .success(Catalogue.text("migrate.done", language, shown, version(report.before), version(report.after),
                                       applied.joined(separator: "; ")) + "\n")
    }

    public static func backup(database: String, to destination: String, language: Language) async -> CommandOutput {
        do {
            let opened = try await DatabaseLocation.existing(database, language: language)
            guard let store = opened.sqlite else {
                return .failure([Catalogue.text("database.sqliteOnly", language, opened.name, "congress backup")])
            }
            if FileManager.default.fileExists(atPath: destination) {
                return .failure([Catalogue.text("backup.exists", language, destination)])
            }
            let bytes = try DatabaseMaintenance.backup(store, to: destination)
            try await opened.access.appendAudit(AuditDraft(
                actor: AccessSetup.commandLineActor, action: .databaseBackedUp, subject: opened.name,
                detail: "to \(destination), \(bytes) bytes"))
            return .success(Catalogue.text("backup.done", language, database, destination, String(format: "%.1f", Double(bytes) / 1_048_576)) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
