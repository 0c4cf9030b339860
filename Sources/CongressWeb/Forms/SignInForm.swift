import CongressCore

/// The sign-in form: the login as typed (bounded), the login as recorded (a login that cannot
/// exist is recorded only as "invalid", never as posted), the local page to go back to, and the
/// password (bounded; never logged).
struct SignInForm {
    let typed: String
    let login: String
    let next: String
    let password: String

    init(_ form: FormFields) {
        typed = String((form["login"] ?? "").lowercased().prefix(64))
        login = UserAccount.isValidLogin(typed) ? typed : "(invalid)"
        next = Redirect.local(form["next"]) ?? "/"
        password = String((form.all("password").first ?? "").prefix(256))
    }
}
