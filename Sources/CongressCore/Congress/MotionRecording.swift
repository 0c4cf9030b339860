/// A motion voted by show of hands (R-E-2) recorded on the congress; a carried counting board
/// motion names the board (R-E-4). One decision over the record and the congress's rounds, so
/// that the web layer only parses the form and renders the answer.
public enum MotionRecording {
    public enum Refusal: Error, Sendable, Equatable {
        /// R-E-2: more votes than voters present.
        case tooManyVotes(present: Int)
        /// R-E-4: the board is voted before ballots are issued and cannot change under a count.
        case boardLocked
        /// R-E-4: one member named twice on the board.
        case boardRepeated
        /// R-E-4: a member not eligible, or on a list the board counts.
        case board(CountingBoardProblem)
    }

    /// One round of the congress as the decision needs it: its list and where it stands.
    public struct Round: Sendable {
        public var election: Election
        public var state: RoundLifecycle.State

        public init(election: Election, state: RoundLifecycle.State) {
            self.election = election
            self.state = state
        }
    }

    /// Records `motion` on `record`; `board` (head first) when the motion names a counting board.
    /// Returns the audit detail.
    public static func record(_ motion: Motion, board: [Person.ID], rounds: [Round], into record: inout CongressRecord) throws(Refusal) -> String {
        let present = record.voters()
        guard motion.inFavour + motion.against + motion.abstaining <= present else { throw .tooManyVotes(present: present) }
        var detail = "motion \(motion.subject.rawValue): \(motion.inFavour) for, \(motion.against) against (R-E-2)"
        if motion.subject == .countingBoard {
            if rounds.contains(where: { ![.draft, .listAdopted].contains($0.state) }) { throw .boardLocked }
            if motion.carried(present: present) {
                guard Set(board).count == board.count else { throw .boardRepeated }
                let onLists = Set(rounds.flatMap { record.memberIDs(on: $0.election) })
                do { try CountingBoardCheck.check(board: board, eligible: record.boardEligible, lists: onLists) } catch {
                    throw .board(error)
                }
                record.countingBoard = board
                detail += "; counting board, head first: \(board.map(\.rawValue).joined(separator: " ")) (R-E-4)"
            }
        }
        record.motions.append(motion)
        return detail
    }
}

extension CongressRecord {
    /// The members an election's list names: by the member ID it carries, or (a list made
    /// before lists carried IDs, a name outside the roll) by the people of the congress bearing the name.
    public func memberIDs(on election: Election) -> [Person.ID] {
        election.candidates.indices.flatMap { position in
            election.memberID(at: position).map { [$0] } ?? memberIDs(named: election.candidates[position])
        }
    }

    /// R-E-4: who may be chosen for the counting board: full members (official delegates) on no
    /// list of `elections`, in Vietnamese name order (R-E-10), namesakes by member ID.
    public func boardCandidates(lists elections: [Election]) -> [(memberID: Person.ID, name: String)] {
        let eligible = boardEligible.subtracting(elections.flatMap(memberIDs(on:)))
        let people = (kind == .members ? members.map { ($0.memberID, $0.fullName) } : delegates.map { ($0.memberID, $0.fullName) })
            .filter { eligible.contains($0.0) }
        let keys = Dictionary(people.map { ($0.1, VietnameseNameOrder.sortKey($0.1)) }, uniquingKeysWith: { first, _ in first })
        return people.sorted { ($0.1 == $1.1) ? $0.0 < $1.0 : keys[$0.1]!.lexicographicallyPrecedes(keys[$1.1]!) }
            .map { (memberID: $0.0, name: $0.1) }
    }
}
