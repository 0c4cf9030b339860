/// Where each column of the ballot file is (formats.md §2: header row required, order free).
struct RowLayout {
    var index: [BallotCSV.Column: Int] = [:]
    var fieldCount = 0

    static func parse(_ fields: LineReader.FieldList) -> Result<RowLayout, BallotEntryProblem> {
        var layout = RowLayout()
        var unknown: [String] = []
        for position in 0..<fields.count {
            let name = fields.text(position)
            if let column = BallotCSV.Column(rawValue: name), layout.index[column] == nil {
                layout.index[column] = position
            } else {
                unknown.append(name)
            }
        }
        layout.fieldCount = fields.count
        if !unknown.isEmpty || (layout.index[.struck] == nil && layout.index[.marks] == nil) {
            let missing = BallotCSV.Column.allCases.filter { layout.index[$0] == nil }.map(\.rawValue)
            return .failure(.header(missing: missing, unknown: unknown))
        }
        return .success(layout)
    }
}

/// Turns the fields of one data row into a ballot, or names its entry problem (formats.md §2).
struct RowParser {
    let candidates: Int
    let form: BallotForm
    let layout: RowLayout
    private let issuedAt: Int?, struckAt: Int?, marksAt: Int?, writeInAt: Int?, markedAt: Int?

    init(candidates: Int, form: BallotForm, layout: RowLayout) {
        self.candidates = candidates
        self.form = form
        self.layout = layout
        issuedAt = layout.index[.issued]
        struckAt = layout.index[.struck]
        marksAt = layout.index[.marks]
        writeInAt = layout.index[.writein]
        markedAt = layout.index[.marked]
    }

    func parse(_ fields: LineReader.FieldList) -> Result<Ballot, BallotEntryProblem> {
        guard fields.count == layout.fieldCount else {
            return .failure(.fieldCount(found: fields.count, expected: layout.fieldCount))
        }
        do {
            let issued = try yesNo(fields, issuedAt, column: .issued, default: true)
            let writeIn = try yesNo(fields, writeInAt, column: .writein, default: false)
            let marked = try yesNo(fields, markedAt, column: .marked, default: false)
            let choice = try self.choice(fields, issued: issued)
            return .success(Ballot(issued: issued, choice: choice, writeIn: writeIn, identifyingMarks: marked))
        } catch {
            return .failure(error)
        }
    }

    private func choice(_ fields: LineReader.FieldList, issued: Bool) throws(BallotEntryProblem) -> Ballot.Choice {
        let struck = struckAt.map { fields.spans[$0] }
        let marks = marksAt.map { fields.spans[$0] }
        switch form {
        case .strikeOut:
            if let marks, !marks.isEmpty { throw .marksOnStrikeOut }
            return .struck(try struckNumbers(fields, struck))
        case .agreeDisagree:
            if let struck, !struck.isEmpty { throw .struckOnAgreeDisagree }
            return try markLetters(fields, marks, issued: issued)
        }
    }

    private func struckNumbers(_ fields: LineReader.FieldList, _ span: LineReader.Field?) throws(BallotEntryProblem) -> CandidateSet {
        var set = CandidateSet()
        guard let span else { return set }
        let buffer = fields.buffer
        var index = span.start
        while index < span.end {
            while index < span.end, buffer[index] == UInt8(ascii: " ") { index += 1 }
            guard index < span.end else { break }
            let tokenStart = index
            var number = 0
            var digitsOnly = true
            while index < span.end, buffer[index] != UInt8(ascii: " ") {
                let digit = Int(buffer[index]) - 48
                if digit < 0 || digit > 9 { digitsOnly = false } else if number < 1_000_000 { number = number * 10 + digit }
                index += 1
            }
            guard digitsOnly else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[tokenStart..<index]), as: UTF8.self)
                throw .notABallotNumber(text: text)
            }
            guard number >= 1, number <= candidates else { throw .numberOutsideList(number: number, candidates: candidates) }
            if !set.insert(number - 1) { throw .numberRepeated(number: number) }
        }
        return set
    }

    private func markLetters(_ fields: LineReader.FieldList, _ span: LineReader.Field?, issued: Bool) throws(BallotEntryProblem) -> Ballot.Choice {
        var agree = CandidateSet(), disagree = CandidateSet()
        let length = span.map { $0.end - $0.start } ?? 0
        // A ballot without the stamp is invalid whatever it says: its marks may be left out.
        if length == 0, !issued { return .marks(agree: agree, disagree: disagree) }
        guard let span, length == candidates else { throw .marksLength(found: length, expected: candidates) }
        for offset in 0..<length {
            switch fields.buffer[span.start + offset] | 0x20 {   // ASCII lower case
            case UInt8(ascii: "a"): agree.insert(offset)
            case UInt8(ascii: "d"): disagree.insert(offset)
            case UInt8(ascii: "b"): agree.insert(offset); disagree.insert(offset)
            case UInt8(ascii: "n"): break
            default:
                throw .unknownMark(text: String(decoding: UnsafeBufferPointer(rebasing: fields.buffer[span.start..<span.end]), as: UTF8.self))
            }
        }
        return .marks(agree: agree, disagree: disagree)
    }

    private func yesNo(_ fields: LineReader.FieldList, _ index: Int?, column: BallotCSV.Column, default fallback: Bool) throws(BallotEntryProblem) -> Bool {
        guard let index else { return fallback }
        let span = fields.spans[index]
        switch span.end - span.start {
        case 0: return fallback
        case 2 where fields.buffer[span.start] | 0x20 == UInt8(ascii: "n") && fields.buffer[span.start + 1] | 0x20 == UInt8(ascii: "o"):
            return false
        case 3 where fields.buffer[span.start] | 0x20 == UInt8(ascii: "y") && fields.buffer[span.start + 1] | 0x20 == UInt8(ascii: "e")
            && fields.buffer[span.start + 2] | 0x20 == UInt8(ascii: "s"):
            return true
        default:
            throw .notYesNo(column: column.rawValue, text: fields.text(index))
        }
    }
}
