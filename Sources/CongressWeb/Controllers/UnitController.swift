import CongressCore
import CongressStore
import Hummingbird

/// The home page, the organisation tree and the structure counts of a subtree.
struct UnitController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/", .signedIn) { _, context, authorised in try await home(context, authorised) },
            WebRoute(.get, "/units/{code}", .unit(.viewTree)) { request, context, authorised in
                try await tree(request, context, authorised)
            },
            WebRoute(.get, "/units/{code}/structure", .unit(.viewStructure)) { request, context, authorised in
                try await structure(request, context, authorised)
            },
        ]
    }

    // MARK: Home

    struct HomeModel {
        struct Figure { let label: String; let value: String; let share: String? }
        struct RoleLine { let role: String; let unit: String; let href: String }
        let unitName: String?
        let unitHref: String?
        let asOf: String
        let figures: [Figure]
        let roles: [RoleLine]
    }

    private func home(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let signedIn = try authorised.user
        let language = context.language
        let tree = try await dependencies.register.tree(on: authorised.day)
        var roles: [HomeModel.RoleLine] = []
        for grant in signedIn.user.grants {
            var name = tree.unit(grant.unit)?.name
            if name == nil { name = try await dependencies.register.unit(grant.unit)?.name }
            let unitName = name ?? grant.unit.rawValue
            roles.append(.init(role: Labels.role(grant.role, language), unit: unitName, href: "/units/\(grant.unit)"))
        }
        var figures: [HomeModel.Figure] = []
        let root = signedIn.policy.roots(for: .viewTree).first { tree.position[$0] != nil }
        if let root, let count = try await dependencies.register.snapshot().memberCount(of: root, on: authorised.day) {
            figures.append(.init(label: Catalogue.text("web.home.members", language), value: language.number(count), share: nil))
            if signedIn.policy.allows(.viewStructure, on: root, isWithin: tree.isWithin) {
                let counts = try await dependencies.register.structure(of: root, on: authorised.day)
                func add(_ key: String, _ value: Int) {
                    figures.append(.init(label: Catalogue.text(key, language), value: language.number(value),
                                         share: Formatting.share(value, of: counts.total, language)))
                }
                add("web.home.female", counts.byGender[.female] ?? 0)
                add("web.home.minorities", counts.ethnicMinorities)
                add("web.home.young", counts.byAgeBand[.upTo30] ?? 0)
                add("web.home.probationary", counts.byStatus[.probationary] ?? 0)
            }
            figures.append(.init(label: Catalogue.text("web.home.children", language),
                                 value: language.number(tree.children(of: root).count), share: nil))
        }
        let model = HomeModel(unitName: root.flatMap { tree.unit($0)?.name }, unitHref: root.map { "/units/\($0)" },
                              asOf: Catalogue.text("web.home.asOf", language, authorised.day.vietnamese),
                              figures: figures, roles: roles)
        return pages.page("home", title: Catalogue.text("web.home.title", language), body: model, context: context,
                          path: "/", section: .home)
    }

    // MARK: Tree

    struct TreeModel {
        struct Crumb { let name: String; let href: String? }
        struct Child { let name: String; let code: String; let kind: String; let members: String; let href: String }
        let code: String
        let name: String
        let kind: String
        let validity: String?
        let members: String
        let crumbs: [Crumb]
        let hasChildren: Bool
        let childrenHTML: String
        let history: [String]
        let day: String
        let dayQuery: String
        let membersHref: String?
        let structureHref: String?
    }

    private func tree(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let tree = authorised.tree, let code = authorised.unit, let unit = tree.unit(code) else { throw WebError.notFound }
        let policy = try authorised.user.policy
        let snapshot = try await dependencies.register.snapshot()
        let dayQuery = dayQuery(request, authorised.day)
        let crumbs = tree.ancestry(of: code).dropLast().map { ancestor in
            TreeModel.Crumb(name: ancestor.name,
                            href: policy.allows(.viewTree, on: ancestor.code, isWithin: tree.isWithin)
                                ? "/units/\(ancestor.code)\(dayQuery)" : nil)
        }
        // Vietnamese order of the names (Đ after D, Â after Ă after A), not the bytes' order.
        let children = VietnameseTextOrder.sorted(snapshot.children(of: code, on: authorised.day)) { $0.unit.name }.map { child in
            TreeModel.Child(name: child.unit.name, code: child.unit.code.rawValue, kind: Labels.unitKind(child.unit.kind, language),
                            members: language.number(child.members), href: "/units/\(child.unit.code)\(dayQuery)")
        }
        var validity: [String] = []
        if let from = unit.validFrom { validity.append(Catalogue.text("web.tree.validFrom", language, from.vietnamese)) }
        if let to = unit.validTo { validity.append(Catalogue.text("web.tree.validTo", language, to.vietnamese)) }
        let model = TreeModel(
            code: code.rawValue, name: unit.name, kind: Labels.unitKind(unit.kind, language),
            validity: validity.isEmpty ? nil : validity.joined(separator: " "),
            members: language.number(snapshot.memberCount(of: code, on: authorised.day) ?? 0),
            crumbs: crumbs, hasChildren: !children.isEmpty, childrenHTML: Self.childrenHTML(children), history: try await history(of: code, language),
            day: authorised.day.vietnamese, dayQuery: dayQuery,
            membersHref: policy.allows(.viewMembers, on: code, isWithin: tree.isWithin) ? "/units/\(code)/members\(dayQuery)" : nil,
            structureHref: policy.allows(.viewStructure, on: code, isWithin: tree.isWithin)
                ? "/units/\(code)/structure\(dayQuery)" : nil)
        return pages.page("tree", title: unit.name, body: model, context: context, path: request.uri.description, section: .tree)
    }

    /// The unit's dated changes, oldest first, in words.
    private func history(of code: PartyUnit.ID, _ language: Language) async throws -> [String] {
        var lines: [String] = []
        for event in try await dependencies.register.unitEvents(code).sorted(by: { $0.day < $1.day }) {
            let day = event.day.vietnamese
            let other = try await name(of: event.other)
            let key: String
            var argument = other
            switch event.kind {
            case .mergedInto where event.unit == code: key = "web.event.mergedInto"
            case .partInto where event.unit == code: key = "web.event.partInto"
            case .mergedInto: key = "web.event.receivedWhole"; argument = try await name(of: event.unit)
            case .partInto: key = "web.event.receivedPart"; argument = try await name(of: event.unit)
            case .renamed: key = "web.event.renamed"; argument = event.oldName ?? ""
            case .created: key = "web.event.created"
            case .dissolved: key = "web.event.dissolved"
            }
            lines.append(Catalogue.text(key, language, day, argument))
        }
        return lines
    }

    private func name(of code: PartyUnit.ID?) async throws -> String {
        guard let code else { return "" }
        return (try await dependencies.register.unit(code))?.name ?? code.rawValue
    }

    // MARK: Structure

    struct StructureModel {
        struct Row { let label: String; let count: String; let share: String }
        struct Table { let title: String; let rows: [Row]; let chart: String }
        let name: String
        let code: String
        let total: String
        let day: String
        let tables: [Table]
        let treeHref: String
    }

    private func structure(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let tree = authorised.tree, let code = authorised.unit, let unit = tree.unit(code) else { throw WebError.notFound }
        let counts = try await dependencies.register.structure(of: code, on: authorised.day)
        func table<Key>(_ titleKey: String, _ keys: [Key], _ counts: [Key: Int], _ label: (Key) -> String) -> StructureModel.Table {
            let title = Catalogue.text(titleKey, language)
            let bars = keys.map { BarChart.Bar(label: label($0), value: counts[$0] ?? 0) }
            let total = bars.map(\.value).reduce(0, +)
            return .init(title: title,
                         rows: bars.map { .init(label: $0.label, count: language.number($0.value),
                                                share: Formatting.share($0.value, of: total, language)) },
                         chart: BarChart.svg(bars, title: Catalogue.text("web.structure.chart", language, title), language))
        }
        let ethnicities = counts.byEthnicity.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        let tables = [
            table("web.structure.byGender", Gender.allCases, counts.byGender) { Labels.gender($0, language) },
            table("web.structure.byAge", AgeBand.allCases, counts.byAgeBand) { Labels.ageBand($0, language) },
            table("web.structure.byEthnicity", ethnicities, counts.byEthnicity) { $0 },
            table("web.structure.byEducation", Education.allCases, counts.byEducation) { Labels.education($0, language) },
            table("web.structure.byTheory", PoliticalTheory.allCases, counts.byPoliticalTheory) { Labels.theory($0, language) },
            table("web.structure.byPartyAge", PartyAgeBand.allCases, counts.byPartyAge) { Labels.partyAge($0, language) },
            table("web.structure.byStatus", MemberStatus.allCases, counts.byStatus) { Labels.status($0, language) },
        ]
        let dayQuery = dayQuery(request, authorised.day)
        let model = StructureModel(name: unit.name, code: code.rawValue,
                                   total: Catalogue.text("web.structure.total", language, language.number(counts.total)),
                                   day: authorised.day.vietnamese, tables: tables, treeHref: "/units/\(code)\(dayQuery)")
        return pages.page("structure", title: Catalogue.text("web.structure.title", language) + " – " + unit.name, body: model,
                          context: context, path: request.uri.description, section: .structure)
    }

    /// `?day=…` when the request named a day, so links keep it.
    private func dayQuery(_ request: Request, _ day: Day) -> String {
        FormFields(encoded: Substring(request.uri.query ?? ""))["day"] == nil ? "" : "?day=\(day.iso)"
    }
}
