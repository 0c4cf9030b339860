import CongressCore
import CongressStore
import Foundation

/// Everything the web application needs from outside, passed in by the composition root
/// (`CongressApp`): stores, clock, password hashing, digest, and how cookies are sent.
public struct WebDependencies: Sendable {
    public var register: any RegisterStore
    public var access: any AccessStore
    /// Congresses and the counting of their rounds; without it the congress pages answer 404.
    public var counting: (any CountingStore)?
    /// Planning, dossiers and personnel schemes (R-P-5); without it the personnel pages answer 404.
    public var personnel: (any PersonnelStore)?
    /// The compositions of past terms (formats.md §5); without it the statistics count only the
    /// certified congresses.
    public var bodies: (any BodiesStore)?
    /// Now, for sessions and throttling.
    public var clock: @Sendable () -> Date
    /// Today's date in Vietnam, the default "as of" day.
    public var today: @Sendable () -> Day
    public var passwords: any PasswordHashing
    /// SHA-256, for session tokens.
    public var digest: AuditChain.Digest
    /// Mark cookies `Secure` (when served over TLS or behind a TLS proxy).
    public var secureCookies: Bool
    /// Session lifetime in seconds.
    public var sessionLifetime: Int64
    public var throttle: SignInGuard
    /// Wakes the projector feeds when a round changes on any server (PostgreSQL); without it
    /// they look again every second.
    public var roundChanges: (any RoundChanges)?
    /// Addresses of reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`);
    /// from anyone else the header is ignored.
    public var trustedProxies: Set<String> = []
    /// The checked dossiers of the units read last (`DossierListing`).
    let dossiers = DossierListing()
    /// The bodies' rows and holders the structure reports read (`BodySeatCache`).
    let seats = BodySeatCache()

    public init(register: any RegisterStore, access: any AccessStore, clock: @escaping @Sendable () -> Date,
                today: @escaping @Sendable () -> Day, passwords: any PasswordHashing,
                digest: @escaping AuditChain.Digest, secureCookies: Bool = false, sessionLifetime: Int64 = 8 * 3600,
                throttle: SignInGuard = SignInGuard(), counting: (any CountingStore)? = nil,
                personnel: (any PersonnelStore)? = nil, bodies: (any BodiesStore)? = nil) {
        self.bodies = bodies
        self.counting = counting
        self.personnel = personnel
        self.register = register
        self.access = access
        self.clock = clock
        self.today = today
        self.passwords = passwords
        self.digest = digest
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
    }
}
