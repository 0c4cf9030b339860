/// R-E-3: the order of a congress cycle. At the congress: the executive committee, then the
/// delegates to the higher congress. At the new committee's first conference: the standing
/// committee, the secretary, the deputy secretaries, the inspection committee, its chair.
public enum CycleOrder {
    /// Why an election cannot be opened yet.
    public enum Problem: Error, Sendable, Equatable {
        /// `body` comes after `first`, which has no certified result yet.
        case notYet(body: BodyKind, first: BodyKind)

        public var ruleID: String { "R-E-3" }
    }

    /// The body whose certified result must come first, if any.
    public static func prerequisite(of body: BodyKind) -> BodyKind? {
        switch body {
        case .delegates, .standingCommittee, .inspectionCommittee: .executiveCommittee
        case .secretary, .deputySecretary: .standingCommittee
        case .inspectionChair: .inspectionCommittee
        case .cellSecretary: nil
        case .executiveCommittee, .cellCommittee, .opinion, .introduction: nil
        }
    }

    /// Bodies elected by the new committee's first conference, whose base is that committee (R-E-19).
    public static func isConference(_ body: BodyKind) -> Bool {
        [.standingCommittee, .secretary, .deputySecretary, .inspectionCommittee, .inspectionChair].contains(body)
    }

    /// Refuses an election whose prerequisite has no seat in the term's composition yet
    /// (elected and certified, or appointed, R-E-27).
    public static func check(_ body: BodyKind, composition: [BodySeat]) throws(Problem) {
        guard let first = prerequisite(of: body), let role = SeatRole.of(first) else { return }
        guard composition.contains(where: { $0.role == role }) else { throw .notYet(body: body, first: first) }
    }
}
