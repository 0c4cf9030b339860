import CongressCore
import CongressStore

/// The sign-in throttle shared by every request: its records in this server's memory, or in
/// the database when several servers share one (PostgreSQL), so that each server slows down
/// the guesses made on any of them.
public actor SignInGuard {
    private var throttle: SignInThrottle
    private let shared: (any SharedSignInRecords)?

    public init(throttle: SignInThrottle = SignInThrottle(), shared: (any SharedSignInRecords)? = nil) {
        self.throttle = throttle
        self.shared = shared
    }

    /// When this login may try again from this address, or nil if it may try now.
    public func retryAfter(login: String, address: String, now: Double) async throws(StoreError) -> Double? {
        guard let shared else { return throttle.retryAfter(login: login, address: address, now: now) }
        let keys = SignInThrottle.keys(login: login, address: address)
        let records = try await shared.signInRecords(keys: [keys.pair, keys.address])
        return throttle.retryAfter(pair: records[keys.pair], address: records[keys.address], now: now)
    }

    /// Records a failure; returns what of it to audit, if anything.
    public func failed(login: String, address: String, now: Double) async throws(StoreError)
        -> (moment: SignInThrottle.AuditMoment, failures: Int, unlogged: Int)? {
        guard let shared else { return throttle.recordFailure(login: login, address: address, now: now) }
        let keys = SignInThrottle.keys(login: login, address: address)
        let rules = throttle
        let step = try await shared.updateSignInRecords(keys: [keys.pair, keys.address], forgetBefore: now - rules.window) { records in
            let step = rules.failure(pair: records[keys.pair], address: records[keys.address], now: now)
            return ([keys.pair: step.pair, keys.address: step.address], (moment: step.moment, failures: step.pair.failures))
        }
        guard let moment = step.moment else { return nil }
        return throttle.rateLimitedAudit(moment, failures: step.failures, now: now)
    }

    public func succeeded(login: String, address: String) async throws(StoreError) {
        guard let shared else { return throttle.recordSuccess(login: login, address: address) }
        try await shared.forgetSignInRecord(key: SignInThrottle.keys(login: login, address: address).pair)
    }

    /// Keys remembered in memory, for the bound's test.
    public var remembered: Int { throttle.count }
}
