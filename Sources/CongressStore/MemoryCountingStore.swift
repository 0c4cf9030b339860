import CongressCore

/// Counting rounds in memory, for tests; the same contract as SQLite's.
public actor MemoryCountingStore: CountingStore {
    private struct Pass {
        var clerk: String
        var ballots: [Ballot] = []
        var finished = false
    }

    private struct StoredRound {
        var round: CountingRound
        var passes: [Int: [Int: Pass]] = [:]
        var agreed: [Int: [Ballot]] = [:]
        var proposals: [Int: (proposer: String, settlement: StackSettlement)] = [:]
        var finishedCounts: [Int: [Int: Int]] = [:]
        var split = StackSplit()
        var settled: [Int: StackSettlement] = [:]
        var auditHead: AuditHead?
    }

    private var rounds: [Round.ID: StoredRound] = [:]
    private var congresses: [CongressRecord.ID: StoredCongress] = [:]
    /// The round that follows each round (R-E-23, R-E-24, R-E-30).
    private var followers: [Round.ID: Round.ID] = [:]
    private let access: any AuditStore

    /// Audit entries go to `access` (its log).
    public init(access: any AuditStore) {
        self.access = access
    }

    public func openRound(_ election: Election, unit: PartyUnit.ID, congress: CongressRecord.ID?, requiredEntries: Int,
                          audit: AuditDraft) async throws(StoreError) -> Round.ID {
        let id = Round.ID((rounds.keys.max()?.rawValue ?? 0) + 1)
        rounds[id] = StoredRound(round: CountingRound(id: id, unit: unit, election: election, requiredEntries: requiredEntries,
                                                      lifecycle: RoundLifecycle(), congress: congress))
        try await access.appendAudit(audit)
        return id
    }

    public func round(_ id: Round.ID) -> CountingRound? { rounds[id]?.round }

    public func apply(_ event: RoundLifecycle.Event, to id: Round.ID, audit: AuditDraft,
                      congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        let effects: [RoundLifecycle.Effect]
        do { effects = try stored.round.lifecycle.handle(event) } catch { throw .counting(.lifecycle(error)) }
        try checkVersion(congress)
        rounds[id] = stored
        try await access.appendAudit(audit)
        try await write(congress)
        return effects
    }

    public func decideTie(round id: Round.ID, newRound: Election?, audit: AuditDraft,
                          openingAudit: AuditDraft) async throws(StoreError) -> Round.ID? {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        do { _ = try stored.round.lifecycle.handle(.tieDecided(newRound: newRound != nil)) } catch { throw .counting(.lifecycle(error)) }
        rounds[id] = stored
        try await access.appendAudit(audit)
        guard let newRound else { return nil }
        let next = try await openRound(newRound, unit: stored.round.unit, congress: stored.round.congress,
                                       requiredEntries: stored.round.requiredEntries, audit: openingAudit)
        followers[id] = next
        return next
    }

    public func openFollowing(round id: Round.ID, election: Election, audit: AuditDraft) async throws(StoreError) -> Round.ID {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        do { try RoundSuccession.check(predecessor: stored.round.lifecycle.state, alreadyFollowed: followers[id] != nil) } catch {
            throw .counting(error)
        }
        let next = try await openRound(election, unit: stored.round.unit, congress: stored.round.congress,
                                       requiredEntries: stored.round.requiredEntries, audit: audit)
        followers[id] = next
        return next
    }

    public func closeCounting(round id: Round.ID, actor: String) async throws(StoreError) -> ElectionResult {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        let plan: CountingClose.Plan
        do {
            plan = try CountingClose.plan(lifecycle: stored.round.lifecycle, election: stored.round.election,
                                          stacks: Set(stored.passes.keys).union(stored.split.sizes.keys), agreed: stored.agreed)
        } catch { throw .counting(error) }
        stored.round.lifecycle = plan.lifecycle
        rounds[id] = stored
        for event in plan.events {
            try await access.appendAudit(AuditDraft(actor: actor, action: .roundEvent, subject: "round \(id)", detail: event.auditDetail,
                                                    unit: stored.round.unit))
        }
        return plan.result
    }

    private func checkVersion(_ congress: CongressWrite?) throws(StoreError) {
        guard let congress else { return }
        guard let current = congresses[congress.id] else { throw .counting(.unknownCongress(congress.id)) }
        guard current.version == congress.version else { throw .counting(.congressChanged(congress.id)) }
    }

    private func write(_ congress: CongressWrite?) async throws(StoreError) {
        guard let congress else { return }
        congresses[congress.id] = StoredCongress(id: congress.id, version: congress.version + 1, record: congress.record)
        try await access.appendAudit(congress.audit)
    }

    public func claimPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
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
        do { try stored.split.admitsPass(stack: stack) } catch { throw .counting(.split(error)) }
        stored.passes[stack, default: [:]][pass] = Pass(clerk: clerk)
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    public func recordBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        let entry = stored.passes[stack]?[pass]
        let ballots = entry?.ballots ?? []
        let reading = BallotEntryRule.Reading(state: stored.round.lifecycle.state, holder: entry?.clerk, finished: entry?.finished ?? false,
                                              existing: ballots.indices.contains(position) ? ballots[position] : nil,
                                              entered: ballots.count, stackSize: stored.split.sizes[stack])
        let decision: BallotEntryRule.Decision
        do { decision = try BallotEntryRule.decide(reading, stack: stack, pass: pass, clerk: clerk, position: position, ballot: ballot) }
        catch { throw .counting(error) }
        guard decision == .insert else { return }
        stored.passes[stack]![pass]!.ballots.append(ballot)
        rounds[id] = stored
    }

    public func declareStack(round id: Round.ID, stack: Int, ballots: Int, audit: AuditDraft) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        let passes = stored.passes[stack] ?? [:]
        let fixed = stored.agreed[stack] != nil || passes.values.contains(where: \.finished)
        do {
            stored.split = try stored.split.declaring(stack: stack, ballots: ballots, returned: stored.round.lifecycle.returned,
                                                      entered: passes.values.map(\.ballots.count).max() ?? 0, fixed: fixed)
        } catch { throw .counting(.split(error)) }
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    public func withdrawLastBallot(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) -> Ballot {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        guard var entry = stored.passes[stack]?[pass], entry.clerk == clerk else { throw .counting(.notYourPass(stack: stack, pass: pass)) }
        guard !entry.finished else { throw .counting(.passFinished(stack: stack, pass: pass)) }
        guard let last = entry.ballots.popLast() else { throw .counting(.nothingToCorrect(stack: stack, pass: pass)) }
        stored.passes[stack]![pass] = entry
        rounds[id] = stored
        try await access.appendAudit(audit)
        return last
    }

    public func settledReadings(round id: Round.ID, stack: Int) throws(StoreError) -> StackSettlement? {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        return stored.settled[stack]
    }

    public func entries(round id: Round.ID, stack: Int) throws(StoreError) -> [StackComparison.Entry] {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        return (stored.passes[stack] ?? [:]).sorted { $0.key < $1.key }.map { StackComparison.Entry(clerk: $0.value.clerk, ballots: $0.value.ballots) }
    }

    public func rounds(ofCongress congress: CongressRecord.ID) -> [CountingRound] {
        rounds.values.map(\.round).filter { $0.congress == congress }.sorted { $0.id < $1.id }
    }

    public func finishPass(round id: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        guard let entry = stored.passes[stack]?[pass], entry.clerk == clerk else { throw .counting(.notYourPass(stack: stack, pass: pass)) }
        if entry.finished { return }
        do { try stored.split.admitsFinish(stack: stack, entered: entry.ballots.count) } catch { throw .counting(.split(error)) }
        stored.passes[stack]![pass]!.finished = true
        stored.finishedCounts[stack, default: [:]][pass] = entry.ballots.count
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    public func stacks(round id: Round.ID) throws(StoreError) -> [StackProgress] {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        return Set(stored.passes.keys).union(stored.split.sizes.keys).sorted().map { stack in
            let passes = (stored.passes[stack] ?? [:]).sorted { $0.key < $1.key }.map { pass, entry in
                StackProgress.Pass(pass: pass, clerk: entry.clerk, entered: stored.finishedCounts[stack]?[pass] ?? entry.ballots.count,
                                   finished: entry.finished)
            }
            return StackProgress(stack: stack, passes: passes, agreed: stored.agreed[stack]?.count, declared: stored.split.size(of: stack))
        }
    }

    public func agreeStack(round id: Round.ID, stack: Int, ballots: [Ballot], audit: [AuditDraft]) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        let finished = (stored.passes[stack] ?? [:]).values.filter(\.finished).count
        guard finished >= stored.round.requiredEntries else { throw .counting(.passesNotFinished(stack: stack)) }
        guard stored.agreed[stack] == nil else { throw .counting(.stackAlreadyAgreed(stack: stack)) }
        stored.agreed[stack] = BallotCSV.sortedForExport(ballots, candidates: stored.round.election.candidates.count)
        stored.settled[stack] = stored.proposals[stack]?.settlement
        stored.proposals[stack] = nil
        rounds[id] = stored
        for draft in audit { try await access.appendAudit(draft) }
    }

    public func agreedBallots(round id: Round.ID) throws(StoreError) -> [Ballot] {
        guard let stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        return BallotCSV.sortedForExport(stored.agreed.values.flatMap { $0 }, candidates: stored.round.election.candidates.count)
    }

    public func certify(round id: Round.ID, result: String, audit: AuditDraft,
                        congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect] {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        let effects: [RoundLifecycle.Effect]
        do { effects = try stored.round.lifecycle.handle(.certify) } catch { throw .counting(.lifecycle(error)) }
        try checkVersion(congress)
        stored.round.certifiedResult = result
        // Secrecy: only the agreed, sorted ballots of each stack outlive certification.
        for stack in stored.passes.keys { for pass in stored.passes[stack]!.keys { stored.passes[stack]![pass]!.ballots = [] } }
        stored.proposals = [:]
        stored.settled = [:]
        let entry = try await access.appendAudit(audit)
        stored.auditHead = AuditHead(count: entry.sequence, hash: entry.hash)
        rounds[id] = stored
        try await write(congress)
        return effects
    }

    public func certifiedAuditHead(round id: Round.ID) -> AuditHead? { rounds[id]?.auditHead }

    public func proposeSettlement(round id: Round.ID, stack: Int, proposer: String, settlement: StackSettlement,
                                  audit: AuditDraft) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.round.lifecycle.takesEntries else { throw .counting(.roundNotCounting(stored.round.lifecycle.state)) }
        guard stored.agreed[stack] == nil else { throw .counting(.stackAlreadyAgreed(stack: stack)) }
        guard stored.proposals[stack] == nil else { throw .counting(.settlementPending(stack: stack)) }
        stored.proposals[stack] = (proposer, settlement)
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    public func settlementProposal(round id: Round.ID, stack: Int) -> (proposer: String, settlement: StackSettlement)? {
        rounds[id]?.proposals[stack]
    }

    public func rejectSettlement(round id: Round.ID, stack: Int, audit: AuditDraft) async throws(StoreError) {
        guard var stored = rounds[id] else { throw .counting(.unknownRound(id)) }
        guard stored.proposals[stack] != nil else { throw .counting(.noSettlementProposed(stack: stack)) }
        stored.proposals[stack] = nil
        rounds[id] = stored
        try await access.appendAudit(audit)
    }

    // MARK: Congresses

    public func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> CongressRecord.ID {
        let id = CongressRecord.ID((congresses.keys.max()?.rawValue ?? 0) + 1)
        congresses[id] = StoredCongress(id: id, version: 1, record: record)
        try await access.appendAudit(audit)
        return id
    }

    public func congress(_ id: CongressRecord.ID) -> StoredCongress? { congresses[id] }

    public func allCongresses() -> [StoredCongress] { congresses.values.sorted { $0.id < $1.id } }

    public func congressSummaries() -> [CongressSummary] { allCongresses().map(CongressSummary.init) }
    public func compositions() -> [CongressComposition] {
        allCongresses().filter { !$0.record.composition.isEmpty }.map(CongressComposition.init)
    }

    public func roundStates() -> [CongressRecord.ID: [RoundLifecycle.State]] {
        var states: [CongressRecord.ID: [RoundLifecycle.State]] = [:]
        for round in rounds.values.map(\.round).sorted(by: { $0.id < $1.id }) {
            if let congress = round.congress { states[congress, default: []].append(round.lifecycle.state) }
        }
        return states
    }

    public func congresses(of unit: PartyUnit.ID) -> [StoredCongress] {
        congresses.values.filter { $0.record.unit == unit }.sorted { $0.id > $1.id }
    }

    public func updateCongress(_ id: CongressRecord.ID, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int {
        guard let stored = congresses[id] else { throw .counting(.unknownCongress(id)) }
        guard stored.version == version else { throw .counting(.congressChanged(id)) }
        congresses[id] = StoredCongress(id: id, version: version + 1, record: record)
        try await access.appendAudit(audit)
        return version + 1
    }
}
