import CongressCore

/// Names of enumerated values as pages show them, from the catalogue.
enum Labels {
    static func gender(_ value: Gender, _ language: Language) -> String { Catalogue.text("web.gender.\(caseName(value))", language) }
    static func status(_ value: MemberStatus, _ language: Language) -> String { Catalogue.text("web.status.\(value.rawValue)", language) }
    static func standing(_ value: Standing, _ language: Language) -> String { Catalogue.text("web.standing.\(value.rawValue)", language) }
    static func education(_ value: Education, _ language: Language) -> String { Catalogue.text("web.education.\(caseName(value))", language) }
    static func theory(_ value: PoliticalTheory, _ language: Language) -> String { Catalogue.text("web.theory.\(caseName(value))", language) }
    static func academicTitle(_ value: AcademicTitle, _ language: Language) -> String {
        Catalogue.text("web.academicTitle.\(caseName(value))", language)
    }
    static func ageBand(_ value: AgeBand, _ language: Language) -> String { Catalogue.text("web.ageBand.\(caseName(value))", language) }
    static func partyAge(_ value: PartyAgeBand, _ language: Language) -> String { Catalogue.text("web.partyAge.\(caseName(value))", language) }
    static func memberEvent(_ value: MembershipEvent.Kind, _ language: Language) -> String {
        Catalogue.text("web.memberEvent.\(value.rawValue)", language)
    }
    static func role(_ value: Role, _ language: Language) -> String { Catalogue.text("web.role.\(value.rawValue)", language) }
    static func action(_ value: AuditAction, _ language: Language) -> String { Catalogue.text("web.action.\(value.rawValue)", language) }
    static func unitKind(_ value: UnitKind, _ language: Language) -> String { Catalogue.text("kind.\(value.rawValue)", language) }

    /// The Swift case name (the raw values of some enums are Vietnamese words).
    static func caseName<T>(_ value: T) -> String { String(describing: value) }
}
