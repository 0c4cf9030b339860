import CongressCore
import CongressStore

/// Grassroots organisations and cells under each commune, sized for its members. Village and
/// residential cells existed before the reform: until 30/6/2025 they sit under one of the legacy
/// communes merged into the new one, from 1/7/2025 under the new commune committee (R-O-4). The
/// commune's agency cells are new on 1/7/2025.
enum DemoOrganisation {
    /// A cell and how many members the demo puts in it.
    struct Cell: Sendable {
        var code: PartyUnit.ID
        var members: Int
    }

    static func cells(for commune: AdminUnits.Commune, members: Int, random: inout DemoRandom, into records: inout OrganisationRecords) -> [Cell] {
        var cells: [Cell] = []
        let reform = AdminUnits.reform, lastLegacyDay = AdminUnits.lastLegacyDay
        let village = commune.type == "Phường" ? "Chi bộ khu phố" : "Chi bộ thôn"
        let agencyMembers = min(members / 4, 60)
        var remaining = members - agencyMembers
        var number = 0
        while remaining > 0 {
            number += 1
            let size = min(remaining, random.int(18...70))
            remaining -= size
            let code: PartyUnit.ID = "\(commune.code)-\(pad(number))"
            records.units.append(PartyUnit(code: code, name: "\(village) \(number)", kind: .grassrootsCell))
            if commune.legacyCommunes.isEmpty {
                records.placements.append(UnitPlacement(unit: code, parent: commune.code, validFrom: reform))
            } else {
                let legacy = commune.legacyCommunes[(number - 1) % commune.legacyCommunes.count]
                records.placements.append(UnitPlacement(unit: code, parent: legacy, validTo: lastLegacyDay))
                records.placements.append(UnitPlacement(unit: code, parent: commune.code, validFrom: reform))
            }
            cells.append(Cell(code: code, members: size))
        }
        // The commune's agencies: police and military cells, and the People's Committee's
        // grassroots committee with three cells.
        let suffix = String(commune.name.drop { $0 != " " }.dropFirst())
        let police = agencyMembers / 4, military = agencyMembers / 6
        for (index, (name, size)) in [("Chi bộ Công an \(commune.type.lowercased()) \(suffix)", police),
                                      ("Chi bộ Quân sự \(commune.type.lowercased()) \(suffix)", military)].enumerated() where size > 0 {
            let code: PartyUnit.ID = "\(commune.code)-A\(index + 1)"
            records.units.append(PartyUnit(code: code, name: name, kind: .grassrootsCell, validFrom: reform))
            records.placements.append(UnitPlacement(unit: code, parent: commune.code, validFrom: reform))
            records.events.append(UnitEvent(kind: .created, day: reform, unit: code))
            cells.append(Cell(code: code, members: size))
        }
        let committeeMembers = agencyMembers - police - military
        if committeeMembers > 0 {
            let committee: PartyUnit.ID = "\(commune.code)-UB"
            records.units.append(PartyUnit(code: committee, name: "Đảng bộ cơ quan Ủy ban nhân dân \(commune.type.lowercased()) \(suffix)",
                                           kind: .grassrootsCommittee, validFrom: reform))
            records.placements.append(UnitPlacement(unit: committee, parent: commune.code, validFrom: reform))
            records.events.append(UnitEvent(kind: .created, day: reform, unit: committee))
            for (index, name) in ["Chi bộ Văn phòng", "Chi bộ Kinh tế", "Chi bộ Văn hóa - Xã hội"].enumerated() {
                let code: PartyUnit.ID = "\(committee)-\(index + 1)"
                records.units.append(PartyUnit(code: code, name: name, kind: .cell, validFrom: reform))
                records.placements.append(UnitPlacement(unit: code, parent: committee, validFrom: reform))
                cells.append(Cell(code: code, members: committeeMembers / 3 + (index < committeeMembers % 3 ? 1 : 0)))
            }
        }
        return cells
    }

    static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
}
