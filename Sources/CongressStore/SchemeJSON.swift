import CongressCore
import Foundation

/// How the stores write a scheme's document: sorted keys, so the same scheme is the same text.
public enum SchemeJSON {
    public static func encode(_ record: SchemeRecord) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return String(decoding: try encoder.encode(record), as: UTF8.self) } catch {
            throw StoreError.database(message: "the scheme could not be written: \(error)", advice: "Report this as a bug.")
        }
    }

    public static func decode(_ json: String) throws(StoreError) -> SchemeRecord {
        do { return try JSONDecoder().decode(SchemeRecord.self, from: Data(json.utf8)) } catch {
            throw StoreError.database(message: "unreadable personnel scheme: \(error)", advice: "Check the database.")
        }
    }
}
