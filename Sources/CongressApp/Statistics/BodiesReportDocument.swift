import CongressCore

/// `congress report bodies --format html`: the structure report as one printable page (A4), its
/// table, the sum-of-parts check and the chart in SVG, with nothing to fetch.
enum BodiesReportDocument {
    static let style = """
        body { font-family: "Times New Roman", serif; margin: 2em; color: #111; }
        h1 { font-size: 1.3em; text-align: center; text-transform: uppercase; }
        p.selection, p.check, p.public { text-align: center; }
        table { border-collapse: collapse; margin: 1em auto; }
        th, td { border: 1px solid #444; padding: 0.25em 0.6em; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        figure { text-align: center; margin: 1.5em 0; }
        @page { size: A4; margin: 18mm; }
        @media print { body { margin: 0; } figure, table { break-inside: avoid; } }
        """

    static func html(_ report: BodiesStructureReport, _ language: Language, suppressing: Bool, asOf day: Day, unitName: String) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("bodies.report." + key, language, arguments: arguments) }
        let body = Catalogue.text("scheme.body." + report.body.rawValue, language)
        let title = say("document.title", [body, report.term])
        let kind = report.kind.map { Catalogue.text("kind." + $0.rawValue, language) } ?? say("document.allKinds", [])
        let how = report.how.map { Catalogue.text("web.statistics.how." + $0.rawValue, language) } ?? say("document.allHows", [])
        let lines = ReportLine.lines(report, suppressing: suppressing)
        let mark = { (cell: SmallCountSuppression.Cell) in Workbook.escape(ReportBodiesJob.mark(cell)) }
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(Workbook.escape(title))</title>\n"
            + "<style>\n\(style)\n</style>\n</head>\n<body>\n<h1>\(Workbook.escape(title))</h1>\n"
            + "<p class=\"selection\">\(Workbook.escape(say("document.selection", ["\(unitName) (\(report.under.rawValue))", kind, how, day.vietnamese])))</p>\n"
        if suppressing { html += "<p class=\"public\">\(Workbook.escape(say("document.public", [SmallCountSuppression.defaultThreshold])))</p>\n" }
        html += "<table>\n<thead><tr><th>\(Workbook.escape(say("column.group", [])))</th><th>\(Workbook.escape(say("column.count", [])))</th><th>%</th>"
        if report.previousMembers != nil {
            html += "<th>\(Workbook.escape(say("column.previous", [report.previousTerm ?? ""])))</th><th>%</th><th>\(Workbook.escape(say("column.change", [])))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for line in lines {
            html += "<tr><td>\(Workbook.escape(line.label(language)))</td><td class=\"number\">\(line.hidden.map(mark) ?? language.number(line.count))</td>"
                + "<td class=\"number\">\(line.percent.map(language.decimal) ?? "")</td>"
            if report.previousMembers != nil {
                html += "<td class=\"number\">\(line.previousHidden.map(mark) ?? line.previous.map(language.number) ?? "")</td>"
                    + "<td class=\"number\">\(line.previousPercent.map(language.decimal) ?? "")</td><td class=\"number\">\(line.change.map(language.decimal) ?? "")</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<p class=\"check\">\(Workbook.escape(report.parts.summary(members: report.members, language)))</p>\n"
        let hidden = Set(lines.compactMap { line in line.hidden != nil || line.previousHidden != nil ? line.group : nil })
        html += "<figure>\(StructureChart.svg(report, language, hidden: hidden))</figure>\n</body>\n</html>\n"
        return html
    }
}
