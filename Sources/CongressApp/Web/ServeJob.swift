import CongressCore
import CongressPostgres
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import Logging

/// `congress serve`: the web application on the register's database.
public enum ServeJob {
    public struct Options: Sendable {
        public var database: String
        public var host: String
        public var port: Int
        public var language: Language
        /// Mark cookies Secure (behind a TLS proxy).
        public var secureCookies: Bool
        /// Reverse proxies trusted for `X-Forwarded-For`.
        public var trustedProxies: Set<String>

        public init(database: String, host: String = "127.0.0.1", port: Int = 8080, language: Language = .vi,
                    secureCookies: Bool = false, trustedProxies: Set<String> = []) {
            self.trustedProxies = trustedProxies
            self.database = database
            self.host = host
            self.port = port
            self.language = language
            self.secureCookies = secureCookies
        }
    }

    /// The web dependencies for a register file: the product's choices (bcrypt cost 12, SHA-256).
    public static func dependencies(register: SQLiteRegisterStore, secureCookies: Bool,
                                    passwords: any PasswordHashing = BcryptPasswords(cost: 12)) -> WebDependencies {
        dependencies(OpenedDatabase(sqlite: register), secureCookies: secureCookies, passwords: passwords)
    }

    /// The web dependencies for an opened database (SQLite or PostgreSQL).
    public static func dependencies(_ database: OpenedDatabase, secureCookies: Bool,
                                    passwords: any PasswordHashing = BcryptPasswords(cost: 12)) -> WebDependencies {
        WebDependencies(register: database.register, access: database.access, clock: { Date() },
                        today: { Today.day() }, passwords: passwords, digest: AccessSetup.sha256,
                        secureCookies: secureCookies,
                        throttle: SignInGuard(shared: database.access as? any SharedSignInRecords), counting: database.counting, personnel: database.personnel,
                        bodies: database.bodies)
    }

    /// Opens the database, makes sure someone can sign in, prints where to go, and serves until stopped.
    public static func run(_ options: Options, say: @escaping @Sendable (String) -> Void) async -> CommandOutput {
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, options.language, arguments: arguments) }
        do {
            if !PostgresLocation.isURL(options.database), !FileManager.default.fileExists(atPath: options.database) {
                return .failure([t("serve.noDatabase", [options.database])])
            }
            let opened = try await DatabaseLocation.existing(options.database, language: options.language)
            defer { opened.close() }
            let register = opened.register
            guard try await !register.summary().unitsByKind.isEmpty else {
                return .failure([t("member.noOrganisation", [options.database])])
            }
            var dependencies = dependencies(opened, secureCookies: options.secureCookies)
            dependencies.trustedProxies = options.trustedProxies
            // Servers sharing PostgreSQL hear each other's round changes for their projectors.
            let roundChanges = opened.postgres.map { PostgresRoundChanges(database: $0) }
            defer { roundChanges?.close() }
            dependencies.roundChanges = roundChanges
            say(t("serve.loading", []))
            _ = try await register.snapshot()
            if let password = try await FirstAdministrator.ensure(access: dependencies.access, register: register,
                                                                  passwords: dependencies.passwords, today: Today.day()) {
                say(t("serve.firstAdministrator", [FirstAdministrator.login, password]))
            } else {
                say(t("serve.existingUsers", [FirstAdministrator.login]))
            }
            var logger = Logger(label: "congress")
            logger.logLevel = .notice
            let application = try await WebApplication.application(dependencies, host: options.host, port: options.port,
                                                                   logger: logger)
            say(t("serve.listening", ["http://\(options.host == "0.0.0.0" ? "127.0.0.1" : options.host):\(options.port)/"]))
            try await application.runService()
            return .success("")
        } catch let error as StoreError {
            return .failure([error.message(options.language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
