import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation

/// `congress users …`: account chores from the command line.
public enum UsersJob {
    public static func resetPassword(login: String, database: String, language: Language) async -> CommandOutput {
        do {
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let password = try await FirstAdministrator.resetPassword(
                login: login, access: opened.access, passwords: BcryptPasswords(cost: 12))
            return .success(Catalogue.text("users.passwordReset", language, login.lowercased(), password) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
