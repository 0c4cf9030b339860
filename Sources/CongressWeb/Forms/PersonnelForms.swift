import CongressCore
import Foundation

/// Member IDs typed or pasted into a field: separated by lines, spaces or commas, or written
/// `Name (ID)` as election lists are; each of letters without marks, digits, `-` and `_`.
enum MemberIDField {
    static let maximumLength = 32
    static let maximumCount = 2_000

    static func read(_ form: FormFields, _ name: String) throws(WebError) -> [Person.ID] {
        let text = form.all(name).first ?? ""
        guard text.utf8.count <= 200_000 else { throw FieldProblem.tooLong(200_000).error(field: name, value: nil) }
        var ids: [Person.ID] = []
        for line in text.split(whereSeparator: \.isNewline) {
            // `Nguyễn Văn An (CC-001)`: the ID is in the last parentheses.
            let tokens: [Substring]
            if let open = line.lastIndex(of: "("), let close = line.lastIndex(of: ")"), open < close {
                tokens = [line[line.index(after: open)..<close]]
            } else {
                tokens = line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" })
            }
            for token in tokens {
                let id = token.trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { continue }
                guard id.count <= maximumLength, id.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }) else {
                    throw WebError.badInput(key: "web.personnel.badMemberID", arguments: [FieldLabel.marker + name, InputExcerpt.quote(id)])
                }
                guard ids.count < maximumCount else { throw FieldProblem.tooLong(maximumCount).error(field: name, value: nil) }
                ids.append(Person.ID(id))
            }
        }
        return ids
    }

    static func requiredOne(_ form: FormFields, _ name: String) throws(WebError) -> Person.ID {
        let ids = try read(form, name)
        guard ids.count == 1 else { throw FieldProblem.missing.error(field: name, value: nil) }
        return ids[0]
    }
}

/// R-P-7: a dated revision of one post's planning list.
struct PlanningRevisionForm {
    let post: PersonnelPost
    let day: Day
    let members: [Person.ID]
    let note: String

    init(_ form: FormFields) throws {
        post = try form.requiredChoice("post", PersonnelPost.self)
        day = try form.day("day")
        members = try MemberIDField.read(form, "members")
        note = try form.line("note") ?? ""
    }
}

/// R-P-4: the post someone is considered for and the evidence of the conditions the staff record.
struct DossierForm {
    let memberID: Person.ID
    let post: PersonnelPost
    let level: CommitteeLevel
    let entry: PersonnelEntry
    let standards: (document: String, day: Day)?
    let assets: (document: String, day: Day)?

    init(_ form: FormFields) throws {
        memberID = try MemberIDField.requiredOne(form, "member")
        post = try form.requiredChoice("post", PersonnelPost.self)
        level = try form.requiredChoice("level", CommitteeLevel.self)
        entry = try form.requiredChoice("entry", PersonnelEntry.self)
        standards = try Self.evidence(form, "standards")
        assets = try Self.evidence(form, "assets")
    }

    /// A document number and its day, both or neither.
    private static func evidence(_ form: FormFields, _ prefix: String) throws -> (document: String, day: Day)? {
        let document = try form.line(prefix + "Document", max: 120)
        let hasDay = form[prefix + "Day"] != nil
        switch (document, hasDay) {
        case (nil, false): return nil
        case (let document?, true): return (document, try form.day(prefix + "Day"))
        default: throw WebError.badInput(key: "web.personnel.evidenceHalf", arguments: [FieldLabel.marker + prefix + "Document"])
        }
    }
}

/// The scheme's numbers (R-C-5), designated leaders (R-E-26) and the convening committee (R-E-8).
struct SchemeCreationForm {
    let term: String
    let level: CommitteeLevel
    let mergedUnits: Int
    let bodies: [PersonnelScheme.Body]
    let designated: [(role: SeatRole, member: Person.ID)]
    let conveningCommittee: [Person.ID]

    init(_ form: FormFields) throws {
        term = try form.requiredLine("term", max: 40)
        level = try form.requiredChoice("level", CommitteeLevel.self)
        mergedUnits = try form.int("mergedUnits", in: 1...50, default: 1)
        var bodies = [PersonnelScheme.Body(kind: .executiveCommittee, seats: try form.int("executiveSeats", in: 1...InputLimits.seats.upperBound))]
        if let standing = try form.optionalInt("standingSeats", in: 1...InputLimits.seats.upperBound) {
            bodies.append(PersonnelScheme.Body(kind: .standingCommittee, seats: standing))
        }
        if let inspection = try form.optionalInt("inspectionSeats", in: 1...InputLimits.seats.upperBound) {
            bodies.append(PersonnelScheme.Body(kind: .inspectionCommittee, seats: inspection))
        }
        self.bodies = bodies
        var designated: [(SeatRole, Person.ID)] = []
        for (field, role) in [("secretary", SeatRole.secretary), ("deputies", .deputySecretary), ("inspectionChair", .inspectionChair)] {
            designated += try MemberIDField.read(form, field).map { (role, $0) }
        }
        self.designated = designated
        conveningCommittee = try MemberIDField.read(form, "convening")
    }
}

/// One decision of the five-step introduction (R-P-3) on one body, at the version read.
struct IntroductionStepForm {
    enum Action: String, CaseIterable {
        case adoptList, standingVote, addNames, headChooses, openBallot, takeBallot, dropBallot
    }

    let body: BodyKind
    let version: Int
    let action: Action
    let names: [Person.ID]
    let inFavour: Int
    let members: Int
    let head: Person.ID?
    let reason: String
    let summoned: Int
    let present: Int
    let board: [Person.ID]

    init(_ form: FormFields) throws {
        body = try form.requiredChoice("body", BodyKind.self)
        version = try form.int("version", in: 1...1_000_000)
        action = try form.requiredChoice("action", Action.self)
        names = try MemberIDField.read(form, "names")
        inFavour = try form.int("inFavour", in: InputLimits.count, default: 0)
        members = try form.int("members", in: InputLimits.count, default: 0)
        head = try MemberIDField.read(form, "head").first
        reason = try form.line("reason", max: 2_000) ?? ""
        summoned = try form.int("summoned", in: InputLimits.count, default: 0)
        present = try form.int("present", in: InputLimits.count, default: 0)
        board = try MemberIDField.read(form, "board")
    }
}
