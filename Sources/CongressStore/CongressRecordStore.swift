import CongressCore

/// Congresses (one aggregate): each congress's facts, roll and attendance, working bodies,
/// motions and the composition of its term, replaced under a version check. The counting store
/// extends it: a round's step that changes its congress (certification, annulment) writes both
/// in one transaction (`CongressWrite`).
public protocol CongressRecordStore: Sendable {

    func createCongress(_ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> CongressRecord.ID
    func congress(_ id: CongressRecord.ID) async throws(StoreError) -> StoredCongress?
    /// The congresses of a unit, newest first.
    func congresses(of unit: PartyUnit.ID) async throws(StoreError) -> [StoredCongress]
    /// Every congress, for the overview of a subtree (the caller filters by the tree).
    func allCongresses() async throws(StoreError) -> [StoredCongress]
    /// What the overview shows of every congress, without reading the rolls (a national round
    /// has thousands of congresses of up to 1,600 people each).
    func congressSummaries() async throws(StoreError) -> [CongressSummary]
    /// The compositions of every congress that has one (certified), in congress order, read from
    /// the header and the seats alone: the structure report counts them on every request.
    func compositions() async throws(StoreError) -> [CongressComposition]
    /// The states of every congress's rounds, in the order they were opened, in one read.
    func roundStates() async throws(StoreError) -> [CongressRecord.ID: [RoundLifecycle.State]]
    /// Replaces the record when `version` is still the stored one; returns the new version.
    func updateCongress(_ id: CongressRecord.ID, version: Int, _ record: CongressRecord, audit: AuditDraft) async throws(StoreError) -> Int
}
