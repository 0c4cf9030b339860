import CongressCore
import CongressStore
import Hummingbird

/// JSON for other programs: the same data and the same checks as the pages.
struct APIController {
    let dependencies: WebDependencies

    struct UnitJSON: Encodable {
        struct Child: Encodable { let code: String; let name: String; let kind: String; let members: Int }
        let code: String
        let name: String
        let kind: String
        let day: String
        let members: Int
        let children: [Child]
    }

    struct MembersJSON: Encodable {
        let unit: String
        let day: String
        let total: Int
        let offset: Int
        let members: [MemberRowJSON]
    }

    struct MemberRowJSON: Encodable {
        let memberID: String; let fullName: String; let gender: String; let birthDate: String; let unit: String; let status: String
    }

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/api/units/{code}", .unit(.viewTree), api: true) { _, _, authorised in
                guard let code = authorised.unit, let unit = authorised.tree?.unit(code) else { throw WebError.notFound }
                let snapshot = try await dependencies.register.snapshot()
                let children = snapshot.children(of: code, on: authorised.day).map {
                    UnitJSON.Child(code: $0.unit.code.rawValue, name: $0.unit.name, kind: $0.unit.kind.rawValue, members: $0.members)
                }
                return JSONBody.response(UnitJSON(code: code.rawValue, name: unit.name, kind: unit.kind.rawValue, day: authorised.day.iso,
                                                  members: snapshot.memberCount(of: code, on: authorised.day) ?? 0,
                                                  children: children))
            },
            WebRoute(.get, "/api/units/{code}/members", .unit(.viewMembers), api: true) { request, _, authorised in
                guard let code = authorised.unit else { throw WebError.notFound }
                let query = try MemberController.query(FormFields(encoded: Substring(request.uri.query ?? "")),
                                                       unit: code, day: authorised.day)
                let page = try await dependencies.register.members(query)
                return JSONBody.response(MembersJSON(
                    unit: code.rawValue, day: authorised.day.iso, total: page.total, offset: page.offset,
                    members: page.items.map {
                        MemberRowJSON(memberID: $0.memberID.rawValue, fullName: $0.fullName, gender: $0.gender.rawValue,
                                      birthDate: $0.birthDate.iso, unit: $0.unit.rawValue, status: $0.status.rawValue)
                    }))
            },
            WebRoute(.get, "/api/units/{code}/structure", .unit(.viewStructure), api: true) { _, _, authorised in
                guard let code = authorised.unit else { throw WebError.notFound }
                let counts = try await dependencies.register.structure(of: code, on: authorised.day)
                return JSONBody.response(StructureJSON(counts))
            },
            WebRoute(.get, "/api/members/{id}", .member(.viewMembers), api: true) { _, _, authorised in
                guard let record = authorised.person else { throw WebError.notFound }
                return JSONBody.response(PersonJSON(person: record.person, events: record.events, spans: record.spans))
            },
        ]
    }

    struct StructureJSON: Encodable {
        let day: String
        let total: Int
        let gender: [String: Int]
        let ageBand: [String: Int]
        let ethnicity: [String: Int]
        let education: [String: Int]
        let politicalTheory: [String: Int]
        let partyAge: [String: Int]
        let status: [String: Int]

        init(_ counts: StructureCounts) {
            func keyed<K>(_ values: [K: Int]) -> [String: Int] {
                Dictionary(uniqueKeysWithValues: values.map { (Labels.caseName($0.key), $0.value) })
            }
            day = counts.day.iso
            total = counts.total
            gender = keyed(counts.byGender)
            ageBand = keyed(counts.byAgeBand)
            ethnicity = counts.byEthnicity
            education = keyed(counts.byEducation)
            politicalTheory = keyed(counts.byPoliticalTheory)
            partyAge = keyed(counts.byPartyAge)
            status = keyed(counts.byStatus)
        }
    }

    struct PersonJSON: Encodable {
        let person: Person
        let events: [MembershipEvent]
        let spans: [MembershipSpan]
    }
}
