/// R-E-8: members of the convening committee nominate only people on its list, and stand only
/// if they are on it themselves. Checked when an election's list is opened.
public enum ConveningNominations {
    public enum Problem: Error, Sendable, Hashable {
        /// A member of the convening committee nominated someone who is not on its list.
        case nominatedOffList(by: Person.ID, nominee: Person.ID)
        /// A member of the convening committee stands without being on its list.
        case standsOffList(Person.ID)
        public var ruleID: String { "R-E-8" }
    }

    /// `candidates`: everyone on the election's list; `nominations`: who nominated whom from the floor.
    public static func problems(conveningCommittee: Set<Person.ID>, conveningList: Set<Person.ID>, candidates: [Person.ID],
                                nominations: [(by: Person.ID, nominee: Person.ID)]) -> [Problem] {
        let offList = nominations.filter { conveningCommittee.contains($0.by) && !conveningList.contains($0.nominee) }
            .map { Problem.nominatedOffList(by: $0.by, nominee: $0.nominee) }
        let standing = candidates.filter { conveningCommittee.contains($0) && !conveningList.contains($0) }.map(Problem.standsOffList)
        return offList + standing
    }
}

/// R-P-6: someone not elected to the lower-level committee in this cycle is not introduced for
/// election to the higher-level committee. The product checks it against the compositions it
/// holds: the person must sit, elected, on the executive committee of the lower unit for the term.
public enum LowerCommitteeCheck {
    public enum Verdict: Sendable, Hashable {
        case elected(lowerUnit: PartyUnit.ID)
        /// The lower unit's congress has not certified its executive committee yet: cannot tell.
        case lowerCongressPending(lowerUnit: PartyUnit.ID)
        case notElected(lowerUnit: PartyUnit.ID)
        /// The person belongs to no unit under the higher one (a cadre sent from elsewhere).
        case noLowerUnit

        public var ruleID: String { "R-P-6" }
        public var allowsIntroduction: Bool { if case .elected = self { true } else { false } }
    }

    /// `memberUnit`: the unit the person belongs to; `higher`: the unit whose committee is prepared;
    /// `compositions`: for each unit whose congress of the term certified its executive committee,
    /// the members elected to it (not appointed).
    public static func check(_ person: Person.ID, memberUnit: PartyUnit.ID, higher: PartyUnit.ID, tree: OrganisationTree,
                             compositions: [PartyUnit.ID: Set<Person.ID>]) -> Verdict {
        // The lower unit is the child of `higher` on the path to the person's unit.
        let chain = tree.ancestry(of: memberUnit).map(\.code)
        guard let index = chain.firstIndex(of: higher), index + 1 < chain.count else { return .noLowerUnit }
        let lower = chain[index + 1]
        guard let elected = compositions[lower] else { return .lowerCongressPending(lowerUnit: lower) }
        return elected.contains(person) ? .elected(lowerUnit: lower) : .notElected(lowerUnit: lower)
    }

    /// The members a congress's composition elected to its executive committee (R-E-22): seats
    /// from a counted round, not appointments.
    public static func elected(_ composition: [BodySeat]) -> Set<Person.ID> {
        Set(composition.filter { $0.role == .committeeMember && $0.isElected }.compactMap(\.memberID))
    }
}
