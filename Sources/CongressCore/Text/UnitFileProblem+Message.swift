extension UnitFileProblem {
    /// The problem in words, naming the rule it applies where there is one.
    public func message(_ language: Language) -> String {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("units." + key, language, arguments: arguments) }
        let kindName = { (kind: UnitKind) in "\(kind.name(language)) (\(kind.rawValue))" }
        switch self {
        case .notUTF8: return say("notUTF8", [])
        case let .header(missing, unknown):
            return say("header", [missing.isEmpty ? "—" : missing.joined(separator: ", "), unknown.isEmpty ? "—" : unknown.joined(separator: ", ")])
        case let .fieldCount(found, expected): return say("fieldCount", [found, expected])
        case .missing: return say("missing", [])
        case let .badCode(code): return say("badCode", [code, UnitsFile.maximumCodeLength])
        case let .badName(name): return say("badName", [name, UnitsFile.maximumNameLength])
        case let .badKind(text): return say("badKind", [text, UnitsFile.importableKinds.map(\.rawValue).sorted().joined(separator: ", ")])
        case let .kindNotImportable(kind): return say("kindNotImportable", [kindName(kind)])
        case let .badDate(text): return say("badDate", [text])
        case let .endsBeforeStart(from, to): return say("endsBeforeStart", [to.iso, from.iso])
        case let .badEvent(text): return say("badEvent", [text])
        case .selfReference: return say("selfReference", [])
        case let .unknownParent(code, day): return say("unknownParent", [code, day.iso])
        case let .parentKind(child, parent):
            return say("parentKind", [kindName(child), kindName(parent),
                                      UnitImport.allowedParents(of: child).map { kindName($0) }.sorted().joined(separator: ", ")])
        case let .unknownUnit(code): return say("unknownUnit", [code])
        case let .unknownOther(code, day): return say("unknownOther", [code, day.iso])
        case let .kindChanged(code, stored): return say("kindChanged", [code, kindName(stored)])
        case let .notChangeable(code, kind): return say("notChangeable", [code, kindName(kind)])
        case let .conflictsWithStored(code): return say("conflictsWithStored", [code])
        case let .alreadyEnded(code, lastDay): return say("alreadyEnded", [code, lastDay.iso])
        case let .endsBeforeItStarts(code, lastDay): return say("endsBeforeItStarts", [code, lastDay.iso])
        case let .childrenRemain(code, child): return say("childrenRemain", [code, child])
        case let .membersRemain(code, members): return say("membersRemain", [code, members])
        }
    }
}
