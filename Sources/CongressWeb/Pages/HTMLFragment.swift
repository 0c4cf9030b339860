/// Markup for the long repeated parts of a page (table rows, select options), written directly
/// with a byte-level escape: rendering them tag by tag through Mustache cost several
/// milliseconds a page. The markup is exactly what the templates' sections produced.
struct HTMLFragment {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Markup as is.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text, escaped as Mustache escapes (`< > & " '`).
    mutating func text(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])
                case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])
                case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])
                default: bytes.append(byte)
                }
            }
        }
    }

    var html: String { String(decoding: bytes, as: UTF8.self) }
}

extension MemberController {
    static func rowsHTML(_ rows: [MemberLine]) -> String {
        var out = HTMLFragment(capacity: rows.count * 260)
        for row in rows {
            out.raw("<tr><td class=\"num\">"); out.text(row.number)
            out.raw("</td><td><a href=\""); out.text(row.href); out.raw("\">"); out.text(row.name)
            out.raw("</a></td><td>"); out.text(row.id)
            out.raw("</td><td>"); out.text(row.gender)
            out.raw("</td><td>"); out.text(row.birthDate)
            out.raw("</td><td>"); out.text(row.unit)
            out.raw("</td><td>"); out.text(row.status)
            out.raw("</td></tr>\n")
        }
        return out.html
    }

    static func filtersHTML(_ filters: [Filter]) -> String {
        var out = HTMLFragment(capacity: 6000)
        for filter in filters {
            out.raw("<div class=\"field\"><label for=\"f-"); out.text(filter.name); out.raw("\">"); out.text(filter.label)
            out.raw("</label><select id=\"f-"); out.text(filter.name); out.raw("\" name=\""); out.text(filter.name); out.raw("\">")
            for option in filter.options {
                out.raw("<option value=\""); out.text(option.value); out.raw("\"")
                if option.selected { out.raw(" selected") }
                out.raw(">"); out.text(option.label); out.raw("</option>")
            }
            out.raw("</select></div>\n")
        }
        return out.html
    }
}

extension UnitController {
    static func childrenHTML(_ children: [TreeModel.Child]) -> String {
        var out = HTMLFragment(capacity: children.count * 140)
        for child in children {
            out.raw("<tr><td><a href=\""); out.text(child.href); out.raw("\">"); out.text(child.name)
            out.raw("</a></td><td>"); out.text(child.kind)
            out.raw("</td><td class=\"num\">"); out.text(child.members)
            out.raw("</td></tr>\n")
        }
        return out.html
    }
}
