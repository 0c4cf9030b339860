/// Why an election file cannot be read (formats.md §1). Each case names the field.
public enum ElectionFileProblem: Error, Sendable, Equatable {
    case notJSON(detail: String)
    case missingField(String)
    case wrongType(field: String, expected: String)
    case unknownValue(field: String, value: String, allowed: [String])
    case unknownField(String)
    case exclusionNotForKind(field: String, kind: BaseKind)
}
