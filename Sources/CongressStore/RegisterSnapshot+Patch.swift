import CongressCore

extension RegisterSnapshot {
    /// This snapshot with one person's spans and official day as `record` now has them: what one
    /// membership event changes (a transfer, a suspension, being made official). Names, ranking
    /// and search are shared with this snapshot; only the span columns are copied. Nil when the
    /// person is not in it (a new person: the store reloads instead).
    public func replacing(person memberID: Person.ID, with record: PersonRecord) -> RegisterSnapshot? {
        guard let person = memberIndex.person(memberID.rawValue, in: memberIDs), record.person.memberID == memberID else { return nil }
        let spans = record.spans
        guard spans.allSatisfy({ unitIndex[$0.unit] != nil }) else { return nil }
        var columns = Columns(memberIDs: memberIDs, names: names, gender: gender, ethnicity: ethnicity, education: education,
                              theory: theory, birth: birth, joined: joined, official: official, spanStart: spanStart,
                              spanUnit: spanUnit, spanFrom: spanFrom, spanTo: spanTo, spanStanding: spanStanding)
        let range = Int(spanStart[person])..<Int(spanStart[person + 1])
        columns.spanUnit.replaceSubrange(range, with: spans.map { unitIndex[$0.unit]! })
        columns.spanFrom.replaceSubrange(range, with: spans.map { $0.from.daysSinceEpoch })
        columns.spanTo.replaceSubrange(range, with: spans.map { $0.to?.daysSinceEpoch ?? Int32.max })
        columns.spanStanding.replaceSubrange(range, with: spans.map { UInt8(Standing.allCases.firstIndex(of: $0.standing)!) })
        let shift = spans.count - range.count
        if shift != 0 {
            for index in (person + 1)..<columns.spanStart.count {
                columns.spanStart[index] = UInt32(Int(columns.spanStart[index]) + shift)
            }
        }
        columns.official[person] = record.person.officialOn?.daysSinceEpoch ?? Int32.max
        let patched = RegisterSnapshot(units: units, placements: placements, columns: columns, byRank: byRank, rankOf: rankOf, search: search,
                                       memberIndex: memberIndex)
        // The day views move on with the person re-placed, so no read rebuilds one.
        patched.adopt(cachedViews.map { $0.replacing(person: person, in: patched) })
        return patched
    }
}
