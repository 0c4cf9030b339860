@testable import CongressCore
import Testing

/// The list names members, not names (issue 12): a name prints, an ID decides.
extension ElectionOpeningTests {
    @Test("R-E-9: each line of the list becomes the member of the roll who bears the name, the ID carried to the ballot's election")
    func listByMember() throws {
        let plan = try ElectionOpening.plan(Self.request(), congress: Self.congress(), congressID: 7, opinion: nil)
        let expected = Self.list.map { name in Person.ID("M\(Self.names.firstIndex(of: name)! + 1)") }
        #expect(plan.election.memberIDs == expected)
        #expect(plan.election.listEntries.map(\.name) == Self.list)
    }

    @Test("R-E-9: a name two people of the congress bear needs the member ID; written in brackets it decides")
    func namesakes() throws {
        var record = Self.congress()
        record.members.append(MemberOnRoll(memberID: "M99", fullName: "Nguyễn Văn An"))
        #expect(Self.refusal(Self.request(), record) == .ambiguousName(name: "Nguyễn Văn An", memberIDs: ["M1", "M99"]))
        let lines = Self.list.map { $0 == "Nguyễn Văn An" ? "Nguyễn Văn An (M99)" : $0 }
        let plan = try ElectionOpening.plan(Self.request(candidates: lines), congress: record, congressID: 7, opinion: nil)
        #expect(plan.election.candidates == Self.list, "the ballot prints the name only")
        #expect(plan.election.memberIDs?[Self.list.firstIndex(of: "Nguyễn Văn An")!] == "M99")
    }

    @Test("R-E-9: an ID written after a name must be that person's on the roll")
    func mismatch() {
        let lines = Self.list.map { $0 == "Nguyễn Văn An" ? "Nguyễn Văn An (M2)" : $0 }
        #expect(Self.refusal(Self.request(candidates: lines)) == .memberMismatch(name: "Nguyễn Văn An", memberID: "M2"))
    }

    @Test("R-E-9: an ID written for someone outside the congress must be the register's, under the same name")
    func outsideTheCongress() throws {
        // "Hồ Văn Xuân" is on no roll of this congress: nominated from elsewhere.
        let lines = VietnameseNameOrder.sorted(Self.list + ["Hồ Văn Xuân (DV9001)"])
        #expect(ElectionOpening.writtenMemberIDs(lines, outside: Self.congress()) == ["DV9001"])
        #expect(Self.refusal(Self.request(seats: 5, candidates: lines)) == .unknownMember(name: "Hồ Văn Xuân", memberID: "DV9001"))
        var request = Self.request(seats: 5, candidates: lines)
        request.registered = ["DV9001": "Hồ Thị Xuân"]
        #expect(Self.refusal(request) == .memberMismatch(name: "Hồ Văn Xuân", memberID: "DV9001"))
        request.registered = ["DV9001": "Hồ Văn Xuân"]
        let plan = try ElectionOpening.plan(request, congress: Self.congress(), congressID: 7, opinion: nil)
        #expect(plan.election.memberIDs?[lines.firstIndex(of: "Hồ Văn Xuân (DV9001)")!] == "DV9001")
    }

    @Test("R-E-4: a counting board member is refused by member ID, even under a namesake's name")
    func boardByID() {
        var record = Self.congress()
        // M11 counts; a second "Dương Thị Nga" (M50) is not on the board and may stand.
        record.members.append(MemberOnRoll(memberID: "M50", fullName: "Dương Thị Nga"))
        let lines = VietnameseNameOrder.sorted(Array(Self.names.prefix(5)) + ["Dương Thị Nga (M50)"])
        #expect(Self.refusal(Self.request(seats: 5, candidates: lines), record) == nil)
        let board = VietnameseNameOrder.sorted(Array(Self.names.prefix(5)) + ["Dương Thị Nga (M11)"])
        #expect(Self.refusal(Self.request(seats: 5, candidates: board), record) == .countingBoardOnList(name: "Dương Thị Nga"))
    }

    @Test("R-E-22, R-E-27: the composition takes the winners' member IDs from the list, never by matching names")
    func compositionByID() throws {
        var record = Self.congress()
        record.members.append(MemberOnRoll(memberID: "M99", fullName: "Nguyễn Văn An"))
        let lines = Self.list.map { $0 == "Nguyễn Văn An" ? "Nguyễn Văn An (M99)" : $0 }
        let election = try ElectionOpening.plan(Self.request(candidates: lines), congress: record, congressID: 7, opinion: nil).election
        // Everyone keeps every name: all five pass; the four with most votes take the seats.
        let an = try #require(Self.list.firstIndex(of: "Nguyễn Văn An"))
        let last = Self.list.indices.first { $0 != an }!
        let ballots = (0..<12).map { _ in Ballot.striking([last + 1]) }
        let result = try Tally.count(election, ballots: ballots)
        let seats = record.seats(from: result, source: "round 1")
        #expect(seats.first { $0.name == "Nguyễn Văn An" }?.memberID == "M99", "the namesake the list named, not the first on the roll")
        #expect(seats.count == 4 && seats.allSatisfy { $0.memberID != nil })
    }

    @Test("R-E-23: a new round among the tied keeps each tied candidate's member ID")
    func nextRoundKeepsMembers() throws {
        let election = try ElectionOpening.plan(Self.request(seats: 3, candidates: Array(Self.list.prefix(4))), congress: Self.congress(),
                                                congressID: 7, opinion: nil).election
        // 11, 11, 7, 7 votes of 12 (threshold 7): candidates 3 and 4 tie for the last place.
        let struck = [1, 2] + Array(repeating: 3, count: 5) + Array(repeating: 4, count: 5)
        let ballots = struck.map { Ballot.striking([$0]) }
        let result = try Tally.count(election, ballots: ballots)
        let tie = try #require(result.tie)
        let next = try #require(try result.nextRound(.revoteAmongTied(ballotsIssued: 12)))
        #expect(next.candidates == tie.names)
        #expect(next.memberIDs == tie.positions.map { election.memberIDs![$0] })
    }
}
