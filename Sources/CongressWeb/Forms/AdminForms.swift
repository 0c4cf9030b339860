import CongressCore

/// A role on a unit as the account forms post it (`role`, `unit`); the unit code upper-cased.
enum RoleGrantFields {
    static func decode(_ form: FormFields) throws -> RoleGrant {
        guard let roleText = form["role"], let role = Role(rawValue: roleText) else {
            throw WebError.badInput(key: "web.error.badRole", arguments: [form["role"] ?? ""])
        }
        guard let unit = form["unit"]?.uppercased() else { throw WebError.badInput(key: "web.error.missingField", arguments: ["unit"]) }
        return RoleGrant(role: role, unit: PartyUnit.ID(unit))
    }
}

/// A password typed for an account: at least `UserAccount.minimumPasswordLength` characters.
struct PasswordForm {
    let password: String

    init(_ form: FormFields) throws {
        password = form.all("password").first ?? ""
        guard password.count >= UserAccount.minimumPasswordLength else {
            throw WebError.badInput(key: "web.error.shortPassword", arguments: [String(UserAccount.minimumPasswordLength)])
        }
    }
}

/// A new account: its login, name, first password and first role. (The member it is bound to
/// is looked up in the register by the controller: `member`.)
struct NewAccountForm {
    let login: String
    let name: String
    let password: String
    let grant: RoleGrant

    init(_ form: FormFields) throws {
        login = (form["login"] ?? "").lowercased()
        guard UserAccount.isValidLogin(login) else { throw WebError.badInput(key: "web.error.badLogin", arguments: [login]) }
        name = try form.requiredLine("name", max: 120)
        password = try PasswordForm(form).password
        grant = try RoleGrantFields.decode(form)
    }
}

/// An account's roles changed: the positions of the roles removed, and a role added.
struct GrantChangeForm {
    let removed: Set<Int>
    let added: RoleGrant?

    init(_ form: FormFields) throws {
        removed = Set(form.all("remove").compactMap { RequestValue.int($0, in: 0...1_000) })
        added = form["unit"] != nil ? try RoleGrantFields.decode(form) : nil
    }
}

/// A second administrator's decision on a proposed congress role.
struct PendingGrantForm {
    let grant: RoleGrant
    let confirm: Bool

    init(_ form: FormFields) throws {
        grant = try RoleGrantFields.decode(form)
        confirm = try form.requiredChoice("decision", PendingDecision.self) == .confirm
    }
}
