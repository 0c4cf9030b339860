import CongressCore
import CongressStore
import Foundation

/// Vietnam's administrative units (see `Data/README.md` for their source and licence) turned into
/// the party organisation tree (R-O-1, R-O-2, R-O-4): one committee per province and commune of
/// each structure, the legacy one until 30/6/2025 and the 2025 one from 1/7/2025, linked by the
/// merge events of the official mapping. A province with the same code and name in both
/// structures is one unit throughout.
public enum AdminUnits {
    public static let lastLegacyDay = Day(year: 2025, month: 6, day: 30)!
    public static let reform = Day.reorganisation2025

    /// One 2025 commune as the demo needs it.
    public struct Commune: Sendable {
        public var code: PartyUnit.ID
        public var name: String
        public var type: String
        public var province: String
        /// Codes of the legacy communes that went wholly or by default into it.
        public var legacyCommunes: [PartyUnit.ID]
    }

    public struct Loaded: Sendable {
        public var records: OrganisationRecords
        public var communes: [Commune]
        /// 2025 province code → its unit code.
        public var provinceUnits: [String: PartyUnit.ID]
    }

    static func table(_ name: String) throws -> [[String: String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Data") else {
            throw JobFailure(["missing bundled data file \(name).csv"])
        }
        return CSVTable([UInt8](try Data(contentsOf: url))).records
    }

    /// The whole country.
    public static func load() throws -> Loaded {
        let current = try table("admin-units-2025")
        let legacy = try table("admin-units-legacy")
        let mapping = try table("admin-units-2025-mapping")
        var units: [PartyUnit] = [], placements: [UnitPlacement] = [], events: [UnitEvent] = []
        func add(_ unit: PartyUnit, parent: PartyUnit.ID?, from: Day? = nil, to: Day? = nil) {
            units.append(unit)
            placements.append(UnitPlacement(unit: unit.code, parent: parent, validFrom: from, validTo: to))
        }
        add(PartyUnit(code: "TW", name: "Ban Chấp hành Trung ương Đảng", kind: .central), parent: nil)
        for (code, name, from, to) in centralNodes { add(PartyUnit(code: code, name: name, kind: .underCentral, validFrom: from, validTo: to), parent: "TW", from: from, to: to) }

        let currentProvinces = Dictionary(current.map { ($0["province_code"]!, $0["province"]!) }, uniquingKeysWith: { a, _ in a })
        let legacyProvinces = Dictionary(legacy.map { ($0["province_code"]!, $0["province"]!) }, uniquingKeysWith: { a, _ in a })
        let continuing = Set(currentProvinces.filter { legacyProvinces[$0.key] == $0.value }.keys)
        var provinceUnits: [String: PartyUnit.ID] = [:]
        for (code, name) in currentProvinces.sorted(by: { $0.key < $1.key }) {
            let unitCode: PartyUnit.ID = "T\(code)"
            provinceUnits[code] = unitCode
            let from = continuing.contains(code) ? nil : reform
            add(PartyUnit(code: unitCode, name: committeeName(name, type: provinceType(name)), kind: .underCentral, validFrom: from), parent: "TW", from: from)
        }
        var legacyProvinceUnit: [String: PartyUnit.ID] = [:]
        for (code, name) in legacyProvinces.sorted(by: { $0.key < $1.key }) {
            if continuing.contains(code) { legacyProvinceUnit[code] = "T\(code)"; continue }
            legacyProvinceUnit[code] = "LT\(code)"
            add(PartyUnit(code: "LT\(code)", name: committeeName(name, type: provinceType(name)), kind: .underCentral, validTo: lastLegacyDay),
                parent: "TW", to: lastLegacyDay)
        }
        var seenDistricts = Set<PartyUnit.ID>()
        for row in legacy {
            let district: PartyUnit.ID = "LH\(row["district_code"]!)"
            let province = legacyProvinceUnit[row["province_code"]!]!
            if seenDistricts.insert(district).inserted {
                add(PartyUnit(code: district, name: committeeName(row["district"]!, type: row["district_type"]!), kind: .aboveGrassroots, validTo: lastLegacyDay),
                    parent: province, to: lastLegacyDay)
                events.append(UnitEvent(kind: .dissolved, day: reform, unit: district))
            }
            guard let ward = row["ward_code"], !ward.isEmpty else { continue }
            add(PartyUnit(code: "LX\(ward)", name: committeeName(row["ward"]!, type: row["ward_type"]!), kind: .grassrootsCommittee, validTo: lastLegacyDay),
                parent: district, to: lastLegacyDay)
        }
        var communes: [Commune] = []
        var communeIndex: [PartyUnit.ID: Int] = [:]
        for row in current {
            let code: PartyUnit.ID = "X\(row["ward_code"]!)"
            add(PartyUnit(code: code, name: committeeName(row["ward"]!, type: row["ward_type"]!), kind: .communeCommittee, validFrom: reform),
                parent: provinceUnits[row["province_code"]!], from: reform)
            communeIndex[code] = communes.count
            communes.append(Commune(code: code, name: row["ward"]!, type: row["ward_type"]!, province: row["province_code"]!, legacyCommunes: []))
        }
        var provinceTargets: [PartyUnit.ID: Set<PartyUnit.ID>] = [:]
        for row in mapping {
            let from: PartyUnit.ID = "LX\(row["legacy_ward_code"]!)", into: PartyUnit.ID = "X\(row["ward_code"]!)"
            guard communeIndex[into] != nil else { continue }
            let whole = row["kind"] != "part"
            events.append(UnitEvent(kind: whole ? .mergedInto : .partInto, day: reform, unit: from, other: into))
            if whole { communes[communeIndex[into]!].legacyCommunes.append(from) }
            let legacyProvince = legacyProvinceUnit[row["legacy_province_code"]!]!
            if legacyProvince.rawValue.hasPrefix("LT") { provinceTargets[legacyProvince, default: []].insert(provinceUnits[row["province_code"]!]!) }
        }
        for (legacyProvince, targets) in provinceTargets.sorted(by: { $0.key < $1.key }) {
            for target in targets.sorted() {
                events.append(UnitEvent(kind: targets.count == 1 ? .mergedInto : .partInto, day: reform, unit: legacyProvince, other: target))
            }
        }
        let known = Set(units.map(\.code))
        events = events.filter { known.contains($0.unit) && ($0.other.map(known.contains) ?? true) }
        return Loaded(records: OrganisationRecords(units: units, placements: placements, events: events),
                      communes: communes, provinceUnits: provinceUnits)
    }

    /// The Army, Public Security and the central committees (R-O-1). The four central party
    /// committees replaced the two central blocs by the Politburo's decisions of 24/1/2025.
    static let centralNodes: [(PartyUnit.ID, String, Day?, Day?)] = [
        ("QUANDOI", "Đảng bộ Quân đội", nil, nil),
        ("CONGAN", "Đảng bộ Công an Trung ương", nil, nil),
        ("KHOICQ", "Đảng bộ Khối các cơ quan Trung ương", nil, Day(year: 2025, month: 1, day: 23)),
        ("KHOIDN", "Đảng bộ Khối Doanh nghiệp Trung ương", nil, Day(year: 2025, month: 1, day: 23)),
        ("DCQD", "Đảng bộ các cơ quan Đảng Trung ương", Day(year: 2025, month: 1, day: 24), nil),
        ("DCP", "Đảng bộ Chính phủ", Day(year: 2025, month: 1, day: 24), nil),
        ("DQH", "Đảng bộ Quốc hội", Day(year: 2025, month: 1, day: 24), nil),
        ("DMT", "Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương", Day(year: 2025, month: 1, day: 24), nil),
    ]

    static func provinceType(_ name: String) -> String { name.hasPrefix("Thành phố") ? "Thành phố" : "Tỉnh" }

    /// "Phường Ba Đình" of type "Phường" → "Đảng bộ phường Ba Đình".
    static func committeeName(_ name: String, type: String) -> String {
        guard !type.isEmpty, name.hasPrefix(type) else { return "Đảng bộ \(name)" }
        return "Đảng bộ \(type.lowercased())\(name.dropFirst(type.count))"
    }
}
