import CongressCore
import Synchronization

/// What structure reports read again and again, kept between requests: each body and term's
/// rows with their holders (valid while the store's change marker is unchanged: rows are only
/// ever added, each import marked), and what the organisation's records give (valid for one register snapshot).
public final class BodySeatCache: Sendable {
    struct Rows: Sendable {
        let marker: Int
        let snapshot: RegisterSnapshot
        let rows: [BodyMembership]
        /// Each row's holder in `people` (-1: not in the register) and unit in `units`.
        let holder: [Int32]
        let unitSlot: [Int32]
        let people: [Person]
        /// Each holder's province of origin in the 2025 provinces' codes.
        let origin2025: [String?]
        let units: [PartyUnit.ID]
    }

    struct Organisation: Sendable {
        let snapshot: RegisterSnapshot
        let successor: [PartyUnit.ID: PartyUnit.ID]
        let province2025: [String: String]
    }

    struct RowsKey: Hashable {
        let role: BodyMembership.Role
        let term: String
    }

    private let rows = Mutex<[RowsKey: Rows]>([:])
    private let organisation = Mutex<Organisation?>(nil)

    public init() {}

    func rows(_ role: BodyMembership.Role, _ term: String, marker: Int, snapshot: RegisterSnapshot) -> Rows? {
        rows.withLock { $0[RowsKey(role: role, term: term)] }.flatMap { $0.marker == marker && $0.snapshot === snapshot ? $0 : nil }
    }

    func keep(_ kept: Rows, _ role: BodyMembership.Role, _ term: String) {
        rows.withLock { cache in
            if cache.count >= 16 { cache.removeAll() }
            cache[RowsKey(role: role, term: term)] = kept
        }
    }

    func organisation(for snapshot: RegisterSnapshot) -> Organisation? {
        organisation.withLock { $0 }.flatMap { $0.snapshot === snapshot ? $0 : nil }
    }

    func keep(_ kept: Organisation) { organisation.withLock { $0 = kept } }
}
