import CongressCore

/// The sign-in throttle shared by every request: one per server.
public actor SignInGuard {
    private var throttle: SignInThrottle

    public init(throttle: SignInThrottle = SignInThrottle()) {
        self.throttle = throttle
    }

    /// When any of the keys may try again, or `nil` if all may try now.
    func retryAfter(_ keys: [String], now: Double) -> Double? {
        keys.compactMap { throttle.retryAfter($0, now: now) }.max()
    }

    func failed(_ keys: [String], now: Double) {
        for key in keys { throttle.recordFailure(key, now: now) }
    }

    func succeeded(_ keys: [String]) {
        for key in keys { throttle.recordSuccess(key) }
    }
}
