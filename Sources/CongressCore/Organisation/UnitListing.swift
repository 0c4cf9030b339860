/// `congress units` (docs/formats.md §8): the organisations in force on a day, in the tree's
/// order (parents before children), as CSV or JSON.
public enum UnitListing {
    public struct Row: Sendable, Equatable {
        public var code: String
        public var name: String
        public var kind: UnitKind
        public var parentCode: String?
        public var validFrom: Day?
        public var validTo: Day?
    }

    public static let header = "code,name,kind,parent_code,valid_from,valid_to"

    /// The units of `tree` under `under` (itself included; the whole tree when `nil`), of `kind`
    /// when given; `nil` when `under` does not exist on the tree's day.
    public static func rows(_ tree: OrganisationTree, under: PartyUnit.ID?, kind: UnitKind?) -> [Row]? {
        let range: Range<Int>
        if let under {
            guard let subtree = tree.subtree(of: under) else { return nil }
            range = subtree
        } else {
            range = tree.units.indices
        }
        return range.compactMap { index in
            let unit = tree.units[index]
            if let kind, unit.kind != kind { return nil }
            let parent = tree.parentPosition[index]
            return Row(code: unit.code.rawValue, name: unit.name, kind: unit.kind, parentCode: parent >= 0 ? tree.units[parent].code.rawValue : nil,
                       validFrom: unit.validFrom, validTo: unit.validTo)
        }
    }

    public static func csv(_ rows: [Row]) -> String {
        ([header] + rows.map { row in
            [row.code, row.name, row.kind.rawValue, row.parentCode ?? "", row.validFrom?.iso ?? "", row.validTo?.iso ?? ""]
                .map(csvField).joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    public static func json(_ rows: [Row]) -> String {
        let text = { (value: String?) in value.map(JSONValue.string) ?? .null }
        return JSONValue.array(rows.map { row in
            .object([("code", .string(row.code)), ("name", .string(row.name)), ("kind", .string(row.kind.rawValue)),
                     ("parent_code", text(row.parentCode)), ("valid_from", text(row.validFrom?.iso)), ("valid_to", text(row.validTo?.iso))])
        }).formatted() + "\n"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    public static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
