/// A typed identifier: a raw value (a code, a member ID, a row number) that only compares and
/// passes as the identifier of its `Tag`, so a round's number cannot stand in for a congress's
/// or a unit code for a member ID. Encoded as its raw value, so files and URLs are unchanged.
public struct Identifier<Tag, RawValue: Hashable & Comparable & Codable & Sendable>: RawRepresentable, Hashable, Comparable, Sendable,
    Codable, CustomStringConvertible {
    public let rawValue: RawValue

    public init(rawValue: RawValue) { self.rawValue = rawValue }
    public init(_ rawValue: RawValue) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(RawValue.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(rawValue)" }
}

extension Identifier: ExpressibleByIntegerLiteral where RawValue == Int64 {
    public init(integerLiteral value: Int64) { self.init(rawValue: value) }
}

extension Identifier: ExpressibleByUnicodeScalarLiteral where RawValue == String {
    public init(unicodeScalarLiteral value: String) { self.init(rawValue: value) }
}

extension Identifier: ExpressibleByExtendedGraphemeClusterLiteral where RawValue == String {
    public init(extendedGraphemeClusterLiteral value: String) { self.init(rawValue: value) }
}

extension Identifier: ExpressibleByStringLiteral where RawValue == String {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
}

/// A counting round of one election (R-E-29): its number in the database.
public enum Round {
    public typealias ID = Identifier<Round, Int64>
}

extension CongressRecord {
    /// A congress's number in the database.
    public typealias ID = Identifier<CongressRecord, Int64>
}

extension Person {
    /// A member's ID in the register (the party card's number): what decides who someone is.
    /// A name prints; an ID decides.
    public typealias ID = Identifier<Person, String>
}

extension Identifier: ExpressibleByStringInterpolation where RawValue == String {}
