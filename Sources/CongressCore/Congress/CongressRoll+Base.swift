/// The base of every election computed from the roll and the attendance record, never typed in.
public enum RollBase {
    /// R-E-17: full members convened, minus those on temporary activity elsewhere, exempted
    /// members who are absent, those suspended or prosecuted, and full members absent throughout
    /// with an accepted reason. `present` counts those at the session of the vote.
    public static func members(_ roll: [MemberOnRoll], session: Int = 0) -> BaseRecord {
        let full = roll.filter(\.full)
        var excluded: [BaseExclusion: Int] = [:]
        for member in full {
            switch member.condition {
            case .temporaryElsewhere: excluded[.temporaryActivityElsewhere, default: 0] += 1
            case .suspendedOrProsecuted: excluded[.suspendedOrProsecuted, default: 0] += 1
            case .exempted where !member.attendance.present(at: session): excluded[.exemptedAbsent, default: 0] += 1
            case .exempted, .none:
                if member.attendance.absentWhole, member.attendance.reasonAccepted {
                    excluded[.absentWithAcceptedReason, default: 0] += 1
                }
            }
        }
        return BaseRecord(kind: .membersCongress, convened: full.count,
                          present: roll.filter { $0.attendance.present(at: session) }.count, excluded: excluded)
    }

    /// Who sits for each official delegate absent throughout: the electing unit's alternates who
    /// attend, in their order (R-E-25). Ex-officio and appointed delegates are not replaced.
    public static func replacements(_ roll: [DelegateOnRoll]) -> [(absent: DelegateOnRoll, alternate: DelegateOnRoll)] {
        var waiting: [String: [DelegateOnRoll]] = [:]
        for alternate in roll where !alternate.isOfficial && !alternate.attendance.absentWhole {
            if let unit = alternate.electedBy { waiting[unit, default: []].append(alternate) }
        }
        for unit in waiting.keys { waiting[unit]!.sort { ($0.alternateOrder ?? 0) < ($1.alternateOrder ?? 0) } }
        var pairs: [(DelegateOnRoll, DelegateOnRoll)] = []
        for delegate in roll where delegate.isOfficial && delegate.kind == .elected && delegate.attendance.absentWhole {
            guard let unit = delegate.electedBy, var queue = waiting[unit], !queue.isEmpty else { continue }
            pairs.append((delegate, queue.removeFirst()))
            waiting[unit] = queue
        }
        return pairs
    }

    /// R-E-18: official delegates convened, minus convening-level committee members absent
    /// throughout, minus official delegates absent throughout and not replaced by an alternate.
    public static func delegates(_ roll: [DelegateOnRoll], session: Int = 0) -> BaseRecord {
        let official = roll.filter(\.isOfficial)
        let replacing = replacements(roll)
        let replaced = Set(replacing.map(\.absent.memberID))
        var excluded: [BaseExclusion: Int] = [:]
        for delegate in official where delegate.attendance.absentWhole {
            if delegate.kind == .exOfficio {
                excluded[.committeeMembersAbsent, default: 0] += 1
            } else if !replaced.contains(delegate.memberID) {
                excluded[.delegatesAbsentNotReplaced, default: 0] += 1
            }
        }
        let present = official.filter { $0.attendance.present(at: session) }.count
            + replacing.filter { $0.alternate.attendance.present(at: session) }.count
        return BaseRecord(kind: .delegatesCongress, convened: official.count, present: present, excluded: excluded)
    }

    /// R-E-19: committee members convened, minus those absent throughout with an accepted reason.
    public static func conference(_ attendance: [Attendance], session: Int = 0) -> BaseRecord {
        let absentWithReason = attendance.filter { $0.absentWhole && $0.reasonAccepted }.count
        return BaseRecord(kind: .committeeConference, convened: attendance.count,
                          present: attendance.filter { $0.present(at: session) }.count,
                          excluded: absentWithReason > 0 ? [.absentWithAcceptedReason: absentWithReason] : [:])
    }

    /// R-E-20: an opinion ballot's base is those attending the session.
    public static func attending(_ attendance: [Attendance], session: Int) -> BaseRecord {
        let present = attendance.filter { $0.present(at: session) }.count
        return BaseRecord(kind: .attending, convened: present, present: present)
    }
}
