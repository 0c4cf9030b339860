import CongressCore
import CongressStore
import Foundation

/// For an import into an empty register, plans batches on a thread of its own, so the writer's
/// thread only writes. (Planning then needs no database: units come from the index loaded
/// before, and there is nobody to look up.)
final class PlanningStage: Sendable {
    enum Item: Sendable {
        case plan(Result<PreparedWrite, MemberFileErrors>)
        case finished
        case abandoned
    }

    private let queue = BoundedQueue<Item>(capacity: 3)

    init(source next: @escaping @Sendable () -> ImportBatch, day: Day, units: UnitIndex) {
        let queue = self.queue
        let thread = Thread {
            while true {
                switch next() {
                case .rows(let rows):
                    let planned = ImportPlanner.plan(rows, on: day, unit: { units.units[$0] }, existing: { _ in nil })
                    queue.put(.plan(planned.flatMap { plan in
                        // Only new persons here (an empty register has no updates). Units were checked by the planner, so gathering cannot fail; if it did, it is a bug.
                        Result { try PreparedWrite(inserts: plan.inserts, summary: plan.summary, units: units) }.mapError { fatalError("unit vanished while preparing: \($0)") }
                    }))
                case .finished:
                    queue.put(.finished)
                    return
                case .abandoned:
                    queue.put(.abandoned)
                    return
                }
            }
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// Blocks until the next planned batch (or the end) is there.
    func take() -> Item { queue.take() }
}
