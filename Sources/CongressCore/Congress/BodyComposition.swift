/// What someone holds in a body elected (or appointed) by a congress or its first conference.
public enum SeatRole: String, Sendable, Codable, CaseIterable, Hashable {
    case committeeMember, standingMember, secretary, deputySecretary
    case inspectionMember, inspectionChair, officialDelegate, alternateDelegate

    /// The role a winner of an election of `body` takes; `alternate` for alternate delegates.
    public static func of(_ body: BodyKind, alternate: Bool = false) -> SeatRole? {
        switch body {
        case .executiveCommittee, .cellCommittee: .committeeMember
        case .standingCommittee: .standingMember
        case .secretary, .cellSecretary: .secretary
        case .deputySecretary: .deputySecretary
        case .inspectionCommittee: .inspectionMember
        case .inspectionChair: .inspectionChair
        case .delegates: alternate ? .alternateDelegate : .officialDelegate
        case .opinion, .introduction: nil
        }
    }
}

/// One person's place in the composition of the term's bodies.
public struct BodySeat: Sendable, Codable, Hashable {
    /// The roll's member ID when the name is on the roll once.
    public var memberID: Person.ID?
    public var name: String
    public var role: SeatRole
    /// Where it comes from: the round that elected them, or the appointing decision (R-E-27).
    public var source: String

    public init(memberID: Person.ID?, name: String, role: SeatRole, source: String) {
        self.memberID = memberID
        self.name = name
        self.role = role
        self.source = source
    }

    /// The source of a seat a counted round gave (R-E-22), as opposed to an appointment (R-E-27).
    public static func source(ofRound round: Round.ID) -> String { "round \(round)" }

    /// Whether a counted round gave the seat.
    public var isElected: Bool { source.hasPrefix("round ") }
}

/// The person the approved personnel scheme designates for a post (R-E-26).
public struct DesignatedLeader: Sendable, Codable, Hashable {
    public var name: String
    /// secretary, deputySecretary or inspectionChair.
    public var role: SeatRole
    /// The member the scheme designates; nil in a record made before leaders carried IDs, which
    /// then falls back on the name.
    public var memberID: Person.ID?

    public init(name: String, role: SeatRole, memberID: Person.ID? = nil) {
        self.name = name
        self.role = role
        self.memberID = memberID
    }

    /// Whether `seat` is this leader's: by member ID where both carry one, by name otherwise.
    func holds(_ seat: BodySeat) -> Bool {
        if let memberID, let seated = seat.memberID { return memberID == seated }
        return name == seat.name
    }

    /// The bodies the post needs its holder to be elected to first.
    public var needs: [BodyKind] {
        switch role {
        case .secretary, .deputySecretary: [.executiveCommittee, .standingCommittee]
        case .inspectionChair: [.executiveCommittee, .inspectionCommittee]
        default: []
        }
    }
}

/// R-E-26: the cycle paused because a designated leader was not elected to the body they need,
/// until the higher standing committee gives its direction.
public struct CongressPause: Sendable, Codable, Hashable {
    public var reason: String
    public var since: String
    /// The higher standing committee's direction that resumed the cycle; nil while paused.
    public var direction: String?

    public init(reason: String, since: String, direction: String? = nil) {
        self.reason = reason
        self.since = since
        self.direction = direction
    }

    public var isPaused: Bool { direction == nil }
}

extension CongressRecord {
    /// The seats a certified result gives (R-E-22, R-E-25): each winner's member ID from the
    /// list; a round opened before lists carried IDs falls back on the one bearer of the name.
    public func seats(from result: ElectionResult, source: String) -> [BodySeat] {
        let election = result.election
        func seat(_ position: Int, alternate: Bool) -> BodySeat? {
            guard let role = SeatRole.of(election.body, alternate: alternate) else { return nil }
            let name = result.candidates[position].name
            let matches = memberIDs(named: name)
            let memberID = election.memberID(at: position) ?? (matches.count == 1 ? matches[0] : nil)
            return BodySeat(memberID: memberID, name: name, role: role, source: source)
        }
        return result.electedPositions.compactMap { seat($0, alternate: false) } + result.alternatePositions.compactMap { seat($0, alternate: true) }
    }

    /// R-E-26: the designated leaders a certified election of `body` left out of a body they need;
    /// `seats` are the seats the election gave, and a leader is matched by member ID.
    public func designatedNotElected(body: BodyKind, seats: [BodySeat]) -> [DesignatedLeader] {
        let elected = seats.filter { $0.role != .alternateDelegate }
        return designated.filter { leader in leader.needs.contains(body) && !elected.contains { leader.holds($0) } }
    }

    /// A certified result joins the term's composition; a designated leader it left out of a
    /// body they need pauses the cycle (R-E-26). Returns what changed, or nil when nothing did.
    public mutating func recordCertified(_ result: ElectionResult, round: Round.ID, on day: Day) -> String? {
        let seats = seats(from: result, source: BodySeat.source(ofRound: round))
        let missing = designatedNotElected(body: result.election.body, seats: seats)
        guard !seats.isEmpty || !missing.isEmpty else { return nil }
        composition += seats
        if !missing.isEmpty, !isPaused {
            let names = missing.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", ")
            pause = CongressPause(reason: "R-E-26: \(names) not elected to \(result.election.body.rawValue)", since: day.iso)
        }
        return "composition: \(seats.count) seats from round \(round)" + (missing.isEmpty ? "" : "; paused (R-E-26)")
    }

    /// R-E-30: an annulled result leaves the term's composition. Returns what changed, or nil.
    public mutating func recordAnnulled(round: Round.ID) -> String? {
        let source = BodySeat.source(ofRound: round)
        let before = composition.count
        composition.removeAll { $0.source == source }
        let removed = before - composition.count
        return removed == 0 ? nil : "annulled (R-E-30): \(removed) seats of \(source) removed"
    }

    /// Whether the cycle is paused (R-E-26).
    public var isPaused: Bool { pause?.isPaused ?? false }
}

extension CongressRecord {
    /// R-E-26: the cycle resumes on the higher standing committee's direction; nil when it was
    /// not paused (nothing changes).
    public mutating func resume(direction: String) -> String? {
        guard isPaused else { return nil }
        pause?.direction = direction
        return "resumed on the higher standing committee's direction (R-E-26): \(direction)"
    }

    /// R-E-30: the minutes and résumés sent to the higher committee on `day` (the deadline's
    /// start); nil when already sent.
    public mutating func recordSubmitted(on day: Day) -> String? {
        guard submittedOn == nil else { return nil }
        submittedOn = day.iso
        return "minutes and résumés sent to the higher committee (R-E-30)"
    }
}
