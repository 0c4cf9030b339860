/// One physical paper ballot as the counting board reads it (formats.md §2). It carries nothing
/// that identifies the ballot or the voter (R-E-11).
public struct Ballot: Sendable, Hashable {
    /// Issued by the counting board (it bears the stamp).
    public var issued: Bool
    /// What the voter marked.
    public var choice: Choice
    /// A name written in that is not on the list.
    public var writeIn: Bool
    /// A signature, identifying marks or other writing.
    public var identifyingMarks: Bool

    /// The marks on a ballot, by form (R-E-12).
    public enum Choice: Sendable, Hashable {
        /// Strike-out ballot: the positions (0-based) whose names are struck out.
        case struck(CandidateSet)
        /// Agree/disagree ballot: positions with the Agree box marked, and with Disagree marked.
        /// A position in both is "both boxes"; in neither, "neither".
        case marks(agree: CandidateSet, disagree: CandidateSet)
    }

    public init(issued: Bool = true, choice: Choice, writeIn: Bool = false, identifyingMarks: Bool = false) {
        self.issued = issued
        self.choice = choice
        self.writeIn = writeIn
        self.identifyingMarks = identifyingMarks
    }

    /// A strike-out ballot with these ballot numbers (1-based) struck.
    public static func striking(_ numbers: [Int], issued: Bool = true) -> Ballot {
        Ballot(issued: issued, choice: .struck(CandidateSet(numbers.map { $0 - 1 })))
    }

    /// An agree/disagree ballot from letters `A`, `D`, `B`, `N` in ballot order; other letters are
    /// treated as `N`. For tests and fixtures; files go through `BallotCSV`.
    public static func marking(_ letters: String, issued: Bool = true) -> Ballot {
        var agree = CandidateSet(), disagree = CandidateSet()
        for (position, letter) in letters.enumerated() {
            if letter == "A" || letter == "B" { agree.insert(position) }
            if letter == "D" || letter == "B" { disagree.insert(position) }
        }
        return Ballot(issued: issued, choice: .marks(agree: agree, disagree: disagree))
    }
}
