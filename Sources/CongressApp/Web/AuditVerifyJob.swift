import CongressCore
import CongressSQLite
import CongressStore
import Foundation

/// `congress audit verify`: recomputes the audit log's hash chain and names the first entry that
/// does not follow from the one before.
public enum AuditVerifyJob {
    public static func run(database: String, language: Language) async -> CommandOutput {
        do {
            guard FileManager.default.fileExists(atPath: database) else {
                return .failure([Catalogue.text("serve.noDatabase", language, database)])
            }
            let register = try SQLiteRegisterStore(path: database)
            let entries = try await AccessSetup.accessStore(for: register).auditLog()
            switch AccessSetup.chain.verify(entries) {
            case .intact(let count, let lastHash):
                return .success(Catalogue.text("audit.intact", language, database, language.number(count), lastHash) + "\n")
            case .broken(let sequence, let reason):
                let why: String
                switch reason {
                case .sequenceGap(let expected): why = Catalogue.text("audit.gap", language, expected)
                case .previousHashMismatch: why = Catalogue.text("audit.previousMismatch", language)
                case .contentChanged: why = Catalogue.text("audit.contentChanged", language)
                }
                return .failure([Catalogue.text("audit.broken", language, database, sequence, why)], status: 1)
            }
        } catch {
            return .failure([error.message(language)])
        }
    }
}
