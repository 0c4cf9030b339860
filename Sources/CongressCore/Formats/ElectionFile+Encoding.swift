extension ElectionFile {
    /// The election as the file of formats.md §1, fields in documented order; zero exclusions
    /// and absent optional fields are left out.
    public static func encode(_ election: Election) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("title", .string(election.title)),
            ("body", .string(election.body.rawValue)),
            ("rulebook", .string(election.rulebook.id)),
            ("round", .int(election.round)),
        ]
        if election.body != .opinion || election.seats > 0 { members.append(("seats", .int(election.seats))) }
        if election.body == .delegates { members.append(("alternateSeats", .int(election.alternateSeats))) }
        members.append(("candidates", .array(election.candidates.map(JSONValue.string))))
        if let ids = election.memberIDs { members.append(("memberIds", .array(ids.map { JSONValue.string($0.rawValue) }))) }
        var base: [(String, JSONValue)] = [
            ("kind", .string(election.base.kind.rawValue)),
            ("convened", .int(election.base.convened)),
        ]
        if let present = election.base.present { base.append(("present", .int(present))) }
        let exclusions = election.base.kind.exclusions.compactMap { exclusion -> (String, JSONValue)? in
            guard let count = election.base.excluded[exclusion], count != 0 else { return nil }
            return (exclusion.rawValue, .int(count))
        }
        if !exclusions.isEmpty { base.append(("excluded", .object(exclusions))) }
        members.append(("base", .object(base)))
        members.append(("ballotsIssued", .int(election.ballotsIssued)))
        return .object(members)
    }
}
