#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads and writes the election file (formats.md §1).
public enum ElectionFile {
    static let knownFields: Set<String> = [
        "title", "body", "rulebook", "round", "seats", "alternateSeats", "candidates", "memberIds", "base", "ballotsIssued",
    ]

    /// Reads an election from the file's bytes. Rule checks (R-E-6…) come later, in `ListCheck`.
    public static func decode(_ data: Data) throws(ElectionFileProblem) -> Election {
        let root: JSONValue
        do { root = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw .notJSON(detail: String(describing: error))
        }
        guard case .object(let members) = root else { throw .wrongType(field: "(root)", expected: "object") }
        if let unknown = members.map(\.0).first(where: { !knownFields.contains($0) }) { throw .unknownField(unknown) }

        let bodyName = try string(root, "body")
        guard let body = BodyKind(rawValue: bodyName) else {
            throw .unknownValue(field: "body", value: bodyName, allowed: BodyKind.allCases.map(\.rawValue))
        }
        var rulebook = Rulebook.qd190
        if root["rulebook"] != nil {
            let name = try string(root, "rulebook")
            guard let named = Rulebook.named(name) else {
                throw .unknownValue(field: "rulebook", value: name, allowed: Rulebook.shipped.map(\.id))
            }
            rulebook = named
        }
        guard case .array(let list)? = root["candidates"] else {
            throw root["candidates"] == nil ? .missingField("candidates") : .wrongType(field: "candidates", expected: "array of strings")
        }
        let candidates = try list.enumerated().map { index, item throws(ElectionFileProblem) in
            guard case .string(let name) = item else { throw .wrongType(field: "candidates[\(index)]", expected: "string") }
            return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var election = Election(
            title: try string(root, "title"), body: body, rulebook: rulebook,
            round: try int(root, "round", default: 1),
            seats: body == .opinion ? try int(root, "seats", default: 0) : try int(root, "seats"),
            alternateSeats: try int(root, "alternateSeats", default: 0),
            candidates: candidates, base: try baseRecord(root), ballotsIssued: try int(root, "ballotsIssued"))
        election.memberIDs = try memberIDs(root, count: candidates.count)
        return election
    }

    /// The optional `memberIds`: one string per candidate ("" where unknown).
    static func memberIDs(_ root: JSONValue, count: Int) throws(ElectionFileProblem) -> [Person.ID]? {
        guard let value = root["memberIds"] else { return nil }
        guard case .array(let list) = value, list.count == count else {
            throw .wrongType(field: "memberIds", expected: "array of \(count) strings, one per candidate")
        }
        return try list.enumerated().map { index, item throws(ElectionFileProblem) in
            guard case .string(let id) = item, id.utf8.count <= 64 else { throw .wrongType(field: "memberIds[\(index)]", expected: "string") }
            return Person.ID(id)
        }
    }

    static func baseRecord(_ root: JSONValue) throws(ElectionFileProblem) -> BaseRecord {
        guard let base = root["base"] else { throw .missingField("base") }
        guard case .object(let members) = base else { throw .wrongType(field: "base", expected: "object") }
        if let unknown = members.map(\.0).first(where: { !["kind", "convened", "present", "excluded"].contains($0) }) {
            throw .unknownField("base.\(unknown)")
        }
        let kindName = try string(base, "kind", path: "base.")
        guard let kind = BaseKind(rawValue: kindName) else {
            throw .unknownValue(field: "base.kind", value: kindName, allowed: BaseKind.allCases.map(\.rawValue))
        }
        var excluded: [BaseExclusion: Int] = [:]
        if let list = base["excluded"] {
            guard case .object(let entries) = list else { throw .wrongType(field: "base.excluded", expected: "object") }
            for (key, _) in entries {
                let field = "base.excluded.\(key)"
                guard let exclusion = BaseExclusion(rawValue: key) else {
                    throw .unknownValue(field: field, value: key, allowed: kind.exclusions.map(\.rawValue))
                }
                guard kind.exclusions.contains(exclusion) else { throw .exclusionNotForKind(field: field, kind: kind) }
                excluded[exclusion] = try int(list, key, path: "base.excluded.")
            }
        }
        let present: Int? = base["present"] == nil ? nil : try int(base, "present", path: "base.")
        return BaseRecord(kind: kind, convened: try int(base, "convened", path: "base."), present: present, excluded: excluded)
    }

    static func string(_ object: JSONValue, _ key: String, path: String = "") throws(ElectionFileProblem) -> String {
        guard let value = object[key] else { throw .missingField(path + key) }
        guard case .string(let text) = value else { throw .wrongType(field: path + key, expected: "string") }
        return text
    }

    static func int(_ object: JSONValue, _ key: String, path: String = "", default fallback: Int? = nil) throws(ElectionFileProblem) -> Int {
        guard let value = object[key] else {
            if let fallback { return fallback }
            throw .missingField(path + key)
        }
        guard case .int(let number) = value else { throw .wrongType(field: path + key, expected: "whole number") }
        return number
    }
}
