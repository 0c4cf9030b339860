import CongressCore

/// Counting rounds in memory, for tests; the same contract as SQLite's.
public actor MemoryCountingStore: CountingStore {
    private struct Pass {
        var clerk: String
        var ballots: [Ballot] = []
    }

    private struct StoredRound {
        var round: CountingRound
        var passes: [Int: [Int: Pass]] = [:]
    }

    private var rounds: [Int64: StoredRound] = [:]
    private let access: any AccessStore

    /// Audit entries go to `access` (its log).
    public init(access: any AccessStore) {
        self.access = access
    }

    public func openRound(_ election: Election, unit: String, requiredEntries: Int, audit: AuditDraft) async throws(StoreError) -> Int64 {
        let id = (rounds.keys.max() ?? 0) + 1
        rounds[id] = StoredRound(round: CountingRound(id: id, unit: unit, election: election, requiredEntries: requiredEntries,
                                                      lifecycle: RoundLifecycle()))
        try await access.appendAudit(audit)
        return id
    }

    public func round(_ id: Int64) -> CountingRound? { rounds[id]?.round }

    public func apply(_ event: RoundLifecycle.Event, to id: Int64, audit: AuditDraft) async throws(StoreError) -> [RoundLifecycle.Effect] {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        let effects: [RoundLifecycle.Effect]
        do { effects = try stored.round.lifecycle.handle(event) } catch { throw .counting(.lifecycle(error)) }
        rounds[id] = stored
        try await access.appendAudit(audit)
        return effects
    }

    public func claimPass(round id: Int64, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        guard (1...stored.round.requiredEntries).contains(pass) else {
            throw .counting(.passOutOfRange(pass: pass, required: stored.round.requiredEntries))
        }
        let passes = stored.passes[stack] ?? [:]
        if let holder = passes[pass] {
            if holder.clerk == clerk { return }
            throw .counting(.passTaken(stack: stack, pass: pass, clerk: holder.clerk))
        }
        if passes.values.contains(where: { $0.clerk == clerk }) { throw .counting(.clerkAlreadyOnStack(stack: stack, clerk: clerk)) }
        stored.passes[stack, default: [:]][pass] = Pass(clerk: clerk)
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    public func recordBallot(round id: Int64, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        guard var entry = stored.passes[stack]?[pass], entry.clerk == clerk else {
            throw .counting(.notYourPass(stack: stack, pass: pass))
        }
        if position < entry.ballots.count {
            guard entry.ballots[position] == ballot else { throw .counting(.positionConflict(stack: stack, pass: pass, position: position)) }
            return
        }
        guard position == entry.ballots.count else {
            throw .counting(.positionOutOfOrder(expected: entry.ballots.count, got: position))
        }
        entry.ballots.append(ballot)
        stored.passes[stack]![pass] = entry
        rounds[id] = stored
        try await access.appendAudit(Self.entryAudit(round: id, stack: stack, pass: pass, clerk: clerk, position: position))
    }

    /// The audit entry of one ballot entered: where, by whom; the ballot's content stays in the
    /// entries (the log is read by administrators, the content only by the counting board).
    static func entryAudit(round: Int64, stack: Int, pass: Int, clerk: String, position: Int) -> AuditDraft {
        AuditDraft(actor: clerk, action: .ballotEntered, subject: "round \(round) stack \(stack) pass \(pass)",
                   detail: "ballot \(position + 1)")
    }

    public func entries(round id: Int64, stack: Int) throws(StoreError) -> [StackComparison.Entry] {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        return (stored.passes[stack] ?? [:]).sorted { $0.key < $1.key }.map { StackComparison.Entry(clerk: $0.value.clerk, ballots: $0.value.ballots) }
    }
}
