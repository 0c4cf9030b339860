import Foundation

/// The roll of a congress drawn from the register on its opening day.
public enum RollFromRegister {
    /// R-E-17: every member of the unit's subtree on the day, full or probationary, with the
    /// condition their standing gives (temporary activity elsewhere, exempted, suspended).
    public static func members(_ rows: [MemberRow]) -> [MemberOnRoll] {
        rows.map { row in
            let condition: MemberOnRoll.Condition = switch row.status {
            case .official, .probationary: .none
            case .temporaryElsewhere: .temporaryElsewhere
            case .exempted: .exempted
            case .suspended: .suspendedOrProsecuted
            }
            return MemberOnRoll(memberID: row.memberID, fullName: row.fullName, full: row.status != .probationary, condition: condition)
        }
    }

    /// A problem with one line of a delegates list.
    public struct LineProblem: Error, Sendable, Equatable {
        public var line: Int
        public var text: String
        public var reason: Reason

        public enum Reason: String, Sendable, Equatable {
            case fields, kind, alternateOrder, unknownMember, duplicate
        }
    }

    /// R-E-18, R-E-25: a delegates list, one delegate a line:
    /// `member ID; kind (đương nhiên, được bầu, chỉ định); electing unit; alternate's place`.
    /// `name` finds a member's full name in the register. Every bad line is reported.
    public struct Problems: Error, Sendable, Equatable { public var lines: [LineProblem] }

    /// The kind as users write it, in Vietnamese with or without diacritics ("đương nhiên",
    /// "được bầu", "chỉ định") or by its file name (`exOfficio`, `elected`, `appointed`).
    public static func delegateKind(_ text: String) -> DelegateOnRoll.Kind? {
        if let kind = DelegateOnRoll.Kind(rawValue: text) { return kind }
        switch VietnameseText.folded(text).split(whereSeparator: \.isWhitespace).joined(separator: " ") {
        case "duong nhien", "dai bieu duong nhien": return .exOfficio
        case "bau", "duoc bau", "dai bieu duoc bau": return .elected
        case "chi dinh", "duoc chi dinh", "dai bieu chi dinh": return .appointed
        default: return nil
        }
    }

    public static func delegates(_ text: String, name: (Person.ID) -> String?) -> Result<[DelegateOnRoll], Problems> {
        var delegates: [DelegateOnRoll] = []
        var problems: [LineProblem] = []
        var seen = Set<String>()
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            let fields = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func problem(_ reason: LineProblem.Reason) { problems.append(LineProblem(line: index + 1, text: line, reason: reason)) }
            guard (2...4).contains(fields.count) else { problem(.fields); continue }
            guard let kind = delegateKind(fields[1]) else { problem(.kind); continue }
            let alternate = fields.count == 4 && !fields[3].isEmpty ? Int(fields[3]) : nil
            if fields.count == 4, !fields[3].isEmpty, (alternate ?? 0) < 1 { problem(.alternateOrder); continue }
            guard let fullName = name(Person.ID(fields[0])) else { problem(.unknownMember); continue }
            guard seen.insert(fields[0]).inserted else { problem(.duplicate); continue }
            delegates.append(DelegateOnRoll(memberID: Person.ID(fields[0]), fullName: fullName, kind: kind, alternateOrder: alternate,
                                            electedBy: fields.count >= 3 && !fields[2].isEmpty ? fields[2] : nil))
        }
        return problems.isEmpty ? .success(delegates) : .failure(Problems(lines: problems))
    }
}
