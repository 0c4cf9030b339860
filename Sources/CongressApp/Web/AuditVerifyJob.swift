import CongressCore
import CongressSQLite
import CongressStore
import Foundation

/// `congress audit verify`: recomputes the audit log's hash chain and names the first entry that
/// does not follow from the one before.
public enum AuditVerifyJob {
    /// With `expect` (`COUNT:HASH`, as minutes and an earlier verify printed it), also fails
    /// when the log no longer holds that entry as recorded: a cut tail is seen.
    public static func run(database: String, language: Language, expect: String? = nil) async -> CommandOutput {
        var expected: AuditHead?
        if let expect {
            guard let head = AuditHead(expect) else {
                return .failure([Catalogue.text("audit.badExpect", language, InputExcerpt.quote(expect))])
            }
            expected = head
        }
        do {
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let entries = try await opened.access.auditLog()
            switch AccessSetup.chain.verify(entries) {
            case .intact(let count, let lastHash):
                if let expected {
                    guard expected.count >= 1, expected.count <= entries.count, entries[expected.count - 1].hash == expected.hash else {
                        return .failure([Catalogue.text("audit.expectMissing", language, database, expected.count,
                                                        String(expected.hash.prefix(16)), language.number(count))], status: 1)
                    }
                }
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
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }
}
