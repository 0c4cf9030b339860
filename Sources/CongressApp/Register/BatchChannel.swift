import CongressStore
import Foundation

/// Hands import batches from the file reader's thread to the store's writer, holding at most
/// `capacity` batches so memory stays bounded while both work at once.
final class BatchChannel: @unchecked Sendable {
    // @unchecked: every access to `queue` happens while holding `condition`.
    private let condition = NSCondition()
    private var queue: [ImportBatch] = []
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Blocks while the channel is full.
    func put(_ batch: ImportBatch) {
        condition.lock()
        while queue.count >= capacity { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until a batch is there.
    func take() -> ImportBatch {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let batch = queue.removeFirst()
        condition.broadcast()
        condition.unlock()
        return batch
    }
}
