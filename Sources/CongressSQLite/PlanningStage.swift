import CongressCore
import CongressStore
import Foundation

/// For an import into an empty register, plans batches on a thread of its own, so the writer's
/// thread only writes. (Planning then needs no database: units come from the index loaded
/// before, and there is nobody to look up.)
final class PlanningStage: @unchecked Sendable {
    // @unchecked: `queue` and `done` are only touched while holding `condition`.
    enum Item {
        case plan(Result<ImportPlanner.Plan, MemberFileErrors>)
        case finished
        case abandoned
    }

    private let condition = NSCondition()
    private var queue: [Item] = []
    private let capacity = 3

    init(source next: @escaping @Sendable () -> ImportBatch, day: Day, units: UnitIndex) {
        let thread = Thread { [self] in
            while true {
                switch next() {
                case .rows(let rows):
                    put(.plan(ImportPlanner.plan(rows, on: day, unit: { units.units[$0] }, existing: { _ in nil })))
                case .finished:
                    put(.finished)
                    return
                case .abandoned:
                    put(.abandoned)
                    return
                }
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    private func put(_ item: Item) {
        condition.lock()
        while queue.count >= capacity { condition.wait() }
        queue.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the next planned batch (or the end) is there.
    func take() -> Item {
        condition.lock()
        while queue.isEmpty { condition.wait() }
        let item = queue.removeFirst()
        condition.broadcast()
        condition.unlock()
        return item
    }
}
