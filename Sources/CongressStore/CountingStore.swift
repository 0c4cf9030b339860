import CongressCore

/// Counting rounds of paper ballots by independent entry (R-E-29): a round's election and
/// lifecycle, the passes of each stack claimed by clerks, and the ballots they enter. Each
/// method is one transaction; a ballot is on disk when `recordBallot` returns.
public protocol CountingStore: CongressRecordStore {
    /// Opens a round for an election of `unit` (of `congress` when given), each stack to be
    /// entered `requiredEntries` times.
    func openRound(_ election: Election, unit: PartyUnit.ID, congress: CongressRecord.ID?, requiredEntries: Int,
                   audit: AuditDraft) async throws(StoreError) -> Round.ID
    /// The rounds of a congress, in the order they were opened (R-E-3).
    func rounds(ofCongress congress: CongressRecord.ID) async throws(StoreError) -> [CountingRound]
    func round(_ id: Round.ID) async throws(StoreError) -> CountingRound?
    /// What never changes once a round is opened: its unit and its election (cached by stores).
    func opened(_ id: Round.ID) async throws(StoreError) -> (unit: PartyUnit.ID, election: Election)?
    /// Applies a lifecycle event (the round's state machine decides), with its audit entry;
    /// `congress`, when given (an annulment's composition), is written in the same transaction,
    /// version-checked like `certify`'s.
    func apply(_ event: RoundLifecycle.Event, to round: Round.ID, audit: AuditDraft,
               congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect]
    /// R-E-23: the presidium's decision on a pending tie and, when it calls a new round among the
    /// tied (`newRound`), that round opened in the same transaction under the round's unit,
    /// congress and entry count, each with its audit entry. Returns the new round's ID.
    func decideTie(round: Round.ID, newRound: Election?, audit: AuditDraft, openingAudit: AuditDraft) async throws(StoreError) -> Round.ID?
    /// R-E-24, R-E-30: a further round for unfilled places, or a re-election after an annulment,
    /// opened after `round` under its unit, congress and entry count, in one transaction that
    /// checks `RoundSuccession` (one round follows another at most once).
    func openFollowing(round: Round.ID, election: Election, audit: AuditDraft) async throws(StoreError) -> Round.ID
    /// Closes counting and computes the result in one transaction: `CountingClose` decides over
    /// the stacks and agreed ballots read in it; one audit entry per lifecycle event, by `actor`.
    func closeCounting(round: Round.ID, actor: String) async throws(StoreError) -> ElectionResult
    /// A clerk takes one pass (1…required) of a stack. Refused when the pass is taken, when the
    /// clerk already has another pass of the same stack, or when the round takes no entries.
    func claimPass(round: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError)
    /// Records the ballot at `position` (0-based) of the clerk's pass. The same ballot again at
    /// the same position is a retry and accepted; a different one is refused.
    func recordBallot(round: Round.ID, stack: Int, pass: Int, clerk: String, position: Int, ballot: Ballot) async throws(StoreError)
    /// R-E-29: the board declares how many ballots a stack holds when it splits the returned
    /// ballots (`StackSplit` decides). A pass is taken only of a declared stack, takes at most
    /// that many ballots and finishes only with all of them. Correcting a count is refused once
    /// a pass of the stack is finished.
    func declareStack(round: Round.ID, stack: Int, ballots: Int, audit: AuditDraft) async throws(StoreError)
    /// Removes the last ballot of the clerk's own unfinished pass and returns it, so the clerk
    /// can type it again; with its audit entry (which names the position, never the ballot).
    func withdrawLastBallot(round: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError) -> Ballot
    /// How the board read the paper at a settled stack's differing positions, kept for the
    /// entry log until the round is certified (then deleted with the passes' entries).
    func settledReadings(round: Round.ID, stack: Int) async throws(StoreError) -> StackSettlement?
    /// Every pass of a stack, by pass number, for comparison.
    func entries(round: Round.ID, stack: Int) async throws(StoreError) -> [StackComparison.Entry]
    /// The clerk declares the pass complete: it takes no more ballots.
    func finishPass(round: Round.ID, stack: Int, pass: Int, clerk: String, audit: AuditDraft) async throws(StoreError)
    /// Every stack of a round: its passes (clerk, ballots entered, finished) and, once agreed or
    /// settled, how many ballots it holds. Never the ballots themselves.
    func stacks(round: Round.ID) async throws(StoreError) -> [StackProgress]
    /// Records a stack's agreed ballots (R-E-29), after every required pass is finished, and
    /// drops its pending proposal; the settlement is in `audit` with the agreement.
    func agreeStack(round: Round.ID, stack: Int, ballots: [Ballot], audit: [AuditDraft]) async throws(StoreError)
    /// The agreed ballots of every stack, in an order that reveals neither the paper's order nor
    /// the entry's (`BallotCSV.sortedForExport`).
    func agreedBallots(round: Round.ID) async throws(StoreError) -> [Ballot]
    /// Certifies a counted round (the lifecycle's `certify`) and keeps its result document and
    /// the audit log's head after the certification's own entry. The passes' raw entries and
    /// any proposed settlement are deleted in the same transaction: only each stack's agreed,
    /// sorted ballots remain, so no typing order survives a certified round. `congress`, when
    /// given, is written in the same transaction, so no crash leaves a round certified without
    /// its winners in the composition or without the pause its result calls for.
    func certify(round: Round.ID, result: String, audit: AuditDraft, congress: CongressWrite?) async throws(StoreError) -> [RoundLifecycle.Effect]
    /// The audit head (`COUNT:HASH`) recorded when the round was certified.
    func certifiedAuditHead(round: Round.ID) async throws(StoreError) -> AuditHead?

    /// R-E-29: one board member's proposed settlement of a stack's differences, kept until a
    /// second member confirms or rejects it. Refused when one is already pending.
    func proposeSettlement(round: Round.ID, stack: Int, proposer: String, settlement: StackSettlement,
                           audit: AuditDraft) async throws(StoreError)
    /// The pending proposal of a stack, if any.
    func settlementProposal(round: Round.ID, stack: Int) async throws(StoreError) -> (proposer: String, settlement: StackSettlement)?
    /// Drops the pending proposal (rejected by the second member), with its audit entry.
    func rejectSettlement(round: Round.ID, stack: Int, audit: AuditDraft) async throws(StoreError)
}

extension CountingStore {
    /// Applies a lifecycle event that changes no congress.
    @discardableResult
    public func apply(_ event: RoundLifecycle.Event, to round: Round.ID, audit: AuditDraft) async throws(StoreError) -> [RoundLifecycle.Effect] {
        try await apply(event, to: round, audit: audit, congress: nil)
    }

    /// Certifies a round of no congress, or one whose composition does not change.
    @discardableResult
    public func certify(round: Round.ID, result: String, audit: AuditDraft) async throws(StoreError) -> [RoundLifecycle.Effect] {
        try await certify(round: round, result: result, audit: audit, congress: nil)
    }

    public func opened(_ id: Round.ID) async throws(StoreError) -> (unit: PartyUnit.ID, election: Election)? {
        try await round(id).map { ($0.unit, $0.election) }
    }

    /// A round outside any congress (the counting store's tests, `congress tally` re-counts).
    public func openRound(_ election: Election, unit: PartyUnit.ID, requiredEntries: Int, audit: AuditDraft) async throws(StoreError) -> Round.ID {
        try await openRound(election, unit: unit, congress: nil, requiredEntries: requiredEntries, audit: audit)
    }
}

/// The composition of a congress's term as the structure report reads it: the unit, the term
/// and the opening day from the header, the seats in their order, without the roll or lists.
public struct CongressComposition: Sendable, Equatable {
    public var id: CongressRecord.ID
    public var unit: PartyUnit.ID
    public var term: String
    public var opensOn: String
    public var seats: [BodySeat]

    public init(id: CongressRecord.ID, unit: PartyUnit.ID, term: String, opensOn: String, seats: [BodySeat]) {
        self.id = id
        self.unit = unit
        self.term = term
        self.opensOn = opensOn
        self.seats = seats
    }

    public init(_ stored: StoredCongress) {
        self.init(id: stored.id, unit: stored.record.unit, term: stored.record.term, opensOn: stored.record.opensOn, seats: stored.record.composition)
    }
}

/// A congress as the higher committee's overview lists it.
public struct CongressSummary: Sendable, Equatable {
    public var id: CongressRecord.ID
    public var unit: PartyUnit.ID
    public var name: String
    public var opensOn: String
    public var closesOn: String
    public var submittedOn: String?
    /// Paused for a designated leader not elected (R-E-26).
    public var paused: Bool

    public init(id: CongressRecord.ID, unit: PartyUnit.ID, name: String, opensOn: String, closesOn: String, submittedOn: String?, paused: Bool) {
        self.id = id
        self.unit = unit
        self.name = name
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.submittedOn = submittedOn
        self.paused = paused
    }

    public init(_ stored: StoredCongress) {
        let record = stored.record
        self.init(id: stored.id, unit: record.unit, name: record.name, opensOn: record.opensOn, closesOn: record.closesOn,
                  submittedOn: record.submittedOn, paused: record.isPaused)
    }
}

/// One stack's progress, as the counting board's overview shows it.
public struct StackProgress: Sendable, Equatable {
    public struct Pass: Sendable, Equatable {
        public var pass: Int
        public var clerk: String
        public var entered: Int
        public var finished: Bool

        public init(pass: Int, clerk: String, entered: Int, finished: Bool) {
            self.pass = pass
            self.clerk = clerk
            self.entered = entered
            self.finished = finished
        }
    }

    public var stack: Int
    public var passes: [Pass]
    /// Ballots in the stack once agreed or settled; nil before.
    public var agreed: Int?
    /// Ballots the board counted into the stack at the split (R-E-29).
    public var declared: Int?

    public init(stack: Int, passes: [Pass], agreed: Int?, declared: Int? = nil) {
        self.stack = stack
        self.passes = passes
        self.agreed = agreed
        self.declared = declared
    }
}

/// A round as stored.
public struct CountingRound: Sendable, Equatable {
    public var id: Round.ID
    public var unit: PartyUnit.ID
    public var election: Election
    public var requiredEntries: Int
    public var lifecycle: RoundLifecycle
    /// The congress the round belongs to, if any.
    public var congress: CongressRecord.ID?
    /// The certified result document (formats.md §3), once certified.
    public var certifiedResult: String?

    public init(id: Round.ID, unit: PartyUnit.ID, election: Election, requiredEntries: Int, lifecycle: RoundLifecycle,
                congress: CongressRecord.ID? = nil, certifiedResult: String? = nil) {
        self.id = id
        self.unit = unit
        self.election = election
        self.requiredEntries = requiredEntries
        self.lifecycle = lifecycle
        self.congress = congress
        self.certifiedResult = certifiedResult
    }
}

/// A change to a congress made in the transaction of another write (the certification whose
/// winners join the term's composition, R-E-26, R-E-27): the record as it will be, the version it
/// was read at (checked as `updateCongress` checks it: `.congressChanged` and nothing written
/// when someone changed it meanwhile), and its audit entry.
public struct CongressWrite: Sendable {
    public var id: CongressRecord.ID
    public var version: Int
    public var record: CongressRecord
    public var audit: AuditDraft

    public init(id: CongressRecord.ID, version: Int, record: CongressRecord, audit: AuditDraft) {
        self.id = id
        self.version = version
        self.record = record
        self.audit = audit
    }
}

/// How the board read the paper ballots at a stack's differing positions (R-E-29): the ballot
/// as the paper reads, or nil where there was no paper ballot. Kept only while a proposal waits
/// for its confirmation; the positions never outlive the stack's agreement.
public struct StackSettlement: Sendable, Equatable, Codable {
    public struct Reading: Sendable, Equatable, Codable {
        public var position: Int
        /// The ballot as a ballot-file row (formats.md §2), nil: no ballot here.
        public var row: String?

        public init(position: Int, row: String?) {
            self.position = position
            self.row = row
        }
    }

    public var readings: [Reading]

    public init(readings: [Reading]) { self.readings = readings }
}
