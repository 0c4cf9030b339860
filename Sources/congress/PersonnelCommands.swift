import ArgumentParser
import CongressApp
import CongressCore

struct PersonnelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "personnel",
        abstract: "Personnel work before a congress (docs/formats.md §7, docs/rules.md R-P-1…R-P-7).",
        subcommands: [PersonnelCheckCommand.self]
    )
}

extension PersonnelCheckJob.Format: ExpressibleByArgument {}

struct PersonnelCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every dossier of a file against the conditions of R-P-1 (working time) and R-P-4 (docs/formats.md §7).",
        discussion: "Exit status 0 when every row was checked, whatever the verdicts; 2 on an entry error (file, line, column, reason), with nothing printed on standard output."
    )

    @Argument(help: "The dossier file (CSV).") var dossiers: String
    @Option(help: "text (default), json (the result document) or csv.") var format: PersonnelCheckJob.Format = .text
    @OptionGroup var language: LanguageOption

    func run() throws {
        try emit(PersonnelCheckJob.run(path: dossiers, format: format, language: language.lang))
    }
}
