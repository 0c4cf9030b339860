import CongressCore

/// The register on one day: the tree, each person's unit position and status, and member counts
/// per subtree (prefix sums over the pre-order, so any subtree's count is one subtraction).
struct DayView: Sendable {
    let day: Day
    let tree: OrganisationTree
    /// Tree position of the person's unit that day, or -1 when not a member that day.
    let personPosition: [Int32]
    /// `MemberStatus.allCases` index that day.
    let personStatus: [UInt8]
    /// countBefore[i] = members in units at positions < i.
    let countBefore: [Int]

    /// Tree position of each unit (by snapshot index) that day, or -1 when it does not exist.
    let unitPosition: [Int32]

    init(snapshot: RegisterSnapshot, day: Day) {
        self.day = day
        tree = OrganisationTree(units: snapshot.units, placements: snapshot.placements, on: day)
        var unitPosition = [Int32](repeating: -1, count: snapshot.units.count)
        for (position, unit) in tree.units.enumerated() {
            if let index = snapshot.unitIndex[unit.code] { unitPosition[Int(index)] = Int32(position) }
        }
        self.unitPosition = unitPosition
        let count = snapshot.personCount
        var positions = [Int32](repeating: -1, count: count)
        var statuses = [UInt8](repeating: 0, count: count)
        var perPosition = [Int](repeating: 0, count: tree.units.count + 1)
        for person in 0..<count {
            guard let (position, status) = Self.place(person, snapshot, unitPosition, day) else { continue }
            positions[person] = position
            statuses[person] = status
            perPosition[Int(position) + 1] += 1
        }
        for index in 1..<perPosition.count { perPosition[index] += perPosition[index - 1] }
        personPosition = positions
        personStatus = statuses
        countBefore = perPosition
    }

    private init(day: Day, tree: OrganisationTree, personPosition: [Int32], personStatus: [UInt8], countBefore: [Int],
                 unitPosition: [Int32]) {
        self.day = day
        self.tree = tree
        self.personPosition = personPosition
        self.personStatus = personStatus
        self.countBefore = countBefore
        self.unitPosition = unitPosition
    }

    private static let statusIndex = Dictionary(uniqueKeysWithValues: MemberStatus.allCases.enumerated().map { ($1, UInt8($0)) })

    /// Where the person is on `day` (tree position and status index), or nil when not a member.
    private static func place(_ person: Int, _ snapshot: RegisterSnapshot, _ unitPosition: [Int32], _ day: Day) -> (Int32, UInt8)? {
        let today = day.daysSinceEpoch
        for span in Int(snapshot.spanStart[person])..<Int(snapshot.spanStart[person + 1])
        where snapshot.spanFrom[span] <= today && today <= snapshot.spanTo[span] {
            let unit = snapshot.spanUnit[span]
            guard unit >= 0, unitPosition[Int(unit)] >= 0 else { return nil }
            let status = MembershipHistory.status(
                standing: Standing.allCases[Int(snapshot.spanStanding[span])],
                officialOn: snapshot.official[person] == Int32.max ? nil : Day(daysSinceEpoch: snapshot.official[person]),
                on: day)
            return (unitPosition[Int(unit)], statusIndex[status]!)
        }
        return nil
    }

    /// This view with one person placed as `snapshot` (already patched for them) has them: what
    /// a membership event changes, without walking the other 5.6 million (issue 12: a change is
    /// visible at once and no read waits for a rebuild). The tree is shared: an event moves a
    /// person, never a unit.
    func replacing(person: Int, in snapshot: RegisterSnapshot) -> DayView {
        var positions = personPosition
        var statuses = personStatus
        var counts = countBefore
        let old = positions[person]
        if old >= 0 { for index in Int(old) + 1..<counts.count { counts[index] -= 1 } }
        if let (position, status) = Self.place(person, snapshot, unitPosition, day) {
            positions[person] = position
            statuses[person] = status
            for index in Int(position) + 1..<counts.count { counts[index] += 1 }
        } else {
            positions[person] = -1
            statuses[person] = 0
        }
        return DayView(day: day, tree: tree, personPosition: positions, personStatus: statuses, countBefore: counts,
                       unitPosition: unitPosition)
    }

    /// Members of the subtree whose pre-order positions are `range`.
    func memberCount(_ range: Range<Int>) -> Int { countBefore[range.upperBound] - countBefore[range.lowerBound] }

    /// A birth (or admission) day after this one means fewer than `years` whole years on `day`.
    static func boundary(yearsBefore years: Int, _ day: Day) -> Int32 {
        day.subtracting(years: years).daysSinceEpoch
    }
}
