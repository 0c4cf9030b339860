import CongressApp
import CongressCore
import CongressStore
import Foundation

// Issue 14's benchmarks on the national demo (`congress demo --scale national --build-only`):
// the compositions of two full rounds are generated from its register the first time (2025–2030:
// the executive, standing committee and secretary of all 3,321 commune-level committees and the
// 40 committees under the Centre; 2020–2025: those of the 10,035 legacy communes and the 67
// committees under the Centre of 2020), then
//   1. the national structure report (executive committees, 2025–2030 against 2020–2025 gathered
//      through the 2025 merges, R-O-4) cold, then warm: median and p95 of 20 runs;
//   2. the same rows exported to CSV (Benchmarks/duckdb/rows/) for Benchmarks/duckdb/report.py;
//   3. the national progress overview (R-C-1, R-C-4) over every unit that must hold a congress.
//   swift run -c release bodies-benchmarks --database /tmp/national.sqlite   (or postgres://…)

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let database = option("--database") ?? "/tmp/national.sqlite"
let export = option("--export")
let runs = option("--runs").flatMap(Int.init) ?? 20
let opened = try await DatabaseLocation.existing(database, language: .en)
defer { opened.close() }
let engine = database.hasPrefix("postgres") ? "PostgreSQL" : "SQLite"
let today = Day(iso: "2026-12-04")!

func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }
func milliseconds(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }
func percentile(_ values: [Double], _ share: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * share).rounded(.up)) - 1)]
}

// MARK: the two rounds, generated once
if try await opened.bodies.count(role: .executiveCommittee, term: "2025-2030") == 0 {
    let start = Date()
    let snapshot = try await opened.register.snapshot()
    var rows: [BodyMembership] = []
    // The members are read on one day per round (a day view of 5.6 million people each), the
    // congresses spread over the weeks before the deadline.
    func committee(_ unit: PartyUnit.ID, term: String, on day: Day, size: Int, standing: Int, offset: Int) {
        let read = term == "2025-2030" ? Day(iso: "2025-08-01")! : Day(iso: "2020-06-01")!
        let page = snapshot.members(MemberQuery(unit: unit, day: read, offset: offset, limit: size))?.items ?? []
        let chosen = page.count >= size ? page : (snapshot.members(MemberQuery(unit: unit, day: read, limit: size))?.items ?? [])
        for (index, member) in chosen.enumerated() {
            rows.append(BodyMembership(memberID: member.memberID, unit: unit, term: term, role: .executiveCommittee, how: index % 19 == 7 ? .appointed : .elected, on: day))
            if index < standing { rows.append(BodyMembership(memberID: member.memberID, unit: unit, term: term, role: .standingCommittee, how: .elected, on: day)) }
            if index == 0 { rows.append(BodyMembership(memberID: member.memberID, unit: unit, term: term, role: .secretary, how: index % 7 == 3 ? .appointed : .elected, on: day)) }
        }
    }
    let round2025 = snapshot.organisationTree(on: Day(iso: "2025-08-01")!)
    for (index, unit) in round2025.units.enumerated() {
        switch unit.kind {
        case .communeCommittee:
            committee(unit.code, term: "2025-2030", on: Day(iso: "2025-07-15")!.adding(days: index % 45), size: 27 + index % 7, standing: 9 + index % 3, offset: index % 40)
        case .underCentral:
            committee(unit.code, term: "2025-2030", on: Day(iso: "2025-09-20")!.adding(days: index % 30), size: 55 + index % 16, standing: 15, offset: index % 200)
        default: break
        }
    }
    let round2020 = snapshot.organisationTree(on: Day(iso: "2020-06-01")!)
    for (index, unit) in round2020.units.enumerated() {
        if unit.kind == .grassrootsCommittee, unit.code.rawValue.hasPrefix("LX") {
            committee(unit.code, term: "2020-2025", on: Day(iso: "2020-05-01")!.adding(days: index % 55), size: 13 + index % 5, standing: 3, offset: index % 30)
        } else if unit.kind == .underCentral {
            committee(unit.code, term: "2020-2025", on: Day(iso: "2020-09-15")!.adding(days: index % 40), size: 50 + index % 16, standing: 13, offset: index % 200)
        }
    }
    print("Generated \(rows.count) rows in \(String(format: "%.1f", seconds(since: start))) s; importing…")
    var imported = 0
    for start in stride(from: 0, to: rows.count, by: 50_000) {
        let batch = Array(rows[start..<min(start + 50_000, rows.count)])
        imported += try await opened.bodies.importBodies(batch) { added in
            AuditDraft(actor: "benchmark", action: .bodiesImported, subject: "generated rounds", detail: "\(batch.count) rows, \(added) added")
        }
    }
    print("Imported \(imported) rows in \(String(format: "%.1f", seconds(since: start))) s")
}

// MARK: 1. the national structure report
let cache = BodySeatCache()
func nationalReport() async throws -> (BodiesStructureReport, [ReportSeat], [ReportSeat]) {
    let selection = try await BodySeatSelection(register: opened.register, congresses: opened.counting, bodies: opened.bodies, today: today, cache: cache)
    let seats = try await selection.seats(.executiveCommittee, term: "2025-2030", under: "TW", kind: nil, how: nil, merged: false)
    let previous = try await selection.seats(.executiveCommittee, term: "2020-2025", under: "TW", kind: nil, how: nil, merged: true)
    let report = BodiesStructureReport(body: .executiveCommittee, term: "2025-2030", previousTerm: "2020-2025", under: "TW", kind: nil, how: nil,
                                       seats: seats, previous: previous)
    return (report, seats, previous)
}
var start = Date()
let (report, seats, previous) = try await nationalReport()
let cold = seconds(since: start)
var warm: [Double] = []
for _ in 0..<runs {
    start = Date()
    let (again, _, _) = try await nationalReport()
    warm.append(seconds(since: start))
    precondition(again == report, "a warm report differs from the cold one")
}
print("\(engine): national structure report, \(report.members) members in \(report.bodies) bodies against \(report.previousMembers ?? 0):")
print("  cold \(milliseconds(cold)) (rows and holders read), warm median \(milliseconds(percentile(warm, 0.5))), p95 \(milliseconds(percentile(warm, 0.95)))")
print("  " + report.groups.map { "\($0.group.rawValue) \($0.count)/\($0.previousCount ?? 0)" }.joined(separator: ", "))

// MARK: 2. the same rows for DuckDB: the body rows, their holders, each unit's province and the
// mapping of the 63 provinces' codes onto the 34 (what the selection reads), as CSV.
if let export {
    try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
    var bodiesCSV = "term,member_id,unit_code,how,on_day\n"
    var people: [Person.ID: Person] = [:]
    var provinces: [PartyUnit.ID: String] = [:]
    var mapping: [String: String] = [:]
    for (term, list) in [("2025-2030", seats), ("2020-2025", previous)] {
        for seat in list {
            bodiesCSV += "\(term),\(seat.membership.memberID.rawValue),\(seat.membership.unit.rawValue),\(seat.membership.how.rawValue),\(seat.membership.on.iso)\n"
            people[seat.person.memberID] = seat.person
            provinces[seat.membership.unit] = seat.unitProvince ?? ""
            if seat.membership.on >= Day.reorganisation2025, let from = seat.person.hometownProvince, let to = seat.originProvince { mapping[from] = to }
        }
    }
    var peopleCSV = "member_id,gender,birth_date,ethnicity,education,academic_title,hometown\n"
    for person in people.values {
        peopleCSV += "\(person.memberID.rawValue),\(person.gender.rawValue),\(person.birthDate.iso),\(person.ethnicity),\(person.education.rawValue),"
            + "\(person.academicTitle.rawValue),\(person.hometownProvince ?? "")\n"
    }
    try bodiesCSV.write(toFile: export + "/bodies.csv", atomically: true, encoding: .utf8)
    try peopleCSV.write(toFile: export + "/people.csv", atomically: true, encoding: .utf8)
    try ("unit_code,province\n" + provinces.map { "\($0.key.rawValue),\($0.value)\n" }.joined()).write(toFile: export + "/units.csv", atomically: true, encoding: .utf8)
    try ("old,new\n" + mapping.map { "\($0.key),\($0.value)\n" }.joined()).write(toFile: export + "/provinces.csv", atomically: true, encoding: .utf8)
    try report.json.formatted().write(toFile: export + "/report.json", atomically: true, encoding: .utf8)
    print("  exported \(seats.count + previous.count) rows, \(people.count) people to \(export)")
}

// MARK: 3. the national progress overview
// Every unit that must hold a congress gets one (the demo has few): nine in ten held, most on
// time; made once, outside the timing, as the store would hand them over.
let overviewTree = try await opened.register.snapshot().organisationTree(on: today)
let generated: [PartyUnit.ID: CongressDates] = {
    var made: [PartyUnit.ID: CongressDates] = [:]
    for (index, unit) in overviewTree.units.enumerated() where index % 10 != 0 {
        guard let deadline = CycleCalendar.c2025_2030.deadline(for: unit.kind) else { continue }
        let opens = deadline.adding(days: index % 13 == 0 ? 3 : -(index % 30))
        made[unit.code] = CongressDates(unit: unit.code, opensOn: opens.iso, closesOn: opens.adding(days: 1).iso,
                                        submittedOn: index % 3 == 0 ? nil : opens.adding(days: 5).iso)
    }
    return made
}()
func overview() async throws -> RoundOverview {
    let snapshot = try await opened.register.snapshot()
    let tree = snapshot.organisationTree(on: today)
    let summaries = try await opened.counting.congressSummaries()
    let states = try await opened.counting.roundStates()
    var latest = generated
    for summary in summaries {
        latest[summary.unit] = CongressDates(unit: summary.unit, opensOn: summary.opensOn, closesOn: summary.closesOn, submittedOn: summary.submittedOn)
    }
    let rounds = Dictionary(summaries.map { ($0.unit, states[$0.id] ?? []) }, uniquingKeysWith: { a, _ in a })
    return RoundOverview(tree: tree, unit: "TW", cycle: .c2025_2030, latest: latest, rounds: rounds,
                         members: { snapshot.memberCount(of: $0, on: today) ?? 0 }, today: today)
}
start = Date()
let first = try await overview()
let overviewCold = seconds(since: start)
var overviewWarm: [Double] = []
for _ in 0..<runs {
    start = Date()
    _ = try await overview()
    overviewWarm.append(seconds(since: start))
}
print("\(engine): national progress overview, \(first.whole.units) units (\(first.whole.onTime) on time, \(first.whole.late) late; "
      + "\(first.byKind[.members] ?? 0) members' and \(first.byKind[.delegates] ?? 0) delegates' congresses), \(first.parts.count) parts:")
print("  first \(milliseconds(overviewCold)), warm median \(milliseconds(percentile(overviewWarm, 0.5))), p95 \(milliseconds(percentile(overviewWarm, 0.95)))")
