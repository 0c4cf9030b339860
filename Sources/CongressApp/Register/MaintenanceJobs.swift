import CongressCore
import CongressSQLite
import CongressStore
import Foundation

/// `congress migrate` and `congress backup`.
public enum MaintenanceJobs {
    public static func migrate(database: String, language: Language) async -> CommandOutput {
        do {
            try DatabaseLocation.refusePostgres(database, language: language)
            guard FileManager.default.fileExists(atPath: database) else {
                return .failure([Catalogue.text("database.missing", language, database)])
            }
            let report = try DatabaseMaintenance.migrate(path: database)
            let version = { (identifiers: [String]) in identifiers.last.map { String($0.prefix { $0 != ":" }) } ?? "v0" }
            if report.superseded { return .failure([Catalogue.text("migrate.newer", language, database, version(report.before))]) }
            if report.before == report.after { return .success(Catalogue.text("migrate.current", language, database, version(report.after)) + "\n") }
            let applied = report.after.filter { !report.before.contains($0) }
            let store = try SQLiteRegisterStore(path: database)
            try await AccessSetup.accessStore(for: store).appendAudit(AuditDraft(
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

    public static func backup(database: String, to destination: String, language: Language) async -> CommandOutput {
        do {
            let store = try DatabaseLocation.existing(database, language: language)
            if FileManager.default.fileExists(atPath: destination) {
                return .failure([Catalogue.text("backup.exists", language, destination)])
            }
            let bytes = try DatabaseMaintenance.backup(store, to: destination)
            try await AccessSetup.accessStore(for: store).appendAudit(AuditDraft(
                actor: AccessSetup.commandLineActor, action: .databaseBackedUp, subject: (database as NSString).lastPathComponent,
                detail: "to \(destination), \(bytes) bytes"))
            return .success(Catalogue.text("backup.done", language, database, destination, String(format: "%.1f", Double(bytes) / 1_048_576)) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
