import CongressCore
import Testing

/// Properties of counting over generated elections (seeded, so every failure reproduces).
@Suite struct TallyPropertyTests {
    struct Case: CustomTestStringConvertible {
        var seed: UInt64
        var election: Election
        var ballots: [Ballot]
        var testDescription: String { "seed \(seed): \(election.body.rawValue) \(election.seats)+\(election.alternateSeats) of \(election.candidates.count), \(ballots.count) ballots" }
    }

    /// Elections of every body kind with random ballots, some of them invalid.
    static let cases: [Case] = (1...120).map { index in
        let seed = UInt64(index) * 7919
        var random = SeededGenerator(seed: seed)
        let bodies: [BodyKind] = [.executiveCommittee, .standingCommittee, .secretary, .deputySecretary, .delegates, .inspectionCommittee, .opinion, .introduction]
        let body = bodies[Int.random(in: 0..<bodies.count, using: &random)]
        var seats = Int.random(in: 1...30, using: &random)
        var alternates = body == .delegates ? Int.random(in: 0...4, using: &random) : 0
        if body == .secretary { seats = 1 }
        if body.isPassFail { alternates = 0; if body == .opinion { seats = 0 } }
        let surplus = body == .secretary || body == .deputySecretary ? Int.random(in: 0...1, using: &random) : Int.random(in: 1...max(1, seats * 3 / 10), using: &random)
        let count = max(1, seats + alternates + surplus)
        let voters = Int.random(in: 3...400, using: &random)
        let base = BaseRecord(kind: body == .opinion ? .attending : .membersCongress, convened: voters)
        let election = Election(title: "P\(index)", body: body, seats: seats, alternateSeats: alternates,
                                candidates: Fixtures.names(count), base: base, ballotsIssued: voters)
        let ballots = (0..<Int.random(in: 0...voters, using: &random)).map { _ in randomBallot(election, using: &random) }
        return Case(seed: seed, election: election, ballots: ballots)
    }

    static func randomBallot(_ election: Election, using random: inout SeededGenerator) -> Ballot {
        let count = election.candidates.count
        let issued = Int.random(in: 0..<50, using: &random) != 0
        let writeIn = Int.random(in: 0..<60, using: &random) == 0
        switch election.ballotForm {
        case .strikeOut:
            // Mostly keep about the number of places, sometimes anything.
            let keep = Int.random(in: 0..<8, using: &random) == 0 ? Int.random(in: 0...count, using: &random)
                : max(0, min(count, election.places - Int.random(in: 0...2, using: &random)))
            let kept = Set((0..<count).shuffled(using: &random).prefix(keep))
            return Ballot(issued: issued, choice: .struck(CandidateSet((0..<count).filter { !kept.contains($0) })), writeIn: writeIn)
        case .agreeDisagree:
            let letters = (0..<count).map { _ in "AAAADDBN".randomElement(using: &random)! }
            var ballot = Ballot.marking(String(letters), issued: issued)
            ballot.writeIn = writeIn
            return ballot
        }
    }

    @Test("Vote totals never exceed valid ballots × places", arguments: cases)
    func votesBounded(_ example: Case) throws {
        let result = try Tally.count(example.election, ballots: example.ballots)
        let total = result.candidates.map(\.votes).reduce(0, +)
        if !example.election.body.isPassFail {
            #expect(total <= result.ballots.valid * example.election.places)
        }
        #expect(result.candidates.allSatisfy { $0.votes <= result.ballots.valid })
        #expect(result.ballots.valid + result.ballots.invalid == result.ballots.returned)
        #expect(result.ballots.invalidByReason.values.reduce(0, +) == result.ballots.invalid)
    }

    @Test("Reordering the ballots changes nothing", arguments: cases)
    func orderDoesNotMatter(_ example: Case) throws {
        var random = SeededGenerator(seed: example.seed ^ 0xABCD)
        let once = try Tally.count(example.election, ballots: example.ballots)
        let shuffled = try Tally.count(example.election, ballots: example.ballots.shuffled(using: &random))
        #expect(once == shuffled)
    }

    @Test("A valid ballot never gives a name more than one vote, nor more names than places", arguments: cases)
    func oneVotePerName(_ example: Case) throws {
        for ballot in example.ballots.prefix(60) {
            let single = try Tally.count(example.election, ballots: [ballot])
            #expect(single.candidates.allSatisfy { $0.votes <= 1 })
            let votes = single.candidates.map(\.votes).reduce(0, +)
            if single.ballots.valid == 0 {
                #expect(votes == 0)
            } else if let limit = example.election.voteLimit {
                #expect(votes <= limit)
            }
        }
    }

    @Test("R-E-29: counting in one pass equals merging partial counts of stacks", arguments: cases)
    func stacksMerge(_ example: Case) throws {
        var random = SeededGenerator(seed: example.seed ^ 0x5EED)
        let stacks = Int.random(in: 1...5, using: &random)
        var counters = Array(repeating: TallyCounter(election: example.election), count: stacks)
        for ballot in example.ballots { try counters[Int.random(in: 0..<stacks, using: &random)].add(ballot) }
        var merged = TallyCounter(election: example.election)
        for counter in counters { merged.merge(counter) }
        #expect(try Tally.result(of: example.election, counter: merged) == Tally.count(example.election, ballots: example.ballots))
    }

    @Test("Winners and alternates are a consistent reading of the votes (R-E-22, R-E-23, R-E-25)", arguments: cases)
    func winnersConsistent(_ example: Case) throws {
        let result = try Tally.count(example.election, ballots: example.ballots)
        guard !example.election.body.isPassFail else { return }
        let elected = result.electedPositions.map { result.candidates[$0].votes }
        #expect(elected == elected.sorted(by: >))
        #expect(elected.allSatisfy { $0 >= result.threshold })
        #expect(result.electedPositions.count + result.unfilledSeats + (result.tie?.cut == .official ? result.tie!.seats : 0) == example.election.seats)
        let losers = result.candidates.filter { $0.outcome == .notElected }.map(\.votes)
        if let lowestWinner = elected.last, let bestLoser = losers.max() { #expect(bestLoser < lowestWinner) }
        for tie in result.ties {
            #expect(Set(tie.positions.map { result.candidates[$0].votes }).count == 1)
            #expect(tie.positions.count > tie.seats)
        }
    }

    @Test("The CSV reader gives the same result as the ballots it was written from", arguments: cases.prefix(40))
    func csvRoundTrip(_ example: Case) throws {
        let csv = Self.csv(example.ballots, election: example.election)
        var counter = TallyCounter(election: example.election)
        try BallotCSV.count(Array(csv.utf8), into: &counter, election: example.election)
        #expect(try Tally.result(of: example.election, counter: counter) == Tally.count(example.election, ballots: example.ballots))
    }

    /// The product's writer (the same one an exported round uses).
    static func csv(_ ballots: [Ballot], election: Election) -> String {
        BallotCSV.file(ballots, candidates: election.candidates.count)
    }
}

@Suite("Ballot file writing")
struct BallotCSVWritingTests {
    @Test("an export sorted by row text is the same file whatever the order of entry")
    func exportOrder() {
        let ballots = [Ballot.striking([2]), .striking([1, 3]), Ballot(issued: false, choice: .struck(CandidateSet())), .striking([2])]
        let once = BallotCSV.file(BallotCSV.sortedForExport(ballots, candidates: 3), candidates: 3)
        let again = BallotCSV.file(BallotCSV.sortedForExport(ballots.reversed(), candidates: 3), candidates: 3)
        #expect(once == again)
        #expect(once.hasPrefix("issued,struck,marks,writein,marked\n"))
        #expect(BallotCSV.row(.marking("ADBN"), candidates: 4) == "yes,,ADBN,,")
    }
}

