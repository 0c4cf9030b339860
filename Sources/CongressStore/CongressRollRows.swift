import CongressCore

/// A congress's roll as the databases keep it (SQLite v9, PostgreSQL v4): one row per person
/// convened, their attendance on the row and the sessions they missed beside it. A write
/// compares the rows it finds with the record's and touches only those that changed, so an
/// attendance click on a 1,600-delegate roll writes one row.
public struct CongressRollRow: Sendable, Hashable, Codable {
    public enum Roll: String, Sendable, Hashable, Codable { case member, delegate }

    public var roll: Roll
    public var memberID: Person.ID
    public var position: Int
    public var fullName: String
    /// Members' congress only (R-E-17).
    public var full: Bool?
    public var condition: String?
    /// Delegates' congress only (R-E-18, R-E-25).
    public var delegateKind: String?
    public var alternateOrder: Int?
    public var electedBy: String?
    public var absentWhole: Bool
    public var reasonAccepted: Bool
    /// Sessions missed, ascending.
    public var absentSessions: [Int]

    public struct Key: Hashable, Sendable {
        public let roll: Roll
        public let memberID: Person.ID
        public init(roll: Roll, memberID: Person.ID) {
            self.roll = roll
            self.memberID = memberID
        }
    }
    public var key: Key { Key(roll: roll, memberID: memberID) }

    public init(roll: Roll, memberID: Person.ID, position: Int, fullName: String, full: Bool? = nil, condition: String? = nil,
                delegateKind: String? = nil, alternateOrder: Int? = nil, electedBy: String? = nil, absentWhole: Bool,
                reasonAccepted: Bool, absentSessions: [Int]) {
        self.roll = roll
        self.memberID = memberID
        self.position = position
        self.fullName = fullName
        self.full = full
        self.condition = condition
        self.delegateKind = delegateKind
        self.alternateOrder = alternateOrder
        self.electedBy = electedBy
        self.absentWhole = absentWhole
        self.reasonAccepted = reasonAccepted
        self.absentSessions = absentSessions
    }

    /// The rows of a record's roll, in roll order.
    public static func rows(of record: CongressRecord) -> [CongressRollRow] {
        record.members.enumerated().map { position, member in
            CongressRollRow(roll: .member, memberID: member.memberID, position: position, fullName: member.fullName, full: member.full,
                            condition: member.condition.rawValue, absentWhole: member.attendance.absentWhole,
                            reasonAccepted: member.attendance.reasonAccepted, absentSessions: member.attendance.absentSessions.sorted())
        } + record.delegates.enumerated().map { position, delegate in
            CongressRollRow(roll: .delegate, memberID: delegate.memberID, position: position, fullName: delegate.fullName,
                            delegateKind: delegate.kind.rawValue, alternateOrder: delegate.alternateOrder, electedBy: delegate.electedBy,
                            absentWhole: delegate.attendance.absentWhole, reasonAccepted: delegate.attendance.reasonAccepted,
                            absentSessions: delegate.attendance.absentSessions.sorted())
        }
    }

    /// Puts rows read back (in any order) into the record's roll.
    public static func fill(_ record: inout CongressRecord, from rows: [CongressRollRow]) {
        let ordered = rows.sorted { ($0.roll.rawValue, $0.position) < ($1.roll.rawValue, $1.position) }
        record.members = ordered.filter { $0.roll == .member }.map { row in
            MemberOnRoll(memberID: row.memberID, fullName: row.fullName, full: row.full ?? true,
                         condition: row.condition.flatMap(MemberOnRoll.Condition.init(rawValue:)) ?? .none, attendance: row.attendance)
        }
        record.delegates = ordered.filter { $0.roll == .delegate }.map { row in
            DelegateOnRoll(memberID: row.memberID, fullName: row.fullName,
                           kind: row.delegateKind.flatMap(DelegateOnRoll.Kind.init(rawValue:)) ?? .elected,
                           alternateOrder: row.alternateOrder, electedBy: row.electedBy, attendance: row.attendance)
        }
    }

    var attendance: Attendance {
        Attendance(absentWhole: absentWhole, reasonAccepted: reasonAccepted, absentSessions: Set(absentSessions))
    }

    /// What a write changes: the rows to insert or replace, and the people no longer on the roll.
    public struct Changes: Sendable, Equatable {
        public var upserts: [CongressRollRow]
        public var removed: [Key]
        public var isEmpty: Bool { upserts.isEmpty && removed.isEmpty }
    }

    /// The rows that differ between what is stored and what the record holds.
    public static func changes(from stored: [CongressRollRow], to wanted: [CongressRollRow]) -> Changes {
        let before = Dictionary(stored.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = Set(wanted.map(\.key))
        return Changes(upserts: wanted.filter { before[$0.key] != $0 },
                       removed: stored.map(\.key).filter { !keys.contains($0) })
    }
}
