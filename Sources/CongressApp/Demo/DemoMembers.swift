import CongressCore
import Foundation

/// Members of the demo, drawn per commune from a seeded stream: gender, ethnicity by province,
/// ages and admission ages of a plausible membership, education and political theory by age.
enum DemoMembers {
    /// The day the demo's congress opens: the day the demo is built, so its deadlines and
    /// states read as they would on a real congress day (read once per run).
    static let congressDay = Today.day()
    /// The day the demo register describes: a month before its congress. The same seed gives
    /// the same register on the same day.
    static let referenceDay = congressDay.adding(days: -30)
    /// About 5.6 million members nationally.
    static let nationalTotal = 5_600_000

    static let ageBands = WeightedTable<ClosedRange<Int>>([(19...30, 12), (31...40, 24), (41...50, 20), (51...60, 16), (61...70, 14), (71...92, 14)])
    static let educationYoung = WeightedTable<Education>([(.bachelor, 52), (.engineer, 5), (.master, 12), (.doctor, 1.5), (.college, 8), (.vocational, 8), (.upperSecondary, 13.5)])
    static let educationOld = WeightedTable<Education>([(.upperSecondary, 40), (.lowerSecondary, 25), (.vocational, 12), (.bachelor, 16), (.engineer, 2), (.college, 3), (.master, 2)])
    static let theory = WeightedTable<PoliticalTheory>([(.elementary, 62), (.intermediate, 18), (.advanced, 4), (.bachelor, 0.5), (.none, 15.5)])

    /// Members per commune: urban wards larger, special zones smaller, about 5.6 million in all.
    static func sizes(_ communes: [AdminUnits.Commune], seed: UInt64) -> [PartyUnit.ID: Int] {
        let weights = communes.map { commune -> Double in
            var random = DemoRandom.stream(seed, "size:" + commune.code.rawValue)
            let factor = commune.type == "Phường" ? 1.3 : commune.type == "Đặc khu" ? 0.4 : 0.9
            return factor * (0.7 + 0.6 * random.unit())
        }
        let total = weights.reduce(0, +)
        return Dictionary(uniqueKeysWithValues: zip(communes, weights).map { ($0.code, Int((Double(nationalTotal) * $1 / total).rounded())) })
    }

    /// The rows of one province, cell by cell; member IDs are the province code and a serial.
    static func rows(province: String, cells: [DemoOrganisation.Cell], provinces: [String], seed: UInt64) -> [MemberImportRow] {
        var rows: [MemberImportRow] = []
        rows.reserveCapacity(cells.reduce(0) { $0 + $1.members })
        let ethnicities = DemoEthnicity.table(province: province)
        let south = (Int(province) ?? 0) >= 46
        var serial = 0
        for cell in cells {
            var random = DemoRandom.stream(seed, "members:" + cell.code.rawValue)
            for _ in 0..<cell.members {
                serial += 1
                let id = province + String(repeating: "0", count: 10 - String(serial).count) + String(serial)
                rows.append(member(id: id, unit: cell.code, province: province, provinces: provinces,
                                   ethnicities: ethnicities, south: south, random: &random, line: rows.count + 2))
            }
        }
        return rows
    }

    static func member(id: String, unit: PartyUnit.ID, province: String, provinces: [String], ethnicities: WeightedTable<String>,
                       south: Bool, random: inout DemoRandom, line: Int) -> MemberImportRow {
        let female = random.unit() < 0.38
        let ethnicity = random.pick(ethnicities)
        let age = random.int(random.pick(ageBands))
        let birth = referenceDay.subtracting(years: age).adding(days: -random.int(1...364))
        let span = max(0, min(age, 45) - 18)
        let joinAge = 18 + Int(Double(span) * pow(random.unit(), 1.8))
        var joined = birth.adding(days: joinAge * 365 + random.int(10...300))
        if joined > referenceDay.adding(days: -10) { joined = referenceDay.adding(days: -random.int(10...200)) }
        if birth.wholeYears(until: joined) < 18 { joined = birth.subtracting(years: -18).adding(days: random.int(1...200)) }
        let officialDay = joined.adding(days: 365 + random.int(0...40))
        let official: Day? = officialDay <= referenceDay ? officialDay : nil
        var status: MemberStatus = official == nil ? .probationary : .official
        if official != nil {
            let draw = random.unit()
            if draw < 0.0005 { status = .suspended }
            else if draw > 0.99 { status = .temporaryElsewhere }
            else if age >= 70, draw < 0.25 { status = .exempted }
        }
        let education = random.pick(age >= 55 ? educationOld : educationYoung)
        var title = AcademicTitle.none
        if education >= .doctor { let draw = random.unit(); title = draw < 0.02 ? .professor : draw < 0.1 ? .associateProfessor : .none }
        let hometown = random.unit() < 0.85 ? province : provinces[random.int(0...(provinces.count - 1))]
        let person = Person(
            memberID: Person.ID(id), fullName: DemoNames.fullName(&random, female: female, ethnicity: ethnicity, south: south),
            gender: female ? .female : .male, birthDate: birth, ethnicity: ethnicity, hometownProvince: hometown,
            education: education, academicTitle: title, politicalTheory: random.pick(theory), joinedOn: joined, officialOn: official)
        return MemberImportRow(line: line, person: person, unit: unit, status: status)
    }
}
