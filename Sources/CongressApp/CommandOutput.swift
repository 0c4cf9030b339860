/// What a command prints and how it exits; the executable only writes it out.
public struct CommandOutput: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    /// 0 on success; 2 for entry errors and refused elections (formats.md §2, §3).
    public var status: Int32

    public static func success(_ text: String) -> CommandOutput {
        CommandOutput(standardOutput: text, standardError: "", status: 0)
    }

    public static func failure(_ lines: [String], status: Int32 = 2) -> CommandOutput {
        CommandOutput(standardOutput: "", standardError: lines.joined(separator: "\n") + "\n", status: status)
    }
}
