/// R-E-7: which floor nominees and self-nominees join the list after their opinion ballot.
///
/// A nominee must pass the opinion ballot (more than 30% of those attending, R-E-20). When the
/// combined list would exceed the surplus cap (R-E-6), passers are added in descending order of
/// opinion votes until the cap is reached; equal votes across that cut are flagged, never broken.
public enum FloorNominees {
    /// The outcome of admitting floor nominees.
    public struct Admission: Sendable, Equatable {
        /// Admitted nominees, in descending order of opinion votes.
        public var admitted: [String]
        /// Nominees who passed but found no room under the cap.
        public var passedWithoutRoom: [String]
        /// Nominees with equal votes across the cap, for the presidium (R-E-7: open → flag).
        public var tie: Tie?
    }

    /// - Parameters:
    ///   - opinion: the counted opinion ballot on the floor nominees.
    ///   - listSize: names already on the convening committee's list.
    ///   - seats: the body's seats.
    ///   - body: the body being elected; only bodies with a surplus cap limit the room.
    public static func admit(opinion: ElectionResult, listSize: Int, seats: Int, body: BodyKind, rulebook: Rulebook) -> Admission {
        let passers = opinion.electedPositions   // passers, in descending order of votes
        let capped = rulebook.bodiesRequiringSurplus.contains(body)
        let room = capped ? max(0, seats + ListCheck.surplusCap(seats: seats, rulebook: rulebook) - listSize) : passers.count
        guard passers.count > room else {
            return Admission(admitted: passers.map { opinion.candidates[$0].name }, passedWithoutRoom: [], tie: nil)
        }
        let name = { (position: Int) in opinion.candidates[position].name }
        let votes = { (position: Int) in opinion.candidates[position].votes }
        // The first nominee left out ties with the last one let in: flag the whole group.
        if room > 0, votes(passers[room]) == votes(passers[room - 1]) {
            let cutVotes = votes(passers[room])
            let above = passers.filter { votes($0) > cutVotes }
            let group = passers.filter { votes($0) == cutVotes }.sorted()
            let tie = Tie(cut: .official, positions: group, names: group.map(name), seats: room - above.count, alternateSeats: 0)
            return Admission(admitted: above.map(name), passedWithoutRoom: passers.filter { votes($0) < cutVotes }.map(name), tie: tie)
        }
        return Admission(admitted: passers.prefix(room).map(name), passedWithoutRoom: passers.dropFirst(room).map(name), tie: nil)
    }
}
