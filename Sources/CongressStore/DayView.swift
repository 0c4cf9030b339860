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

    init(snapshot: RegisterSnapshot, day: Day) {
        self.day = day
        tree = OrganisationTree(units: snapshot.units, placements: snapshot.placements, on: day)
        var unitPosition = [Int32](repeating: -1, count: snapshot.units.count)
        for (position, unit) in tree.units.enumerated() {
            if let index = snapshot.unitIndex[unit.code] { unitPosition[Int(index)] = Int32(position) }
        }
        let today = day.daysSinceEpoch
        let count = snapshot.personCount
        var positions = [Int32](repeating: -1, count: count)
        var statuses = [UInt8](repeating: 0, count: count)
        var perPosition = [Int](repeating: 0, count: tree.units.count + 1)
        let standings = Standing.allCases
        let statusIndex = Dictionary(uniqueKeysWithValues: MemberStatus.allCases.enumerated().map { ($1, UInt8($0)) })
        for person in 0..<count {
            for span in Int(snapshot.spanStart[person])..<Int(snapshot.spanStart[person + 1])
            where snapshot.spanFrom[span] <= today && today <= snapshot.spanTo[span] {
                let unit = snapshot.spanUnit[span]
                guard unit >= 0, unitPosition[Int(unit)] >= 0 else { break }
                let position = unitPosition[Int(unit)]
                positions[person] = position
                let status = MembershipHistory.status(
                    standing: standings[Int(snapshot.spanStanding[span])],
                    officialOn: snapshot.official[person] == Int32.max ? nil : Day(daysSinceEpoch: snapshot.official[person]),
                    on: day)
                statuses[person] = statusIndex[status]!
                perPosition[Int(position) + 1] += 1
                break
            }
        }
        for index in 1..<perPosition.count { perPosition[index] += perPosition[index - 1] }
        personPosition = positions
        personStatus = statuses
        countBefore = perPosition
    }

    /// Members of the subtree whose pre-order positions are `range`.
    func memberCount(_ range: Range<Int>) -> Int { countBefore[range.upperBound] - countBefore[range.lowerBound] }

    /// A birth (or admission) day after this one means fewer than `years` whole years on `day`.
    static func boundary(yearsBefore years: Int, _ day: Day) -> Int32 {
        day.subtracting(years: years).daysSinceEpoch
    }
}
