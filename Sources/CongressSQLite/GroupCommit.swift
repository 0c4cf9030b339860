import GRDB

/// Writes that arrive together commit together: each waits in a queue, one writer takes every
/// waiting write into a single transaction, committed with a full sync (each in its own savepoint, so one refusal does not
/// undo the others) and answers each only after the commit. A ballot acknowledged to a clerk is
/// on disk, and 20 clerks share one fsync instead of paying for 20.
actor GroupCommit {
    typealias Work = @Sendable (Database) throws -> Void

    private struct Waiting {
        let work: Work
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let pool: DatabasePool
    private var waiting: [Waiting] = []
    private var draining = false

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `work` in the next group's transaction; returns once that transaction committed, or
    /// throws what `work` threw (then nothing of it was written).
    func submit(_ work: @escaping Work) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiting(work: work, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let group = waiting
            waiting = []
            do {
                // synchronous = FULL for these commits: an acknowledged ballot survives a power cut,
                // not only a killed process (the register's bulk writes keep NORMAL).
                let outcomes: [(any Error)?] = try await pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                    var outcomes: [(any Error)?] = []
                    try db.inTransaction {
                        outcomes = group.map { item in
                            do {
                                try db.inSavepoint {
                                    try item.work(db)
                                    return .commit
                                }
                                return nil
                            } catch {
                                return error
                            }
                        }
                        return .commit
                    }
                    return outcomes
                }
                for (item, outcome) in zip(group, outcomes) {
                    if let outcome { item.continuation.resume(throwing: outcome) } else { item.continuation.resume() }
                }
            } catch {
                for item in group { item.continuation.resume(throwing: error) }
            }
        }
        draining = false
    }
}
