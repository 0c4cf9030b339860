import CongressCore
import Synchronization

/// The read snapshot of a register kept in a database, by the register's version (a counter
/// every write bumps). After a write by this process the next read waits for the new snapshot
/// (a writer reads its own writes). After another process's write (an import while the server
/// runs, another application server's transfer) no read waits: the previous snapshot answers
/// while the new one is built once in the background, and replaces it when ready.
public final class SnapshotCache: Sendable {
    public typealias Load = @Sendable () async throws(StoreError) -> (version: Int64, snapshot: RegisterSnapshot)

    private let load: Load
    private let cache = Mutex<(version: Int64, snapshot: RegisterSnapshot)?>(nil)
    /// This process wrote since its snapshot was loaded: its next read waits for the new one.
    private let localWrites = Mutex(false)
    private let rebuilding = Mutex(false)

    /// `load` reads the version and the snapshot of that version in one read transaction.
    public init(load: @escaping Load) { self.load = load }

    /// The snapshot for the register whose current version is `version`.
    public func snapshot(current version: Int64) async throws(StoreError) -> RegisterSnapshot {
        if let cached = cache.withLock({ $0 }), cached.version == version { return cached.snapshot }
        if let cached = cache.withLock({ $0 }), !localWrites.withLock({ $0 }) {
            rebuildInBackground()
            return cached.snapshot
        }
        return try await reload()
    }

    /// Records that this process changed the register.
    public func wrote() { localWrites.withLock { $0 = true } }

    /// Loads the snapshot of the stored version and keeps it unless a newer one is already kept.
    private func reload() async throws(StoreError) -> RegisterSnapshot {
        localWrites.withLock { $0 = false }
        let loaded = try await load()
        return cache.withLock { cached in
            if let kept = cached, kept.version > loaded.version { return kept.snapshot }
            cached = loaded
            return loaded.snapshot
        }
    }

    /// One background rebuild at a time.
    private func rebuildInBackground() {
        let start = rebuilding.withLock { running -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard start else { return }
        Task.detached { [self] in
            _ = try? await reload()
            rebuilding.withLock { $0 = false }
        }
    }
}
