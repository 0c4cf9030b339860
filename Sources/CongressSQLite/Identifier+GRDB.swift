import CongressCore
import GRDB

/// Typed identifiers bind and read as their raw values.
extension Identifier: SQLExpressible, StatementBinding, DatabaseValueConvertible
where RawValue: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Self? {
        RawValue.fromDatabaseValue(dbValue).map(Self.init(rawValue:))
    }
}
