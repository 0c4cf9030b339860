import CongressCore

extension RegisterSnapshot {
    /// Fills the columns person by person; spans follow their person.
    public struct Builder: Sendable {
        let units: [PartyUnit]
        let placements: [UnitPlacement]
        let unitIndex: [String: Int32]
        var columns = Columns()

        public init(units: [PartyUnit], placements: [UnitPlacement], expectedPersons: Int = 0) {
            self.units = units
            self.placements = placements
            unitIndex = Dictionary(units.enumerated().map { ($1.code, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            columns.names.reserve(strings: expectedPersons, bytes: expectedPersons * 18)
            columns.foldedNames.reserve(strings: expectedPersons, bytes: expectedPersons * 14)
            columns.memberIDs.reserveCapacity(expectedPersons)
        }

        /// Adds a person and their spans (in any order; they must not overlap, R-O-3).
        public mutating func add(_ person: Person, spans: [MembershipSpan]) {
            columns.memberIDs.append(person.memberID)
            columns.names.append(person.fullName)
            columns.foldedNames.append(VietnameseText.folded(person.fullName))
            columns.gender.append(UInt8(Gender.allCases.firstIndex(of: person.gender)!))
            columns.ethnicity.append(UInt8(EthnicGroups.index(of: person.ethnicity) ?? 255))
            columns.education.append(UInt8(Education.allCases.firstIndex(of: person.education)!))
            columns.theory.append(UInt8(PoliticalTheory.allCases.firstIndex(of: person.politicalTheory)!))
            columns.birth.append(person.birthDate.daysSinceEpoch)
            columns.joined.append(person.joinedOn.daysSinceEpoch)
            columns.official.append(person.officialOn?.daysSinceEpoch ?? Int32.max)
            for span in spans {
                columns.spanUnit.append(unitIndex[span.unit] ?? -1)
                columns.spanFrom.append(span.from.daysSinceEpoch)
                columns.spanTo.append(span.to?.daysSinceEpoch ?? Int32.max)
                columns.spanStanding.append(UInt8(Standing.allCases.firstIndex(of: span.standing)!))
            }
            columns.spanStart.append(UInt32(columns.spanUnit.count))
        }

        public func build() -> RegisterSnapshot {
            RegisterSnapshot(units: units, placements: placements, columns: columns)
        }
    }
}

/// Ballot-name order (R-E-10) for millions of persons: distinct names are sorted once with the
/// core's comparator, persons then follow their name's rank (ties by member ID).
enum Ranking {
    static func byName(_ names: PackedStrings, memberIDs: [String]) -> [UInt32] {
        var nameID: [String: Int32] = [:]
        var distinct: [String] = []
        var personName = [Int32](repeating: 0, count: names.count)
        for person in 0..<names.count {
            let name = names[person]
            if let id = nameID[name] { personName[person] = id; continue }
            let id = Int32(distinct.count)
            nameID[name] = id
            distinct.append(name)
            personName[person] = id
        }
        let keys = distinct.map(VietnameseNameOrder.sortKey)
        let sortedNames = distinct.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) || (keys[$0] == keys[$1] && distinct[$0] < distinct[$1]) }
        var rankOfName = [Int32](repeating: 0, count: distinct.count)
        for (rank, id) in sortedNames.enumerated() { rankOfName[id] = Int32(rank) }
        // Counting sort by name rank keeps the persons' own order (stores add them by member ID).
        var bucketStart = [Int](repeating: 0, count: distinct.count + 1)
        for person in 0..<names.count { bucketStart[Int(rankOfName[Int(personName[person])]) + 1] += 1 }
        for index in 1..<bucketStart.count { bucketStart[index] += bucketStart[index - 1] }
        var order = [UInt32](repeating: 0, count: names.count)
        for person in 0..<names.count {
            let rank = Int(rankOfName[Int(personName[person])])
            order[bucketStart[rank]] = UInt32(person)
            bucketStart[rank] += 1
        }
        return order
    }
}
