import CongressCore
import CongressStore
import Synchronization

/// The checked dossiers of a unit on a day, in ballot-name order (R-E-10): each stored dossier
/// with the register's facts, checked by the core's one check (R-P-1, R-P-4) that
/// `congress personnel check` runs too. Kept while neither the personnel work nor the register
/// changes, so that a page of a province's whole pool costs its rows only.
final class DossierListing: Sendable {
    struct Line: Sendable {
        let verdict: DossierVerdict
        let unit: PartyUnit.ID
    }

    struct Checked: Sendable {
        let lines: [Line]
        /// Dossiers whose person is not a member of the register that day.
        let notInRegister: [Person.ID]
        var eligible: Int { lines.filter(\.verdict.eligible).count }
    }

    private struct Key: Hashable {
        let unit: PartyUnit.ID
        let term: String
        let day: Day
        let personnel: Int
        let register: ObjectIdentifier
    }

    private let kept = Mutex<[Key: Checked]>([:])

    func checked(_ unit: PartyUnit.ID, term: String, on day: Day, personnel: any PersonnelStore,
                 register: any RegisterStore) async throws -> Checked {
        let snapshot = try await register.snapshot()
        let key = Key(unit: unit, term: term, day: day, personnel: try await personnel.personnelVersion(), register: ObjectIdentifier(snapshot))
        if let found = kept.withLock({ $0[key] }) { return found }
        let records = try await personnel.dossiers(of: unit)
        let planning = CadrePlanning(try await personnel.planningRevisions(of: unit, term: term))
        let ids = records.map(\.memberID)
        let rows = snapshot.memberRows(ids, on: day)
        let disciplines = try await register.disciplineEvents(of: ids)
        var byMember: [Person.ID: [DossierRecord]] = [:]
        for record in records { byMember[record.memberID, default: []].append(record) }
        var lines: [Line] = []
        lines.reserveCapacity(records.count)
        for row in rows {
            let (discipline, until) = RegisterFacts.discipline(in: disciplines[row.memberID] ?? [], on: day)
            let facts = RegisterFacts(fullName: row.fullName, gender: row.gender, birthDate: row.birthDate, status: row.status,
                                      discipline: discipline, disciplineUntil: until)
            for record in (byMember[row.memberID] ?? []).sorted(by: { Self.postOrder($0.post) < Self.postOrder($1.post) }) {
                let dossier = record.dossier(facts, onPlanningList: planning.plans(row.memberID, for: record.post, on: day))
                lines.append(Line(verdict: DossierCheck.check(dossier), unit: row.unit))
            }
        }
        let found = Set(rows.map(\.memberID))
        let checked = Checked(lines: lines, notInRegister: Array(Set(ids.filter { !found.contains($0) })).sorted())
        kept.withLock { cache in
            if cache.count >= 16 { cache.removeAll() }
            cache[key] = checked
        }
        return checked
    }

    static func postOrder(_ post: PersonnelPost) -> Int { PersonnelPost.allCases.firstIndex(of: post) ?? 0 }
}
