import CongressApp
import CongressCore
import CongressSQLite
import CongressStore
import Foundation
import GRDB
import Testing

/// Secrecy as the README promises it: after a round is certified, no table and no audit entry
/// holds a ballot's position, the order in which ballots were typed, or a time per ballot.
@Suite("Secrecy of a certified round")
struct SecrecyTests {
    static let election = Election(title: "Bầu thử", body: .executiveCommittee, seats: 2,
                                   candidates: ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"],
                                   base: BaseRecord(kind: .membersCongress, convened: 9), ballotsIssued: 9)
    /// Typed in this order by both clerks: not sorted, so the typing order is recognisable.
    static let typed: [Ballot] = [.striking([3]), .striking([1]), .striking([2]), .striking([3]), .striking([]),
                                  .striking([1]), .striking([2]), .striking([1, 2]), .striking([3])]

    @Test("secrecy is not what the README says no more: a certified round keeps no position, typing order or per-ballot time")
    func certifiedRoundKeepsNoOrder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("secrecy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secrecy.sqlite").path
        let register = try SQLiteRegisterStore(path: path)
        try await register.addOrganisation(OrganisationRecords(
            units: [PartyUnit(code: "TW", name: "Trung ương", kind: .central), PartyUnit(code: "X1", name: "Xã Thử", kind: .communeCommittee)],
            placements: [UnitPlacement(unit: "TW", parent: nil), UnitPlacement(unit: "X1", parent: "TW")], events: []))
        let store = AccessSetup.countingStore(for: register)
        let drafts = DraftCounter()
        let audit = { (action: AuditAction, subject: String) -> AuditDraft in
            drafts.count += 1
            return AuditDraft(actor: "board", action: action, subject: subject, unit: "X1")
        }
        let id = try await store.openRound(Self.election, unit: "X1", congress: nil, requiredEntries: 2, audit: audit(.roundOpened, "round 1"))
        for event in [RoundLifecycle.Event.adoptList(candidates: 3), .issueBallots(issued: 9), .openCounting(returned: 9)] {
            _ = try await store.apply(event, to: id, audit: audit(.roundEvent, "round 1"))
        }
        try await store.declareStack(round: id, stack: 1, ballots: 9, audit: audit(.stackDeclared, "round 1 stack 1"))
        for (pass, clerk) in [(1, "kp1"), (2, "kp2")] {
            try await store.claimPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: audit(.passClaimed, "round 1 stack 1 pass \(pass)"))
            for (position, ballot) in Self.typed.enumerated() {
                try await store.recordBallot(round: id, stack: 1, pass: pass, clerk: clerk, position: position, ballot: ballot)
            }
            try await store.finishPass(round: id, stack: 1, pass: pass, clerk: clerk, audit: audit(.passFinished, "round 1 stack 1 pass \(pass)"))
        }
        try await store.agreeStack(round: id, stack: 1, ballots: Self.typed, audit: [audit(.stackAgreed, "round 1 stack 1")])
        _ = try await store.apply(.closeCounting(agreedBallots: 9), to: id, audit: audit(.roundEvent, "round 1"))
        _ = try await store.apply(.resultComputed(tiePending: false), to: id, audit: audit(.roundEvent, "round 1"))
        let result = try Tally.count(Self.election, ballots: Self.typed)
        _ = try await store.certify(round: id, result: ResultDocument.encode(result).formatted(), audit: audit(.resultCertified, "round 1"))
        #expect(try await store.entries(round: id, stack: 1).allSatisfy { $0.ballots.isEmpty }, "raw entries are gone")
        #expect(try await store.stacks(round: id).first?.passes.map(\.entered) == [9, 9], "the passes keep their counts")
        #expect(try await store.certifiedAuditHead(round: id) != nil)
        try register.close()

        let typedRows = Self.typed.map { BallotCSV.row($0, candidates: 3) }
        let queue = try DatabaseQueue(path: path)
        try await queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                if columns.contains("position") && table != "role_grant" {
                    #expect(rows.isEmpty, "\(table) keeps positions of a certified round")
                }
                // No text anywhere holds the ballots in the order they were typed.
                for row in rows {
                    for column in columns {
                        guard case .string(let text) = (row[column] as DatabaseValue).storage else { continue }
                        #expect(!text.contains(typedRows.joined(separator: "\n")), "\(table).\(column) keeps the typing order")
                        #expect(!text.contains(typedRows.prefix(4).joined(separator: "\n")), "\(table).\(column) keeps the typing order")
                    }
                }
            }
            let stored = try String.fetchOne(db, sql: "SELECT ballots FROM stack_result WHERE round_id = ?", arguments: [id]) ?? ""
            #expect(stored.split(separator: "\n").map(String.init) == typedRows.sorted() || stored.split(separator: "\n").count == 9)
            #expect(stored.split(separator: "\n").map(String.init) == BallotCSV.sortedForExport(Self.typed, candidates: 3)
                .map { BallotCSV.row($0, candidates: 3) }, "the agreed stack is its sorted multiset")
            // The audit log: no entry per ballot, no ballot content, no position.
            let log = try Row.fetchAll(db, sql: "SELECT action, subject, detail FROM audit_entry")
            #expect(!log.contains { ($0["action"] as String) == AuditAction.ballotEntered.rawValue })
            #expect(log.count == drafts.count, "exactly the round's steps are audited: nothing per ballot")
            for entry in log {
                let text = (entry["subject"] as String) + " " + (entry["detail"] as String)
                #expect(!text.contains("position") && !typedRows.contains { text.contains($0) })
            }
        }
    }
}

/// Counts the audit drafts a test hands to the store.
final class DraftCounter: @unchecked Sendable {
    // Only touched from the test's own task, one step after another.
    var count = 0
}
