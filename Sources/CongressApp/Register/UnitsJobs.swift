import CongressCore
import CongressSQLite
import CongressStore
import Foundation

/// `congress init`, `congress units` and `congress import units` (docs/formats.md §8).
public enum UnitsJobs {
    /// A new database holding the real organisation tree (R-O-1, R-O-2, R-O-4) and nothing else.
    public static func initialise(database: String, language: Language) async -> CommandOutput {
        do {
            let opened = try await DatabaseLocation.creating(database, language: language)
            defer { opened.close() }
            let store = opened.register
            let held = try await store.summary().unitsByKind.values.reduce(0, +)
            if held > 0 { return .failure([Catalogue.text("init.exists", language, database, language.number(held))]) }
            let records = try AdminUnits.load().records
            try await store.addOrganisation(records, audit: AuditDraft(
                actor: AccessSetup.commandLineActor, action: .organisationLoaded, subject: opened.name,
                detail: "real organisation tree: \(records.units.count) units, \(records.events.count) events"))
            let summary = try await store.summary()
            return .success([Catalogue.text("init.done", language, database, language.number(records.units.count), summary.unitsByKindText(language)),
                             Catalogue.text("init.next", language)].joined(separator: "\n") + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    public enum Format: String, CaseIterable, Sendable { case csv, json }

    /// The organisations in force on `day`, under `under`, of `kind`.
    public static func list(database: String, on day: Day, under: String?, kind: String?, format: String, language: Language) async -> CommandOutput {
        do {
            guard let chosenFormat = Format(rawValue: format) else { return .failure([Catalogue.text("units.badFormat", language, format)]) }
            var chosenKind: UnitKind?
            if let kind {
                guard let parsed = UnitKind(rawValue: kind) else {
                    return .failure([Catalogue.text("units.badKindOption", language, kind, UnitKind.allCases.map(\.rawValue).joined(separator: ", "))])
                }
                chosenKind = parsed
            }
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let tree = try await opened.register.tree(on: day)
            guard let rows = UnitListing.rows(tree, under: under.map { PartyUnit.ID($0) }, kind: chosenKind) else {
                return .failure([Catalogue.text("units.unknownUnder", language, under ?? "", day.iso)])
            }
            return .success(chosenFormat == .csv ? UnitListing.csv(rows) : UnitListing.json(rows))
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    /// A units file: all or nothing, every bad row listed.
    public static func importFile(_ file: String, database: String, language: Language) async -> CommandOutput {
        do {
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let store = opened.register
            let bytes = [UInt8](try FileInput.read(file, language: language))
            let rows: [UnitFileRow]
            switch UnitsFile.parse(bytes) {
            case .failure(let errors): return .failure(problemLines(errors, file: file, language: language))
            case .success(let parsed): rows = parsed
            }
            if try await store.summary().unitsByKind.isEmpty {
                return .failure([Catalogue.text("member.noOrganisation", language, database)])
            }
            let snapshot = try await store.snapshot()
            let existing = try await store.organisation()
            let planned = UnitImport.plan(rows, existing: existing, members: { code, day in snapshot.memberCount(of: code, on: day) ?? 0 })
            let changes: UnitImport.Changes
            switch planned {
            case .failure(let errors): return .failure(problemLines(errors, file: file, language: language))
            case .success(let planned): changes = planned
            }
            let name = (file as NSString).lastPathComponent
            if changes.isEmpty { return .success(Catalogue.text("units.nothing", language, file, language.number(changes.unchanged)) + "\n") }
            try await store.applyUnitChanges(changes, audit: AuditDraft(
                actor: AccessSetup.commandLineActor, action: .unitsImported, subject: name,
                detail: "added \(changes.added.units.count), events \(changes.added.events.count), unchanged \(changes.unchanged)"))
            let renamed = changes.added.events.filter { $0.kind == .renamed }.count
            let ended = changes.added.events.filter { $0.kind == .dissolved || $0.kind == .mergedInto }.count
            return .success(Catalogue.text("units.imported", language, file, language.number(changes.added.units.count),
                                           language.number(renamed), language.number(ended),
                                           language.number(changes.unchanged)) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func problemLines(_ errors: UnitFileErrors, file: String, language: Language) -> [String] {
        FileProblems.lines(errors.errors.map { ($0.line, $0.column, $0.problem.message(language)) }, total: errors.errors.count,
                           file: file, rejected: "units.rejected", language: language)
    }
}

extension RegisterSummary {
    /// "Trung ương 1, trực thuộc Trung ương 78, …": the units held, by level.
    func unitsByKindText(_ language: Language) -> String {
        UnitKind.allCases.compactMap { kind in unitsByKind[kind].map { "\(kind.name(language)) \(language.number($0))" } }
            .joined(separator: ", ")
    }
}
