import CongressCore
import Foundation

/// The decoded election and unit of each round. Neither changes once the round is opened (a
/// next round is a new round), so they are decoded once per process instead of on every ballot
/// entered (decoding was a sixth of the server's time under 20 clerks). Shared by the SQL engines.
public final class ElectionCache: @unchecked Sendable {
    public struct Opened: Sendable { public let unit: PartyUnit.ID; public let election: Election }

    // @unchecked: every access to `rounds` holds `lock`.
    private let lock = NSLock()
    private var rounds: [Round.ID: Opened] = [:]

    public init() {}

    public func cached(_ round: Round.ID) -> Opened? { lock.withLock { rounds[round] } }

    public func election(_ round: Round.ID, unit: PartyUnit.ID, decode: () throws -> Election) rethrows -> Election {
        if let cached = cached(round) { return cached.election }
        let election = try decode()
        lock.withLock { rounds[round] = Opened(unit: unit, election: election) }
        return election
    }
}
