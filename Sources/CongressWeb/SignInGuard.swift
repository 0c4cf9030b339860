import CongressCore

/// The sign-in throttle shared by every request: one per server.
public actor SignInGuard {
    private var throttle: SignInThrottle

    public init(throttle: SignInThrottle = SignInThrottle()) {
        self.throttle = throttle
    }

    /// When this login may try again from this address, or nil if it may try now.
    func retryAfter(login: String, address: String, now: Double) -> Double? {
        throttle.retryAfter(login: login, address: address, now: now)
    }

    /// Records a failure; returns what of it to audit, if anything.
    func failed(login: String, address: String, now: Double) -> (moment: SignInThrottle.AuditMoment, failures: Int, unlogged: Int)? {
        throttle.recordFailure(login: login, address: address, now: now)
    }

    func succeeded(login: String, address: String) {
        throttle.recordSuccess(login: login, address: address)
    }

    /// Keys remembered, for the bound's test.
    public var remembered: Int { throttle.count }
}
