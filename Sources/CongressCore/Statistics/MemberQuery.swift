/// Which members to list: a subtree on a day, filters, a search text, a page (R-E-10 order).
public struct MemberQuery: Sendable, Equatable {
    public var unit: PartyUnit.ID
    public var day: Day
    public var status: MemberStatus?
    public var gender: Gender?
    public var ageBand: AgeBand?
    public var ethnicity: String?
    public var education: Education?
    /// Accent-insensitive words that must all start a word of the full name ("nguyen van an").
    public var search: String?
    public var offset: Int
    public var limit: Int

    public init(unit: PartyUnit.ID, day: Day, status: MemberStatus? = nil, gender: Gender? = nil, ageBand: AgeBand? = nil,
                ethnicity: String? = nil, education: Education? = nil, search: String? = nil, offset: Int = 0, limit: Int = 50) {
        self.unit = unit
        self.day = day
        self.status = status
        self.gender = gender
        self.ageBand = ageBand
        self.ethnicity = ethnicity
        self.education = education
        self.search = search
        self.offset = offset
        self.limit = limit
    }

    /// Whether the search words match a full name: every folded query word is a prefix of a
    /// different word of the folded name, in any order.
    public static func matches(search words: [Substring], name: String) -> Bool {
        var nameWords = VietnameseText.foldedWords(name)
        for word in words {
            guard let index = nameWords.firstIndex(where: { $0.hasPrefix(word) }) else { return false }
            nameWords.remove(at: index)
        }
        return true
    }
}

/// One line of a member list.
public struct MemberRow: Sendable, Equatable, Codable {
    public var memberID: Person.ID
    public var fullName: String
    public var gender: Gender
    public var birthDate: Day
    public var unit: PartyUnit.ID
    public var status: MemberStatus

    public init(memberID: Person.ID, fullName: String, gender: Gender, birthDate: Day, unit: PartyUnit.ID, status: MemberStatus) {
        self.memberID = memberID
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.unit = unit
        self.status = status
    }
}

/// A page of results and how many there are in all.
public struct Page<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    public var total: Int
    public var offset: Int

    public init(items: [Item], total: Int, offset: Int) {
        self.items = items
        self.total = total
        self.offset = offset
    }
}

extension MemberRow {
    public init(person: Person, unit: PartyUnit.ID, status: MemberStatus) {
        self.init(memberID: person.memberID, fullName: person.fullName, gender: person.gender,
                  birthDate: person.birthDate, unit: unit, status: status)
    }
}

extension MemberQuery {
    /// No filter on status, gender, age, ethnicity or education (a search may still be given).
    public var isUnfiltered: Bool { status == nil && gender == nil && ageBand == nil && ethnicity == nil && education == nil }
}
