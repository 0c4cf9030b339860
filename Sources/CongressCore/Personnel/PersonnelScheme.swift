/// The personnel scheme (đề án nhân sự) of a unit's congress: the number of seats of each body
/// within the cycle's sizes (R-C-5), the leaders it designates (R-E-26), and for each body the
/// people introduced by the five steps (R-P-3), whose list becomes the convening committee's list
/// of the congress's election (R-E-3) by member ID, in ballot order (R-E-10).
public struct PersonnelScheme: Sendable, Hashable, Codable {
    public struct Body: Sendable, Hashable, Codable {
        public var kind: BodyKind
        public var seats: Int
        /// The people introduced, as step 5 adopted them.
        public var introduced: [Person.ID]

        public init(kind: BodyKind, seats: Int, introduced: [Person.ID] = []) {
            self.kind = kind
            self.seats = seats
            self.introduced = introduced
        }
    }

    public enum Problem: Sendable, Hashable {
        /// R-C-5: the numbers are outside the cycle's sizes.
        case size(CommitteeSizes.Problem)
        /// R-E-6: a list carries more surplus than the cap allows, or none where one is required.
        case surplus(BodyKind, names: Int, seats: Int, allowed: ClosedRange<Int>)
        /// R-E-6 (warning): the convening list's surplus is outside 10–15%.
        case conveningSurplusOutsideRange(BodyKind, names: Int, seats: Int, range: ClosedRange<Int>)
        /// R-E-26: a designated leader is not introduced for the executive committee.
        case designatedNotIntroduced(DesignatedLeader)

        public var ruleID: String {
            switch self {
            case .size(let problem): problem.ruleID
            case .surplus, .conveningSurplusOutsideRange: "R-E-6"
            case .designatedNotIntroduced: "R-E-26"
            }
        }

        /// Whether the scheme cannot go to the congress with it (the rest are warnings).
        public var blocks: Bool {
            if case .conveningSurplusOutsideRange = self { false } else { true }
        }
    }

    public var unit: PartyUnit.ID
    public var term: String
    /// How many units the commune was formed from (R-C-5), for commune-level schemes.
    public var mergedUnits: Int
    public var level: CommitteeLevel
    public var bodies: [Body]
    public var designated: [DesignatedLeader]
    /// The outgoing executive committee, which convenes the congress and puts its list (R-E-8).
    public var conveningCommittee: [Person.ID]

    public init(unit: PartyUnit.ID, term: String, level: CommitteeLevel, mergedUnits: Int = 1, bodies: [Body],
                designated: [DesignatedLeader] = [], conveningCommittee: [Person.ID] = []) {
        self.conveningCommittee = conveningCommittee
        self.unit = unit
        self.term = term
        self.level = level
        self.mergedUnits = mergedUnits
        self.bodies = bodies
        self.designated = designated
    }

    public func body(_ kind: BodyKind) -> Body? { bodies.first { $0.kind == kind } }

    /// What is wrong with the scheme under `rulebook` and the cycle's `sizes`.
    public func problems(rulebook: Rulebook = .qd190, sizes: CommitteeSizes = .c2025_2030) -> [Problem] {
        var problems: [Problem] = []
        if level == .commune, let executive = body(.executiveCommittee) {
            problems += sizes.commune(executive: executive.seats, standing: body(.standingCommittee)?.seats ?? sizes.communeStanding.lowerBound,
                                      deputies: designated.filter { $0.role == .deputySecretary }.count, mergedUnits: mergedUnits).map(Problem.size)
        }
        for body in bodies where !body.introduced.isEmpty {
            let names = body.introduced.count
            let required = rulebook.bodiesRequiringSurplus.contains(body.kind)
            let allowed = (body.seats + (required ? 1 : 0))...(body.seats + ListCheck.surplusCap(seats: body.seats, rulebook: rulebook))
            if !allowed.contains(names) {
                problems.append(.surplus(body.kind, names: names, seats: body.seats, allowed: allowed))
            } else if required {
                let range = ListCheck.conveningSurplusRange(seats: body.seats, rulebook: rulebook)
                if !range.contains(names - body.seats) {
                    problems.append(.conveningSurplusOutsideRange(body.kind, names: names, seats: body.seats, range: range))
                }
            }
        }
        let executive = Set(body(.executiveCommittee)?.introduced ?? [])
        for leader in designated where leader.memberID.map({ !executive.contains($0) }) ?? true {
            problems.append(.designatedNotIntroduced(leader))
        }
        return problems
    }

    /// The convening committee's list of `kind`'s election (R-E-3): each person introduced as
    /// `Name (member ID)`, the form an election list reads (R-E-9), in ballot order (R-E-10).
    public func electionList(_ kind: BodyKind, names: [Person.ID: String]) -> [String] {
        let entries = (body(kind)?.introduced ?? []).map { ListEntry(name: names[$0] ?? $0.rawValue, memberID: $0) }
        return VietnameseNameOrder.sorted(entries).map { "\($0.name) (\($0.memberID?.rawValue ?? ""))" }
    }
}
