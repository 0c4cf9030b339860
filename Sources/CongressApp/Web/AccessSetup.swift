import CongressCore
import CongressSQLite
import CongressStore
import Crypto
import Foundation

/// The pieces of access control the composition root chooses: SHA-256 for the audit chain and
/// session tokens, the audit clock, and the access store beside the register.
public enum AccessSetup {
    /// SHA-256 (swift-crypto).
    public static let sha256: AuditChain.Digest = { bytes in Array(SHA256.hash(data: bytes)) }

    public static let chain = AuditChain(digest: sha256)

    /// How register writes append their audit entry in their own transaction.
    public static let auditing = RegisterAuditing(chain: chain, clock: auditTime)

    /// Now as ISO 8601 UTC to the second: `2026-11-22T09:10:11Z`.
    @Sendable public static func auditTime() -> String {
        Date().formatted(.iso8601)
    }

    /// The users, sessions and audit log kept in the register's file.
    public static func accessStore(for register: SQLiteRegisterStore) -> SQLiteAccessStore {
        SQLiteAccessStore(register: register, chain: chain, clock: auditTime)
    }

    /// Congresses and their counting, in the register's file.
    public static func countingStore(for register: SQLiteRegisterStore) -> SQLiteCountingStore {
        SQLiteCountingStore(register: register, chain: chain, clock: auditTime)
    }

    /// Who the command line acts as in the audit log: `cli:<account>`.
    public static var commandLineActor: String {
        "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.userName)
    }

    /// A password of 16 letters and digits without look-alikes (no 0/O, 1/l/I).
    public static func generatedPassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
