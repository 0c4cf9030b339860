import CongressCore

/// What the register and the compositions give for each reported figure (docs/formats.md §9):
/// the people counted, each reported unit's children that day, and for additive figures the
/// people placed in the unit itself; with the names to show.
public struct ProductFigures: Sendable {
    public var people: [FigureKey: [Person.ID]] = [:]
    public var children: [Reconciliation.UnitDay: [PartyUnit.ID]] = [:]
    public var direct: [FigureKey: Int] = [:]
    public var names: [Person.ID: String] = [:]

    struct BodyTerm: Hashable {
        let role: BodyMembership.Role
        let term: String
    }

    public static func compute(_ reported: [ReportedFigure], snapshot: RegisterSnapshot, selection: BodySeatSelection) async throws -> ProductFigures {
        var figures = ProductFigures()
        var seatsByUnit: [BodyTerm: [PartyUnit.ID: [ReportSeat]]] = [:]
        for figure in reported {
            switch figure.figure {
            case .register(let register):
                let people = snapshot.people(register, of: figure.unit, on: figure.day) ?? []
                figures.people[figure.key] = people
                let unitDay = Reconciliation.UnitDay(unit: figure.unit, day: figure.day)
                if figures.children[unitDay] == nil {
                    figures.children[unitDay] = snapshot.children(of: figure.unit, on: figure.day).map(\.unit.code)
                }
                if figures.children[unitDay]?.isEmpty == false {
                    figures.direct[figure.key] = snapshot.people(register, of: figure.unit, on: figure.day, directly: true)?.count ?? 0
                }
            case let .body(role, count):
                var chosen: [ReportSeat] = []
                for term in Self.terms(around: figure.day) {
                    let key = BodyTerm(role: role, term: term)
                    if seatsByUnit[key] == nil {
                        let seats = try await selection.seats(role, term: term, under: nil, kind: nil, how: nil, merged: false)
                        seatsByUnit[key] = Dictionary(grouping: seats, by: \.membership.unit)
                    }
                    let held = (seatsByUnit[key]?[figure.unit] ?? []).filter { $0.membership.on <= figure.day }
                    if !held.isEmpty {
                        chosen = held
                        break
                    }
                }
                let counted = chosen.filter(count.contains)
                for seat in counted { figures.names[seat.membership.memberID] = seat.person.fullName }
                let order = VietnameseNameOrder.sorted(counted.map { ListEntry(name: $0.person.fullName, memberID: $0.membership.memberID) })
                figures.people[figure.key] = order.compactMap(\.memberID)
            }
        }
        var registerPeople: [Day: Set<Person.ID>] = [:]
        for figure in reported where figure.figure.isAdditive {
            for person in figures.people[figure.key] ?? [] where figures.names[person] == nil { registerPeople[figure.day, default: []].insert(person) }
        }
        for (day, people) in registerPeople {
            for row in snapshot.memberRows(Array(people), on: day) { figures.names[row.memberID] = row.fullName }
        }
        return figures
    }

    /// The terms a body on `day` may belong to: the cycle the day falls in, then the one before
    /// (a congress of 2025 opens the 2025–2030 term; before it, 2020–2025 holds).
    static func terms(around day: Day) -> [String] {
        let start = day.year - ((day.year % 5) + 5) % 5
        return ["\(start)-\(start + 5)", "\(start - 5)-\(start)"]
    }
}
