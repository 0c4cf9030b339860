/// An entry error in a ballot file: the line (1-based, the header is line 1) and the problem.
public struct BallotRowError: Error, Sendable, Equatable {
    /// The line in the file; `nil` for a problem of the whole file.
    public var line: Int?
    public var problem: BallotEntryProblem

    public init(line: Int?, problem: BallotEntryProblem) {
        self.line = line
        self.problem = problem
    }
}

/// All entry errors found in one ballot file, in line order (at most `limit` are kept).
public struct BallotFileErrors: Error, Sendable, Equatable {
    public var errors: [BallotRowError]
    /// How many errors there were in all, including those not kept.
    public var total: Int

    public static let limit = 50

    public init(errors: [BallotRowError], total: Int) {
        self.errors = errors
        self.total = total
    }
}
