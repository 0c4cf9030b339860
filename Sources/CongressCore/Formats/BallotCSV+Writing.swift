extension BallotCSV {
    /// The header of a ballot file (formats.md §2).
    public static let header = "issued,struck,marks,writein,marked"

    /// One ballot as a row of the ballot file: what a clerk entered, and what an exported round
    /// carries so that `congress tally` elsewhere reproduces the count.
    public static func row(_ ballot: Ballot, candidates: Int) -> String {
        var struck = "", marks = ""
        switch ballot.choice {
        case .struck(let set):
            struck = set.positions.map { String($0 + 1) }.joined(separator: " ")
        case .marks(let agree, let disagree):
            marks = String((0..<candidates).map { position -> Character in
                switch (agree.contains(position), disagree.contains(position)) {
                case (true, true): "B"
                case (true, false): "A"
                case (false, true): "D"
                case (false, false): "N"
                }
            })
        }
        return "\(ballot.issued ? "yes" : "no"),\(struck),\(marks),\(ballot.writeIn ? "yes" : ""),\(ballot.identifyingMarks ? "yes" : "")"
    }

    /// A whole ballot file. Ballots are written in the order given; callers that export a count
    /// sort them first (`sortedForExport`) so the file reveals nothing of the order of entry.
    public static func file(_ ballots: [Ballot], candidates: Int) -> String {
        ([header] + ballots.map { row($0, candidates: candidates) }).joined(separator: "\n") + "\n"
    }

    /// The ballots in the order of their rows' text: any order of entry gives the same file.
    public static func sortedForExport(_ ballots: [Ballot], candidates: Int) -> [Ballot] {
        ballots.map { (row($0, candidates: candidates), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
