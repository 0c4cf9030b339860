import ArgumentParser
import CongressApp
import CongressCore
import Foundation

/// The one executable: `congress tally | order-names | …`.
@main
struct CongressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congress",
        abstract: "Đại hội: Party congresses, their elections and their counting.",
        discussion: "File formats: docs/formats.md. The rules applied, by ID: docs/rules.md. Set-up and commands: README.md.",
        subcommands: [InitCommand.self, DemoCommand.self, ServeCommand.self, ImportCommand.self, UnitsCommand.self, TallyCommand.self,
                      BallotsCommand.self, OrderNamesCommand.self, PersonnelCommand.self, ReportCommand.self, AuditCommand.self, UsersCommand.self, MigrateCommand.self,
                      BackupCommand.self]
    )
}

/// Options every command shares.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of messages and minutes: vi (default) or en.")
    var lang: Language = .vi
}

extension Language: ExpressibleByArgument {}
extension TallyJob.Format: ExpressibleByArgument {}

/// Progress lines go to standard error, so standard output stays the result.
@Sendable func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Writes a command's output and exits with its status.
func emit(_ output: CommandOutput) throws {
    FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
    FileHandle.standardError.write(Data(output.standardError.utf8))
    if output.status != 0 { throw ExitCode(output.status) }
}
