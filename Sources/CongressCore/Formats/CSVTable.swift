/// A small CSV file read whole into named columns (reference data such as the administrative
/// units). Large files go through the streaming readers instead.
public struct CSVTable: Sendable {
    public let columns: [String]
    public let rows: [[String]]

    public init(_ bytes: [UInt8]) {
        var header: [String] = []
        var rows: [[String]] = []
        bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            if let first = reader.nextLine() { header = (0..<first.fields.count).map(first.fields.text) }
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                rows.append((0..<line.fields.count).map(line.fields.text))
            }
        }
        columns = header
        self.rows = rows
    }

    /// The rows as dictionaries keyed by column name (missing cells are empty).
    public var records: [[String: String]] {
        rows.map { row in
            Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0 < row.count ? row[$0] : "") })
        }
    }
}
