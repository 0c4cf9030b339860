import CongressCore
import CongressStore

/// Entry points into the demo generator for tests and benchmarks.
public enum DemoProbe {
    /// The demo's grassroots organisations and cells for one commune with `members` members.
    public static func cells(_ commune: AdminUnits.Commune, _ members: Int, _ random: inout DemoRandom,
                             _ records: inout OrganisationRecords) -> [(code: PartyUnit.ID, members: Int)] {
        DemoOrganisation.cells(for: commune, members: members, random: &random, into: &records).map { ($0.code, $0.members) }
    }

    /// The demo's member rows for these cells of a province.
    public static func rows(_ province: String, _ cells: [(code: PartyUnit.ID, members: Int)], seed: UInt64) -> [MemberImportRow] {
        DemoMembers.rows(province: province, cells: cells.map { DemoOrganisation.Cell(code: $0.code, members: $0.members) },
                         provinces: ["44"], seed: seed)
    }

    /// The day the demo register describes.
    public static var referenceDay: Day { DemoMembers.referenceDay }
}
