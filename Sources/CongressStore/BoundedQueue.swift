import Foundation

/// A queue between two threads that holds at most `capacity` items: `put` blocks while it is
/// full, `take` while it is empty. For handing work from a reading thread to a writing one
/// with bounded memory (a streamed import).
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: `items` is only touched while holding `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private let capacity: Int

    public init(capacity: Int) { self.capacity = capacity }

    public func put(_ item: Element) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    public func take() -> Element {
        condition.lock()
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }
}
