/// Reads the members file (formats.md §4): every row checked, every problem collected with its
/// line and column; rows are returned only when there is none (all or nothing).
public enum MembersCSV {
    public enum Column: String, CaseIterable, Sendable {
        case memberID = "member_id", fullName = "full_name", gender, birthDate = "birth_date", ethnicity
        case hometown = "hometown_province_code", unit = "unit_code", joinedOn = "joined_on", officialOn = "official_on"
        case status, education, academicTitle = "academic_title", politicalTheory = "political_theory"
    }

    static let required: [Column] = [.memberID, .fullName, .gender, .birthDate, .ethnicity, .unit, .joinedOn, .status]

    /// The header line, in documented order, for files this product writes.
    public static let header = Column.allCases.map(\.rawValue).joined(separator: ",")

    /// Parses and checks the file's bytes against the day of the import (`today`).
    /// - Parameter progress: called every 100,000 rows with the rows read so far.
    public static func parse(
        _ bytes: [UInt8], today: Day, maxErrors: Int = 1_000, progress: (Int) -> Void = { _ in }
    ) -> Result<[MemberImportRow], MemberFileErrors> {
        var rows: [MemberImportRow] = []
        rows.reserveCapacity(bytes.count / 120)
        let errors = parse(bytes, today: today, maxErrors: maxErrors, batchSize: Int.max, progress: progress) { rows += $0 }
        return errors.map { .failure($0) } ?? .success(rows)
    }

    /// Parses in batches of `batchSize` valid rows handed to `batch` as they are read, so a store
    /// can write while the rest is read. Returns the problems, or `nil` if there were none; a
    /// caller must then discard what the batches delivered (all or nothing).
    public static func parse(
        _ bytes: [UInt8], today: Day, maxErrors: Int = 1_000, batchSize: Int,
        progress: (Int) -> Void = { _ in }, batch deliver: ([MemberImportRow]) -> Void
    ) -> MemberFileErrors? {
        var errors: [MemberFileError] = []
        var total = 0
        bytes.withUnsafeBufferPointer { buffer in
            var reader = LineReader(buffer: buffer)
            guard let headerLine = reader.nextLine() else {
                errors.append(MemberFileError(line: 1, column: nil, problem: .header(missing: required.map(\.rawValue), unknown: [])))
                total = 1
                return
            }
            var index: [Column: Int] = [:]
            var unknown: [String] = []
            for position in 0..<headerLine.fields.count {
                let name = headerLine.fields.text(position)
                if let column = Column(rawValue: name), index[column] == nil { index[column] = position } else { unknown.append(name) }
            }
            let missing = required.filter { index[$0] == nil }
            if !missing.isEmpty || !unknown.isEmpty {
                errors.append(MemberFileError(line: 1, column: nil, problem: .header(missing: missing.map(\.rawValue), unknown: unknown)))
                total = 1
                return
            }
            var rowReader = MemberRowReader(index: index, fieldCount: headerLine.fields.count, today: today)
            var pending: [MemberImportRow] = []
            while let line = reader.nextLine() {
                if line.isBlank { continue }
                switch rowReader.read(line) {
                case .success(let row):
                    // Once a problem is found nothing will be imported: stop handing rows on.
                    if total == 0 {
                        pending.append(row)
                        if pending.count >= batchSize { deliver(pending); pending.removeAll(keepingCapacity: true) }
                    }
                case .failure(let rowErrors):
                    total += rowErrors.total
                    if errors.count < maxErrors { errors.append(contentsOf: rowErrors.errors.prefix(maxErrors - errors.count)) }
                }
                if line.number % 100_000 == 0 { progress(line.number - 1) }
            }
            if total == 0, !pending.isEmpty { deliver(pending) }
        }
        return total > 0 ? MemberFileErrors(errors: errors, total: total) : nil
    }
}

/// Every problem found in a members file (at most the first `maxErrors` kept).
public struct MemberFileErrors: Error, Sendable, Equatable {
    public var errors: [MemberFileError]
    public var total: Int

    public init(errors: [MemberFileError], total: Int) {
        self.errors = errors
        self.total = total
    }
}
