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
    /// The unit whose subtree the entry concerns (an administrator reads their subtree's
    /// entries only); nil for entries of the whole system.
    public var unit: PartyUnit.ID?
    public var previousHash: String
    public var hash: String

    public init(sequence: Int, at: String, actor: String, action: AuditAction, subject: String, detail: String,
                unit: PartyUnit.ID? = nil, previousHash: String, hash: String) {
        self.unit = unit
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
    case memberBound, settlementProposed, entriesDeleted, grantProposed, grantConfirmed, grantRejected
    case stackDeclared, ballotWithdrawn
    case unitsImported, databaseBackedUp, databaseMigrated
    case personnelRead, planningRevised, dossierRecorded, schemeChanged
    case bodiesImported
}

/// An entry before the log gives it its place: the store adds sequence, hashes and time.
public struct AuditDraft: Sendable, Hashable {
    public var actor: String
    public var action: AuditAction
    public var subject: String
    public var detail: String
    public var unit: PartyUnit.ID?

    /// The longest actor or subject an entry keeps, in characters; a detail keeps 16 times as
    /// much. Anything longer is cut, so no request can make one entry large.
    public static let maximumField = 64

    public init(actor: String, action: AuditAction, subject: String, detail: String = "", unit: PartyUnit.ID? = nil) {
        self.unit = unit
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

extension AuditDraft {
    /// The draft with every field cut to its bound and unprintable characters escaped.
    public var bounded: AuditDraft {
        AuditDraft(actor: InputExcerpt.quote(actor, length: Self.maximumField), action: action,
                   subject: InputExcerpt.quote(subject, length: Self.maximumField),
                   detail: InputExcerpt.quote(detail, length: Self.maximumField * 16),
                   unit: unit.map { PartyUnit.ID(InputExcerpt.quote($0.rawValue, length: Self.maximumField)) })
    }
}
