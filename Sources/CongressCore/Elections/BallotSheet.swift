/// A printable ballot (R-E-11): the full names in ballot order (R-E-10), the area for the
/// convening committee's stamp in the upper-left corner, Agree/Disagree columns when the list
/// has no surplus (R-E-12), and nothing that could tell one ballot from another: no serial
/// number, no code, no date or time of printing.
public struct BallotSheet: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var name: String
    }

    public enum Paper: String, Sendable, CaseIterable {
        case a4 = "A4", a5 = "A5"
    }

    public var language: String
    public var paper: String
    public var party: String
    /// The organisation holding the congress, printed under the party's name (the web sets it
    /// from the congress's unit; a ballot printed from a bare election file goes without).
    public var organisation: String?
    public var stamp: String
    public var heading: String
    public var title: String
    public var body: String
    public var round: String?
    public var seats: String
    public var instruction: String
    public var agreeDisagree: Bool
    public var numberLabel: String
    public var nameLabel: String
    public var agreeLabel: String
    public var disagreeLabel: String
    public var lines: [Line]

    /// Why a ballot cannot be printed.
    public enum Refusal: Error, Sendable, Equatable {
        /// R-E-10: the list is not in ballot order; `name` is the first out of place, `expected` what belongs there.
        case notInBallotOrder(position: Int, name: String, expected: String)

        public var ruleID: String { "R-E-10" }

        public func message(_ language: Language) -> String {
            switch self {
            case let .notInBallotOrder(position, name, expected):
                Catalogue.text("ballot.notInOrder", language, position, name, expected)
            }
        }
    }

    /// The sheet for an election whose list has passed the list checks (R-E-6).
    public init(election: Election, paper: Paper = .a4, language: Language) throws(Refusal) {
        let ordered = VietnameseNameOrder.sorted(election.candidates)
        if let index = election.candidates.indices.first(where: { election.candidates[$0] != ordered[$0] }) {
            throw .notInBallotOrder(position: index + 1, name: election.candidates[index], expected: ordered[index])
        }
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, language, arguments: arguments) }
        self.language = language.rawValue
        self.paper = paper.rawValue
        party = t("minutes.party", [])
        stamp = t("ballot.stamp", [])
        heading = t("ballot.heading", [])
        title = election.title
        body = t("ballot.body", [t("body.\(election.body.rawValue)", [])])
        round = election.round > 1 ? t("ballot.round", [election.round]) : nil
        seats = election.alternateSeats > 0
            ? t("ballot.seatsWithAlternates", [election.seats, election.alternateSeats])
            : t("ballot.seats", [election.seats])
        agreeDisagree = election.ballotForm == .agreeDisagree
        instruction = t(agreeDisagree ? "ballot.instruction.agreeDisagree" : "ballot.instruction.strikeOut", [])
        numberLabel = t("ballot.number", [])
        nameLabel = t("ballot.name", [])
        agreeLabel = t("ballot.agree", [])
        disagreeLabel = t("ballot.disagree", [])
        lines = election.candidates.enumerated().map { Line(number: $0.offset + 1, name: $0.element) }
    }
}
