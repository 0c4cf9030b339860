import CongressCore

/// Which seats a report counts: stored rows and certified compositions of the body and term,
/// their unit under `under` on the row's day (or, for the previous term, merged into it since,
/// R-O-4), of the kind asked, taken the way asked; with each holder and the provinces of §6.
public struct BodySeatSelection: Sendable {
    let register: any RegisterStore
    let congresses: (any CongressRecordStore)?
    let bodies: any BodiesStore
    public let today: OrganisationTree
    let records: OrganisationRecords
    let snapshot: RegisterSnapshot
    /// Where each unit went in 2025 (mergedInto), for the previous term's subtree.
    let successor: [PartyUnit.ID: PartyUnit.ID]
    /// A 63-province code's 2025 province code.
    let province2025: [String: String]

    public init(register: any RegisterStore, congresses: (any CongressRecordStore)?, bodies: any BodiesStore, today day: Day) async throws {
        self.register = register
        self.congresses = congresses
        self.bodies = bodies
        snapshot = try await register.snapshot()
        today = snapshot.tree(on: day)
        records = try await register.organisation()
        var successor: [PartyUnit.ID: PartyUnit.ID] = [:]
        for event in records.events where event.kind == .mergedInto { if let other = event.other { successor[event.unit] = other } }
        self.successor = successor
        var mapping: [String: String] = [:]
        for unit in records.units where unit.kind == .underCentral {
            if let code = Self.provinceCode(unit.code) {
                if unit.code.rawValue.hasPrefix("LT"), let into = successor[unit.code].flatMap({ Self.provinceCode($0) }) { mapping[code] = into }
                else if unit.validFrom == nil { mapping[code] = code }
            }
        }
        province2025 = mapping
    }

    /// `T44` → "44", `LT44` → "44"; another code (the Army, the central bodies) → nil.
    public static func provinceCode(_ unit: PartyUnit.ID) -> String? {
        let text = unit.rawValue
        let digits = text.hasPrefix("LT") ? text.dropFirst(2) : text.hasPrefix("T") ? text.dropFirst(1) : ""
        return digits.count == 2 && digits.allSatisfy(\.isNumber) ? String(digits) : nil
    }

    /// The seats of `body` in `term` under `under`, of `kind`, taken `how`; with `merged`, also
    /// those of units merged since into the subtree (the previous term of a unit formed in 2025).
    public func seats(_ body: BodyMembership.Role, term: String, under: PartyUnit.ID, kind: UnitKind?, how: BodyMembership.Origin?,
                      merged: Bool) async throws -> [ReportSeat] {
        var rows = Dictionary(try await bodies.bodies(role: body, term: term).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        for congress in try await congresses?.allCongresses() ?? [] where congress.record.term.replacingOccurrences(of: "–", with: "-") == term {
            for row in Self.memberships(congress.record, term: term) where row.role == body && rows[row.key] == nil { rows[row.key] = row }
        }
        var trees: [Day: OrganisationTree] = [:]
        var people: [Person.ID: Person] = [:]
        var seats: [ReportSeat] = []
        for row in rows.values.sorted(by: { $0.key < $1.key }) {
            if let how, row.how != how { continue }
            let tree = trees[row.on] ?? snapshot.tree(on: row.on)
            trees[row.on] = tree
            guard let unit = tree.unit(row.unit), kind.map({ $0 == unit.kind }) ?? true else { continue }
            guard selected(row.unit, in: tree, under: under, merged: merged) else { continue }
            if people[row.memberID] == nil { people[row.memberID] = try await register.personRecord(row.memberID)?.person }
            guard let person = people[row.memberID] else { continue }
            let provinceUnit = tree.ancestry(of: row.unit).reversed().first { Self.provinceCode($0.code) != nil }
            let after = row.on >= Day.reorganisation2025
            let origin = person.hometownProvince.flatMap { after ? province2025[$0] ?? $0 : $0 }
            seats.append(ReportSeat(membership: row, person: person, unitProvince: provinceUnit.flatMap { Self.provinceCode($0.code) },
                                    originProvince: origin))
        }
        return seats
    }

    /// Under `under` on the row's day; for the previous term also when the unit, or one above it
    /// that day, went into `under` or a unit under it (R-O-4).
    func selected(_ unit: PartyUnit.ID, in tree: OrganisationTree, under: PartyUnit.ID, merged: Bool) -> Bool {
        if tree.position[under] != nil, tree.isWithin(unit, under) { return true }
        guard merged else { return false }
        for ancestor in tree.ancestry(of: unit) {
            var next = successor[ancestor.code]
            var hops = 0
            while let into = next, hops < 8 {
                if today.position[into] != nil, today.position[under] != nil, today.isWithin(into, under) { return true }
                next = successor[into]
                hops += 1
            }
        }
        return false
    }

    /// A certified congress's composition as rows of the bodies it elected or appointed.
    static func memberships(_ record: CongressRecord, term: String) -> [BodyMembership] {
        guard let day = Day(iso: record.opensOn) else { return [] }
        return record.composition.compactMap { seat in
            guard let member = seat.memberID else { return nil }
            let role: BodyMembership.Role = switch seat.role {
            case .committeeMember: .executiveCommittee
            case .standingMember: .standingCommittee
            case .secretary: .secretary
            case .deputySecretary: .deputySecretary
            case .inspectionMember: .inspectionCommittee
            case .inspectionChair: .inspectionChair
            case .officialDelegate: .officialDelegate
            case .alternateDelegate: .alternateDelegate
            }
            return BodyMembership(memberID: member, unit: record.unit, term: term, role: role, how: seat.isElected ? .elected : .appointed, on: day)
        }
    }
}

