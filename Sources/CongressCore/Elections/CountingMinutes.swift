/// The counting minutes of one round (R-E-28) as localized lines, ready for any renderer:
/// plain text here, the printable HTML page in the application.
public struct CountingMinutes: Sendable, Equatable {
    /// A labelled value.
    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// One candidate's line of the results table.
    public struct Row: Sendable, Equatable {
        public var number: String
        public var name: String
        public var votes: String
        public var percent: String
        public var outcome: String
        /// The outcome's code (`elected`, `tied`, …), for styling.
        public var outcomeCode: String
    }

    /// A titled list of names, e.g. the winners in descending order of votes.
    public struct NameList: Sendable, Equatable {
        public var heading: String
        public var items: [String]
        /// Stored, not computed, so templates can test it.
        public var isEmpty: Bool
    }

    /// One place to sign: the board member's role and, when the congress named its board, their name.
    public struct Signer: Sendable, Equatable {
        public var role: String
        public var name: String
        public init(role: String, name: String = "") {
            self.role = role
            self.name = name
        }
    }

    public var language: String
    public var party: String
    public var heading: String
    public var title: String
    public var facts: [Fact]
    public var listHeading: String
    /// The election list: ballot number (label) and full name (value).
    public var list: [Fact]
    public var attendance: [Fact]
    public var base: Fact
    public var baseSteps: [String]
    public var threshold: Fact
    public var ballots: [Fact]
    public var invalidReasons: [Fact]
    public var resultsHeading: String
    public var columns: [String]
    public var rows: [Row]
    public var outcomes: [NameList]
    public var notices: [String]
    public var boardHeading: String
    public var signatures: [Signer]
    public var signHint: String
    /// What an empty name list prints.
    public var noneText: String
    /// Set on minutes printed before the head of the board certified them: every printed page
    /// carries the word, the first its explanation, so a draft is never taken for the minutes.
    public var draftMark: Draft?

    public struct Draft: Sendable, Equatable {
        public var word: String
        public var explanation: String
        public init(word: String, explanation: String) {
            self.word = word
            self.explanation = explanation
        }
    }
}
