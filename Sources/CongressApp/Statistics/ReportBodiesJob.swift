import CongressCore
import CongressStore
import Foundation

/// `congress report bodies` (docs/formats.md §6): the structure of the elected bodies of a term
/// under a unit, compared with the previous term's, where a unit formed in 2025 gathers the bodies
/// of the units merged into it (R-O-4); `--people GROUP` lists the people behind a figure.
public enum ReportBodiesJob {
    public enum Format: String, CaseIterable, Sendable { case text, json, csv, xlsx }

    public struct Options: Sendable {
        public var database: String
        public var body: BodyMembership.Role
        public var term: String
        public var previous: String?
        public var under: PartyUnit.ID
        public var kind: UnitKind?
        public var how: BodyMembership.Origin?
        /// `members` or a group key.
        public var people: String?
        public var format: Format
        public var language: Language
        /// A table published outside the organising committees: small counts suppressed (text, CSV, XLSX).
        public var publicTable = false
        /// Where `xlsx` writes the workbook.
        public var output: String?

        public init(database: String, body: BodyMembership.Role, term: String, previous: String?, under: PartyUnit.ID, kind: UnitKind?,
                    how: BodyMembership.Origin?, people: String?, format: Format, language: Language, publicTable: Bool = false,
                    output: String? = nil) {
            self.publicTable = publicTable
            self.output = output
            self.database = database
            self.body = body
            self.term = term
            self.previous = previous
            self.under = under
            self.kind = kind
            self.how = how
            self.people = people
            self.format = format
            self.language = language
        }
    }

    public static func run(_ options: Options) async -> CommandOutput {
        let language = options.language
        if let people = options.people, people != "members", StructureGroup(rawValue: people) == nil {
            return .failure([Catalogue.text("bodies.badGroup", language, people, (["members"] + StructureGroup.allCases.map(\.rawValue)).joined(separator: ", "))])
        }
        do {
            let opened = try await DatabaseLocation.existing(options.database, language: language)
            defer { opened.close() }
            let selector = try await BodySeatSelection(register: opened.register, congresses: opened.counting, bodies: opened.bodies, today: Today.day())
            guard selector.today.position[options.under] != nil else { return .failure([StoreError.unknownUnit(options.under).message(language)]) }
            let seats = try await selector.seats(options.body, term: options.term, under: options.under, kind: options.kind, how: options.how, merged: false)
            let previous = try await options.previous.asyncMap {
                try await selector.seats(options.body, term: $0, under: options.under, kind: options.kind, how: options.how, merged: true)
            }
            if let people = options.people {
                let group = StructureGroup(rawValue: people)
                return .success(peopleLines(seats.filter { group?.contains($0) ?? true }, format: options.format))
            }
            let report = BodiesStructureReport(body: options.body, term: options.term, previousTerm: options.previous, under: options.under,
                                               kind: options.kind, how: options.how, seats: seats, previous: previous)
            switch options.format {
            case .json: return .success(report.json.formatted() + "\n")
            case .csv: return .success(csv(report, suppressing: options.publicTable))
            case .text: return .success(text(report, language, suppressing: options.publicTable))
            case .xlsx:
                guard let output = options.output else { return .failure([Catalogue.text("bodies.outputNeeded", language)]) }
                let bytes = Workbook.bytes([workbookSheet(report, language, suppressing: options.publicTable)])
                try Data(bytes).write(to: URL(fileURLWithPath: output))
                return .success(Catalogue.text("bodies.written", language, output) + "\n")
            }
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func peopleLines(_ seats: [ReportSeat], format: Format) -> String {
        let sorted = VietnameseNameOrder.sorted(seats.map { ListEntry(name: $0.person.fullName, memberID: $0.membership.memberID) })
        let byID = Dictionary(seats.map { ($0.membership.memberID, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = sorted.compactMap { $0.memberID.flatMap { byID[$0] } }
        if format == .json {
            return JSONValue.array(ordered.map { seat in
                .object([("member_id", .string(seat.membership.memberID.rawValue)), ("full_name", .string(seat.person.fullName)),
                         ("unit_code", .string(seat.membership.unit.rawValue)), ("body", .string(seat.membership.role.rawValue)),
                         ("how", .string(seat.membership.how.rawValue)), ("on", .string(seat.membership.on.iso))])
            }).formatted() + "\n"
        }
        return "member_id,full_name,unit_code,body,how,on\n" + ordered.map { seat in
            [seat.membership.memberID.rawValue, csvField(seat.person.fullName), seat.membership.unit.rawValue, seat.membership.role.rawValue,
             seat.membership.how.rawValue, seat.membership.on.iso].joined(separator: ",")
        }.map { $0 + "\n" }.joined()
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// The cells hidden in a published table: this term's and the previous term's.
    static func suppressed(_ report: BodiesStructureReport, _ on: Bool) -> (now: [StructureGroup: SmallCountSuppression.Cell], before: [StructureGroup: SmallCountSuppression.Cell]) {
        guard on else { return ([:], [:]) }
        let now = SmallCountSuppression.hidden(Dictionary(uniqueKeysWithValues: report.groups.map { ($0.group, $0.count) }), members: report.members)
        let before = SmallCountSuppression.hidden(Dictionary(uniqueKeysWithValues: report.groups.compactMap { group in group.previousCount.map { (group.group, $0) } }),
                                                  members: report.previousMembers ?? 0)
        return (now, before)
    }

    static func mark(_ cell: SmallCountSuppression.Cell) -> String { cell == .small ? "<\(SmallCountSuppression.defaultThreshold)" : "x" }

    static func csv(_ report: BodiesStructureReport, suppressing: Bool = false) -> String {
        let hidden = suppressed(report, suppressing)
        var lines = ["group,count,percent" + (report.previousMembers == nil ? "" : ",previousCount,previousPercent,changePoints")]
        let row = { (name: String, group: StructureGroup?, count: Int, previous: Int?) -> String in
            let now = group.flatMap { hidden.now[$0] }, before = group.flatMap { hidden.before[$0] }
            var fields = [now.map(mark) ?? String(count), now == nil ? Hundredths.percent(count, of: report.members) : ""]
            if let previousMembers = report.previousMembers, let previous {
                fields += [before.map(mark) ?? String(previous), before == nil ? Hundredths.percent(previous, of: previousMembers) : "",
                           now == nil && before == nil ? Hundredths.points(count, of: report.members, previous: previous, of: previousMembers) : ""]
            }
            return ([name] + fields).joined(separator: ",")
        }
        lines.append(row("members", nil, report.members, report.previousMembers))
        for group in report.groups { lines.append(row(group.group.rawValue, group.group, group.count, group.previousCount)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as one worksheet: the selection, then a row per group with counts as numbers
    /// and shares as decimals, headers in the user's language.
    static func workbookSheet(_ report: BodiesStructureReport, _ language: Language, suppressing: Bool) -> Workbook.Sheet {
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("bodies.report." + key, language, arguments: arguments) }
        let hidden = suppressed(report, suppressing)
        var rows: [[Workbook.Cell]] = [[.text(say("heading", [Catalogue.text("scheme.body." + report.body.rawValue, language), report.term, report.under.rawValue]))],
                                       []]
        var header: [Workbook.Cell] = [.text(say("column.group", [])), .text(say("column.count", [])), .text("%")]
        if report.previousMembers != nil { header += [.text(say("column.previous", [report.previousTerm ?? ""])), .text("%"), .text(say("column.change", []))] }
        rows.append(header)
        func line(_ label: String, _ group: StructureGroup?, _ count: Int, _ previous: Int?) -> [Workbook.Cell] {
            let now = group.flatMap { hidden.now[$0] }, before = group.flatMap { hidden.before[$0] }
            var cells: [Workbook.Cell] = [.text(label), now.map { .text(mark($0)) } ?? .number(count),
                                          now == nil ? .decimal(Hundredths.percent(count, of: report.members)) : .empty]
            if let previousMembers = report.previousMembers, let previous {
                cells += [before.map { .text(mark($0)) } ?? .number(previous), before == nil ? .decimal(Hundredths.percent(previous, of: previousMembers)) : .empty,
                          now == nil && before == nil && group != nil
                              ? .decimal(Hundredths.points(count, of: report.members, previous: previous, of: previousMembers))
                              : group == nil ? .decimal(Hundredths.change(from: previousMembers, to: report.members)) : .empty]
            }
            return cells
        }
        rows.append(line(say("column.members", []), nil, report.members, report.previousMembers))
        for group in report.groups { rows.append(line(say("group." + group.group.rawValue, []), group.group, group.count, group.previousCount)) }
        return Workbook.Sheet(name: report.term, rows: rows)
    }

    static func text(_ report: BodiesStructureReport, _ language: Language, suppressing: Bool = false) -> String {
        let hidden = suppressed(report, suppressing)
        let say = { (key: String, arguments: [CustomStringConvertible]) in Catalogue.text("bodies.report." + key, language, arguments: arguments) }
        var lines = [say("heading", [Catalogue.text("scheme.body." + report.body.rawValue, language), report.term, report.under.rawValue]),
                     say("members", [language.number(report.members), language.number(report.bodies)])]
        if let previousMembers = report.previousMembers, let previousTerm = report.previousTerm {
            lines.append(say("previous", [previousTerm, language.number(previousMembers), Hundredths.change(from: previousMembers, to: report.members)]))
        }
        for group in report.groups {
            if hidden.now[group.group] != nil || hidden.before[group.group] != nil {
                lines.append("  " + say("group." + group.group.rawValue, []) + ": " + (hidden.now[group.group].map(mark) ?? language.number(group.count))
                             + "; " + say("hidden", []))
                continue
            }
            var line = "  " + say("group." + group.group.rawValue, []) + ": " + language.number(group.count) + " ("
                + Hundredths.percent(group.count, of: report.members) + "%)"
            if let previous = group.previousCount, let previousMembers = report.previousMembers {
                line += "; " + say("before", [language.number(previous), Hundredths.percent(previous, of: previousMembers),
                                            Hundredths.points(group.count, of: report.members, previous: previous, of: previousMembers)])
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
