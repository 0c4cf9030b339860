import CongressCore

/// The sign-in throttle's records kept in the database, for servers that share one: each
/// failure reads the two records it concerns with their rows locked, and writes back what the
/// throttle's pure step made of them, in one transaction.
public protocol SharedSignInRecords: Sendable {
    /// The records of these keys (missing keys have none).
    func signInRecords(keys: [String]) async throws(StoreError) -> [String: SignInThrottle.Record]
    /// Locks the keys' records, gives them to `step`, writes the records it returns, and drops
    /// records last touched before `forgetBefore`; returns what `step` returned.
    func updateSignInRecords<T: Sendable>(keys: [String], forgetBefore: Double,
                                          _ step: @Sendable ([String: SignInThrottle.Record]) -> ([String: SignInThrottle.Record], T))
        async throws(StoreError) -> T
    /// Forgets one key's record (a successful sign-in forgets its pair).
    func forgetSignInRecord(key: String) async throws(StoreError)
}
