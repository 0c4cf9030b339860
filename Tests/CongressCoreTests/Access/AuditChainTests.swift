import CongressCore
import Testing

/// A stand-in digest for the rules' tests (the product uses SHA-256): 32 bytes of FNV-1a over
/// the input with 32 different seeds. Deterministic, and any changed byte changes it.
let testDigest: AuditChain.Digest = { bytes in
    (0..<32).map { seed -> UInt8 in
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(seed)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return UInt8(truncatingIfNeeded: hash >> 24)
    }
}

@Suite("Audit log hash chain")
struct AuditChainTests {
    let chain = AuditChain(digest: testDigest)

    func log(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for index in 1...count {
            let draft = AuditDraft(actor: "admin", action: .grantsChanged, subject: "user\(index)", detail: "reviewer@T0\(index)")
            entries.append(chain.entry(after: entries.last, draft, at: "2026-11-22T10:00:0\(index)Z"))
        }
        return entries
    }

    @Test("entries chain from the genesis hash, numbered without gaps")
    func chaining() {
        let entries = log(3)
        #expect(entries.map(\.sequence) == [1, 2, 3])
        #expect(entries[0].previousHash == AuditChain.genesis)
        #expect(entries[1].previousHash == entries[0].hash && entries[2].previousHash == entries[1].hash)
        #expect(entries[0].hash.count == 64 && entries[0].hash != entries[1].hash)
        #expect(chain.verify(entries) == .intact(entries: 3, lastHash: entries[2].hash))
        #expect(chain.verify([AuditEntry]()) == .intact(entries: 0, lastHash: AuditChain.genesis))
    }

    @Test("an edited field is named at its entry", arguments: [1, 2, 3])
    func editedEntry(_ sequence: Int) {
        var entries = log(3)
        entries[sequence - 1].detail = "administrator@TW"
        #expect(chain.verify(entries) == .broken(sequence: sequence, reason: .contentChanged))
    }

    @Test("an entry recomputed after an edit breaks the link of the next one")
    func rehashedEntry() {
        var entries = log(3)
        entries[1].actor = "intruder"
        entries[1].hash = chain.hash(sequence: 2, at: entries[1].at, actor: "intruder", action: entries[1].action,
                                     subject: entries[1].subject, detail: entries[1].detail, previousHash: entries[1].previousHash)
        #expect(chain.verify(entries) == .broken(sequence: 3, reason: .previousHashMismatch))
    }

    @Test("a removed entry is a gap at the next one")
    func removedEntry() {
        var entries = log(3)
        entries.remove(at: 1)
        #expect(chain.verify(entries) == .broken(sequence: 3, reason: .sequenceGap(expected: 2)))
    }

    @Test("fields cannot be shifted between one another without changing the hash")
    func separatedFields() {
        let a = chain.hash(sequence: 1, at: "t", actor: "ab", action: .signedIn, subject: "c", detail: "", previousHash: AuditChain.genesis)
        let b = chain.hash(sequence: 1, at: "t", actor: "a", action: .signedIn, subject: "bc", detail: "", previousHash: AuditChain.genesis)
        #expect(a != b)
    }
}

@Suite("Access policy and sign-in throttle")
struct AccessPolicyTests {
    /// TW ⊃ T44 ⊃ X1 ⊃ C1; TW ⊃ T01.
    let parents: [PartyUnit.ID: PartyUnit.ID] = ["T44": "TW", "T01": "TW", "X1": "T44", "C1": "X1", "C9": "T01"]
    func isWithin(_ unit: PartyUnit.ID, _ root: PartyUnit.ID) -> Bool {
        var current: PartyUnit.ID? = unit
        while let code = current {
            if code == root { return true }
            current = parents[code]
        }
        return false
    }

    @Test("a grant covers its unit and everything under it, nothing beside or above")
    func subtree() {
        let policy = AccessPolicy(grants: [RoleGrant(role: .organisingStaff, unit: "T44")])
        #expect(policy.allows(.viewMembers, on: "C1", isWithin: isWithin))
        #expect(policy.allows(.viewMembers, on: "T44", isWithin: isWithin))
        #expect(!policy.allows(.viewMembers, on: "C9", isWithin: isWithin))
        #expect(!policy.allows(.viewMembers, on: "TW", isWithin: isWithin))
        #expect(!policy.allows(.manageUsers))
    }

    @Test("roles carry their capabilities: the counting board sees no personnel data, reviewers change nothing")
    func capabilities() {
        #expect(!Role.countingBoard.capabilities.contains(.viewMembers))
        #expect(Role.countingBoard.capabilities.contains(.viewTree))
        #expect(!Role.reviewer.capabilities.contains(.manageUsers))
        #expect(Role.reviewer.capabilities.contains(.viewMembers))
        #expect(Role.administrator.capabilities == Set(Capability.allCases).subtracting([.countBallots, .approveResults, .runCongress,
                                                                                        .viewPersonnel, .managePersonnel]),
                "separation of duties: an administrator neither counts nor approves, nor sees personnel work (R-P-5)")
        #expect(Role.countingBoard.capabilities.contains(.countBallots) && !Role.countingBoard.capabilities.contains(.runCongress))
        #expect(Role.reviewer.capabilities.contains(.approveResults) && !Role.reviewer.capabilities.contains(.countBallots))
        #expect(Role.secretariat.capabilities.contains(.runCongress) && !Role.secretariat.capabilities.contains(.countBallots))
        let mixed = AccessPolicy(grants: [RoleGrant(role: .countingBoard, unit: "TW"), RoleGrant(role: .reviewer, unit: "T01")])
        #expect(mixed.allows(.viewTree, on: "C1", isWithin: isWithin))
        #expect(!mixed.allows(.viewMembers, on: "C1", isWithin: isWithin))
        #expect(mixed.allows(.viewMembers, on: "C9", isWithin: isWithin))
        #expect(mixed.roots(for: .viewTree) == ["TW", "T01"])
    }

    @Test("logins are short lowercase ASCII names")
    func logins() {
        #expect(UserAccount.isValidLogin("nguyen.van-an_2"))
        #expect(!UserAccount.isValidLogin("ab"))
        #expect(!UserAccount.isValidLogin("Nguyễn"))
        #expect(!UserAccount.isValidLogin("a b c"))
    }
}
