import CongressCore

/// Why a store operation did not happen. Nothing was written when one is thrown.
public enum StoreError: Error, Sendable, Equatable {
    /// An import with problems: every one, with its line and column.
    case importRejected(MemberFileErrors)
    /// A streamed import whose source gave up (its file had problems): nothing was written.
    case importAbandoned
    /// No unit with this code (that day).
    case unknownUnit(PartyUnit.ID)
    /// A unit code that is already in the register.
    case duplicateUnit(PartyUnit.ID)
    /// A placement or event naming a unit that is not in the register or this batch.
    case danglingReference(PartyUnit.ID)
    /// No member with this ID.
    case unknownMember(Person.ID)
    /// An event that cannot apply (e.g. a transfer of someone who is not a member that day).
    case eventNotApplicable(memberID: Person.ID, reason: String)
    /// A login name that another user already has.
    case duplicateLogin(String)
    /// A member already bound to another account: one account per person.
    case duplicateMember(Person.ID)
    /// A login that is not 3–32 characters of a–z, 0–9, `.`, `_`, `-`.
    case invalidLogin(String)
    /// No user with this ID or login.
    case unknownUser(String)
    /// Counting refused the write (R-E-29 and the round's lifecycle).
    case counting(CountingRefusal)
    /// The personnel scheme changed since it was read (or was created meanwhile): nothing written.
    case schemeChanged
    /// The database failed; `message` says what happened, `advice` what to do.
    case database(message: String, advice: String)

    /// The message for people, in the language.
    public func message(_ language: Language) -> String {
        switch self {
        case .importRejected(let errors):
            return Catalogue.text("import.rejected", language, errors.total)
        case .importAbandoned: return Catalogue.text("store.importAbandoned", language)
        case .unknownUnit(let code): return Catalogue.text("store.unknownUnit", language, code.rawValue)
        case .duplicateUnit(let code): return Catalogue.text("store.duplicateUnit", language, code.rawValue)
        case .danglingReference(let code): return Catalogue.text("store.danglingReference", language, code.rawValue)
        case .unknownMember(let id): return Catalogue.text("store.unknownMember", language, id.rawValue)
        case .eventNotApplicable(let id, let reason): return Catalogue.text("store.eventNotApplicable", language, id, reason)
        case .duplicateLogin(let login): return Catalogue.text("store.duplicateLogin", language, login)
        case .duplicateMember(let id): return Catalogue.text("store.duplicateMember", language, id.rawValue)
        case .invalidLogin(let login): return Catalogue.text("web.error.badLogin", language, login)
        case .unknownUser(let login): return Catalogue.text("store.unknownUser", language, login)
        case .counting(let refusal): return refusal.message(language)
        case .schemeChanged: return Catalogue.text("store.schemeChanged", language)
        case .database(let message, let advice): return Catalogue.text("store.database", language, message, advice)
        }
    }
}
