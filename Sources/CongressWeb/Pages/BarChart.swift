import CongressCore

/// A horizontal bar chart drawn on the server as inline SVG (no script, nothing to download).
enum BarChart {
    struct Bar {
        let label: String
        let value: Int
    }

    static func svg(_ bars: [Bar], title: String, _ language: Language) -> String {
        let rowHeight = 26, labelWidth = 190, barSpace = 300, width = labelWidth + barSpace + 90
        let height = max(rowHeight * bars.count, rowHeight)
        let largest = max(bars.map(\.value).max() ?? 0, 1)
        let total = bars.map(\.value).reduce(0, +)
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\""
            + " xmlns=\"http://www.w3.org/2000/svg\"><title>\(Formatting.escapeXML(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight
            let length = bar.value == 0 ? 0 : max(1, bar.value * barSpace / largest)
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 17)\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">"
                + Formatting.escapeXML(bar.label) + "</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 5)\" width=\"\(length)\" height=\"16\" fill=\"#b71c1c\"></rect>"
            out += "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 17)\" font-size=\"12\" fill=\"#222\">"
                + Formatting.escapeXML(Formatting.share(bar.value, of: total, language)) + "</text>"
        }
        return out + "</svg>"
    }
}
