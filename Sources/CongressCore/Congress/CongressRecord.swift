/// One congress of one unit for one term (R-C-4): its roll, who was not convened and why
/// (R-E-21), its working bodies and the motions it carried by show of hands (R-E-2). Every
/// election's base is computed from this record (R-E-17…R-E-20), never typed in.
public struct CongressRecord: Sendable, Codable, Hashable {
    /// The unit holding the congress.
    public var unit: PartyUnit.ID
    /// "Đại hội đại biểu Đảng bộ xã Tân Lập lần thứ I, nhiệm kỳ 2025–2030".
    public var name: String
    /// "2025–2030".
    public var term: String
    public var kind: CongressKind
    /// ISO days.
    public var opensOn: String
    public var closesOn: String
    /// Members convened (members' congress, R-E-17).
    public var members: [MemberOnRoll]
    /// Delegates convened (delegates' congress, R-E-18, R-E-25).
    public var delegates: [DelegateOnRoll]
    public var notConvened: [NotConvened]
    /// Member IDs of the counting board, its head first (R-E-4).
    public var countingBoard: [Person.ID]
    public var motions: [Motion]
    /// The leaders the approved personnel scheme designates (R-E-26).
    public var designated: [DesignatedLeader] = []
    /// The bodies of the term as elected or appointed so far (R-E-27).
    public var composition: [BodySeat] = []
    /// Set when a designated leader was not elected (R-E-26).
    public var pause: CongressPause?
    /// The day the minutes and résumés went to the higher committee (ISO, R-E-30).
    public var submittedOn: String?
    /// The ID of the rulebook the congress is held under (its cycle's); records written before
    /// it was kept read as the default, 190-QĐ/TW.
    public var rulebookID: String = Rulebook.qd190.id

    /// The rulebook the congress's elections follow.
    public var rulebook: Rulebook { Rulebook.named(rulebookID) ?? .qd190 }

    private enum CodingKeys: String, CodingKey {
        case unit, name, term, kind, opensOn, closesOn, members, delegates, notConvened, countingBoard, motions
        case designated, composition, pause, submittedOn, rulebookID
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unit = try c.decode(PartyUnit.ID.self, forKey: .unit)
        name = try c.decode(String.self, forKey: .name)
        term = try c.decode(String.self, forKey: .term)
        kind = try c.decode(CongressKind.self, forKey: .kind)
        opensOn = try c.decode(String.self, forKey: .opensOn)
        closesOn = try c.decode(String.self, forKey: .closesOn)
        members = try c.decodeIfPresent([MemberOnRoll].self, forKey: .members) ?? []
        delegates = try c.decodeIfPresent([DelegateOnRoll].self, forKey: .delegates) ?? []
        notConvened = try c.decodeIfPresent([NotConvened].self, forKey: .notConvened) ?? []
        countingBoard = try c.decodeIfPresent([Person.ID].self, forKey: .countingBoard) ?? []
        motions = try c.decodeIfPresent([Motion].self, forKey: .motions) ?? []
        designated = try c.decodeIfPresent([DesignatedLeader].self, forKey: .designated) ?? []
        composition = try c.decodeIfPresent([BodySeat].self, forKey: .composition) ?? []
        pause = try c.decodeIfPresent(CongressPause.self, forKey: .pause)
        submittedOn = try c.decodeIfPresent(String.self, forKey: .submittedOn)
        rulebookID = try c.decodeIfPresent(String.self, forKey: .rulebookID) ?? Rulebook.qd190.id
    }

    public init(unit: PartyUnit.ID, name: String, term: String, kind: CongressKind, opensOn: String, closesOn: String,
                members: [MemberOnRoll] = [], delegates: [DelegateOnRoll] = [], notConvened: [NotConvened] = [],
                countingBoard: [Person.ID] = [], motions: [Motion] = []) {
        self.unit = unit
        self.name = name
        self.term = term
        self.kind = kind
        self.opensOn = opensOn
        self.closesOn = closesOn
        self.members = members
        self.delegates = delegates
        self.notConvened = notConvened
        self.countingBoard = countingBoard
        self.motions = motions
    }

    /// The base of the congress's own elections at `session` (R-E-17 or R-E-18).
    public func base(session: Int = 0) -> BaseRecord {
        switch kind {
        case .members: RollBase.members(members, session: session)
        case .delegates: RollBase.delegates(delegates, session: session)
        }
    }

    /// Those who may vote at `session`: full members (members' congress) or official delegates and
    /// the alternates replacing them (delegates' congress) who are present.
    public func voters(session: Int = 0) -> Int {
        switch kind {
        case .members:
            members.filter { member in
                member.full && member.attendance.present(at: session)
                    && member.condition != .temporaryElsewhere && member.condition != .suspendedOrProsecuted
            }.count
        case .delegates:
            base(session: session).present ?? 0
        }
    }

    /// The full name of someone on the roll.
    public func name(of memberID: Person.ID) -> String? {
        members.first { $0.memberID == memberID }?.fullName ?? delegates.first { $0.memberID == memberID }?.fullName
    }

    /// The member IDs of everyone on the roll with this full name.
    /// The members of the congress (roll, delegates, the new bodies) who bear `name`, each once.
    public func people(named name: String) -> [Person.ID] {
        var seen = Set<Person.ID>()
        return (memberIDs(named: name) + composition.filter { $0.name == name }.compactMap(\.memberID)).filter { seen.insert($0).inserted }
    }

    public func memberIDs(named name: String) -> [Person.ID] {
        members.filter { $0.fullName == name }.map(\.memberID) + delegates.filter { $0.fullName == name }.map(\.memberID)
    }

    /// Who is eligible for the counting board: full members or official delegates (R-E-4).
    public var boardEligible: Set<Person.ID> {
        switch kind {
        case .members: Set(members.filter(\.full).map(\.memberID))
        case .delegates: Set(delegates.filter(\.isOfficial).map(\.memberID))
        }
    }
}

/// A congress as stored: its identifier and the version that guards concurrent edits.
public struct StoredCongress: Sendable, Equatable {
    public var id: CongressRecord.ID
    public var version: Int
    public var record: CongressRecord

    public init(id: CongressRecord.ID, version: Int, record: CongressRecord) {
        self.id = id
        self.version = version
        self.record = record
    }
}
