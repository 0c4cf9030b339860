/// Splits CSV bytes into lines and comma-separated fields without copying. Handles a UTF-8 byte
/// order mark, CRLF endings and double-quoted fields.
struct LineReader {
    /// A field as a byte range of the buffer.
    struct Field {
        var start: Int
        var end: Int
        var isEmpty: Bool { start == end }
    }

    /// One line: its number (1-based) and fields.
    struct Line {
        var number: Int
        var fields: FieldList
        var isBlank: Bool { fields.count == 1 && fields.spans[0].isEmpty }
    }

    /// The fields of a line with the bytes they point into.
    struct FieldList {
        let buffer: UnsafeBufferPointer<UInt8>
        var spans: [Field]
        var count: Int { spans.count }

        func text(_ index: Int) -> String {
            let span = spans[index]
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self)
        }
    }

    let buffer: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lineNumber = 0

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    mutating func nextLine() -> Line? {
        guard position < buffer.count else { return nil }
        lineNumber += 1
        var spans: [Field] = []
        spans.reserveCapacity(6)
        var fieldStart = position
        var inQuotes = false
        var index = position
        while index < buffer.count {
            let byte = buffer[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, byte == UInt8(ascii: ",") {
                spans.append(Self.trimmed(Field(start: fieldStart, end: index), in: buffer))
                fieldStart = index + 1
            } else if !inQuotes, byte == UInt8(ascii: "\n") {
                break
            }
            index += 1
        }
        var lineEnd = index
        if lineEnd > fieldStart, buffer[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        spans.append(Self.trimmed(Field(start: fieldStart, end: lineEnd), in: buffer))
        position = index + 1
        return Line(number: lineNumber, fields: FieldList(buffer: buffer, spans: spans))
    }

    /// Strips surrounding spaces and one pair of surrounding double quotes.
    static func trimmed(_ field: Field, in buffer: UnsafeBufferPointer<UInt8>) -> Field {
        var start = field.start, end = field.end
        while start < end, buffer[start] == UInt8(ascii: " ") { start += 1 }
        while end > start, buffer[end - 1] == UInt8(ascii: " ") { end -= 1 }
        if end - start >= 2, buffer[start] == UInt8(ascii: "\""), buffer[end - 1] == UInt8(ascii: "\"") {
            start += 1
            end -= 1
        }
        return Field(start: start, end: end)
    }
}
