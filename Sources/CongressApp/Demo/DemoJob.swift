import CongressCore
import CongressWeb
import CongressPostgres
import CongressSQLite
import CongressStore
import Foundation

/// `congress demo`: builds the demo register (the real organisation tree, with grassroots
/// organisations and members generated from a seed) into an SQLite file, or reports the one there.
public enum DemoJob {
    public enum Scale: String, CaseIterable, Sendable {
        /// Quảng Trị as merged on 1/7/2025 (it absorbed Quảng Bình): about 130,000 members.
        case province
        /// All 34 provinces: about 5.6 million members.
        case national

        public var defaultDatabase: String { self == .province ? "congress-demo.sqlite" : "congress-demo-national.sqlite" }
        var provinces: Set<String>? { self == .province ? ["44"] : nil }
    }

    public struct Options: Sendable {
        public var scale: Scale
        public var database: String
        public var seed: UInt64
        public var rebuild: Bool
        /// Also write the generated members to this members file (formats.md §4).
        public var membersCSV: String?
        public var language: Language

        public init(scale: Scale, database: String? = nil, seed: UInt64 = 2025, rebuild: Bool = false, membersCSV: String? = nil, language: Language = .vi) {
            self.scale = scale
            self.database = database ?? scale.defaultDatabase
            self.seed = seed
            self.rebuild = rebuild
            self.membersCSV = membersCSV
            self.language = language
        }
    }

    /// Builds (or finds) the demo database; `say` receives progress lines.
    public static func run(_ options: Options, say: @Sendable (String) -> Void) async -> CommandOutput {
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, options.language, arguments: arguments) }
        let start = Date()
        do {
            if PostgresLocation.isURL(options.database) { return try await runOnPostgres(options, say: say, start: start) }
            if FileManager.default.fileExists(atPath: options.database), !options.rebuild {
                let store = try SQLiteRegisterStore(path: options.database)
                return .success(try await report(store, options, header: t("demo.existing", [options.database]), seconds: nil))
            }
            say(t("demo.building", [options.scale.rawValue, options.database]))
            let partial = options.database + ".partial"
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
            let store = try SQLiteRegisterStore(path: partial)
            try await build(into: store, options, say: say)
            var congressLines: [String] = []
            if options.scale == .province {
                say(t("demo.congressBuilding", []))
                congressLines = try await DemoCongress.build(database: OpenedDatabase(sqlite: store), passwords: BcryptPasswords(cost: 12), seed: options.seed,
                                                             language: options.language)
            }
            try store.close()
            // The finished file replaces any old one in one step: an interrupted build leaves no half register.
            for suffix in ["-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: partial + suffix)
                try? FileManager.default.removeItem(atPath: options.database + suffix)
            }
            guard rename(partial, options.database) == 0 else {
                throw JobFailure(["\(options.database): \(String(cString: strerror(errno)))"])
            }
            let finished = try SQLiteRegisterStore(path: options.database)
            try await AccessSetup.accessStore(for: finished).appendAudit(AuditDraft(
                actor: AccessSetup.commandLineActor, action: .demoBuilt, subject: options.database,
                detail: "scale \(options.scale.rawValue), seed \(options.seed)"))
            let report = try await report(finished, options, header: t("demo.ready", [options.database]), seconds: Date().timeIntervalSince(start))
            return .success(report + congressLines.map { $0 + "\n" }.joined())
        } catch let error as StoreError {
            return .failure([error.message(options.language)])
        } catch {
            return .failure(error.lines)
        }
    }

    /// PostgreSQL: the demo is built into an empty database (made when missing) in one pass;
    /// a database that holds a register is reported, never rebuilt (drop it to rebuild).
    static func runOnPostgres(_ options: Options, say: @Sendable (String) -> Void, start: Date) async throws -> CommandOutput {
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, options.language, arguments: arguments) }
        let opened = try await DatabaseLocation.creating(options.database, language: options.language)
        defer { opened.close() }
        if try await !opened.register.summary().unitsByKind.isEmpty {
            if options.rebuild { return .failure([t("demo.postgresRebuild", [opened.name])]) }
            return .success(try await report(opened.register, options, header: t("demo.existing", [opened.name]), seconds: nil))
        }
        say(t("demo.building", [options.scale.rawValue, opened.name]))
        try await build(into: opened.register, options, say: say)
        var congressLines: [String] = []
        if options.scale == .province {
            say(t("demo.congressBuilding", []))
            congressLines = try await DemoCongress.build(database: opened, passwords: BcryptPasswords(cost: 12), seed: options.seed,
                                                         language: options.language)
        }
        try await opened.access.appendAudit(AuditDraft(
            actor: AccessSetup.commandLineActor, action: .demoBuilt, subject: opened.name,
            detail: "scale \(options.scale.rawValue), seed \(options.seed)"))
        let report = try await report(opened.register, options, header: t("demo.ready", [opened.name]), seconds: Date().timeIntervalSince(start))
        return .success(report + congressLines.map { $0 + "\n" }.joined())
    }

    /// The demo's organisation (the real tree plus grassroots organisations and cells) and the
    /// cells of each province with their member counts.
    public struct Plan: Sendable {
        public var records: OrganisationRecords
        public var cellsByProvince: [String: [(code: PartyUnit.ID, members: Int)]]
        public var provinceUnits: [String: PartyUnit.ID]
        public var seed: UInt64

        /// The member rows of one province.
        public func rows(province: String) -> [MemberImportRow] {
            DemoMembers.rows(province: province, cells: (cellsByProvince[province] ?? []).map { DemoOrganisation.Cell(code: $0.code, members: $0.members) },
                             provinces: provinceUnits.keys.sorted(), seed: seed)
        }
    }

    public static func plan(scale: Scale, seed: UInt64) throws -> Plan {
        let loaded = try AdminUnits.load()
        let sizes = DemoMembers.sizes(loaded.communes, seed: seed)
        var records = loaded.records
        var cellsByProvince: [String: [(code: PartyUnit.ID, members: Int)]] = [:]
        for commune in loaded.communes where scale.provinces?.contains(commune.province) ?? true {
            var random = DemoRandom.stream(seed, "cells:" + commune.code.rawValue)
            cellsByProvince[commune.province, default: []] += DemoOrganisation.cells(
                for: commune, members: sizes[commune.code] ?? 0, random: &random, into: &records).map { ($0.code, $0.members) }
        }
        return Plan(records: records, cellsByProvince: cellsByProvince, provinceUnits: loaded.provinceUnits, seed: seed)
    }

    /// The organisation and members of the demo, written into `store`.
    static func build(into store: some RegisterStore, _ options: Options, say: @Sendable (String) -> Void) async throws {
        let plan = try plan(scale: options.scale, seed: options.seed)
        try await store.addOrganisation(plan.records)
        let csv = try options.membersCSV.map { path -> FileHandle in
            _ = FileManager.default.createFile(atPath: path, contents: Data((MembersCSV.header + "\n").utf8))
            return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        defer { try? csv?.close() }
        let inScope = plan.cellsByProvince.keys.sorted()
        for (index, province) in inScope.enumerated() {
            let rows = plan.rows(province: province)
            if let csv {
                csv.seekToEndOfFile()
                csv.write(Data(rows.map { MembersCSV.line($0) + "\n" }.joined().utf8))
            }
            _ = try await store.importMembers(rows, on: DemoMembers.referenceDay)
            let name = plan.records.units.first { $0.code == plan.provinceUnits[province] }?.name ?? province
            say(Catalogue.text("demo.province", options.language, name, options.language.number(rows.count), index + 1, inScope.count))
        }
    }

    static func report(_ store: any RegisterStore, _ options: Options, header: String, seconds: Double?) async throws -> String {
        let language = options.language
        let t = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text(key, language, arguments: arguments) }
        let summary = try await store.summary()
        let day = DemoMembers.referenceDay
        let root: PartyUnit.ID = options.scale == .province ? "T44" : "TW"
        let counts = try await store.structure(of: root, on: day)
        var lines = [
            header,
            t("demo.units", [language.number(summary.unitsByKind.values.reduce(0, +)), summary.unitsByKindText(language)]),
            t("demo.persons", [language.number(summary.persons), day.vietnamese, language.number(counts.total)]),
            t("demo.structure", [day.vietnamese, language.number(counts.byGender[.female] ?? 0), language.number(counts.ethnicMinorities),
                                 language.number(counts.byAgeBand[.upTo30] ?? 0), language.number(counts.byAgeBand[.over60] ?? 0)]),
            t("demo.source", []),
        ]
        if let seconds { lines.append(t("demo.time", [String(format: "%.1f", seconds)])) }
        return lines.joined(separator: "\n") + "\n"
    }
}
