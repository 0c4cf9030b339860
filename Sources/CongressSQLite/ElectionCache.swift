import CongressCore
import Foundation

/// The decoded election and unit of each round. Neither changes once the round is opened (a
/// next round is a new round), so they are decoded once per process instead of on every ballot
/// entered (decoding was a sixth of the server's time under 20 clerks).
final class ElectionCache: @unchecked Sendable {
    struct Opened { let unit: String; let election: Election }

    // @unchecked: every access to `rounds` holds `lock`.
    private let lock = NSLock()
    private var rounds: [Int64: Opened] = [:]

    func cached(_ round: Int64) -> Opened? { lock.withLock { rounds[round] } }

    func election(_ round: Int64, unit: String, decode: () throws -> Election) rethrows -> Election {
        if let cached = cached(round) { return cached.election }
        let election = try decode()
        lock.withLock { rounds[round] = Opened(unit: unit, election: election) }
        return election
    }
}
