/// Who fills which places: winners over the threshold in descending order of votes (R-E-22),
/// official delegates before alternates from one list (R-E-25), ties at a cut-off left pending
/// (R-E-23) and places nobody reached left unfilled (R-E-24).
enum SeatAllocation {
    /// Positions in descending order of votes; equal votes keep ballot order (for listing only:
    /// equal votes across a cut-off are a tie, never decided by this order).
    static func ranking(_ votes: [Int]) -> [Int] {
        votes.indices.sorted { votes[$0] != votes[$1] ? votes[$0] > votes[$1] : $0 < $1 }
    }

    static func allocate(_ result: inout ElectionResult, votes: [Int]) {
        let seats = result.election.seats
        let allPlaces = seats + result.election.alternateSeats
        let qualifiers = ranking(votes).filter { votes[$0] >= result.threshold }   // R-E-16
        var filled = 0
        for group in groupsOfEqualVotes(qualifiers, votes: votes) {
            let start = filled, end = filled + group.count
            filled = end
            if end <= seats {
                mark(&result, group, .elected)
                result.electedPositions += group
            } else if start < seats {
                // R-E-23: the group straddles the last official place.
                mark(&result, group, .tied)
                result.ties.append(Tie(
                    cut: .official, positions: group.sorted(), names: group.sorted().map { result.candidates[$0].name },
                    seats: seats - start, alternateSeats: max(0, min(end, allPlaces) - seats)))
            } else if end <= allPlaces {
                mark(&result, group, .alternate)
                result.alternatePositions += group
            } else if start < allPlaces {
                // R-E-23 applied to the last alternate place.
                mark(&result, group, .tied)
                result.ties.append(Tie(
                    cut: .alternate, positions: group.sorted(), names: group.sorted().map { result.candidates[$0].name },
                    seats: allPlaces - start, alternateSeats: 0))
            } else {
                break
            }
        }
        result.unfilledSeats = seats - min(qualifiers.count, seats)
        result.unfilledAlternateSeats = result.election.alternateSeats - min(max(qualifiers.count - seats, 0), result.election.alternateSeats)
    }

    private static func groupsOfEqualVotes(_ ranked: [Int], votes: [Int]) -> [[Int]] {
        var groups: [[Int]] = []
        for position in ranked {
            if let last = groups.last?.last, votes[last] == votes[position] {
                groups[groups.count - 1].append(position)
            } else {
                groups.append([position])
            }
        }
        return groups
    }

    private static func mark(_ result: inout ElectionResult, _ positions: [Int], _ outcome: CandidateResult.Outcome) {
        for position in positions { result.candidates[position].outcome = outcome }
    }
}
