import CongressCore

/// The parts of the navigation; the current one is marked.
enum NavSection: String {
    case home, tree, members, structure, congress, personnel, users, audit
}

/// The layout's data: language, title, the signed-in user, navigation and the form token.
struct LayoutModel {
    struct Link {
        let href: String
        let label: String
        let current: Bool
    }

    let lang: String
    let title: String
    let user: String?
    let formToken: String
    let nav: [Link]
    let path: String
    let otherLanguage: String
    let otherLanguageLabel: String
    /// What the step that led here did (`Notice`).
    let notice: String?

    init(context: AppRequestContext, title: String, path: String, section: NavSection?) {
        let language = context.language
        lang = language.rawValue
        self.title = title
        self.path = path
        notice = Notice.from(path: path)?.text(language)
        user = context.signedIn?.user.displayName
        formToken = context.signedIn?.session.formToken ?? context.preSessionToken ?? ""
        otherLanguage = language == .vi ? "en" : "vi"
        otherLanguageLabel = Catalogue.text("web.language.switch", language)
        var links: [Link] = []
        if let policy = context.signedIn?.policy {
            func add(_ target: NavSection, _ href: String) {
                links.append(Link(href: href, label: Catalogue.text("web.nav.\(target.rawValue)", language), current: target == section))
            }
            add(.home, "/")
            if let root = policy.roots(for: .viewTree).first { add(.tree, "/units/\(root)") }
            if let root = policy.roots(for: .viewMembers).first { add(.members, "/units/\(root)/members") }
            if let root = policy.roots(for: .viewStructure).first { add(.structure, "/units/\(root)/structure") }
            // The higher committee's reviewers find what waits for them; the others their congress.
            if let root = policy.roots(for: .approveResults).first, policy.roots(for: .runCongress).isEmpty,
               policy.roots(for: .countBallots).isEmpty {
                add(.congress, "/units/\(root)/approvals")
            } else if let root = policy.roots(for: .viewCongress).first { add(.congress, "/units/\(root)/congress") }
            if let root = policy.roots(for: .viewPersonnel).first { add(.personnel, "/units/\(root)/personnel") }
            if policy.allows(.manageUsers) { add(.users, "/admin/users") }
            if policy.allows(.viewAudit) { add(.audit, "/admin/audit") }
        }
        nav = links
    }
}
