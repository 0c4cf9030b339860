extension CountingMinutes {
    /// The minutes as monospaced text for a terminal or a plain printer.
    public func plainText() -> String {
        var lines: [String] = (draftMark.map { ["*** \($0.word): \($0.explanation) ***", ""] } ?? []) + [party, "", heading, title, ""]
        lines += aligned(facts)
        lines += ["", listHeading + ":"] + list.map { "  \($0.label). \($0.value)" }
        lines += [""] + aligned(attendance)
        lines += aligned([base]) + baseSteps.map { "    " + $0 }
        lines += aligned([threshold])
        lines += [""] + aligned(ballots)
        lines += invalidReasons.map { "    − \($0.label): \($0.value)" }
        lines += ["", resultsHeading + ":"] + table()
        for list in outcomes {
            lines += ["", list.heading + ":"]
            lines += list.isEmpty ? ["  " + noneText] : list.items.enumerated().map { "  \($0 + 1). \($1)" }
        }
        if !notices.isEmpty { lines += [""] + notices.map { "! " + $0 } }
        lines += ["", boardHeading]
        lines += signatures.map { signer in
            let role = signer.name.isEmpty ? signer.role : "\(signer.role) (\(signer.name))"
            return "  \(role): ______________________  \(signHint)"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func aligned(_ facts: [Fact]) -> [String] {
        facts.map { "\($0.label): \($0.value)" }
    }

    private func table() -> [String] {
        let cells = [columns] + rows.map { [$0.number, $0.name, $0.votes, $0.percent, $0.outcome] }
        let widths = columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let rightAligned: Set<Int> = [0, 2, 3]
        return cells.map { row in
            "  " + row.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return rightAligned.contains(column) ? padding + text : text + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
