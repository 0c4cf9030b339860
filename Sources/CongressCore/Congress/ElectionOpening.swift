/// Opening an election of a congress from its adopted list: every rule the opening applies, as
/// one pure decision that returns the election to store and what the audit log says of it. The
/// web layer parses the form into a `Request`, loads the opinion round it names, calls `plan`,
/// and stores the plan's election in one transaction with its audit entry.
public enum ElectionOpening {
    /// What the presidium's form asks for.
    public struct Request: Sendable, Equatable {
        public var body: BodyKind
        public var seats: Int
        public var alternateSeats: Int
        /// The adopted list, one person per line, already in ballot order (R-E-10): a full name,
        /// or a full name followed by the member ID in brackets, `Nguyễn Văn An (DV000123)`, which
        /// a name borne by two people on the roll needs.
        public var candidates: [String]
        public var title: String?
        /// The session whose attendance gives the base (0 for the first).
        public var session: Int
        public var requiredEntries: Int
        /// The register's name of each member ID written in the list that is not of the congress
        /// (`writtenMemberIDs`), looked up by the caller: an ID the register does not hold is refused.
        public var registered: [Person.ID: String]

        public init(body: BodyKind, seats: Int, alternateSeats: Int = 0, candidates: [String], title: String? = nil,
                    session: Int = 0, requiredEntries: Int = 2, registered: [Person.ID: String] = [:]) {
            self.registered = registered
            self.body = body
            self.seats = seats
            self.alternateSeats = alternateSeats
            self.candidates = candidates
            self.title = title
            self.session = session
            self.requiredEntries = requiredEntries
        }
    }

    /// The certified opinion ballot whose passers join the list (R-E-7), as the store holds it.
    public struct Opinion: Sendable, Equatable {
        public var election: Election
        public var state: RoundLifecycle.State
        public var congress: CongressRecord.ID?
        public var issued: Int
        public var agreedBallots: [Ballot]

        public init(election: Election, state: RoundLifecycle.State, congress: CongressRecord.ID?, issued: Int, agreedBallots: [Ballot]) {
            self.election = election
            self.state = state
            self.congress = congress
            self.issued = issued
            self.agreedBallots = agreedBallots
        }
    }

    /// What to store: the election, the entries each stack needs, and the audit entry's detail.
    public struct Plan: Sendable, Equatable {
        public var election: Election
        public var requiredEntries: Int
        public var auditDetail: String
    }

    public enum Refusal: Error, Sendable, Equatable {
        /// R-E-10: the list is not in ballot order; `expected` is.
        case notInBallotOrder(expected: [String])
        /// R-E-26: the elections wait for the higher standing committee.
        case paused(reason: String)
        /// R-E-3: `first` must be certified before `body`.
        case cycleOrder(body: BodyKind, first: BodyKind)
        /// R-E-7: the round named is not a certified opinion ballot of this congress.
        case notAnOpinionOfThisCongress
        /// R-E-7: floor nominees tied across the surplus cap; the presidium decides.
        case floorTie(names: [String], seats: Int)
        /// R-E-4: a counting board member stands on the list.
        case countingBoardOnList(name: String)
        /// R-E-9: two people of the congress bear this name; the line needs the member ID.
        case ambiguousName(name: String, memberIDs: [Person.ID])
        /// R-E-9: the member ID written after the name belongs to someone else on the roll.
        case memberMismatch(name: String, memberID: Person.ID)
        /// R-E-9: the member ID written after the name is held neither by the congress nor by the register.
        case unknownMember(name: String, memberID: Person.ID)
        /// The list or the base breaks a rule of the election itself (R-E-6, …).
        case election(ElectionRefusal)
        /// The opinion ballot's agreed ballots cannot be counted.
        case opinionUncountable(TallyFailure)
    }

    /// The election the congress opens, or why it cannot.
    ///
    /// - Parameters:
    ///   - congress: the congress as stored, whose rulebook, roll, composition and pause decide.
    ///   - congressID: its id, which the opinion round must belong to.
    ///   - opinion: the opinion round the form names, if any.
    public static func plan(_ request: Request, congress: CongressRecord, congressID: CongressRecord.ID, opinion: Opinion?) throws(Refusal) -> Plan {
        let entries = try resolve(request.candidates, congress: congress, registered: request.registered)
        let names = entries.map(\.name)
        let ordered = VietnameseNameOrder.sorted(names)
        guard ordered == names else { throw .notInBallotOrder(expected: ordered) }
        if congress.isPaused { throw .paused(reason: congress.pause?.reason ?? "") }
        do { try CycleOrder.check(request.body, composition: congress.composition) } catch {
            switch error { case .notYet(let body, let first): throw .cycleOrder(body: body, first: first) }
        }
        let base = base(of: request.body, congress: congress, session: request.session)
        let issued = CycleOrder.isConference(request.body) ? committeeSize(congress) : congress.voters(session: request.session)
        var list = entries
        var admittedNote = ""
        if let opinion {
            guard opinion.congress == congressID, opinion.election.body == .opinion,
                  [.certified, .approved].contains(opinion.state) else { throw .notAnOpinionOfThisCongress }
            var opinionElection = opinion.election
            opinionElection.ballotsIssued = opinion.issued
            let result: ElectionResult
            do { result = try Tally.count(opinionElection, ballots: opinion.agreedBallots) } catch { throw .opinionUncountable(error) }
            let admission = FloorNominees.admit(opinion: result, listSize: names.count, seats: request.seats, body: request.body,
                                                rulebook: congress.rulebook)
            if let tie = admission.tie { throw .floorTie(names: tie.names, seats: tie.seats) }
            // The nominees keep the members the opinion ballot named.
            let nominees = opinion.election.listEntries
            list = VietnameseNameOrder.sorted(entries + admission.admitted.map { name in
                nominees.first { $0.name == name } ?? ListEntry(name: name)
            })
            admittedNote = "; floor nominees admitted (R-E-7): \(admission.admitted.joined(separator: ", "))"
        }
        // R-E-4 by member ID; a line whose member is unknown is compared by name.
        let board = Set(congress.countingBoard)
        let boardNames = Set(congress.countingBoard.compactMap { congress.name(of: $0) })
        if let clash = list.first(where: { entry in entry.memberID.map(board.contains) ?? boardNames.contains(entry.name) }) {
            throw .countingBoardOnList(name: clash.name)
        }
        let title = request.title ?? "\(request.body.name(.vi)) — \(congress.name)"
        var election = Election(title: title, body: request.body, rulebook: congress.rulebook, seats: request.seats,
                                alternateSeats: request.alternateSeats, candidates: [], base: base, ballotsIssued: max(1, issued))
        election.setList(list)
        do { try ListCheck.validate(election) } catch { throw .election(error) }
        return Plan(election: election, requiredEntries: request.requiredEntries,
                    auditDetail: "\(title): \(request.seats) seats, \(list.count) candidates" + admittedNote)
    }

    /// Each line of the list as the person it names (R-E-9): the member ID written in brackets
    /// after the name, or the one person of the congress (roll, delegates, the new bodies) who
    /// bears the name; no ID when nobody of the congress does (someone from outside the roll).
    /// A member ID written for someone outside the congress must be in the register under the
    /// same name (`registered`: the register's names of those IDs).
    public static func resolve(_ lines: [String], congress: CongressRecord, registered: [Person.ID: String]) throws(Refusal) -> [ListEntry] {
        try lines.map { line throws(Refusal) in
            let (name, written) = split(line)
            let known = congress.people(named: name)
            if let written {
                guard let bearer = congress.name(of: written) ?? registered[written] else { throw .unknownMember(name: name, memberID: written) }
                if bearer != name { throw .memberMismatch(name: name, memberID: written) }
                return ListEntry(name: name, memberID: written)
            }
            guard known.count <= 1 else { throw .ambiguousName(name: name, memberIDs: known) }
            return ListEntry(name: name, memberID: known.first)
        }
    }

    /// The member IDs written in `lines` that `congress` does not hold: the ones the caller looks
    /// up in the register for `Request.registered`.
    public static func writtenMemberIDs(_ lines: [String], outside congress: CongressRecord) -> [Person.ID] {
        lines.compactMap { split($0).memberID }.filter { congress.name(of: $0) == nil }
    }

    /// `Nguyễn Văn An (DV000123)` → the name and the ID; a line without brackets is a name.
    static func split(_ line: String) -> (name: String, memberID: Person.ID?) {
        let text = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let id = text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: " ").joined(separator: " ")
        let name = text[..<open].split(separator: " ").joined(separator: " ")
        guard !id.isEmpty, !name.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return (text, nil) }
        return (name, Person.ID(id))
    }
    /// The base of an election: the first conference's is the new committee (R-E-19); an opinion
    /// ballot's, those attending the session (R-E-20); the congress's, its roll (R-E-17, R-E-18).
    public static func base(of body: BodyKind, congress: CongressRecord, session: Int) -> BaseRecord {
        if CycleOrder.isConference(body) {
            let committee = committeeSize(congress)
            return BaseRecord(kind: .committeeConference, convened: committee, present: committee)
        }
        if body == .opinion {
            let attending = congress.voters(session: session)
            return BaseRecord(kind: .attending, convened: attending, present: attending)
        }
        return congress.base(session: session)
    }

    static func committeeSize(_ congress: CongressRecord) -> Int {
        congress.composition.filter { $0.role == .committeeMember }.count
    }
}
