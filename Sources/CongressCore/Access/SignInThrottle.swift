/// Slows down password guessing without locking out the real user: failures are counted per
/// (login, address) pair, and after `freeFailures` each further failure doubles the wait before
/// that pair may try again, up to `maximumDelay`. The same login from another address is not
/// slowed, so the real user signs in while someone guesses elsewhere. An address that fails for
/// many logins is slowed the same way, from `freeFailuresPerAddress`. Memory is bounded: at most
/// `capacity` keys, expired ones dropped first, then the oldest. Pure state and pure steps: one server keeps
/// the records in memory; servers sharing a database keep them there (`failure(pair:address:now:)`
/// over the rows), so a guesser gains nothing by spreading attempts over servers.
public struct SignInThrottle: Sendable {
    public var freeFailures: Int
    public var freeFailuresPerAddress: Int
    /// Seconds of the first delay; each later failure doubles it.
    public var firstDelay: Double
    public var maximumDelay: Double
    /// Seconds after the last failure when a key is forgotten.
    public var window: Double
    public var capacity: Int

    /// What is remembered of one key (a login from an address, or an address): its failures in
    /// the window, the last one, when it may try again, and which moments were audited. Shared
    /// servers keep these in their database; one server keeps them in memory.
    public struct Record: Sendable, Equatable {
        public var failures: Int
        public var last: Double
        public var retryAt: Double
        /// Whether this window's first failure and its slowing down were already audited.
        public var audited: Set<AuditMoment> = []

        public init(failures: Int, last: Double, retryAt: Double, audited: Set<AuditMoment> = []) {
            self.failures = failures
            self.last = last
            self.retryAt = retryAt
            self.audited = audited
        }
    }

    /// The moments of a window that the audit log records: its first failure and the moment
    /// the key begins to be slowed down. Every other failure of the window is only counted.
    public enum AuditMoment: String, Sendable, Hashable, CaseIterable { case firstFailure, slowedDown }

    private var records: [String: Record] = [:]
    /// At most this many failures a minute are audited, whatever the logins and addresses; the
    /// others are counted, and the count joins the next audited entry.
    public var auditedPerMinute = 30
    private var auditMinute = -1.0
    private var auditedThisMinute = 0
    private var unlogged = 0

    public init(freeFailures: Int = 5, freeFailuresPerAddress: Int = 30, firstDelay: Double = 2, maximumDelay: Double = 900,
                window: Double = 900, capacity: Int = 20_000) {
        self.freeFailures = freeFailures
        self.freeFailuresPerAddress = freeFailuresPerAddress
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.window = window
        self.capacity = capacity
    }

    static func pairKey(login: String, address: String) -> String { "pair:" + address + "\u{1F}" + login }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// The keys a sign-in attempt concerns: its login from its address's network, and that network.
    public static func keys(login: String, address: String) -> (pair: String, address: String) {
        let network = network(address)
        return (pairKey(login: login, address: network), addressKey(network))
    }

    /// When the pair may try again, or nil if it may try now.
    public func retryAfter(login: String, address: String, now: Double) -> Double? {
        let keys = Self.keys(login: login, address: address)
        return retryAfter(pair: records[keys.pair], address: records[keys.address], now: now)
    }

    /// When a pair with these records may try again, or nil if it may try now.
    public func retryAfter(pair: Record?, address: Record?, now: Double) -> Double? {
        [pair, address].compactMap { record -> Double? in
            guard let record, now - record.last < window, record.retryAt > now else { return nil }
            return record.retryAt
        }.max()
    }

    /// One failure, as a pure step over the pair's and the address's records: their new records,
    /// and the moment to audit if this failure is one (not yet audited in this window).
    public func failure(pair: Record?, address: Record?, now: Double) -> (pair: Record, address: Record, moment: AuditMoment?) {
        var pair = bumped(pair, free: freeFailures, now: now)
        let address = bumped(address, free: freeFailuresPerAddress, now: now)
        let moment: AuditMoment? = pair.failures == 1 ? .firstFailure : pair.failures == freeFailures + 1 ? .slowedDown : nil
        guard let moment, pair.audited.insert(moment).inserted else { return (pair, address, nil) }
        return (pair, address, moment)
    }

    /// Records a failed attempt; returns what of it the audit log should record (nothing for
    /// most failures: they are counted, and the count is in the next recorded entry).
    @discardableResult
    public mutating func recordFailure(login: String, address: String, now: Double) -> (moment: AuditMoment, failures: Int, unlogged: Int)? {
        let keys = Self.keys(login: login, address: address)
        makeRoom(now: now)
        let step = failure(pair: records[keys.pair], address: records[keys.address], now: now)
        records[keys.pair] = step.pair
        records[keys.address] = step.address
        guard let moment = step.moment else { return nil }
        return rateLimitedAudit(moment, failures: step.pair.failures, now: now)
    }

    /// At most `auditedPerMinute` audited failures a minute: the others are counted, and their
    /// count joins the next audited one.
    public mutating func rateLimitedAudit(_ moment: AuditMoment, failures: Int, now: Double) -> (moment: AuditMoment, failures: Int, unlogged: Int)? {
        let minute = (now / 60).rounded(.down)
        if minute != auditMinute { auditMinute = minute; auditedThisMinute = 0 }
        guard auditedThisMinute < auditedPerMinute else { unlogged += 1; return nil }
        auditedThisMinute += 1
        defer { unlogged = 0 }
        return (moment, failures, unlogged)
    }

    /// An IPv6 address stands for its /64 network (one subscriber holds a whole /64): the first
    /// four groups of the address written out in full (`::` expanded, leading zeros dropped).
    static func network(_ address: String) -> String {
        guard address.contains(":") else { return address }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return address }
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count == 2 ? halves[1].split(separator: ":").map(String.init) : []
        let groups = halves.count == 2 ? head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail : head
        guard groups.count >= 4 else { return address }
        let prefix = groups.prefix(4).map { group in UInt16(group, radix: 16).map { String($0, radix: 16) } ?? group.lowercased() }
        return prefix.joined(separator: ":") + "::/64"
    }

    /// A successful sign-in forgets the pair's failures (never the address's: a guesser who
    /// knows one password does not reset the slowing of their other guesses).
    public mutating func recordSuccess(login: String, address: String) {
        records[Self.keys(login: login, address: address).pair] = nil
    }

    /// How many keys are remembered (bounded by `capacity`).
    public var count: Int { records.count }

    private func bumped(_ record: Record?, free: Int, now: Double) -> Record {
        var record = record.flatMap { now - $0.last < window ? $0 : nil } ?? Record(failures: 0, last: now, retryAt: now)
        record.failures += 1
        record.last = now
        let over = record.failures - free
        if over > 0 {
            let exponent = min(over - 1, 20)
            record.retryAt = now + min(maximumDelay, firstDelay * Double(1 << exponent))
        }
        return record
    }

    private mutating func makeRoom(now: Double) {
        guard records.count >= capacity - 1 else { return }
        records = records.filter { now - $0.value.last < window }
        while records.count >= capacity - 1, let oldest = records.min(by: { $0.value.last < $1.value.last })?.key {
            records[oldest] = nil
        }
    }
}
