/// Percentages of the base as printed in the minutes: two decimals (rules.md §3.4; the official
/// worked example truncates, 5/35 → 14.28).
public enum PercentFormat {
    public static func percent(_ votes: Int, of base: Int, rounding: Rulebook.PercentRounding) -> String {
        guard base > 0 else { return "0.00" }
        let hundredths: Int
        switch rounding {
        case .truncate: hundredths = votes * 10_000 / base
        case .halfUp: hundredths = (votes * 20_000 + base) / (2 * base)
        }
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
