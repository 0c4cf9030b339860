/// Reads the ballot file (formats.md §2) straight from its bytes: one pass, no per-line strings,
/// so a million ballots read in well under a second.
public enum BallotCSV {
    /// The columns of the file, any order, names exact.
    public enum Column: String, CaseIterable, Sendable {
        case issued, struck, marks, writein, marked
    }

    /// Reads every row into `counter`. All rows are checked; if any cannot be read, throws every
    /// entry error (up to `BallotFileErrors.limit`) and the counter must not be used.
    public static func count(_ bytes: [UInt8], into counter: inout TallyCounter, election: Election) throws(BallotFileErrors) {
        var errors: [BallotRowError] = []
        var total = 0
        forEachBallot(bytes, candidates: election.candidates.count, form: election.ballotForm) { line, parsed in
            do throws(BallotEntryProblem) {
                try counter.add(try parsed.get())
            } catch {
                total += 1
                if errors.count < BallotFileErrors.limit { errors.append(BallotRowError(line: line, problem: error)) }
            }
        }
        if total == 0, counter.returned > election.ballotsIssued {
            total = 1
            errors.append(BallotRowError(line: nil, problem: .moreBallotsThanIssued(returned: counter.returned, issued: election.ballotsIssued)))
        }
        if total > 0 { throw BallotFileErrors(errors: errors, total: total) }
    }

    /// One ballot-file row (formats.md §2) read back as a ballot; nil when it is not one.
    public static func ballot(row: String, election: Election) -> Ballot? {
        (try? ballots(Array((header + "\n" + row + "\n").utf8), election: election))?.first
    }

    /// The ballots of a file, for tests and tools that need them one by one.
    public static func ballots(_ bytes: [UInt8], election: Election) throws(BallotFileErrors) -> [Ballot] {
        var ballots: [Ballot] = []
        var errors: [BallotRowError] = []
        forEachBallot(bytes, candidates: election.candidates.count, form: election.ballotForm) { line, parsed in
            switch parsed {
            case .success(let ballot): ballots.append(ballot)
            case .failure(let problem): errors.append(BallotRowError(line: line, problem: problem))
            }
        }
        if !errors.isEmpty { throw BallotFileErrors(errors: Array(errors.prefix(BallotFileErrors.limit)), total: errors.count) }
        return ballots
    }

    /// Calls `body` with the line number and the ballot (or its entry problem) of every data row.
    static func forEachBallot(
        _ bytes: [UInt8], candidates: Int, form: BallotForm,
        _ body: (Int, Result<Ballot, BallotEntryProblem>) -> Void
    ) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            guard let headerLine = reader.nextLine() else {
                body(1, .failure(.header(missing: ["struck", "marks"], unknown: [])))
                return
            }
            let header: RowLayout
            switch RowLayout.parse(headerLine.fields) {
            case .success(let layout): header = layout
            case .failure(let problem): body(1, .failure(problem)); return
            }
            let parser = RowParser(candidates: candidates, form: form, layout: header)
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                body(line.number, parser.parse(line.fields))
            }
        }
    }
}
