/// The audit log's hash chain. The digest (SHA-256 in the product) comes in as a function so
/// the rules stay free of any cryptography package.
public struct AuditChain: Sendable {
    public typealias Digest = @Sendable ([UInt8]) -> [UInt8]

    /// The `previousHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    public let digest: Digest

    public init(digest: @escaping Digest) {
        self.digest = digest
    }

    /// The hash of an entry: hex of digest(previous hash, sequence, time, actor, action,
    /// subject, detail[, unit]), fields separated by U+001F so no two entries share their bytes.
    /// The unit joins the hashed fields only when the entry has one (entries written before
    /// units were recorded keep their hashes).
    public func hash(sequence: Int, at: String, actor: String, action: AuditAction, subject: String, detail: String,
                     unit: PartyUnit.ID? = nil, previousHash: String) -> String {
        let fields = [previousHash, String(sequence), at, actor, action.rawValue, subject, detail] + (unit.map { [$0.rawValue] } ?? [])
        let bytes = Array(fields.joined(separator: "\u{1F}").utf8)
        return digest(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The entry that follows `previous` (or starts the log) for `draft` at time `at`.
    public func entry(after previous: AuditEntry?, _ draft: AuditDraft, at: String) -> AuditEntry {
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? Self.genesis
        let draft = draft.bounded
        let hash = hash(sequence: sequence, at: at, actor: draft.actor, action: draft.action, subject: draft.subject,
                        detail: draft.detail, unit: draft.unit, previousHash: previousHash)
        return AuditEntry(sequence: sequence, at: at, actor: draft.actor, action: draft.action, subject: draft.subject,
                          detail: draft.detail, unit: draft.unit, previousHash: previousHash, hash: hash)
    }

    /// Checks entries in sequence order; the first that does not follow from the one before.
    public func verify<Entries: Sequence>(_ entries: Entries) -> AuditVerification where Entries.Element == AuditEntry {
        var previous: AuditEntry?
        var count = 0
        for entry in entries {
            let expectedSequence = (previous?.sequence ?? 0) + 1
            if entry.sequence != expectedSequence {
                return .broken(sequence: entry.sequence, reason: .sequenceGap(expected: expectedSequence))
            }
            if entry.previousHash != (previous?.hash ?? Self.genesis) {
                return .broken(sequence: entry.sequence, reason: .previousHashMismatch)
            }
            let recomputed = hash(sequence: entry.sequence, at: entry.at, actor: entry.actor, action: entry.action,
                                  subject: entry.subject, detail: entry.detail, unit: entry.unit, previousHash: entry.previousHash)
            if recomputed != entry.hash { return .broken(sequence: entry.sequence, reason: .contentChanged) }
            previous = entry
            count += 1
        }
        return .intact(entries: count, lastHash: previous?.hash ?? Self.genesis)
    }
}

/// What verifying the audit log found.
public enum AuditVerification: Sendable, Equatable {
    case intact(entries: Int, lastHash: String)
    case broken(sequence: Int, reason: AuditBreak)
}

/// Why an entry does not follow from the one before it.
public enum AuditBreak: Sendable, Equatable {
    /// An entry is missing or out of place.
    case sequenceGap(expected: Int)
    /// The entry's link to the one before was changed (or the one before was).
    case previousHashMismatch
    /// The entry's own fields were changed after it was written.
    case contentChanged
}
