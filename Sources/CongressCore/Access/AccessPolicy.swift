/// The one place that decides whether a user's grants allow a capability on a unit. Pure: the
/// organisation comes in as a "is this unit within that one" function for the day being viewed.
public struct AccessPolicy: Sendable {
    public let grants: [RoleGrant]

    public init(grants: [RoleGrant]) {
        self.grants = grants
    }

    /// Whether any grant carries `capability` at all (pages that are not about one unit).
    public func allows(_ capability: Capability) -> Bool {
        grants.contains { $0.role.capabilities.contains(capability) }
    }

    /// Whether a grant carrying `capability` covers `unit`, given `isWithin(unit, root)`, which
    /// says whether `unit` is `root` or lies under it on the day being viewed.
    public func allows(_ capability: Capability, on unit: PartyUnit.ID, isWithin: (PartyUnit.ID, PartyUnit.ID) -> Bool) -> Bool {
        roots(for: capability).contains { root in isWithin(unit, root) }
    }

    /// The units at the top of the subtrees where `capability` holds, in the order granted.
    public func roots(for capability: Capability) -> [PartyUnit.ID] {
        var seen = Set<PartyUnit.ID>()
        return grants.filter { $0.role.capabilities.contains(capability) && seen.insert($0.unit).inserted }.map(\.unit)
    }
}
