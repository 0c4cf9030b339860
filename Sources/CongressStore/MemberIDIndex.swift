import Synchronization

/// Where each member ID is among a snapshot's persons: an open-addressing hash table of person
/// numbers (4 bytes a slot, twice the persons), so that a membership event finds its person in
/// constant time instead of scanning 5.6 million IDs. Built on first use and shared by the
/// snapshots a patch makes from one another (their member IDs are the same).
final class MemberIDIndex: Sendable {
    private let table = Mutex<[UInt32]?>(nil)
    private static let empty = UInt32.max

    /// The person whose ID is `text`, or nil.
    func person(_ text: String, in ids: PackedStrings) -> Int? {
        let wanted = Array(text.utf8)
        return table.withLock { table in
            if table == nil { table = Self.build(ids) }
            let slots = table!
            let mask = slots.count - 1
            var slot = Self.hash(wanted[...]) & mask
            while slots[slot] != Self.empty {
                let person = Int(slots[slot])
                if ids.bytes(of: person).elementsEqual(wanted) { return person }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    private static func build(_ ids: PackedStrings) -> [UInt32] {
        var size = 16
        while size < ids.count * 2 { size <<= 1 }
        var slots = [UInt32](repeating: empty, count: size)
        let mask = size - 1
        for person in 0..<ids.count {
            var slot = hash(ids.bytes(of: person)) & mask
            while slots[slot] != empty { slot = (slot + 1) & mask }
            slots[slot] = UInt32(person)
        }
        return slots
    }

    /// FNV-1a over the ID's bytes.
    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }
}
