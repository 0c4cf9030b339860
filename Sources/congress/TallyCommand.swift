import ArgumentParser
import CongressApp

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count one round of paper ballots (formats.md §1–3).",
        discussion: "Exit status 2 on an entry error or a refused election; nothing is printed on standard output then."
    )

    @Argument(help: "The election file (JSON).") var election: String
    @Argument(help: "The ballot file (CSV).") var ballots: String
    @Option(help: "text (counting minutes, default), json (result document) or html (printable minutes).")
    var format: TallyJob.Format = .text
    @OptionGroup var language: LanguageOption

    func run() throws {
        try emit(TallyJob.run(electionPath: election, ballotsPath: ballots, format: format, language: language.lang))
    }
}

struct OrderNamesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order-names",
        abstract: "Print full names (one per line) in ballot order (R-E-10)."
    )

    @Argument(help: "A text file with one full name per line.") var file: String
    @OptionGroup var language: LanguageOption

    func run() throws {
        try emit(OrderNamesJob.run(path: file, language: language.lang))
    }
}
