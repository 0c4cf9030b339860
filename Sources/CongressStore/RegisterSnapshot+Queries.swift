import CongressCore

extension RegisterSnapshot {
    /// Members of the unit's subtree on `day`; `nil` if the unit does not exist that day.
    public func memberCount(of unit: PartyUnit.ID, on day: Day) -> Int? {
        let view = view(on: day)
        return view.tree.subtree(of: unit).map(view.memberCount)
    }

    /// The unit's children on `day` with the members of each subtree.
    public func children(of unit: PartyUnit.ID, on day: Day) -> [(unit: PartyUnit, members: Int)] {
        let view = view(on: day)
        return view.tree.children(of: unit).map { child in (child, view.tree.subtree(of: child.code).map(view.memberCount) ?? 0) }
    }

    /// Structure counts of the unit's subtree on `day`, each person once (R-O-3).
    public func structure(of unit: PartyUnit.ID, on day: Day) -> StructureCounts? {
        let view = view(on: day)
        guard let range = view.tree.subtree(of: unit) else { return nil }
        let low = Int32(range.lowerBound), high = Int32(range.upperBound)
        var genders = [Int](repeating: 0, count: Gender.allCases.count)
        var ages = [Int](repeating: 0, count: AgeBand.allCases.count)
        var ethnicities = [Int](repeating: 0, count: 256)
        var educations = [Int](repeating: 0, count: Education.allCases.count)
        var theories = [Int](repeating: 0, count: PoliticalTheory.allCases.count)
        var partyAges = [Int](repeating: 0, count: PartyAgeBand.allCases.count)
        var statuses = [Int](repeating: 0, count: MemberStatus.allCases.count)
        let ageLimits = [31, 41, 51, 61].map { DayView.boundary(yearsBefore: $0, day) }
        let partyLimits = [10, 20, 30, 40].map { DayView.boundary(yearsBefore: $0, day) }
        var total = 0
        for person in 0..<personCount {
            let position = view.personPosition[person]
            guard position >= low, position < high else { continue }
            total += 1
            genders[Int(gender[person])] += 1
            ages[Self.band(birth[person], ageLimits)] += 1
            ethnicities[Int(ethnicity[person])] += 1
            educations[Int(education[person])] += 1
            theories[Int(theory[person])] += 1
            partyAges[Self.band(joined[person], partyLimits)] += 1
            statuses[Int(view.personStatus[person])] += 1
        }
        var counts = StructureCounts(day: day)
        counts.total = total
        counts.byGender = Self.nonZero(genders, Gender.allCases)
        counts.byAgeBand = Self.nonZero(ages, AgeBand.allCases)
        counts.byEducation = Self.nonZero(educations, Education.allCases)
        counts.byPoliticalTheory = Self.nonZero(theories, PoliticalTheory.allCases)
        counts.byPartyAge = Self.nonZero(partyAges, PartyAgeBand.allCases)
        counts.byStatus = Self.nonZero(statuses, MemberStatus.allCases)
        for (index, count) in ethnicities.enumerated() where count > 0 {
            counts.byEthnicity[index < EthnicGroups.all.count ? EthnicGroups.all[index] : "?", default: 0] += count
        }
        return counts
    }

    /// A page of the subtree's members on the query's day, in ballot-name order (R-E-10), after
    /// filters and the accent-insensitive search; `nil` if the unit does not exist that day.
    public func members(_ query: MemberQuery) -> Page<MemberRow>? {
        let view = view(on: query.day)
        guard let range = view.tree.subtree(of: query.unit) else { return nil }
        let accepts = filter(query, view: view, range: range)
        let words = VietnameseText.foldedWords(query.search ?? "").map { Array($0.utf8) }
        var matches: [Int] = []
        var total = 0
        var skipped = 0
        let ranges = search.ranges(words)
        let small = view.memberCount(range) * 4 < personCount
        if !words.isEmpty, small, view.memberCount(range) < search.cost(ranges) {
            // A small subtree and a common name: test the subtree's members, already in name order.
            let found = subtreeInNameOrder(view, range).lazy.map(Int.init).filter { accepts($0) && self.search.accepts($0, ranges) }
            total = found.count
            matches = Array(found.dropFirst(query.offset).prefix(query.limit))
        } else if !words.isEmpty {
            var found = search.matches(ranges: ranges).filter(accepts)
            total = found.count
            found.sort { rankOf[$0] < rankOf[$1] }
            matches = Array(found.dropFirst(query.offset).prefix(query.limit))
        } else if small {
            // A small subtree: its members in name order (kept for the next page), then the filters.
            let ordered = subtreeInNameOrder(view, range)
            if query.isUnfiltered {
                total = ordered.count
                matches = ordered.dropFirst(query.offset).prefix(query.limit).map(Int.init)
            } else {
                let found = ordered.lazy.map(Int.init).filter(accepts)
                total = found.count
                matches = Array(found.dropFirst(query.offset).prefix(query.limit))
            }
        } else if query.isUnfiltered {
            // Most of the register, unfiltered: the total is known; walk in name order to the page.
            total = view.memberCount(range)
            for rank in 0..<byRank.count where matches.count < query.limit {
                let person = Int(byRank[rank])
                guard accepts(person) else { continue }
                if skipped < query.offset { skipped += 1 } else { matches.append(person) }
            }
        } else {
            // Most of the register, filtered: walk it in name order.
            for rank in 0..<byRank.count {
                let person = Int(byRank[rank])
                guard accepts(person) else { continue }
                if total >= query.offset, matches.count < query.limit { matches.append(person) }
                total += 1
            }
        }
        let rows = matches.map { person in
            MemberRow(memberID: Person.ID(memberIDs[person]), fullName: names[person], gender: Gender.allCases[Int(gender[person])],
                      birthDate: Day(daysSinceEpoch: birth[person]), unit: view.tree.units[Int(view.personPosition[person])].code,
                      status: MemberStatus.allCases[Int(view.personStatus[person])])
        }
        return Page(items: rows, total: total, offset: query.offset)
    }

    private func filter(_ query: MemberQuery, view: DayView, range: Range<Int>) -> (Int) -> Bool {
        let low = Int32(range.lowerBound), high = Int32(range.upperBound)
        let status = query.status.map { UInt8(MemberStatus.allCases.firstIndex(of: $0)!) }
        let genderIndex = query.gender.map { UInt8(Gender.allCases.firstIndex(of: $0)!) }
        let ethnicityIndex = query.ethnicity.map { name in UInt8(EthnicGroups.index(of: EthnicGroups.canonical(name) ?? name) ?? 254) }
        let educationIndex = query.education.map { UInt8(Education.allCases.firstIndex(of: $0)!) }
        let ageLimits = [31, 41, 51, 61].map { DayView.boundary(yearsBefore: $0, query.day) }
        let ageBand = query.ageBand.map { AgeBand.allCases.firstIndex(of: $0)! }
        return { [self] person in
            let position = view.personPosition[person]
            guard position >= low, position < high else { return false }
            if let status, view.personStatus[person] != status { return false }
            if let genderIndex, gender[person] != genderIndex { return false }
            if let ethnicityIndex, ethnicity[person] != ethnicityIndex { return false }
            if let educationIndex, education[person] != educationIndex { return false }
            if let ageBand, Self.band(birth[person], ageLimits) != ageBand { return false }
            return true
        }
    }

    /// The band of a day against descending limits: after limits[0] is band 0, and so on.
    static func band(_ value: Int32, _ limits: [Int32]) -> Int {
        for (index, limit) in limits.enumerated() where value > limit { return index }
        return limits.count
    }

    static func nonZero<Key: Hashable>(_ counts: [Int], _ keys: [Key]) -> [Key: Int] {
        var result: [Key: Int] = [:]
        for (index, count) in counts.enumerated() where count > 0 { result[keys[index]] = count }
        return result
    }
}

extension RegisterSnapshot {
    /// The members named by `ids` as the register shows them on `day`, in ballot-name order
    /// (R-E-10); an ID the register does not hold, or of someone in no unit that day, is left out.
    public func memberRows(_ ids: [Person.ID], on day: Day) -> [MemberRow] {
        let view = view(on: day)
        var people = Set<Int>()
        for id in ids {
            if let person = memberIndex.person(id.rawValue, in: memberIDs), view.personPosition[person] >= 0 { people.insert(person) }
        }
        return people.sorted { rankOf[$0] < rankOf[$1] }.map { person in
            MemberRow(memberID: Person.ID(memberIDs[person]), fullName: names[person], gender: Gender.allCases[Int(gender[person])],
                      birthDate: Day(daysSinceEpoch: birth[person]), unit: view.tree.units[Int(view.personPosition[person])].code,
                      status: MemberStatus.allCases[Int(view.personStatus[person])])
        }
    }
}
