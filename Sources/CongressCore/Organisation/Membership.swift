/// What happens to a membership over time (R-O-3). Events are the record; spans are derived.
public struct MembershipEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Admitted to the Party in `unit`.
        case admitted
        /// Made a full member.
        case madeOfficial
        /// Transferred to `unit`.
        case transferred
        /// Temporary activity in another organisation (`unit`), until `until` if known.
        case temporaryElsewhere
        /// Exempted from activity and tasks.
        case exempted
        /// Suspended from party activity (or indicted, prosecuted, detained).
        case suspended
        /// Back to normal activity after temporary activity, exemption or suspension.
        case resumed
        /// A discipline (`detail`: reprimand, warning, removal, expulsion) in force until `until`.
        case disciplined
        /// Left the Party (removed from the rolls, expelled, deceased): the membership ends.
        case left
    }

    public var kind: Kind
    public var day: Day
    public var unit: PartyUnit.ID?
    public var until: Day?
    public var detail: String?

    public init(kind: Kind, day: Day, unit: PartyUnit.ID? = nil, until: Day? = nil, detail: String? = nil) {
        self.kind = kind
        self.day = day
        self.unit = unit
        self.until = until
        self.detail = detail
    }
}

/// How a member stands during a span, apart from being full or probationary.
public enum Standing: String, Sendable, Codable, CaseIterable, Hashable {
    case active, temporaryElsewhere, exempted, suspended
}

/// A member's status on a day (formats.md §4 `status`).
public enum MemberStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case official, probationary, temporaryElsewhere, exempted, suspended
}

/// One period in one unit with one standing: the unit of counting (R-O-3).
public struct MembershipSpan: Sendable, Hashable, Codable {
    public var unit: PartyUnit.ID
    public var from: Day
    /// Last day, inclusive; `nil` while it lasts.
    public var to: Day?
    public var standing: Standing

    public init(unit: PartyUnit.ID, from: Day, to: Day? = nil, standing: Standing = .active) {
        self.unit = unit
        self.from = from
        self.to = to
        self.standing = standing
    }

    public func holds(on day: Day) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }
}

/// Derives spans from events: one membership at a time, so spans never overlap (R-O-3).
public enum MembershipHistory {
    public static func spans(_ events: [MembershipEvent]) -> [MembershipSpan] {
        var spans: [MembershipSpan] = []
        var current: MembershipSpan?
        func close(before day: Day) {
            guard var open = current else { return }
            if open.from < day {
                open.to = day.adding(days: -1)
                spans.append(open)
            }
            current = nil
        }
        for event in events.sorted(by: { $0.day < $1.day }) {
            switch event.kind {
            case .admitted:
                close(before: event.day)
                current = MembershipSpan(unit: event.unit ?? "", from: event.day)
            case .transferred:
                guard let open = current else { continue }
                close(before: event.day)
                current = MembershipSpan(unit: event.unit ?? open.unit, from: event.day, standing: open.standing)
            case .temporaryElsewhere, .exempted, .suspended, .resumed:
                guard let open = current else { continue }
                let standing: Standing = switch event.kind {
                case .temporaryElsewhere: .temporaryElsewhere
                case .exempted: .exempted
                case .suspended: .suspended
                default: .active
                }
                close(before: event.day)
                current = MembershipSpan(unit: open.unit, from: event.day, standing: standing)
            case .left:
                close(before: event.day)
            case .madeOfficial, .disciplined:
                continue
            }
        }
        if let open = current { spans.append(open) }
        return spans
    }

    /// The status on `day` of a person with these spans, or `nil` if not a member that day.
    public static func status(of person: Person, spans: [MembershipSpan], on day: Day) -> (unit: PartyUnit.ID, status: MemberStatus)? {
        guard let span = spans.first(where: { $0.holds(on: day) }) else { return nil }
        return (span.unit, status(standing: span.standing, officialOn: person.officialOn, on: day))
    }

    public static func status(standing: Standing, officialOn: Day?, on day: Day) -> MemberStatus {
        switch standing {
        case .temporaryElsewhere: .temporaryElsewhere
        case .exempted: .exempted
        case .suspended: .suspended
        case .active: (officialOn.map { $0 <= day } ?? false) ? .official : .probationary
        }
    }
}
