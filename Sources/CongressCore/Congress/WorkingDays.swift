/// Working days (Monday to Friday, less the public holidays given), for the deadlines of R-E-30.
public enum WorkingDays {
    /// 0 = Sunday … 6 = Saturday (1/1/1970 was a Thursday).
    public static func weekday(_ day: Day) -> Int {
        ((Int(day.daysSinceEpoch) % 7) + 7 + 4) % 7
    }

    public static func isWorkingDay(_ day: Day, holidays: Set<Day> = []) -> Bool {
        let weekday = weekday(day)
        return weekday != 0 && weekday != 6 && !holidays.contains(day)
    }

    /// The day `count` working days after `day` (the day itself does not count).
    public static func adding(_ count: Int, to day: Day, holidays: Set<Day> = []) -> Day {
        var current = day
        var left = count
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current, holidays: holidays) { left -= 1 }
        }
        return current
    }

    /// Working days after `from` up to and including `to` (negative when `to` is earlier).
    public static func between(_ from: Day, _ to: Day, holidays: Set<Day> = []) -> Int {
        if to < from { return -between(to, from, holidays: holidays) }
        var count = 0
        var current = from
        while current < to {
            current = current.adding(days: 1)
            if isWorkingDay(current, holidays: holidays) { count += 1 }
        }
        return count
    }
}

/// R-E-30: within 7 working days of the congress the new committee sends the minutes and
/// résumés up; within 15 working days of receipt the higher committee approves (chuẩn y).
public struct ApprovalDeadlines: Sendable, Equatable {
    public static let submissionWorkingDays = 7
    public static let approvalWorkingDays = 15

    public var congressClosed: Day
    public var submitted: Day?

    public init(congressClosed: Day, submitted: Day?) {
        self.congressClosed = congressClosed
        self.submitted = submitted
    }

    /// The last day to send the minutes and résumés to the higher committee.
    public func submissionDue(holidays: Set<Day> = []) -> Day {
        WorkingDays.adding(Self.submissionWorkingDays, to: congressClosed, holidays: holidays)
    }

    /// The last day for the higher committee's approval, once the file was received.
    public func approvalDue(holidays: Set<Day> = []) -> Day? {
        submitted.map { WorkingDays.adding(Self.approvalWorkingDays, to: $0, holidays: holidays) }
    }
}
