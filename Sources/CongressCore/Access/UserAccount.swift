/// A person who signs in. The password hash never leaves the access store except to be checked.
public struct UserAccount: Sendable, Hashable, Codable {
    /// An account's number in the database.
    public typealias ID = Identifier<UserAccount, Int64>

    public var id: ID
    public var login: String
    public var displayName: String
    public var language: Language
    public var active: Bool
    public var grants: [RoleGrant]
    /// The member of the register this account belongs to: how a counting board elected by
    /// member ID (R-E-4) is bound to the accounts that count.
    public var memberID: Person.ID?

    public init(id: ID, login: String, displayName: String, language: Language = .vi, active: Bool = true,
                grants: [RoleGrant] = [], memberID: Person.ID? = nil) {
        self.memberID = memberID
        self.id = id
        self.login = login
        self.displayName = displayName
        self.language = language
        self.active = active
        self.grants = grants
    }

    /// Login names: 3–32 characters of a–z, 0–9, `.`, `_`, `-`.
    public static func isValidLogin(_ login: String) -> Bool {
        (3...32).contains(login.utf8.count) && login.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    /// Passwords: at least 10 characters.
    public static let minimumPasswordLength = 10
}
