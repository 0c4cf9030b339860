@testable import CongressCore
import Testing

/// The XLSX writer: a ZIP archive whose entries a reader finds through its central directory,
/// each CRC-32 right (checked here bitwise, independently of the writer's table), holding the parts
/// of a workbook; cells typed as numbers, decimals and inline strings, text escaped.
@Suite("XLSX workbook")
struct WorkbookTests {
    static func bitwiseCRC(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return ~crc
    }

    static func u16(_ b: [UInt8], _ at: Int) -> Int { Int(b[at]) | Int(b[at + 1]) << 8 }
    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[at + $1]) << (8 * UInt32($1)) } }

    /// The entries as the central directory lists them: name → data.
    static func entries(_ zip: [UInt8]) -> [String: [UInt8]] {
        let end = zip.count - 22
        #expect(u32(zip, end) == 0x0605_4B50)
        let count = u16(zip, end + 10)
        var at = Int(u32(zip, end + 16)), found: [String: [UInt8]] = [:]
        for _ in 0..<count {
            #expect(u32(zip, at) == 0x0201_4B50)
            let crc = u32(zip, at + 16), size = Int(u32(zip, at + 20)), nameLength = u16(zip, at + 28), offset = Int(u32(zip, at + 42))
            let name = String(decoding: zip[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            #expect(u32(zip, offset) == 0x0403_4B50)
            let start = offset + 30 + u16(zip, offset + 26)
            let data = Array(zip[start..<(start + size)])
            #expect(bitwiseCRC(data) == crc, "\(name): CRC-32")
            found[name] = data
            at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32)
        }
        return found
    }

    @Test("§6 (xlsx): the archive's parts, their checksums, and the cells")
    func workbook() throws {
        let bytes = Workbook.bytes([Workbook.Sheet(name: "2020-2025", rows: [[.text("Nữ & <nam>"), .number(523), .decimal("15.71")], [.empty, .text("x")]])])
        let parts = Self.entries(bytes)
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                    "xl/worksheets/sheet1.xml"])
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(sheet.contains(#"<c r="A1" t="inlineStr"><is><t xml:space="preserve">Nữ &amp; &lt;nam&gt;</t></is></c>"#))
        #expect(sheet.contains(#"<c r="B1"><v>523</v></c><c r="C1"><v>15.71</v></c>"#) && sheet.contains(#"<c r="B2" t="inlineStr">"#))
        #expect(String(decoding: try #require(parts["xl/workbook.xml"]), as: UTF8.self).contains(#"<sheet name="2020-2025" sheetId="1" r:id="rId1"/>"#))
        #expect(Workbook.columnName(0) == "A" && Workbook.columnName(25) == "Z" && Workbook.columnName(26) == "AA" && Workbook.columnName(701) == "ZZ")
    }
}
