import ArgumentParser
import CongressApp
import CongressCore
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Make a new database holding the real organisation tree (34 provinces, 3,321 communes, their 2025 history) and nothing else.",
        discussion: "Then add grassroots organisations and cells with `congress import units` (docs/formats.md §8) and members with `congress import members` (§4)."
    )
    @Option(help: "The database to make: an SQLite file, or postgres://user:password@host:port/database (made on its server when missing).") var database: String
    @OptionGroup var language: LanguageOption

    func run() async throws { try emit(await UnitsJobs.initialise(database: database, language: language.lang)) }
}

struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List the party organisations in force on a day (docs/formats.md §8): code, name, kind, parent_code, valid_from, valid_to."
    )
    @Option(help: "The day (YYYY-MM-DD, default today).") var asOf: String?
    @Option(help: "Only this unit and those under it.") var under: String?
    @Option(help: "Only units of this kind: central, underCentral, aboveGrassroots, communeCommittee, grassrootsCommittee, grassrootsCell, cell.")
    var kind: String?
    @Option(help: "csv (default) or json.") var format = "csv"
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
    }

    func run() async throws {
        let day = asOf.flatMap { Day(iso: $0) } ?? Today.day()
        try emit(await UnitsJobs.list(database: database, on: day, under: under, kind: kind, format: format, language: language.lang))
    }
}

struct ImportUnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Import a units file (docs/formats.md §8): grassroots organisations and cells with their dated changes; all or nothing.",
        discussion: "Exit status 2 when any row is bad; nothing is written then. Re-importing the same file changes nothing."
    )
    @Argument(help: "The units file (CSV).") var file: String
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws { try emit(await UnitsJobs.importFile(file, database: database, language: language.lang)) }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Upgrade a database to this version's schema, saying from which version to which (every other command also upgrades on opening)."
    )
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws { try emit(await MaintenanceJobs.migrate(database: database, language: language.lang)) }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a live database consistently to DEST (the server may keep running), then check the copy whole.",
        discussion: "DEST must not exist. Restore by stopping the server and putting the copy in the database's place."
    )
    @Argument(help: "The file to write.") var destination: String
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws { try emit(await MaintenanceJobs.backup(database: database, to: destination, language: language.lang)) }
}
