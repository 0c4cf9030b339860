/// A decision by show of hands (R-E-2): working bodies, the number of seats, the list,
/// withdrawals. Recorded with the counts for and against.
public struct Motion: Sendable, Codable, Hashable {
    public enum Subject: String, Sendable, Codable, CaseIterable, Hashable {
        case presidium, secretariat, credentialsBoard, countingBoard, numberOfSeats, electionList, withdrawal, alternateSeats
    }

    public var subject: Subject
    public var text: String
    public var inFavour: Int
    public var against: Int
    public var abstaining: Int

    public init(subject: Subject, text: String, inFavour: Int, against: Int, abstaining: Int = 0) {
        self.subject = subject
        self.text = text
        self.inFavour = inFavour
        self.against = against
        self.abstaining = abstaining
    }

    /// Carried by more than half of those voting present (`present`).
    public func carried(present: Int) -> Bool { inFavour * 2 > present }
}

/// Why a counting board cannot be approved.
public enum CountingBoardProblem: Error, Sendable, Equatable {
    /// R-E-4: nobody on an election list the board counts may sit on it.
    case memberOnList(memberID: Person.ID)
    /// R-E-4: members are official delegates (members' congress: full members) of this congress.
    case notEligible(memberID: Person.ID)
    case empty

    public var ruleID: String { "R-E-4" }
}

/// The counting board's membership checked against the roll and the lists it will count.
public enum CountingBoardCheck {
    /// `eligible`: the member IDs of official delegates (or full members) of the congress;
    /// `lists`: the member IDs on every election list the board counts. Technical staff who
    /// help with computer entry are not board members and are not checked here.
    public static func check(board: [Person.ID], eligible: Set<Person.ID>, lists: Set<Person.ID>) throws(CountingBoardProblem) {
        guard !board.isEmpty else { throw .empty }
        for member in board {
            if lists.contains(member) { throw .memberOnList(memberID: member) }
            if !eligible.contains(member) { throw .notEligible(memberID: member) }
        }
    }
}

extension CongressRecord {
    /// R-E-27: a body or delegates appointed by decision instead of elected. Each line is a
    /// name, or "Name (member ID)" where two people of the congress bear the name (R-E-9, as an
    /// election's list); someone appointed from outside the congress keeps only their name.
    /// Returns the audit detail.
    /// `registered`: the register's names of the member IDs written for people outside the congress.
    public mutating func appoint(_ lines: [String], role: SeatRole, decision: String, on day: Day,
                                 registered: [Person.ID: String] = [:]) throws(ElectionOpening.Refusal) -> String {
        let entries = try ElectionOpening.resolve(lines, congress: self, registered: registered)
        let source = "decision \(decision) of \(day.vietnamese) (R-E-27)"
        composition += entries.map { BodySeat(memberID: $0.memberID, name: $0.name, role: role, source: source) }
        return "appointed \(entries.count) \(role.rawValue): \(source)"
    }
}
