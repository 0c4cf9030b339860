import CongressCore
import CongressStore
import CongressWeb

/// The first administrator of a database with no users: login `admin`, a generated password
/// returned once to be shown once, the administrator role for the whole tree.
public enum FirstAdministrator {
    public static let login = "admin"

    /// Creates the administrator if there is no user yet; returns the password when it did.
    public static func ensure(access: any AccessStore, register: any RegisterStore, passwords: any PasswordHashing,
                              today: Day) async throws -> String? {
        guard try await access.users().isEmpty else { return nil }
        let tree = try await register.tree(on: today)
        guard let root = tree.units.first?.code else { return nil }
        let password = AccessSetup.generatedPassword()
        let hash = await passwords.hash(password)
        _ = try await access.createUser(
            NewUser(login: login, displayName: "Quản trị hệ thống", passwordHash: hash,
                    grants: [RoleGrant(role: .administrator, unit: root)]),
            audit: AuditDraft(actor: AccessSetup.commandLineActor, action: .userCreated, subject: login,
                              detail: "administrator@\(root)"))
        return password
    }

    /// Sets a new generated password for `login` and returns it (`congress users reset-password`).
    public static func resetPassword(login: String, access: any AccessStore, passwords: any PasswordHashing) async throws -> String {
        guard let user = try await access.credentials(login: login)?.user else { throw StoreError.unknownUser(login) }
        let password = AccessSetup.generatedPassword()
        try await access.setPasswordHash(of: user.id, to: await passwords.hash(password),
                                         audit: AuditDraft(actor: AccessSetup.commandLineActor, action: .passwordChanged,
                                                           subject: user.login))
        return password
    }
}
