import ArgumentParser
import CongressApp
import CongressCore
import Foundation

/// Where the web server listens.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (0.0.0.0 for the office network).") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @Flag(help: "Mark cookies Secure (when a TLS proxy is in front).") var secureCookies = false
    @Option(help: "Address of a reverse proxy whose X-Forwarded-For names the client (repeatable); from anyone else the header is ignored.")
    var trustedProxy: [String] = []

    func options(database: String, language: Language) -> ServeJob.Options {
        ServeJob.Options(database: database, host: host, port: port, language: language, secureCookies: secureCookies,
                         trustedProxies: Set(trustedProxy))
    }
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application on a register database."
    )

    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var server: ServerOptions
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try emit(await ServeJob.run(server.options(database: database, language: language.lang), say: progress))
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log.",
        subcommands: [AuditVerifyCommand.self]
    )
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit log's hash chain; exit 1 naming the first broken entry."
    )

    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @Option(help: "COUNT:HASH printed by certified minutes or an earlier verify: fail if the log no longer holds that entry (a cut tail).")
    var expect: String?
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try emit(await AuditVerifyJob.run(database: database, language: language.lang, expect: expect))
    }
}

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Users of the web application.",
        subcommands: [ResetPasswordCommand.self]
    )
}

struct ResetPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Give a user a new generated password (printed once, audited)."
    )

    @Argument(help: "The user's login.") var login: String
    @Option(help: "The database: an SQLite file, or postgres://user:password@host:port/database.") var database = DemoJob.Scale.province.defaultDatabase
    @OptionGroup var language: LanguageOption

    func run() async throws {
        try emit(await UsersJob.resetPassword(login: login, database: database, language: language.lang))
    }
}
