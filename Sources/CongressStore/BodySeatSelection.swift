import CongressCore

/// Which seats a report counts: stored rows and certified compositions of the body and term,
/// their unit under `under` on the row's day (or, for the previous term, merged into it since,
/// R-O-4), of the kind asked, taken the way asked; with each holder and the provinces of §6.
public struct BodySeatSelection: Sendable {
    let register: any RegisterStore
    let congresses: (any CongressRecordStore)?
    let bodies: any BodiesStore
    public let today: OrganisationTree
    let snapshot: RegisterSnapshot
    /// Where each unit went in 2025 (mergedInto), for the previous term's subtree.
    let successor: [PartyUnit.ID: PartyUnit.ID]
    /// A 63-province code's 2025 province code.
    let province2025: [String: String]

    let cache: BodySeatCache

    public init(register: any RegisterStore, congresses: (any CongressRecordStore)?, bodies: any BodiesStore, today day: Day,
                cache: BodySeatCache = BodySeatCache()) async throws {
        self.register = register
        self.congresses = congresses
        self.bodies = bodies
        self.cache = cache
        snapshot = try await register.snapshot()
        today = snapshot.organisationTree(on: day)
        if let kept = cache.organisation(for: snapshot) {
            successor = kept.successor
            province2025 = kept.province2025
            return
        }
        let records = try await register.organisation()
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
        cache.keep(BodySeatCache.Organisation(snapshot: snapshot, successor: successor, province2025: mapping))
    }

    /// The unit's name on `day` (a unit since merged away keeps its name of that day).
    public func unitName(_ unit: PartyUnit.ID, on day: Day) -> String? { snapshot.organisationTree(on: day).unit(unit)?.name }

    /// `T44` → "44", `LT44` → "44"; another code (the Army, the central bodies) → nil.
    public static func provinceCode(_ unit: PartyUnit.ID) -> String? {
        let text = unit.rawValue
        let digits = text.hasPrefix("LT") ? text.dropFirst(2) : text.hasPrefix("T") ? text.dropFirst(1) : ""
        return digits.count == 2 && digits.allSatisfy(\.isNumber) ? String(digits) : nil
    }

    /// The seats of `body` in `term` under `under` (nil: everywhere), of `kind`, taken `how`; with `merged`, also
    /// those of units merged since into the subtree (the previous term of a unit formed in 2025).
    public func seats(_ body: BodyMembership.Role, term: String, under: PartyUnit.ID?, kind: UnitKind?, how: BodyMembership.Origin?,
                      merged: Bool) async throws -> [ReportSeat] {
        let stored = try await storedRows(body, term: term)
        var rows = stored.rows
        var holder = stored.holder, unitSlot = stored.unitSlot, people = stored.people, origin2025 = stored.origin2025, units = stored.units
        let certified = try await congresses?.compositions() ?? []
        if !certified.isEmpty {
            // Rows of certified congresses not already imported, with their holders and units.
            var known = Set(rows.map(\.key))
            var personSlot = Dictionary(people.enumerated().map { ($1.memberID, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            var slotOf = Dictionary(units.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            let added = certified.filter { $0.term.replacingOccurrences(of: "–", with: "-") == term }
                .flatMap { Self.memberships($0, term: term) }
                .filter { row in row.role == body && known.insert(row.key).inserted }
            // The holders not among the stored rows' people, read in one batch.
            for person in try await registerPeople(Set(added.map(\.memberID).filter { personSlot[$0] == nil }))
            where personSlot[person.memberID] == nil {
                personSlot[person.memberID] = Int32(people.count)
                people.append(person)
                origin2025.append(person.hometownProvince.map { province2025[$0] ?? $0 })
            }
            for row in added {
                rows.append(row)
                holder.append(personSlot[row.memberID] ?? -1)
                if slotOf[row.unit] == nil {
                    slotOf[row.unit] = Int32(units.count)
                    units.append(row.unit)
                }
                unitSlot.append(slotOf[row.unit] ?? 0)
            }
        }
        // Where each unit stands in each period of the organisation is worked out once, not per
        // seat; rows are walked by index, their holder and unit found by position.
        struct Placed {
            let period: Int32
            let selected: Bool
            let unitProvince: String?
            let part: PartyUnit.ID?
        }
        var placed = [[Placed]](repeating: [], count: units.count)
        var trees: [Int32: OrganisationTree] = [:]
        var seats: [ReportSeat] = []
        seats.reserveCapacity(rows.count)
        for index in rows.indices {
            let row = rows[index]
            if let how, row.how != how { continue }
            let person = Int(holder[index])
            guard person >= 0 else { continue }
            let day = row.on.daysSinceEpoch
            let tree: OrganisationTree
            if let known = trees[day] { tree = known } else {
                tree = snapshot.organisationTree(on: row.on)
                trees[day] = tree
            }
            let period = tree.day.daysSinceEpoch
            let slot = Int(unitSlot[index])
            let place: Placed
            if let known = placed[slot].first(where: { $0.period == period }) {
                place = known
            } else {
                let unit = tree.unit(row.unit)
                let chosen = unit != nil && (kind.map { $0 == unit?.kind } ?? true)
                    && (under.map { self.selected(row.unit, in: tree, under: $0, merged: merged) } ?? true)
                let provinceUnit = tree.ancestry(of: row.unit).reversed().first { Self.provinceCode($0.code) != nil }
                place = Placed(period: period, selected: chosen, unitProvince: provinceUnit.flatMap { Self.provinceCode($0.code) },
                               part: chosen ? under.flatMap { part(of: row.unit, in: tree, under: $0) } : nil)
                placed[slot].append(place)
            }
            guard place.selected else { continue }
            let origin = row.on >= Day.reorganisation2025 ? origin2025[person] : people[person].hometownProvince
            seats.append(ReportSeat(membership: row, person: people[person], unitProvince: place.unitProvince, originProvince: origin, part: place.part))
        }
        // Stored rows come in member and unit order; rows of certified congresses are put in place.
        if rows.count > stored.rows.count {
            seats.sort { ($0.membership.memberID.rawValue, $0.membership.unit.rawValue) < ($1.membership.memberID.rawValue, $1.membership.unit.rawValue) }
        }
        return seats
    }

    /// The stored rows of a body and term with their holders, read together and kept.
    private func storedRows(_ body: BodyMembership.Role, term: String) async throws -> BodySeatCache.Rows {
        let marker = try await bodies.changeMarker()
        if let kept = cache.rows(body, term, marker: marker, snapshot: snapshot) { return kept }
        let rows = try await bodies.bodies(role: body, term: term)
        var people: [Person] = []
        var personSlot: [Person.ID: Int32] = [:]
        for person in try await registerPeople(Set(rows.map(\.memberID))) where personSlot[person.memberID] == nil {
            personSlot[person.memberID] = Int32(people.count)
            people.append(person)
        }
        var units: [PartyUnit.ID] = []
        var slotOf: [PartyUnit.ID: Int32] = [:]
        let unitSlot = rows.map { row -> Int32 in
            if let slot = slotOf[row.unit] { return slot }
            let slot = Int32(units.count)
            slotOf[row.unit] = slot
            units.append(row.unit)
            return slot
        }
        let kept = BodySeatCache.Rows(marker: marker, snapshot: snapshot, rows: rows, holder: rows.map { personSlot[$0.memberID] ?? -1 }, unitSlot: unitSlot,
                                      people: people, origin2025: people.map { $0.hometownProvince.map { province2025[$0] ?? $0 } }, units: units)
        cache.keep(kept, body, term)
        return kept
    }

    /// The register's persons named, read in batches of 10,000 (a statement's bound values).
    private func registerPeople(_ ids: Set<Person.ID>) async throws -> [Person] {
        let ids = Array(ids)
        var found: [Person] = []
        for start in stride(from: 0, to: ids.count, by: 10_000) {
            found += try await register.people(Array(ids[start..<min(start + 10_000, ids.count)]))
        }
        return found
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

    /// The unit directly below `under` (or `under` itself) that holds `unit`: in the tree of the
    /// seat's day, or else today through the merges of the unit or a unit above it (R-O-4). Worked
    /// out apart from `selected`, so that the sum of the parts checks the selection.
    func part(of unit: PartyUnit.ID, in tree: OrganisationTree, under: PartyUnit.ID) -> PartyUnit.ID? {
        func below(_ code: PartyUnit.ID, in tree: OrganisationTree) -> PartyUnit.ID? {
            let chain = tree.ancestry(of: code).map(\.code)
            guard let index = chain.firstIndex(of: under) else { return nil }
            return index + 1 < chain.count ? chain[index + 1] : under
        }
        if let found = below(unit, in: tree) { return found }
        for ancestor in tree.ancestry(of: unit).reversed() {
            var next = successor[ancestor.code]
            var hops = 0
            while let into = next, hops < 8 {
                if let found = below(into, in: today) { return found }
                next = successor[into]
                hops += 1
            }
        }
        return nil
    }

    /// A certified congress's composition as rows of the bodies it elected or appointed.
    static func memberships(_ congress: CongressComposition, term: String) -> [BodyMembership] {
        guard let day = Day(iso: congress.opensOn) else { return [] }
        return congress.seats.compactMap { seat in
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
            return BodyMembership(memberID: member, unit: congress.unit, term: term, role: role, how: seat.isElected ? .elected : .appointed, on: day)
        }
    }
}

