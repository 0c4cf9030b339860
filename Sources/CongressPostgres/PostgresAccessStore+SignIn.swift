import CongressCore
import CongressStore
import Logging
import PostgresNIO

/// The sign-in throttle's records in the database every server shares.
extension PostgresAccessStore: SharedSignInRecords {
    public func signInRecords(keys: [String]) async throws(StoreError) -> [String: SignInThrottle.Record] {
        try await database.read { [logger] connection in
            try await Self.records(keys, lock: false, connection, logger)
        }
    }

    public func updateSignInRecords<T: Sendable>(keys: [String], forgetBefore: Double,
                                                 _ step: @Sendable ([String: SignInThrottle.Record]) -> ([String: SignInThrottle.Record], T))
        async throws(StoreError) -> T {
        try await database.transaction { [logger] connection in
            // Rows that do not exist yet cannot be locked: the keys' advisory locks serialise
            // concurrent first failures of one key too.
            for key in keys.sorted() { try await connection.run("SELECT pg_advisory_xact_lock(hashtext(\(key)))", logger) }
            let (records, value) = step(try await Self.records(keys, lock: true, connection, logger))
            for (key, record) in records {
                try await connection.run("""
                    INSERT INTO sign_in_record (key, failures, last_failure, retry_at, audited_first, audited_slowed)
                    VALUES (\(key), \(record.failures), \(record.last), \(record.retryAt),
                            \(record.audited.contains(.firstFailure)), \(record.audited.contains(.slowedDown)))
                    ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_failure = excluded.last_failure,
                        retry_at = excluded.retry_at, audited_first = excluded.audited_first, audited_slowed = excluded.audited_slowed
                    """, logger)
            }
            try await connection.run("""
                DELETE FROM sign_in_record WHERE key IN (
                    SELECT key FROM sign_in_record WHERE last_failure < \(forgetBefore) LIMIT 100)
                """, logger)
            return value
        }
    }

    public func forgetSignInRecord(key: String) async throws(StoreError) {
        _ = try await database.transaction { [logger] connection in
            try await connection.run("DELETE FROM sign_in_record WHERE key = \(key)", logger)
        }
    }

    private static func records(_ keys: [String], lock: Bool, _ connection: PostgresConnection, _ logger: Logger)
        async throws -> [String: SignInThrottle.Record] {
        let query: PostgresQuery = lock
            ? "SELECT key, failures, last_failure, retry_at, audited_first, audited_slowed FROM sign_in_record WHERE key = ANY(\(keys)) FOR UPDATE"
            : "SELECT key, failures, last_failure, retry_at, audited_first, audited_slowed FROM sign_in_record WHERE key = ANY(\(keys))"
        var found: [String: SignInThrottle.Record] = [:]
        for row in try await connection.rows(query, logger) {
            let (key, failures, last, retryAt, first, slowed) = try row.decode((String, Int, Double, Double, Bool, Bool).self)
            var audited: Set<SignInThrottle.AuditMoment> = []
            if first { audited.insert(.firstFailure) }
            if slowed { audited.insert(.slowedDown) }
            found[key] = SignInThrottle.Record(failures: failures, last: last, retryAt: retryAt, audited: audited)
        }
        return found
    }
}
