import CongressCore
import CongressStore
import CongressWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every refusal of the core and the stores, rendered as a page renders it (the message, rule
/// IDs turned into the rule's name), in both languages: no internal identifier, type name or
/// catalogue key ever reaches a user, and every rule cited has a name users know.
@Suite("Refusal messages as users read them")
struct RefusalMessageTests {
    static let states = RoundLifecycle.State.allCases

    static var countingRefusals: [CountingRefusal] {
        [.unknownRound(7), .passOutOfRange(pass: 3, required: 2), .passTaken(stack: 1, pass: 2, clerk: "kiemphieu2"),
         .clerkAlreadyOnStack(stack: 1, clerk: "kiemphieu1"), .notYourPass(stack: 1, pass: 1),
         .positionConflict(stack: 1, pass: 1, position: 3), .positionOutOfOrder(expected: 4, got: 6),
         .passFinished(stack: 1, pass: 1), .passesNotFinished(stack: 2), .stackAlreadyAgreed(stack: 2), .unknownCongress(3),
         .congressChanged(3), .settlementPending(stack: 1), .noSettlementProposed(stack: 1),
         .lifecycle(.moreReturnedThanIssued(returned: 28, issued: 27)), .lifecycle(.entriesDoNotMatchReturned(agreed: 26, returned: 27)),
         .lifecycle(.nothing("issueBallots")), .lifecycle(.annulmentWithoutReason)]
            + states.map { .roundNotCounting($0) } + states.map { .lifecycle(.notNow(state: $0, event: "certify")) }
    }

    static func messages(_ language: Language) -> [(String, String)] {
        var all: [(String, String)] = []
        func add(_ name: String, _ text: String) { all.append((name, text)) }
        for refusal in countingRefusals { add("\(refusal)", StoreError.counting(refusal).message(language)) }
        let stores: [StoreError] = [.importAbandoned, .unknownUnit("X9"), .duplicateUnit("X1"), .danglingReference("X7"),
                                    .unknownMember("M9"), .eventNotApplicable(memberID: "M1", reason: "đã chuyển đi"),
                                    .duplicateLogin("a"), .duplicateMember("M1"), .invalidLogin("A B"), .unknownUser("b")]
        for error in stores { add("\(error)", error.message(language)) }
        let problems: [StackComparison.Problem] = [.notEnoughEntries(have: 1, need: 2), .sameClerkTwice("kiemphieu1"),
                                                   .unsettled([2, 5]), .notADifference(3)]
        for problem in problems { add("\(problem)", problem.message(language)) }
        let elections: [ElectionRefusal] = [
            .listWithoutSurplus(body: .executiveCommittee, seats: 3, candidates: 3),
            .surplusOverCap(body: .executiveCommittee, seats: 10, candidates: 14, cap: 13),
            .fewerCandidatesThanPlaces(candidates: 2, places: 3), .baseNotPositive(base: 0),
            .negativeCount(field: "issued", value: -1), .alternateSeatsOutsideDelegates(body: .secretary),
            .noSeats(body: .standingCommittee), .noCandidates, .blankCandidateName(number: 2),
            .moreBallotsIssuedThanConvened(issued: 30, convened: 27)]
        for refusal in elections { add("\(refusal)", refusal.message(language)) }
        let next: [NextRoundProblem] = [.noTie, .noUnfilledPlaces, .tiePending, .appointmentDue(rounds: 3), .refused(.noCandidates)]
        for problem in next { add("\(problem)", problem.message(language)) }
        let entries: [BallotEntryProblem] = [.numberOutsideList(number: 7, candidates: 4), .notABallotNumber(text: "x"),
                                             .numberRepeated(number: 2), .marksLength(found: 3, expected: 4), .unknownMark(text: "Q"),
                                             .marksOnStrikeOut, .struckOnAgreeDisagree, .notYesNo(column: "issued", text: "có"),
                                             .fieldCount(found: 3, expected: 5), .header(missing: ["issued"], unknown: ["x"]),
                                             .moreBallotsThanIssued(returned: 28, issued: 27), .notUTF8]
        for problem in entries { add("\(problem)", problem.message(language)) }
        let keys: [BallotKeyEntry.Problem] = [.notABallotNumber("7", candidates: 4), .repeated(2), .marksLength(got: 3, candidates: 4),
                                              .notAMark("Q")]
        for problem in keys { add("\(problem)", Catalogue.text(problem.message.key, language, arguments: problem.message.arguments)) }
        let boards: [CountingBoardProblem] = [.memberOnList(memberID: "R01"), .notEligible(memberID: "R02"), .empty]
        for problem in boards { add("\(problem)", problem.message(language)) }
        add("notInBallotOrder", BallotSheet.Refusal.notInBallotOrder(position: 2, name: "B", expected: "A").message(language))
        // R-E-9: the list's names and member IDs (the congress page's messages for ElectionOpening's refusals).
        add("ambiguousName", Catalogue.text("web.congress.ambiguousName", language, "Nguyễn Văn An", "DV0001, DV0002"))
        add("memberMismatch", Catalogue.text("web.congress.memberMismatch", language, "Nguyễn Văn An", "DV0002"))
        add("unknownMember", Catalogue.text("web.congress.unknownMember", language, "Hồ Văn Xuân", "DV9001"))
        return all
    }

    /// What must never be on a page: type and case names, Swift's spelling of values, catalogue keys, rule IDs.
    static func leaks(_ text: String) -> [String] {
        var found: [String] = []
        for fragment in ["CongressCore", "CongressStore", "Refusal", "Problem", "Optional(", "lifecycle(", "\u{1}"] where text.contains(fragment) {
            found.append(fragment)
        }
        let camelCase = /\b[a-z]+[A-Z][A-Za-z]*\b/
        found += text.matches(of: camelCase).map { String(text[$0.range]) }
        let key = /\b(web|counting|store|entry|minutes|ballot|rule|outcome|state)\.[A-Za-z.]+/
        found += text.matches(of: key).map { String(text[$0.range]) }
        let rule = /R-[A-Z]-[0-9]+/
        found += text.matches(of: rule).map { String(text[$0.range]) }
        return found
    }

    @Test("every refusal reads as words, in both languages; the rules it cites have names")
    func everyRefusal() {
        for language in Language.allCases {
            for (name, message) in Self.messages(language) {
                #expect(!message.isEmpty, "\(name) has a message")
                let (text, rules) = RuleCitation.humanise(message, language)
                let leaks = Self.leaks(text)
                #expect(leaks.isEmpty, "\(language) \(name): “\(text)” shows \(leaks)")
                for rule in rules {
                    #expect(rule.name != rule.id && !rule.name.isEmpty, "\(rule.id) has a name in \(language)")
                }
            }
        }
    }

    @Test("R-E-30: an annulment without a reason cites the approval rule, not the counting one")
    func annulmentCitesTheRightRule() {
        let (_, rules) = RuleCitation.humanise(StoreError.counting(.lifecycle(.annulmentWithoutReason)).message(.vi), .vi)
        #expect(rules.map(\.id) == ["R-E-30"])
    }

    @Test("rule IDs leave no stray punctuation behind")
    func tidy() {
        #expect(RuleCitation.humanise("Tập 1 đã được thống nhất (R-E-29).", .vi).text == "Tập 1 đã được thống nhất.")
        #expect(RuleCitation.humanise("R-E-10: danh sách chưa theo thứ tự", .vi).text == "danh sách chưa theo thứ tự")
        #expect(RuleCitation.humanise("quá một nửa (so với cơ sở, R-E-16)", .vi).text == "quá một nửa (so với cơ sở)")
        #expect(RuleCitation.humanise("(R-E-28, R-E-29)", .vi).rules.map(\.id) == ["R-E-28", "R-E-29"])
    }

    @Test("a refused step shows the message in words, the rule's ID only in a tooltip, a field by its label, and a way back")
    func refusalPage() async throws {
        let world = try await WebWorld.make()
        let app = Application(router: try await world.router())
        try await app.test(.router) { client in
            _ = try await WebClient.send(client, .post, "/units/X1/rounds/1/list", as: .secretary)
            let refused = try await WebClient.send(client, .post, "/units/X1/rounds/1/issue", as: .secretary, form: "issued=abc",
                                                   headers: [.referer: "http://localhost/units/X1/rounds/1"])
            // The round page again, the message beside the form, what was typed kept.
            #expect(refused.status == .badRequest)
            let message = try #require(refused.text.firstMatch(of: /id="issue-error">([^<]*)</).map { String($0.output.1) })
            #expect(message.contains("Số phiếu phát ra") && !message.contains("“issued”"), "the field by its label: \(message)")
            #expect(refused.text.contains("name=\"issued\" value=\"abc\""), "the typed value is kept")
            // A form the round has moved past (stacks of a certified round): the refusal heads the page.
            let elsewhere = try await WebClient.send(client, .post, "/units/X1/rounds/3/stacks", as: .counter, form: "stack=1&ballots=1")
            #expect(elsewhere.status == .badRequest && elsewhere.text.contains("id=\"page-error\"") && elsewhere.text.contains("không nhận phiếu"))
            // A refusal on a page of its own keeps a way back to the form.
            let decided = try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer, form: "decision=maybe",
                                                   headers: [.referer: "http://localhost/units/X1/rounds/3"])
            #expect(decided.status == .badRequest && decided.text.contains("href=\"/units/X1/rounds/3\" id=\"back\""))
            let annul = try await WebClient.send(client, .post, "/units/X1/rounds/3/approval", as: .reviewer, form: "decision=annul&reason=")
            #expect(annul.status == .badRequest)
            #expect(annul.text.contains("<abbr title=\"R-E-30\">chuẩn y của cấp ủy cấp trên</abbr>"))
            let shown = try #require(annul.text.firstMatch(of: /id="error-message">([^<]*)</).map { String($0.output.1) })
            #expect(Self.leaks(shown).isEmpty, "\(shown)")
        }
    }
}
