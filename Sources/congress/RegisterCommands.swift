import ArgumentParser
import CongressApp
import CongressCore
import Foundation

extension DemoJob.Scale: ExpressibleByArgument {}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demo register if it is missing (the real organisation tree with generated members), then serve it.",
        discussion: "province (default): Quảng Trị as merged in 2025, about 130,000 members. national: about 5.6 million."
    )

    @Option(help: "province or national.") var scale: DemoJob.Scale = .province
    @Option(help: "The database: an SQLite file (default congress-demo.sqlite, or congress-demo-national.sqlite), or postgres://user:password@host:port/database.") var database: String?
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 2025
    @Flag(help: "Build again even if the file exists.") var rebuild = false
    @Option(help: "Also write the generated members to this members file (docs/formats.md §4).") var membersCsv: String?
    @Flag(help: "Only build the database; do not start the web server.") var buildOnly = false
    @OptionGroup var server: ServerOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        let options = DemoJob.Options(scale: scale, database: database, seed: seed, rebuild: rebuild, membersCSV: membersCsv, language: language.lang)
        let built = await DemoJob.run(options, say: progress)
        try emit(built)
        if buildOnly { return }
        try emit(await ServeJob.run(server.options(database: options.database, language: language.lang), say: progress))
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import registers from files.",
        subcommands: [ImportMembersCommand.self, ImportUnitsCommand.self, ImportBodiesCommand.self]
    )
}

struct ImportMembersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Import a members file (docs/formats.md §4): all or nothing, every bad row listed.",
        discussion: "Exit status 2 when any row is bad; nothing is written then. Re-importing the same file changes nothing."
    )

    @Argument(help: "The members file (CSV).") var file: String
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @Option(help: "The day the file describes (YYYY-MM-DD, default today).") var asOf: String?
    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a date YYYY-MM-DD") }
    }

    func run() async throws {
        let day = asOf.flatMap { Day(iso: $0) } ?? Today.day()
        try emit(await ImportJob.run(file: file, database: database, asOf: day, language: language.lang, say: progress))
    }
}
