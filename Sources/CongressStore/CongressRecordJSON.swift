import CongressCore
import Foundation

/// What a database keeps of a congress in its record's JSON: everything but the parts it keeps
/// in tables (SQLite v8, PostgreSQL v3: the composition, the motions, the counting board, those
/// not convened, the designated leaders and the pause), which each engine reads back into the record.
public enum CongressRecordJSON {
    public static func encode(_ record: CongressRecord) throws(StoreError) -> String {
        var stored = record
        stored.composition = []
        stored.motions = []
        stored.countingBoard = []
        stored.notConvened = []
        stored.designated = []
        stored.pause = nil
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(stored), as: UTF8.self)
        } catch {
            throw StoreError.database(message: "the congress record could not be encoded: \(error)", advice: "Report this.")
        }
    }
}
