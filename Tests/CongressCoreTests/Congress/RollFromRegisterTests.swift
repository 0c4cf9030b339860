import CongressCore
import Testing

@Suite("The roll drawn from the register")
struct RollFromRegisterTests {
    @Test("R-E-17: standings become conditions; probationary members attend outside the base")
    func members() {
        let day = Day(iso: "1980-01-01")!
        let rows = [MemberRow(memberID: "A", fullName: "Nguyễn Văn An", gender: .male, birthDate: day, unit: "C1", status: .official),
                    MemberRow(memberID: "B", fullName: "Trần Thị Bình", gender: .female, birthDate: day, unit: "C1", status: .probationary),
                    MemberRow(memberID: "C", fullName: "Lê Văn Cường", gender: .male, birthDate: day, unit: "C1", status: .temporaryElsewhere),
                    MemberRow(memberID: "D", fullName: "Phạm Văn Dũng", gender: .male, birthDate: day, unit: "C1", status: .suspended)]
        let roll = RollFromRegister.members(rows)
        #expect(roll.map(\.full) == [true, false, true, true])
        #expect(roll.map(\.condition) == [.none, .none, .temporaryElsewhere, .suspendedOrProsecuted])
        #expect(RollBase.members(roll).base(under: .qd190) == 1)
    }

    @Test("R-E-18, R-E-25: a delegates list is read line by line, every bad line named")
    func delegates() {
        let names: [Person.ID: String] = ["M1": "Nguyễn Văn An", "M2": "Trần Thị Bình", "M3": "Lê Văn Cường"]
        guard case .success(let roll) = RollFromRegister.delegates("M1;elected;C1\nM2;exOfficio\n\nM3;elected;C1;1", name: { names[$0] }) else {
            Issue.record("a valid list was refused"); return
        }
        #expect(roll.map(\.kind) == [.elected, .exOfficio, .elected] && roll[2].alternateOrder == 1 && roll[0].electedBy == "C1")
        guard case .failure(let problems) = RollFromRegister.delegates("M1;elected\nM9;elected\nM1;elected\nM2;boss\nM3;elected;C1;x\nM2",
                                                                       name: { names[$0] }) else {
            Issue.record("a bad list was accepted"); return
        }
        #expect(problems.lines.map(\.line) == [2, 3, 4, 5, 6])
        #expect(problems.lines.map(\.reason) == [.unknownMember, .duplicate, .kind, .alternateOrder, .fields])
    }
}
