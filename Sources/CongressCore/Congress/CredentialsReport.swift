/// The credentials board's report on those convened: how many, and their composition by
/// gender, age band, ethnicity, education, party standing and kind of delegate. Counts only,
/// no names; people the register does not know are counted as unknown.
public struct CredentialsReport: Sendable, Equatable {
    public var convened = 0
    public var present = 0
    public var notConvened = 0
    public var female = 0
    public var ethnicMinorities = 0
    public var unknownInRegister = 0
    public var byAgeBand: [AgeBand: Int] = [:]
    public var byEducation: [Education: Int] = [:]
    /// Members' congress: full and probationary; delegates' congress: the delegate kinds.
    public var byStanding: [String: Int] = [:]

    public init() {}

    /// The report on `record` on `day`; `person` finds a member's register entry.
    public static func make(_ record: CongressRecord, on day: Day, person: (Person.ID) -> Person?) -> CredentialsReport {
        var report = CredentialsReport()
        report.notConvened = record.notConvened.count
        func count(_ id: Person.ID, attendance: Attendance, standing: String) {
            report.convened += 1
            if !attendance.absentWhole { report.present += 1 }
            report.byStanding[standing, default: 0] += 1
            guard let person = person(id) else { report.unknownInRegister += 1; return }
            if person.gender == .female { report.female += 1 }
            if person.ethnicity != "Kinh" { report.ethnicMinorities += 1 }
            report.byAgeBand[AgeBand.of(age: person.birthDate.wholeYears(until: day)), default: 0] += 1
            report.byEducation[person.education, default: 0] += 1
        }
        for member in record.members { count(member.memberID, attendance: member.attendance, standing: member.full ? "full" : "probationary") }
        for delegate in record.delegates {
            count(delegate.memberID, attendance: delegate.attendance,
                  standing: delegate.kind.rawValue + (delegate.isOfficial ? ".official" : ".alternate"))
        }
        return report
    }
}
