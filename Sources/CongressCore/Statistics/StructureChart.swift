/// The structure report's chart (issue 14): one row per group, this term's share as a dark bar
/// and the previous term's as a light one beneath, each labelled with its percentage. SVG, so the
/// page and its print carry it without scripts or images; suppressed cells are left out.
public enum StructureChart {
    static let labelWidth = 210, barWidth = 300, rowHeight = 34, top = 28

    public static func svg(_ report: BodiesStructureReport, _ language: Language, hidden: Set<StructureGroup> = []) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("bodies.report." + key, language, arguments: arguments) }
        let height = top + rowHeight * report.groups.count + 8
        let width = labelWidth + barWidth + 70
        var out = "<svg class=\"structure-chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" font-family=\"sans-serif\" font-size=\"12\">"
        out += "<title>\(Workbook.escape(say("chart.title", [report.term])))</title>"
        out += "<rect x=\"\(labelWidth)\" y=\"6\" width=\"10\" height=\"10\" fill=\"#1b5e20\"></rect>"
            + "<text x=\"\(labelWidth + 14)\" y=\"15\">\(Workbook.escape(report.term))</text>"
        if let previous = report.previousTerm, report.previousMembers != nil {
            out += "<rect x=\"\(labelWidth + 110)\" y=\"6\" width=\"10\" height=\"10\" fill=\"#a5d6a7\"></rect>"
                + "<text x=\"\(labelWidth + 124)\" y=\"15\">\(Workbook.escape(previous))</text>"
        }
        for (index, group) in report.groups.enumerated() {
            let y = top + index * rowHeight
            out += "<text x=\"0\" y=\"\(y + 13)\">\(Workbook.escape(say("group." + group.group.rawValue, [])))</text>"
            if hidden.contains(group.group) {
                out += "<text x=\"\(labelWidth)\" y=\"\(y + 13)\" fill=\"#555\">\(Workbook.escape(say("hidden", [])))</text>"
                continue
            }
            out += bar(x: labelWidth, y: y + 2, share: share(group.count, of: report.members), colour: "#1b5e20",
                       label: language.decimal(Hundredths.percent(group.count, of: report.members)) + "%")
            if let previous = group.previousCount, let members = report.previousMembers {
                out += bar(x: labelWidth, y: y + 16, share: share(previous, of: members), colour: "#a5d6a7",
                           label: language.decimal(Hundredths.percent(previous, of: members)) + "%")
            }
        }
        return out + "</svg>"
    }

    /// A share from 0 to 1 (0 when there is nobody).
    static func share(_ count: Int, of total: Int) -> Double { total > 0 ? min(1, Double(count) / Double(total)) : 0 }

    static func bar(x: Int, y: Int, share: Double, colour: String, label: String) -> String {
        let length = Int((share * Double(barWidth)).rounded())
        return "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(length)\" height=\"12\" fill=\"\(colour)\"></rect>"
            + "<text x=\"\(x + length + 4)\" y=\"\(y + 10)\" font-size=\"11\">\(Workbook.escape(label))</text>"
    }
}
