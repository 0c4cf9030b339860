/// Independent entry of a stack of ballots (R-E-29): each stack is typed in full by two or three
/// different clerks; the entries are compared position by position, and the stack counts only
/// when they agree, or once the board has settled every difference against the paper.
public enum StackComparison {
    /// One clerk's entry of the whole stack, ballot by ballot in the order of the paper.
    public struct Entry: Sendable, Hashable {
        public var clerk: String
        public var ballots: [Ballot]

        public init(clerk: String, ballots: [Ballot]) {
            self.clerk = clerk
            self.ballots = ballots
        }
    }

    /// A position (0-based) where the entries disagree, with what each clerk typed there
    /// (`nil` where a clerk's entry is shorter).
    public struct Difference: Sendable, Hashable {
        public var position: Int
        public var entered: [Ballot?]

        public init(position: Int, entered: [Ballot?]) {
            self.position = position
            self.entered = entered
        }
    }

    public enum Outcome: Sendable, Equatable {
        /// Every entry agrees: the stack's ballots.
        case agreed([Ballot])
        /// The positions the board must settle against the paper.
        case differ([Difference])
    }

    /// Why a comparison or a settlement cannot be made.
    public enum Problem: Error, Sendable, Equatable {
        /// Fewer independent entries than the rulebook requires.
        case notEnoughEntries(have: Int, need: Int)
        /// One clerk entered the stack twice: entries must be independent.
        case sameClerkTwice(String)
        /// Settlements are missing for these positions.
        case unsettled([Int])
        /// A settlement names a position where the entries already agree.
        case notADifference(Int)

        public var ruleID: String { "R-E-29" }
    }

    /// Compares the entries of one stack; `required` independent entries by different clerks.
    public static func compare(_ entries: [Entry], required: Int = 2) throws(Problem) -> Outcome {
        try check(entries, required: required)
        let differences = self.differences(entries)
        return differences.isEmpty ? .agreed(entries[0].ballots) : .differ(differences)
    }

    /// The stack's ballots once the board has settled every difference (`settlements`: position →
    /// the ballot as the paper reads; `absent`: positions where the paper has no ballot, as when
    /// one clerk typed a ballot twice).
    public static func settle(_ entries: [Entry], settlements: [Int: Ballot], absent: Set<Int> = [],
                              required: Int = 2) throws(Problem) -> [Ballot] {
        try check(entries, required: required)
        let differences = self.differences(entries)
        let open = Set(differences.map(\.position))
        let answered = Set(settlements.keys).union(absent)
        if let stray = answered.sorted().first(where: { !open.contains($0) }) { throw .notADifference(stray) }
        let missing = open.subtracting(answered).sorted()
        guard missing.isEmpty else { throw .unsettled(missing) }
        let length = entries.map(\.ballots.count).max() ?? 0
        var ballots: [Ballot] = []
        for position in 0..<length where !absent.contains(position) {
            if let settled = settlements[position] {
                ballots.append(settled)
            } else {
                ballots.append(entries[0].ballots[position])
            }
        }
        return ballots
    }

    private static func check(_ entries: [Entry], required: Int) throws(Problem) {
        guard entries.count >= required else { throw .notEnoughEntries(have: entries.count, need: required) }
        var clerks = Set<String>()
        for entry in entries where !clerks.insert(entry.clerk).inserted { throw .sameClerkTwice(entry.clerk) }
    }

    private static func differences(_ entries: [Entry]) -> [Difference] {
        let length = entries.map(\.ballots.count).max() ?? 0
        var differences: [Difference] = []
        for position in 0..<length {
            let entered = entries.map { position < $0.ballots.count ? $0.ballots[position] : nil }
            if Set(entered).count > 1 { differences.append(Difference(position: position, entered: entered)) }
        }
        return differences
    }
}
