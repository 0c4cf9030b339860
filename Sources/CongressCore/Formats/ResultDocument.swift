/// The result document (formats.md §3), fields in documented order.
public enum ResultDocument {
    public static func encode(_ result: ElectionResult) -> JSONValue {
        let election = result.election
        let reasons = InvalidReason.allCases.compactMap { reason -> (String, JSONValue)? in
            guard let count = result.ballots.invalidByReason[reason], count > 0 else { return nil }
            return (reason.rawValue, .int(count))
        }
        var members: [(String, JSONValue)] = [
            ("title", .string(election.title)),
            ("body", .string(election.body.rawValue)),
            ("rulebook", .string(election.rulebook.id)),
            ("round", .int(election.round)),
            ("seats", election.body == .opinion && election.seats == 0 ? .null : .int(election.seats)),
            ("alternateSeats", .int(election.alternateSeats)),
            ("ballotForm", .string(result.ballotForm.rawValue)),
            ("base", .int(result.base)),
            ("threshold", .int(result.threshold)),
            ("ballots", .object([
                ("issued", .int(result.ballots.issued)),
                ("returned", .int(result.ballots.returned)),
                ("valid", .int(result.ballots.valid)),
                ("invalid", .int(result.ballots.invalid)),
                ("invalidByReason", .object(reasons)),
            ])),
            ("candidates", .array(result.candidates.map { candidate in
                .object([
                    ("number", .int(candidate.number)),
                    ("name", .string(candidate.name)),
                    ("votes", .int(candidate.votes)),
                    ("percentOfBase", .string(candidate.percentOfBase)),
                    ("outcome", .string(candidate.outcome.rawValue)),
                ])
            })),
            ("elected", .array(result.elected.map(JSONValue.string))),
            ("alternates", .array(result.alternates.map(JSONValue.string))),
            ("tie", result.tie.map(encode) ?? .null),
            ("unfilledSeats", .int(result.unfilledSeats)),
        ]
        // Extensions beyond §3, present only in the cases §3 does not cover.
        if result.unfilledAlternateSeats > 0 { members.append(("unfilledAlternateSeats", .int(result.unfilledAlternateSeats))) }
        if result.ties.count > 1 { members.append(("furtherTies", .array(result.ties.dropFirst().map(encode)))) }
        return .object(members)
    }

    static func encode(_ tie: Tie) -> JSONValue {
        .object([("candidates", .array(tie.names.map(JSONValue.string))), ("seats", .int(tie.seats))])
    }
}
