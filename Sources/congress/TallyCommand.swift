import ArgumentParser
import CongressApp
import CongressCore

struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Count one round of paper ballots (docs/formats.md §1–3).",
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

extension BallotSheet.Paper: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

struct BallotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ballots",
        abstract: "Print the ballot of an election file as an HTML page (R-E-11: no serial number, stamp area upper left).",
        discussion: "The list must pass the list checks (R-E-6) and be in ballot order (R-E-10); exit status 2 otherwise."
    )

    @Argument(help: "The election file (JSON).") var election: String
    @Option(help: "Paper size: A4 (default) or A5.") var paper: BallotSheet.Paper = .a4
    @OptionGroup var language: LanguageOption

    func run() throws {
        try emit(BallotsJob.run(electionPath: election, paper: paper, language: language.lang))
    }
}
