/// Percentages and changes as the structure reports publish them (rules.md §6): two decimals,
/// rounded half away from zero, from exact integer arithmetic (no floating point).
public enum Hundredths {
    /// `numerator / denominator` in hundredths, rounded half away from zero.
    public static func rounded(_ numerator: Int, _ denominator: Int) -> Int {
        precondition(denominator > 0)
        let magnitude = (2 * abs(numerator) + denominator) / (2 * denominator)
        return numerator < 0 ? -magnitude : magnitude
    }

    /// `count` of `total` as a percentage: "15.71".
    public static func percent(_ count: Int, of total: Int) -> String {
        total == 0 ? "0.00" : text(rounded(count * 10_000, total))
    }

    /// The change of a count: 100 × (new − old) / old, "-6.20".
    public static func change(from old: Int, to new: Int) -> String {
        old == 0 ? "0.00" : text(rounded((new - old) * 10_000, old))
    }

    /// The difference of two shares, unrounded, then rounded: "2.69".
    public static func points(_ count: Int, of total: Int, previous: Int, of previousTotal: Int) -> String {
        guard total > 0, previousTotal > 0 else { return "0.00" }
        return text(rounded((count * previousTotal - previous * total) * 10_000, total * previousTotal))
    }

    /// Hundredths as text: -620 → "-6.20".
    public static func text(_ hundredths: Int) -> String {
        let magnitude = abs(hundredths)
        let cents = magnitude % 100
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (cents < 10 ? "0" : "") + "\(cents)"
    }
}
