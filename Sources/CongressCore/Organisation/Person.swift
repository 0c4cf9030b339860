/// A person in the register (formats.md §4). A person is not a membership (R-O-3).
public struct Person: Sendable, Hashable, Codable {
    /// The party member's identifier, unique nationally.
    public var memberID: ID
    /// Full name in Vietnamese order: family, middle, given.
    public var fullName: String
    public var gender: Gender
    public var birthDate: Day
    /// Only the birth year is known; `birthDate` is then 1 January (R-P-1).
    public var birthYearOnly: Bool
    /// One of the 54 ethnic groups, as `EthnicGroups` names it.
    public var ethnicity: String
    /// Code of the home province (2025 structure or legacy), if known.
    public var hometownProvince: String?
    public var education: Education
    public var academicTitle: AcademicTitle
    public var politicalTheory: PoliticalTheory
    /// Admitted to the Party.
    public var joinedOn: Day
    /// Made a full member; `nil` while probationary.
    public var officialOn: Day?

    public init(memberID: ID, fullName: String, gender: Gender, birthDate: Day, birthYearOnly: Bool = false,
                ethnicity: String = "Kinh", hometownProvince: String? = nil, education: Education = .none,
                academicTitle: AcademicTitle = .none, politicalTheory: PoliticalTheory = .none,
                joinedOn: Day, officialOn: Day? = nil) {
        self.memberID = memberID
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.birthYearOnly = birthYearOnly
        self.ethnicity = ethnicity
        self.hometownProvince = hometownProvince
        self.education = education
        self.academicTitle = academicTitle
        self.politicalTheory = politicalTheory
        self.joinedOn = joinedOn
        self.officialOn = officialOn
    }
}

public enum Gender: String, Sendable, Codable, CaseIterable, Hashable {
    case male = "nam"
    case female = "nữ"
}

/// Highest education completed (formats.md §4 `education`), in ascending order.
public enum Education: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case none = ""
    case lowerSecondary = "trung học cơ sở"
    case upperSecondary = "trung học phổ thông"
    case vocational = "trung cấp"
    case college = "cao đẳng"
    case bachelor = "cử nhân"
    case engineer = "kỹ sư"
    case master = "thạc sĩ"
    case doctor = "tiến sĩ"
    case doctorOfScience = "tiến sĩ khoa học"

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}

/// Professor or associate professor (formats.md §4 `academic_title`).
public enum AcademicTitle: String, Sendable, Codable, CaseIterable, Hashable {
    case none = ""
    case associateProfessor = "pgs"
    case professor = "gs"
}

/// Political theory level (formats.md §4 `political_theory`), in ascending order.
public enum PoliticalTheory: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    case none = ""
    case elementary = "sơ cấp"
    case intermediate = "trung cấp"
    case advanced = "cao cấp"
    case bachelor = "cử nhân"

    public static func < (lhs: Self, rhs: Self) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }
}
