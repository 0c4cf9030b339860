import CongressCore
import CongressStore
import Hummingbird

/// The roll of a congress: who is convened and how they attend (R-E-17…R-E-21, R-E-25), kept by
/// the secretariat, and the credentials report anyone who may see the congress reads.
struct RollController {
    let dependencies: WebDependencies
    let pages: PageRenderer

    var routes: [WebRoute] {
        [
            WebRoute(.get, "/units/{code}/congress/roll", .unit(.runCongress)) { request, context, authorised in
                try await roll(request, context, authorised)
            },
            WebRoute(.post, "/units/{code}/congress/roll", .unit(.runCongress)) { _, context, authorised in
                try await update(context, authorised)
            },
            WebRoute(.get, "/units/{code}/congress/credentials", .unit(.viewCongress)) { request, context, authorised in
                try await credentials(request, context, authorised)
            },
        ]
    }

    private func chosen(_ query: FormFields, _ code: PartyUnit.ID) async throws -> (any CountingStore, StoredCongress) {
        let store = try CongressContext.store(dependencies)
        let all = try await store.congresses(of: code)
        let chosenID = try query.optionalRecordID("id").map(CongressRecord.ID.init)
        guard let congress = chosenID.flatMap({ id in all.first { $0.id == id } }) ?? (chosenID == nil ? all.first : nil) else {
            throw WebError.notFound
        }
        return (store, congress)
    }

    // MARK: The roll

    struct RollModel {
        struct Line { let memberID: String; let name: String; let standing: String; let condition: String; let attendance: String }
        struct Option { let value: String; let label: String }
        let id: Int64
        let name: String
        let code: String
        let lines: [Line]
        let notConvened: [Line]
        let attendanceOptions: [Option]
        let conditionOptions: [Option]
        let reasonOptions: [Option]
        let action: String
        let base: String
        let replacements: [Line]
    }

    static let attendanceStates = ["present", "absentAccepted", "absentNoReason"]

    private func roll(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let code = authorised.unit else { throw WebError.notFound }
        let (_, congress) = try await chosen(FormFields(encoded: Substring(request.uri.query ?? "")), code)
        let record = congress.record
        let t = PageText.say(language)
        func attendance(_ value: Attendance) -> String {
            let whole = t("web.roll.attendance." + (value.absentWhole ? (value.reasonAccepted ? "absentAccepted" : "absentNoReason") : "present"), [])
            guard !value.absentWhole, !value.absentSessions.isEmpty else { return whole }
            return t("web.roll.absentSessions", [value.absentSessions.sorted().map { String($0 + 1) }.joined(separator: ", ")])
        }
        let members = record.members.sorted { VietnameseNameOrder.precedes($0.fullName, $1.fullName) }.map { member in
            RollModel.Line(memberID: member.memberID.rawValue, name: member.fullName, standing: t(member.full ? "web.roll.full" : "web.roll.probationary", []),
                           condition: t("web.roll.condition." + member.condition.rawValue, []), attendance: attendance(member.attendance))
        }
        let delegates = record.delegates.sorted { VietnameseNameOrder.precedes($0.fullName, $1.fullName) }.map { delegate in
            RollModel.Line(memberID: delegate.memberID.rawValue, name: delegate.fullName,
                           standing: t("web.roll.delegate." + delegate.kind.rawValue, [])
                               + (delegate.alternateOrder.map { " · " + t("web.roll.alternate", [$0]) } ?? ""),
                           condition: delegate.electedBy ?? "", attendance: attendance(delegate.attendance))
        }
        let model = RollModel(
            id: congress.id.rawValue, name: record.name, code: code.rawValue, lines: members + delegates,
            notConvened: record.notConvened.map { .init(memberID: $0.memberID.rawValue, name: $0.fullName, standing: "",
                                                        condition: t("web.roll.reason." + $0.reason.rawValue, []), attendance: "") },
            attendanceOptions: Self.attendanceStates.map { .init(value: $0, label: t("web.roll.attendance." + $0, [])) },
            conditionOptions: MemberOnRoll.Condition.allCases.map { .init(value: $0.rawValue, label: t("web.roll.condition." + $0.rawValue, [])) },
            reasonOptions: NotConvened.Reason.allCases.map { .init(value: $0.rawValue, label: t("web.roll.reason." + $0.rawValue, [])) },
            action: "/units/\(code)/congress/roll", base: "/units/\(code)/congress?id=\(congress.id)",
            replacements: RollBase.replacements(record.delegates).map { pair in
                .init(memberID: pair.absent.memberID.rawValue, name: pair.absent.fullName, standing: pair.alternate.fullName,
                      condition: pair.alternate.electedBy ?? "", attendance: t("web.roll.alternate", [pair.alternate.alternateOrder ?? 0]))
            })
        return pages.page("roll", title: t("web.roll.title", [record.name]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }

    /// One person's attendance and condition, or their removal from the roll with the reason
    /// they are not convened (R-E-21: they shrink the roll, not the base).
    private func update(_ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        guard let code = authorised.unit else { throw WebError.notFound }
        let form = authorised.form
        let (store, congress) = try await chosen(form, code)
        let change = try Self.change(form)
        try await CongressContext.updateCongress(store, congress.id, actor: try CongressContext.clerk(authorised)) { record in
            do { return try record.apply(change) } catch RollChange.Refusal.notOnRoll(let memberID) {
                throw WebError.badInput(key: "web.roll.unknownMember", arguments: [memberID.rawValue])
            }
        }
        return Redirect.to("/units/\(code)/congress/roll?id=\(congress.id)")
    }

    /// The roll form decoded once: the member, and either the reason they are not convened or
    /// their attendance (sessions numbered from 1) and condition.
    static func change(_ form: FormFields) throws -> RollChange {
        guard let memberID = try form.line("member", max: InputLimits.codeLength).map({ Person.ID($0) }) else {
            throw WebError.badInput(key: "web.roll.unknownMember", arguments: [""])
        }
        if form["notConvened"] != nil {
            return .notConvened(memberID: memberID, reason: try form.requiredChoice("notConvened", NotConvened.Reason.self))
        }
        let state = form["attendance"] ?? "present"
        guard attendanceStates.contains(state) else { throw FieldProblem.notAChoice(attendanceStates).error(field: "attendance", value: state) }
        var sessions = Set<Int>()
        for token in (form["sessions"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let session = RequestValue.int(String(token), in: InputLimits.session) else {
                throw FieldProblem.notANumber(InputLimits.session).error(field: "sessions", value: String(token))
            }
            sessions.insert(session - 1)
        }
        let attendance = Attendance(absentWhole: state != "present", reasonAccepted: state == "absentAccepted", absentSessions: sessions)
        return .attendance(memberID: memberID, attendance, condition: try form.choice("condition", MemberOnRoll.Condition.self))
    }

    // MARK: The credentials report

    struct CredentialsModel {
        struct Fact { let label: String; let value: String; let share: String? }
        let name: String
        let base: String
        let facts: [Fact]
        let ages: [Fact]
        let education: [Fact]
        let standing: [Fact]
    }

    private func credentials(_ request: Request, _ context: AppRequestContext, _ authorised: Authorised) async throws -> Response {
        let language = context.language
        guard let code = authorised.unit else { throw WebError.notFound }
        let (_, congress) = try await chosen(FormFields(encoded: Substring(request.uri.query ?? "")), code)
        let record = congress.record
        var people: [Person.ID: Person] = [:]
        for id in record.members.map(\.memberID) + record.delegates.map(\.memberID) {
            if let found = try await dependencies.register.personRecord(id)?.person { people[id] = found }
        }
        let day = Day(iso: record.opensOn) ?? dependencies.today()
        let report = CredentialsReport.make(record, on: day) { people[$0] }
        let t = PageText.say(language)
        func fact(_ label: String, _ value: Int) -> CredentialsModel.Fact {
            .init(label: label, value: language.number(value), share: Formatting.share(value, of: report.convened, language))
        }
        let model = CredentialsModel(
            name: record.name, base: "/units/\(code)/congress?id=\(congress.id)",
            facts: [fact(t("web.congress.convened", []), report.convened), fact(t("web.congress.present", []), report.present),
                    fact(t("web.home.female", []), report.female), fact(t("web.home.minorities", []), report.ethnicMinorities),
                    fact(t("web.congress.notConvened", []), report.notConvened),
                    fact(t("web.credentials.unknown", []), report.unknownInRegister)],
            ages: AgeBand.allCases.map { fact(Labels.ageBand($0, language), report.byAgeBand[$0] ?? 0) },
            education: Education.allCases.compactMap { level in
                report.byEducation[level].map { fact(Labels.education(level, language), $0) }
            },
            standing: report.byStanding.keys.sorted().map { fact(t("web.credentials.standing." + $0, []), report.byStanding[$0] ?? 0) })
        return pages.page("credentials", title: t("web.credentials.title", [record.name]), body: model, context: context,
                          path: request.uri.description, section: .congress)
    }
}
