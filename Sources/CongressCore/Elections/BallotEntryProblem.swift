/// Why a ballot row cannot be read: an entry error, not an invalid ballot (formats.md §2).
public enum BallotEntryProblem: Error, Sendable, Equatable {
    /// A ballot number that is not on the list.
    case numberOutsideList(number: Int, candidates: Int)
    /// A ballot number that is not a whole number.
    case notABallotNumber(text: String)
    /// The same ballot number struck twice.
    case numberRepeated(number: Int)
    /// A `marks` string whose length is not the number of candidates.
    case marksLength(found: Int, expected: Int)
    /// A letter in `marks` other than A, D, B, N.
    case unknownMark(text: String)
    /// `marks` given for a strike-out ballot.
    case marksOnStrikeOut
    /// `struck` given for an agree/disagree ballot.
    case struckOnAgreeDisagree
    /// A yes/no column with another value.
    case notYesNo(column: String, text: String)
    /// A row with the wrong number of fields.
    case fieldCount(found: Int, expected: Int)
    /// The header row is missing or lacks a required column.
    case header(missing: [String], unknown: [String])
    /// More ballots returned than issued.
    case moreBallotsThanIssued(returned: Int, issued: Int)
    /// The file is not UTF-8 text.
    case notUTF8
}
