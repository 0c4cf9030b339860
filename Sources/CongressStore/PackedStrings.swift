/// Many strings in one byte buffer: a national register's names without millions of heap objects.
struct PackedStrings: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = [0]

    var count: Int { starts.count - 1 }

    mutating func reserve(strings: Int, bytes byteCount: Int) {
        starts.reserveCapacity(strings + 1)
        bytes.reserveCapacity(byteCount)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        starts.append(UInt32(bytes.count))
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes.append(contentsOf: bytes)
        starts.append(UInt32(self.bytes.count))
    }

    /// The bytes of string `index`.
    func bytes(of index: Int) -> ArraySlice<UInt8> { bytes[Int(starts[index])..<Int(starts[index + 1])] }

    subscript(index: Int) -> String {
        String(decoding: bytes[Int(starts[index])..<Int(starts[index + 1])], as: UTF8.self)
    }

    /// Whether string `a` sorts before string `b` bytewise (member IDs are ASCII).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        bytes[Int(starts[a])..<Int(starts[a + 1])].lexicographicallyPrecedes(bytes[Int(starts[b])..<Int(starts[b + 1])])
    }
}
