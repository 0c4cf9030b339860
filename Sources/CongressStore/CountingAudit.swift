import CongressCore

/// The audit entries that counting writes itself. A ballot's entry says where and by whom, never
/// what: the content stays with the entries, which only the counting board reads.
public enum CountingAudit {
    public static func ballotEntered(round: Round.ID, stack: Int, pass: Int, clerk: String, position: Int) -> AuditDraft {
        AuditDraft(actor: clerk, action: .ballotEntered, subject: "round \(round) stack \(stack) pass \(pass)",
                   detail: "ballot \(position + 1)")
    }
}
