import CongressCore
import CongressStore
import Hummingbird

/// What every congress page loads first: the counting store, the round (checked to belong to
/// the unit the guard authorised, so a round ID from another subtree answers 404), its congress.
struct CongressContext {
    let store: any CountingStore
    let round: CountingRound
    let congress: StoredCongress?
    /// The counting board of the conference when the round counts an introduction ballot of a
    /// personnel scheme (R-P-3), which belongs to no congress.
    var introductionBoard: [Person.ID]? = nil

    static func store(_ dependencies: WebDependencies) throws -> any CountingStore {
        guard let store = dependencies.counting else { throw WebError.notFound }
        return store
    }

    static func load(_ dependencies: WebDependencies, _ context: AppRequestContext, _ authorised: Authorised) async throws -> CongressContext {
        let store = try store(dependencies)
        let id = Round.ID(try context.parameters.recordID("round"))
        guard let round = try await store.round(id), round.unit == authorised.unit else { throw WebError.notFound }
        let congress: StoredCongress? = if let congressID = round.congress { try await store.congress(congressID) } else { nil }
        var loaded = CongressContext(store: store, round: round, congress: congress)
        if round.congress == nil, let personnel = dependencies.personnel, let scheme = try await personnel.scheme(countingRound: round.id) {
            // R-P-5: an introduction ballot is personnel work: the organising staff who hold the
            // scheme and the conference's own counting board see it; nobody else learns it exists.
            let board = scheme.record.countingBoard(of: round.id)
            let user = try authorised.user
            let staff = authorised.tree.map { tree in user.policy.allows(.viewPersonnel, on: round.unit, isWithin: tree.isWithin) } ?? false
            guard staff || user.user.memberID.map(board.contains) == true else { throw WebError.notFound }
            loaded.introductionBoard = board
        }
        return loaded
    }

    /// The congress named by the form's `congress` field, checked to be the authorised unit's.
    static func formCongress(_ dependencies: WebDependencies, _ authorised: Authorised) async throws
        -> (store: any CountingStore, congress: StoredCongress, unit: PartyUnit.ID) {
        let store = try store(dependencies)
        let id = CongressRecord.ID(try authorised.form.recordID("congress"))
        guard let code = authorised.unit, let congress = try await store.congress(id), congress.record.unit == code else { throw WebError.notFound }
        return (store, congress, code)
    }

    /// A round opened after `round` in the same congress (a next round, a re-election), then its page.
    func openFollowing(_ election: Election, subject: String, detail: String, _ authorised: Authorised) async throws -> Response {
        let id: Round.ID
        do {
            id = try await store.openFollowing(round: round.id, election: election,
                                               audit: AuditDraft(actor: try Self.clerk(authorised), action: .roundOpened,
                                                                 subject: subject, detail: detail, unit: round.unit))
        } catch {
            throw Self.refusal(error)
        }
        return Redirect.to("/units/\(round.unit)/rounds/\(id)", notice: .roundOpened)
    }

    /// The register's names of the member IDs a list writes for people outside the congress
    /// (R-E-9: the core refuses an ID the register does not hold, or a name that is not its bearer's).
    static func registeredNames(_ lines: [String], outside congress: CongressRecord,
                                _ register: any RegisterStore) async throws -> [Person.ID: String] {
        var names: [Person.ID: String] = [:]
        for id in Set(ElectionOpening.writtenMemberIDs(lines, outside: congress)) {
            if let record = try await register.personRecord(id) { names[id] = record.person.fullName }
        }
        return names
    }

    /// R-E-4: only the members the congress voted to its counting board count, each through
    /// the account bound to their member ID; a round of no congress, or a congress without a
    /// board, is counted by nobody.
    /// With `head`, R-E-28: only the board's head (its first member) may act.
    func requireBoard(_ authorised: Authorised, head: Bool = false) throws {
        let memberID = try authorised.user.user.memberID
        let board = congress?.record.countingBoard ?? introductionBoard ?? []
        do {
            if head { try CountingBoardSeat.checkHead(board: board, memberID: memberID) } else {
                try CountingBoardSeat.check(board: board, memberID: memberID)
            }
        } catch {
            throw Self.boardRefusal(error, congress?.record)
        }
    }

    static func boardRefusal(_ refusal: CountingBoardSeat.Refusal, _ record: CongressRecord?) -> WebError {
        switch refusal {
        case .noBoard: .badInput(key: "web.board.noBoard", arguments: [])
        case .notOnBoard: .forbidden
        case .notHead(let head): .badInput(key: "web.board.headCertifies", arguments: [record?.name(of: head) ?? head.rawValue])
        }
    }

    /// The election as counted: the stored list and base, with the ballots actually issued.
    var election: Election {
        var election = round.election
        if round.lifecycle.issued > 0 { election.ballotsIssued = round.lifecycle.issued }
        return election
    }

    var base: String { "/units/\(round.unit)/rounds/\(round.id)" }

    /// The result from the agreed entries only (R-E-29), once counting is closed.
    func result() async throws -> ElectionResult? {
        let state = round.lifecycle.state
        guard [.counted, .tiePending, .certified, .approved, .annulled].contains(state) else { return nil }
        let ballots = try await store.agreedBallots(round: round.id)
        return try Tally.count(election, ballots: ballots)
    }

    /// Who may see the result: the board and the presidium once counted; everyone who may see the
    /// congress once the board has certified and released it.
    static func mayReadResult(_ state: RoundLifecycle.State, counts: Bool, runs: Bool) -> Bool {
        switch state {
        case .certified, .approved, .annulled: true
        case .counted, .tiePending: counts || runs
        default: false
        }
    }

    /// The user's login, the clerk's identity in the entries.
    static func clerk(_ authorised: Authorised) throws -> String { try authorised.user.user.login }

    /// A store refusal as a 400 page with its message (never an internal name).
    static func refusal(_ error: any Error) -> any Error {
        guard let error = error as? StoreError else { return error }
        if case .database = error { return error }
        return WebError.storeRefusal(error)
    }
}

extension CongressContext {
    /// Changes a congress record under its version check, reading it again if someone else
    /// changed it meanwhile; `change` returns the audit detail, or nil to change nothing.
    static func updateCongress(_ store: any CountingStore, _ id: CongressRecord.ID, actor: String,
                               _ change: (inout CongressRecord) throws -> String?) async throws {
        for _ in 0..<3 {
            guard let stored = try await store.congress(id) else { throw WebError.notFound }
            var record = stored.record
            guard let detail = try change(&record) else { return }
            do {
                _ = try await store.updateCongress(id, version: stored.version, record, audit: AuditDraft(
                    actor: actor, action: .congressChanged, subject: "congress \(id)", detail: detail, unit: record.unit))
                return
            } catch StoreError.counting(.congressChanged) {
                continue
            }
        }
        throw refusal(StoreError.counting(.congressChanged(id)))
    }

    /// What a round's step writes to its congress in the step's own transaction (`change`
    /// decides, from the core); nil when the round is of no congress or nothing changes.
    static func congressWrite(_ store: any CountingStore, round: CountingRound, actor: String,
                              _ change: (inout CongressRecord) -> String?) async throws -> CongressWrite? {
        guard let id = round.congress, let stored = try await store.congress(id) else { return nil }
        var record = stored.record
        guard let detail = change(&record) else { return nil }
        return CongressWrite(id: id, version: stored.version, record: record, audit: AuditDraft(
            actor: actor, action: .congressChanged, subject: "congress \(id)", detail: detail, unit: record.unit))
    }

    /// Applies a round's step with what it writes to the congress, reading the congress again and
    /// retrying when someone changed it meanwhile (the write is version-checked).
    static func withCongress(_ store: any CountingStore, round: CountingRound, actor: String,
                             _ change: (inout CongressRecord) -> String?,
                             _ step: (CongressWrite?) async throws(StoreError) -> Void) async throws {
        for attempt in 1...3 {
            let write = try await congressWrite(store, round: round, actor: actor, change)
            do {
                try await step(write)
                return
            } catch .counting(.congressChanged) where attempt < 3 {
                continue
            } catch {
                throw refusal(error)
            }
        }
    }
}
