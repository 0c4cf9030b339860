import CongressCore
import Synchronization

/// The read snapshot of a register kept in a database, by the register's version (a counter
/// every write bumps). A write of one person (a membership event) patches the kept snapshot at
/// once. After another write by this process (an import, the tree) the next read waits for the
/// new snapshot (a writer reads its own writes). After another process's write (an import while the server
/// runs, another application server's transfer) no read waits: the previous snapshot answers
/// while the new one is built once in the background, and replaces it when ready.
public final class SnapshotCache: Sendable {
    public typealias Load = @Sendable () async throws(StoreError) -> (version: Int64, snapshot: RegisterSnapshot)

    private let load: Load
    private let cache = Mutex<(version: Int64, snapshot: RegisterSnapshot)?>(nil)
    /// This process wrote since its snapshot was loaded: its next read waits for the new one.
    private let localWrites = Mutex(false)
    private let rebuilding = Mutex(false)
    /// This process's one-person writes under way: their patch follows, so a read that sees
    /// their new version before the patch is answered from the kept snapshot, not by a rebuild.
    private let patchesUnderWay = Mutex(0)

    /// `load` reads the version and the snapshot of that version in one read transaction.
    public init(load: @escaping Load) { self.load = load }

    /// The snapshot for the register whose current version is `version`.
    public func snapshot(current version: Int64) async throws(StoreError) -> RegisterSnapshot {
        if let cached = cache.withLock({ $0 }), cached.version == version { return cached.snapshot }
        if let cached = cache.withLock({ $0 }), !localWrites.withLock({ $0 }) {
            if patchesUnderWay.withLock({ $0 }) == 0 { rebuildInBackground() }
            return cached.snapshot
        }
        return try await reload()
    }

    /// Records that this process changed the register.
    public func wrote() { localWrites.withLock { $0 = true } }

    /// Runs a one-person write (`write` returns what it wrote and the register's new version),
    /// then patches the kept snapshot with `patch` as `patched` does. While the write is under
    /// way, reads that already see its version are answered from the kept snapshot.
    public func patching<T: Sendable>(_ write: () async throws(StoreError) -> (value: T, version: Int64),
                                      patch: (T, RegisterSnapshot) -> RegisterSnapshot?) async throws(StoreError) -> T {
        patchesUnderWay.withLock { $0 += 1 }
        defer { patchesUnderWay.withLock { $0 -= 1 } }
        let written = try await write()
        patched(version: written.version) { patch(written.value, $0) }
        return written.value
    }

    /// After this process's write that made the register `version` and changed only what
    /// `patch` applies (the write did not call `wrote`): when the kept snapshot is of the version
    /// just before, the patched one replaces it at once and no read waits for a reload. Otherwise
    /// (someone else wrote too, or the patch does not apply) it is a write like any other: the
    /// next read reloads.
    public func patched(version: Int64, _ patch: (RegisterSnapshot) -> RegisterSnapshot?) {
        if let kept = cache.withLock({ $0 }), kept.version == version - 1, let patched = patch(kept.snapshot) {
            let replaced = cache.withLock { cached -> Bool in
                guard let current = cached, current.version == version - 1 else { return false }
                cached = (version, patched)
                return true
            }
            if replaced { return }
        }
        wrote()
    }

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
