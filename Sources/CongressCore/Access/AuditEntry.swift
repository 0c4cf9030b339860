/// One line of the append-only audit log: who did what, when, chained to the line before by
/// `previousHash` so that an edit or a removal anywhere breaks every later hash.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// 1, 2, 3, … without gaps.
    public var sequence: Int
    /// UTC time as ISO 8601, to the second (`2026-11-22T09:10:11Z`).
    public var at: String
    /// The user's login, or `cli:<name>` for the command line.
    public var actor: String
    public var action: AuditAction
    /// What the action was about: a login, a unit code, a file name.
    public var subject: String
    /// Free text: the change in a few words (never a password, never a ballot's content).
    public var detail: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, at: String, actor: String, action: AuditAction, subject: String, detail: String,
                previousHash: String, hash: String) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// The kinds of writes the log records.
public enum AuditAction: String, Sendable, Codable, CaseIterable, Hashable {
    case signedIn, signInFailed, signInThrottled, signedOut
    case userCreated, grantsChanged, passwordChanged, userEnabled, userDisabled, languageChanged
    case membersImported, organisationLoaded, demoBuilt
    case roundOpened, roundEvent, passClaimed, ballotEntered, differenceSettled
    case passFinished, stackAgreed, resultCertified, congressCreated, congressChanged, roundExported
}

/// An entry before the log gives it its place: the store adds sequence, hashes and time.
public struct AuditDraft: Sendable, Hashable {
    public var actor: String
    public var action: AuditAction
    public var subject: String
    public var detail: String

    public init(actor: String, action: AuditAction, subject: String, detail: String = "") {
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
