import CongressCore
import Foundation

/// `congress order-names`: one full name per line in, ballot order out (R-E-10).
public enum OrderNamesJob {
    public static func run(path: String, language: Language) -> CommandOutput {
        do {
            let data = try FileInput.read(path, language: language)
            let text = String(decoding: data, as: UTF8.self)
            let names = text.split(whereSeparator: \.isNewline)
                .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
                .filter { !$0.isEmpty }
            return .success(VietnameseNameOrder.sorted(names).map { $0 + "\n" }.joined())
        } catch {
            return .failure(error.lines)
        }
    }
}
