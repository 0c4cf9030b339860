/// What a clerk types for one paper ballot on the keyboard-first entry screen (R-E-29): the
/// ballot numbers of the struck names (strike-out ballots) or one letter per name (agree/disagree
/// ballots: A agree, D disagree, B both boxes, N neither), and the flags of the paper.
public struct BallotKeyEntry: Sendable, Equatable {
    public var typed: String
    /// No counting board stamp: not issued (R-E-14).
    public var notIssued: Bool
    /// A name written in (R-E-14, practice).
    public var writeIn: Bool
    /// A signature or identifying marks (R-E-14, practice).
    public var marked: Bool

    public init(typed: String, notIssued: Bool = false, writeIn: Bool = false, marked: Bool = false) {
        self.typed = typed
        self.notIssued = notIssued
        self.writeIn = writeIn
        self.marked = marked
    }

    /// Why the typed text is not a ballot of this election.
    public enum Problem: Error, Sendable, Equatable {
        /// Not a number, or a number outside 1…candidates.
        case notABallotNumber(String, candidates: Int)
        /// The same number twice.
        case repeated(Int)
        /// Agree/disagree marks of the wrong length (one letter per name).
        case marksLength(got: Int, candidates: Int)
        /// A letter other than A, D, B, N.
        case notAMark(Character)

        /// The catalogue key and arguments of the message.
        public var message: (key: String, arguments: [String]) {
            switch self {
            case .notABallotNumber(let text, let candidates): ("entry.key.notANumber", [text, String(candidates)])
            case .repeated(let number): ("entry.key.repeated", [String(number)])
            case .marksLength(let got, let candidates): ("entry.key.marksLength", [String(got), String(candidates)])
            case .notAMark(let letter): ("entry.key.notAMark", [String(letter)])
            }
        }
    }

    /// The ballot, for an election whose ballot form and list are known. Numbers may be separated
    /// by spaces, commas, dots or plus signs; letters may be typed in either case.
    public func ballot(form: BallotForm, candidates: Int) throws(Problem) -> Ballot {
        let choice: Ballot.Choice
        switch form {
        case .strikeOut:
            var struck = CandidateSet()
            let separators: Set<Character> = [" ", ",", ".", "+", ";", "\t"]
            for token in typed.split(whereSeparator: { separators.contains($0) }) {
                guard let number = Int(token), (1...candidates).contains(number) else {
                    throw .notABallotNumber(String(token), candidates: candidates)
                }
                guard !struck.contains(number - 1) else { throw .repeated(number) }
                struck.insert(number - 1)
            }
            choice = .struck(struck)
        case .agreeDisagree:
            let letters = typed.uppercased().filter { !$0.isWhitespace }
            guard letters.count == candidates else { throw .marksLength(got: letters.count, candidates: candidates) }
            var agree = CandidateSet(), disagree = CandidateSet()
            for (position, letter) in letters.enumerated() {
                switch letter {
                case "A": agree.insert(position)
                case "D": disagree.insert(position)
                case "B": agree.insert(position); disagree.insert(position)
                case "N": break
                default: throw .notAMark(letter)
                }
            }
            choice = .marks(agree: agree, disagree: disagree)
        }
        return Ballot(issued: !notIssued, choice: choice, writeIn: writeIn, identifyingMarks: marked)
    }

    /// How a ballot reads back on the screen: the text a clerk would type for it.
    public static func typed(_ ballot: Ballot, candidates: Int) -> String {
        switch ballot.choice {
        case .struck(let struck):
            return (0..<candidates).filter { struck.contains($0) }.map { String($0 + 1) }.joined(separator: " ")
        case .marks(let agree, let disagree):
            return String((0..<candidates).map { position -> Character in
                switch (agree.contains(position), disagree.contains(position)) {
                case (true, true): "B"
                case (true, false): "A"
                case (false, true): "D"
                case (false, false): "N"
                }
            })
        }
    }
}
