@testable import CongressCore
import Testing

/// Small-count suppression for published tables: a hidden cell cannot be recomputed from the rest.
@Suite("Small-count suppression")
struct SmallCountSuppressionTests {
    /// Whether a hidden cell's value follows from the visible cells and the members.
    static func recoverable(_ counts: [StructureGroup: Int], members: Int, hidden: Set<StructureGroup>) -> Bool {
        for relation in SmallCountSuppression.relations {
            let cells = relation.compactMap { $0 }
            if cells.filter(hidden.contains).count == 1 { return true }
        }
        return false
    }

    @Test("a count of 1 to 4 is hidden; a partition with one hidden cell hides another, until none can be worked out")
    func complementary() {
        let counts: [StructureGroup: Int] = [.women: 3, .ethnicMinority: 12, .mastersOrHigher: 20, .professors: 0, .under40: 2,
                                             .from40To50: 14, .over50: 11, .aged50OrUnder: 16, .notLocal: 7]
        let hidden = SmallCountSuppression.hidden(counts, members: 27)
        #expect(hidden[.women] == .small && hidden[.under40] == .small)
        #expect(hidden[.professors] == nil, "nobody is not a small count of people")
        #expect(hidden[.ethnicMinority] == nil && hidden[.notLocal] == nil)
        #expect(!Self.recoverable(counts, members: 27, hidden: Set(hidden.keys)))
        // under40 hidden: from40To50 or over50 must go too, and then aged50OrUnder (= members − over50) or its parts.
        #expect(hidden.count >= 4)
    }

    @Test("nothing small, nothing hidden; the threshold is a parameter")
    func threshold() {
        let counts: [StructureGroup: Int] = [.women: 5, .under40: 5, .from40To50: 10, .over50: 10, .aged50OrUnder: 15]
        #expect(SmallCountSuppression.hidden(counts, members: 25).isEmpty)
        #expect(SmallCountSuppression.hidden(counts, members: 25, threshold: 6)[.women] == .small)
    }
}
