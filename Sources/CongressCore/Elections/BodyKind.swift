/// The body an election fills, as named in the election file (formats.md §1).
public enum BodyKind: String, Sendable, Codable, CaseIterable, Hashable {
    case executiveCommittee, standingCommittee, secretary, deputySecretary
    case inspectionCommittee, inspectionChair, cellCommittee, cellSecretary
    /// Delegates to the higher congress: official and alternate from one list (R-E-25).
    case delegates
    /// Opinion ballot on floor nominees (R-E-7, R-E-20): no seats.
    case opinion
    /// Introduction ballot of the personnel process (R-P-3).
    case introduction

    /// Ballots that pass names against a threshold rather than fill seats.
    public var isPassFail: Bool { self == .opinion || self == .introduction }
}

/// Why a ballot is invalid (R-E-14), in the order a ballot with several defects is counted under.
public enum InvalidReason: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Not issued by the counting board: no stamp (firm).
    case notIssued
    /// Votes for more names than seats (firm).
    case tooManyVotes
    /// Votes for nobody on a multi-name list (firm).
    case noVotes
    /// A single-name agree/disagree ballot with both boxes or neither marked (firm by inference).
    case singleNameBothOrNeither
    /// A name written in that is not on the list (practice).
    case writeIn
    /// A signature, identifying marks or other writing (practice).
    case identifyingMarks

    /// The reasons the regulation states; a rulebook cannot switch these off.
    public static let firm: Set<InvalidReason> = [.notIssued, .tooManyVotes, .noVotes, .singleNameBothOrNeither]

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The form a ballot takes (R-E-12).
public enum BallotForm: String, Sendable, Codable {
    /// More candidates than places: the voter strikes out names.
    case strikeOut
    /// As many candidates as places: Agree and Disagree boxes per name.
    case agreeDisagree
}
