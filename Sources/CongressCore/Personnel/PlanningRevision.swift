/// One dated revision of a unit's cadre-planning list for one post and term (R-P-7): planning is
/// reviewed and supplemented yearly, each revision kept, the latest in force.
public struct PlanningRevision: Sendable, Codable, Hashable {
    public var unit: PartyUnit.ID
    public var term: String
    public var post: PersonnelPost
    public var day: Day
    /// The people planned, in the order the list gives them.
    public var members: [Person.ID]
    public var recordedBy: String
    /// The decision or minutes the revision rests on.
    public var note: String

    public init(unit: PartyUnit.ID, term: String, post: PersonnelPost, day: Day, members: [Person.ID], recordedBy: String, note: String) {
        self.unit = unit
        self.term = term
        self.post = post
        self.day = day
        self.members = members
        self.recordedBy = recordedBy
        self.note = note
    }
}

/// A unit's planning for a term: the revisions in force on a day, and what R-P-7 finds in them.
public struct CadrePlanning: Sendable, Hashable {
    public let revisions: [PlanningRevision]

    public init(_ revisions: [PlanningRevision]) {
        self.revisions = revisions.sorted { ($0.day, $0.post.rawValue) < ($1.day, $1.post.rawValue) }
    }

    /// The latest revision of each post on or before `day`, in the posts' order.
    public func current(on day: Day) -> [PlanningRevision] {
        PersonnelPost.allCases.compactMap { post in revisions.last { $0.post == post && $0.day <= day } }
    }

    /// Whether `person` is planned for `post` on `day` (a dossier's "on the planning list").
    public func plans(_ person: Person.ID, for post: PersonnelPost, on day: Day) -> Bool {
        current(on: day).first { $0.post == post }?.members.contains(person) ?? false
    }

    /// R-P-7 over the lists in force: at most 4 people for a post one person holds (a body's list
    /// is planned against its seats, not this cap) and one person for at most 3 posts.
    public func problems(on day: Day) -> [PlanningLimits.Problem] {
        let entries = current(on: day).flatMap { revision in revision.members.map { (post: revision.post, person: $0) } }
        return PlanningLimits.problems(entries).filter { problem in
            if case .tooManyForPost(let post, _) = problem { !post.isBody } else { true }
        }
    }

    /// A revision refused by R-P-7 when it would add a problem the lists in force do not have.
    public func revising(with revision: PlanningRevision) -> (planning: CadrePlanning, added: [PlanningLimits.Problem]) {
        let next = CadrePlanning(revisions + [revision])
        let before = Set(problems(on: revision.day))
        return (next, next.problems(on: revision.day).filter { !before.contains($0) })
    }
}
