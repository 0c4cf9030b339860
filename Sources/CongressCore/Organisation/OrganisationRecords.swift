/// Units, placements and events to add together.
public struct OrganisationRecords: Sendable, Equatable {
    public var units: [PartyUnit]
    public var placements: [UnitPlacement]
    public var events: [UnitEvent]

    public init(units: [PartyUnit] = [], placements: [UnitPlacement] = [], events: [UnitEvent] = []) {
        self.units = units
        self.placements = placements
        self.events = events
    }
}
