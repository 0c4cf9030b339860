import CongressCore

/// Wakes whoever waits on a round (the hall's projector feed) when the round changes, whichever
/// server changed it. Without one, waiters look again after a fixed interval.
public protocol RoundChanges: Sendable {
    /// Returns once the round changed or `timeout` passed, whichever comes first.
    func waitForChange(of round: Round.ID, timeout: Duration) async
}

/// The waiters of each round, woken by `signal` or by their timeout. Engines feed it from their
/// own notifications (PostgreSQL's `LISTEN`).
public actor RoundSignals {
    private var parked: [Round.ID: [Int: CheckedContinuation<Void, Never>]] = [:]
    /// Waiters not yet parked whose wait already ended (timeout before parking): they return at once.
    private var ended: Set<Int> = []
    /// Waiters between the start and the end of their wait.
    private var active: Set<Int> = []
    private var nextWaiter = 0

    public init() {}

    /// Wakes every waiter of this round.
    public func signal(_ round: Round.ID) {
        for continuation in (parked.removeValue(forKey: round) ?? [:]).values { continuation.resume() }
    }

    /// Wakes every waiter (after a lost connection, when notifications may have been missed).
    public func signalAll() {
        let all = parked
        parked = [:]
        for continuation in all.values.flatMap(\.values) { continuation.resume() }
    }

    /// How many are parked, for the tests.
    public var waiting: Int { parked.values.reduce(0) { $0 + $1.count } }

    public func wait(for round: Round.ID, timeout: Duration) async {
        nextWaiter += 1
        let waiter = nextWaiter
        active.insert(waiter)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.park(waiter, round) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                await self.end(waiter, round)
            }
            await group.next()
            group.cancelAll()
            self.end(waiter, round)
        }
        active.remove(waiter)
        ended.remove(waiter)
    }

    private func park(_ waiter: Int, _ round: Round.ID) async {
        await withCheckedContinuation { continuation in
            if ended.contains(waiter) { continuation.resume() } else { parked[round, default: [:]][waiter] = continuation }
        }
    }

    /// Ends a waiter's wait: resumes it if parked, or has it return as soon as it parks.
    private func end(_ waiter: Int, _ round: Round.ID) {
        guard active.contains(waiter) else { return }
        ended.insert(waiter)
        if let continuation = parked[round]?.removeValue(forKey: waiter) {
            if parked[round]?.isEmpty == true { parked[round] = nil }
            continuation.resume()
        }
    }
}
