import ArgumentParser
import CongressApp
import CongressCore

struct ImportBodiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "Import the compositions of past terms (docs/formats.md §5): all or nothing, every bad row listed.",
        discussion: "Exit status 2 when any row is bad; nothing is written then. Re-importing the same file changes nothing."
    )

    @Argument(help: "The bodies file (CSV).") var file: String
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try emit(await ImportBodiesJob.run(file: file, database: database, language: language.lang))
    }
}

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Statistics the organising committees publish (docs/formats.md §6, docs/rules.md §6).",
        subcommands: [ReportBodiesCommand.self, ReconcileCommand.self, ReportSampleCommand.self]
    )
}

extension ReportBodiesJob.Format: ExpressibleByArgument {}
extension ReconcileJob.Format: ExpressibleByArgument {}

struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare the figures lower units reported (a statistics file, docs/formats.md §9) with the register and the compositions.",
        discussion: """
            Every difference is listed with the people behind the product's figure; every reported subtree figure of the register is \
            checked against the sum of its parts' reported figures. Exit status 0 when everything agrees, 1 when anything differs, \
            2 when the file is bad (every problem named by line and column).
            """
    )

    @Argument(help: "The statistics file (CSV: unit,day,figure,value).") var file: String
    @Option(help: "text (default), json or csv (one row per person behind a differing figure).") var format: ReconcileJob.Format = .text
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try emit(await ReconcileJob.run(file: file, database: database, format: format, language: language.lang))
    }
}
extension BodyMembership.Role: ExpressibleByArgument {}
extension BodyMembership.Origin: ExpressibleByArgument {}
extension UnitKind: ExpressibleByArgument {}

struct ReportBodiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bodies",
        abstract: "The structure of the elected bodies of a term, compared with the previous term (docs/formats.md §6).",
        discussion: "Groups and rounding as docs/rules.md §6 defines them. --people GROUP lists the people behind a figure instead."
    )

    @Option(help: "The body: executiveCommittee, standingCommittee, secretary, … (docs/formats.md §5).") var body: BodyMembership.Role
    @Option(help: "The term, YYYY-YYYY.") var term: String
    @Option(help: "The previous term to compare with, YYYY-YYYY.") var previous: String?
    @Option(help: "The unit whose subtree is counted (default TW).") var under: String = "TW"
    @Option(help: "Only bodies of units of this kind (underCentral, communeCommittee, …).") var kind: UnitKind?
    @Option(help: "elected, appointed, added or all (default all).") var how: String = "all"
    @Option(help: "members or a group key: the people behind that figure.") var people: String?
    @Option(help: "text (default), json (the §6 document), csv, xlsx (with --output) or html (a printable page with its chart; --output or standard output).") var format: ReportBodiesJob.Format = .text
    @Option(help: "The file --format xlsx writes.") var output: String?
    @Flag(name: .customLong("public"), help: "A table published outside the organising committees: counts below 5 and the cells that would give them away hidden (text, csv).")
    var publicTable = false
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard BodiesFile.term(term) != nil else { throw ValidationError("--term must read YYYY-YYYY") }
        if let previous, BodiesFile.term(previous) == nil { throw ValidationError("--previous must read YYYY-YYYY") }
        guard how == "all" || BodyMembership.Origin(rawValue: how) != nil else { throw ValidationError("--how must be elected, appointed, added or all") }
    }

    func run() async throws {
        try emit(await ReportBodiesJob.run(ReportBodiesJob.Options(
            database: database, body: body, term: term, previous: previous, under: PartyUnit.ID(under), kind: kind,
            how: BodyMembership.Origin(rawValue: how), people: people, format: format, language: language.lang, publicTable: publicTable, output: output)))
    }
}

struct ReportSampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a generated national dataset (members.csv, bodies.csv) whose report gives the published 2020–2025 figures.",
        discussion: """
            Then: congress init --database D; congress import members DIR/members.csv --database D --as-of 2021-01-01; \
            congress import bodies DIR/bodies.csv --database D; congress report bodies --body executiveCommittee --term 2020-2025 \
            --previous 2015-2020 --kind underCentral --database D (and --body secretary --how elected).
            """
    )

    @Argument(help: "The folder to write the two files into.") var folder: String
    @OptionGroup var language: LanguageOption

    func run() throws {
        try emit(NationalBodiesSampleJob.run(folder: folder, language: language.lang))
    }
}
