import CongressCore
import CongressWeb

/// Renders the counting minutes as a printable A4 HTML page (the same page the web application prints).
public enum MinutesPage {
    public static func render(_ minutes: CountingMinutes) -> String {
        PrintedDocuments.minutes(minutes)
    }
}
