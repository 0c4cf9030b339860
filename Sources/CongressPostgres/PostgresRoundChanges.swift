import CongressCore
import CongressStore
import Logging
import PostgresNIO
import Synchronization

/// Round changes as PostgreSQL tells every server: one connection listens on `congress_round`
/// (schema v2's trigger notifies it when a round's state or result changes, on commit), and
/// wakes this server's waiters of that round. After a lost connection it listens again and
/// wakes every waiter, since a notification may have been missed meanwhile.
public final class PostgresRoundChanges: RoundChanges, Sendable {
    public static let channel = "congress_round"
    private let signals = RoundSignals()
    private let listener: Task<Void, Never>
    private let listening = ListeningFlag()

    private final class ListeningFlag: Sendable {
        let value = Mutex(false)
        func set(_ flag: Bool) { value.withLock { $0 = flag } }
        var isSet: Bool { value.withLock { $0 } }
    }

    public init(database: PostgresDatabase) {
        let signals = signals
        let logger = database.logger
        let listening = listening
        listener = Task {
            var reconnecting = false
            while !Task.isCancelled {
                do {
                    try await database.client.withConnection { connection in
                        try await connection.listen(on: Self.channel) { notifications in
                            listening.set(true)
                            defer { listening.set(false) }
                            if reconnecting { await signals.signalAll() }
                            reconnecting = true
                            for try await notification in notifications {
                                if let round = Int64(notification.payload) { await signals.signal(Round.ID(round)) }
                            }
                        }
                    }
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("listening for round changes failed; listening again: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    deinit { listener.cancel() }

    /// Stops listening.
    public func close() { listener.cancel() }

    public func waitForChange(of round: Round.ID, timeout: Duration) async {
        await signals.wait(for: round, timeout: timeout)
    }

    /// Whether the listening connection is up.
    public var isListening: Bool { listening.isSet }

    /// How many wait on this server, for the tests.
    public var waiting: Int { get async { await signals.waiting } }
}
