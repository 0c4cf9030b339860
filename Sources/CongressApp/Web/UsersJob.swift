import CongressCore
import CongressSQLite
import CongressStore
import CongressWeb
import Foundation

/// `congress users …`: account chores from the command line.
public enum UsersJob {
    public static func resetPassword(login: String, database: String, language: Language) async -> CommandOutput {
        do {
            guard FileManager.default.fileExists(atPath: database) else {
                return .failure([Catalogue.text("serve.noDatabase", language, database)])
            }
            let register = try SQLiteRegisterStore(path: database)
            let password = try await FirstAdministrator.resetPassword(
                login: login, access: AccessSetup.accessStore(for: register), passwords: BcryptPasswords(cost: 12))
            return .success(Catalogue.text("users.passwordReset", language, login.lowercased(), password) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
