import CongressCore
import CongressStore
import Foundation

/// `congress import bodies FILE.csv` (docs/formats.md §5): all or nothing; every bad row listed
/// with its line and column; re-importing the same file changes nothing.
public enum ImportBodiesJob {
    public static func run(file: String, database: String, language: Language) async -> CommandOutput {
        do {
            let bytes = [UInt8](try FileInput.read(file, language: language))
            let rows: [(line: Int, membership: BodyMembership)]
            switch BodiesFile.parse(bytes) {
            case .success(let parsed): rows = parsed
            case .failure(let errors): return .failure(lines(errors.errors, total: errors.total, file: file, language))
            }
            let opened = try await DatabaseLocation.existing(database, language: language)
            defer { opened.close() }
            let snapshot = try await opened.register.snapshot()
            var trees: [Day: OrganisationTree] = [:]
            for day in Set(rows.map(\.membership.on)) { trees[day] = snapshot.tree(on: day) }
            let members = Set(snapshot.memberRows(rows.map(\.membership.memberID), on: Day(year: 2100, month: 1, day: 1)!).map(\.memberID))
            var known = Set<Person.ID>()
            for id in Set(rows.map(\.membership.memberID)) {
                if members.contains(id) { known.insert(id); continue }
                // A former member (no longer in a unit) is in the register too.
                if try await opened.register.personRecord(id) != nil { known.insert(id) }
            }
            let problems = BodiesFile.check(rows, memberExists: known.contains, unitInForce: { unit, day in trees[day]?.position[unit] != nil })
            guard problems.isEmpty else { return .failure(lines(problems, total: problems.count, file: file, language)) }
            let subject = (file as NSString).lastPathComponent
            let added = try await opened.bodies.importBodies(rows.map(\.membership)) { added in
                AuditDraft(actor: AccessSetup.commandLineActor, action: .bodiesImported, subject: subject,
                           detail: "\(rows.count) rows, \(added) added")
            }
            return .success(Catalogue.text("bodies.imported", language, file, language.number(added), language.number(rows.count - added)) + "\n")
        } catch let error as StoreError {
            return .failure([error.message(language)])
        } catch {
            return .failure(error.lines)
        }
    }

    static func lines(_ errors: [BodiesFileError], total: Int, file: String, _ language: Language) -> [String] {
        FileProblems.lines(errors.map { ($0.line, $0.column, $0.problem.message(language)) }, total: total, file: file,
                           rejected: "bodies.rejected", language: language)
    }
}
