/// Slows down password guessing: after `limit` failures for one key (a login name or a network
/// address) within `window` seconds, that key is refused for `lockout` seconds. Pure state;
/// the web layer keeps one in an actor and feeds it the clock.
public struct SignInThrottle: Sendable {
    public var limit: Int
    public var window: Double
    public var lockout: Double
    private var failures: [String: [Double]] = [:]
    private var lockedUntil: [String: Double] = [:]

    public init(limit: Int = 5, window: Double = 900, lockout: Double = 900) {
        self.limit = limit
        self.window = window
        self.lockout = lockout
    }

    /// When the key may try again, or `nil` if it may try now.
    public func retryAfter(_ key: String, now: Double) -> Double? {
        guard let until = lockedUntil[key], until > now else { return nil }
        return until
    }

    /// Records a failed attempt; returns the lock's end if this failure locked the key.
    @discardableResult
    public mutating func recordFailure(_ key: String, now: Double) -> Double? {
        var recent = (failures[key] ?? []).filter { now - $0 < window }
        recent.append(now)
        if recent.count >= limit {
            failures[key] = nil
            lockedUntil[key] = now + lockout
            return now + lockout
        }
        failures[key] = recent
        return nil
    }

    /// A successful sign-in forgets the key's failures.
    public mutating func recordSuccess(_ key: String) {
        failures[key] = nil
        lockedUntil[key] = nil
    }
}
