import CongressCore
import NIOCore
import PostgresNIO

/// Typed identifiers bind and decode as their raw values (alone and in arrays).
extension Identifier: PostgresThrowingDynamicTypeEncodable, PostgresEncodable where RawValue: PostgresNonThrowingEncodable {
    public static var psqlType: PostgresDataType { RawValue.psqlType }
    public static var psqlFormat: PostgresFormat { RawValue.psqlFormat }

    public func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        rawValue.encode(into: &byteBuffer, context: context)
    }
}

extension Identifier: PostgresDynamicTypeEncodable, PostgresNonThrowingEncodable where RawValue: PostgresNonThrowingEncodable {}

extension Identifier: PostgresArrayEncodable where RawValue: PostgresArrayEncodable & PostgresNonThrowingEncodable {
    public static var psqlArrayType: PostgresDataType { RawValue.psqlArrayType }
}

extension Identifier: PostgresDecodable where RawValue: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(from byteBuffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        self.init(rawValue: try RawValue(from: &byteBuffer, type: type, format: format, context: context))
    }
}

extension Identifier: PostgresArrayDecodable where RawValue: PostgresArrayDecodable {}
