import CongressCore
import Foundation

/// Today's date in Vietnam (UTC+7), the one place the application reads the clock for dates.
public enum Today {
    public static func day(_ now: Date = Date()) -> Day {
        let seconds = Int(now.timeIntervalSince1970) + 7 * 3600
        return Day(daysSinceEpoch: Int32(seconds / 86_400))
    }
}
