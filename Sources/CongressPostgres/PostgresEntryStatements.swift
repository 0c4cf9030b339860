import CongressCore
import PostgresNIO

/// The two statements of every ballot entry (R-E-29), prepared once per connection: a national
/// congress's clerks send thousands a minute, and planning them anew each time would cost the
/// server more than running them.
enum PostgresEntryStatements {
    /// The round's state and the pass with its row locked, its stack's declared size, how many
    /// ballots it holds and the one at the position (see `PostgresCountingStore.recordBallot`).
    struct Reading: PostgresPreparedStatement {
        static let sql = """
            SELECT r.state, p.clerk, p.finished,
                   (SELECT ballots FROM stack_split s WHERE s.round_id = p.round_id AND s.stack = p.stack),
                   (SELECT coalesce(max(e.position) + 1, 0)::bigint FROM ballot_entry e
                    WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass),
                   (SELECT ballot FROM ballot_entry e WHERE e.round_id = p.round_id AND e.stack = p.stack AND e.pass = p.pass
                                                       AND e.position = $4)
            FROM counting_round r JOIN stack_pass p ON p.round_id = r.id AND p.stack = $2 AND p.pass = $3
            WHERE r.id = $1 FOR UPDATE OF p
            """
        typealias Row = (String, String, Bool, Int?, Int, String?)
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int4, .int4, .int4]

        var round: Round.ID
        var stack: Int32
        var pass: Int32
        var position: Int32

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 4)
            bindings.append(round)
            bindings.append(stack)
            bindings.append(pass)
            bindings.append(position)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    struct Insert: PostgresPreparedStatement {
        static let sql = "INSERT INTO ballot_entry (round_id, stack, pass, position, ballot) VALUES ($1, $2, $3, $4, $5)"
        typealias Row = ()
        static let bindingDataTypes: [PostgresDataType] = [.int8, .int4, .int4, .int4, .text]

        var round: Round.ID
        var stack: Int32
        var pass: Int32
        var position: Int32
        var ballot: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 5)
            bindings.append(round)
            bindings.append(stack)
            bindings.append(pass)
            bindings.append(position)
            bindings.append(ballot)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> Row { () }
    }
}
