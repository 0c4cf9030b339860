import CongressCore
import Synchronization

/// The organisation's trees a snapshot has built without placing its members.
struct OrganisationTrees: Sendable {
    /// Days on which a unit or placement starts, or the day after one ends, in order.
    var boundaries: [Int32]?
    var trees: [Int32: OrganisationTree] = [:]
}

extension RegisterSnapshot {
    /// The organisation on `day` alone, without placing the members: one tree for each period in
    /// which no unit or placement starts or ends, kept. Reports over many days (the bodies of a
    /// term, elected on hundreds of congress days) read these instead of day views.
    public func organisationTree(on day: Day) -> OrganisationTree {
        let start: Int32 = organisationTrees.withLock { cache in
            let boundaries = cache.boundaries ?? Self.boundaries(units, placements)
            cache.boundaries = boundaries
            var low = 0, high = boundaries.count
            while low < high {
                let middle = (low + high) / 2
                if boundaries[middle] <= day.daysSinceEpoch { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? Int32.min : boundaries[low - 1]
        }
        if let tree = organisationTrees.withLock({ $0.trees[start] }) { return tree }
        let tree = OrganisationTree(units: units, placements: placements, on: day)
        organisationTrees.withLock { cache in
            if cache.trees.count >= 32 { cache.trees.removeAll() }
            cache.trees[start] = tree
        }
        return tree
    }

    static func boundaries(_ units: [PartyUnit], _ placements: [UnitPlacement]) -> [Int32] {
        var days = Set<Int32>()
        for unit in units {
            if let from = unit.validFrom { days.insert(from.daysSinceEpoch) }
            if let to = unit.validTo { days.insert(to.daysSinceEpoch + 1) }
        }
        for placement in placements {
            if let from = placement.validFrom { days.insert(from.daysSinceEpoch) }
            if let to = placement.validTo { days.insert(to.daysSinceEpoch + 1) }
        }
        return days.sorted()
    }

    /// The people a register figure counts in the unit's subtree on `day` (docs/formats.md §9),
    /// in ballot-name order (R-E-10); with `directly`, only those placed in the unit itself.
    /// `nil` if the unit does not exist that day.
    public func people(_ figure: RegisterFigure, of unit: PartyUnit.ID, on day: Day, directly: Bool = false) -> [Person.ID]? {
        let view = view(on: day)
        guard let range = view.tree.subtree(of: unit) else { return nil }
        let ordered = directly ? [] : subtreeInNameOrder(view, range)
        let candidates = directly ? directMembers(view, at: range.lowerBound) : ordered
        let kinh = UInt8(EthnicGroups.index(of: "Kinh") ?? 0)
        let master = UInt8(Education.allCases.firstIndex(of: .master)!)
        let advanced = UInt8(PoliticalTheory.allCases.firstIndex(of: .advanced)!)
        let probationary = UInt8(MemberStatus.allCases.firstIndex(of: .probationary)!)
        let female = UInt8(Gender.allCases.firstIndex(of: .female)!)
        let ageLimits = [31, 41, 51, 61].map { DayView.boundary(yearsBefore: $0, day) }
        let band = AgeBand.allCases.firstIndex { $0.rawValue == figure.rawValue }
        return candidates.compactMap { index in
            let person = Int(index)
            let counted: Bool = switch figure {
            case .all: true
            case .probationary: view.personStatus[person] == probationary
            case .women: gender[person] == female
            case .ethnicMinority: ethnicity[person] != kinh
            case .mastersOrHigher: education[person] >= master
            case .theoryAdvanced: theory[person] >= advanced
            case .upTo30, .from31To40, .from41To50, .from51To60, .over60: Self.band(birth[person], ageLimits) == band
            }
            return counted ? Person.ID(memberIDs[person]) : nil
        }
    }

    /// The persons placed in the unit at tree position `position` itself, in name order.
    private func directMembers(_ view: DayView, at position: Int) -> [UInt32] {
        let at = Int32(position)
        var ranks: [UInt32] = []
        for person in 0..<view.personPosition.count where view.personPosition[person] == at { ranks.append(rankOf[person]) }
        return ranks.sorted().map { byRank[Int($0)] }
    }
}
