@testable import CongressWeb
import CongressCore
import Testing

/// Each posted form decodes once into one typed value (issue 12, item 2): what it holds, and
/// what it refuses before any store is asked.
@Suite struct FormDecodingTests {
    static func form(_ text: String) -> FormFields { FormFields(encoded: Substring(text)) }

    @Test("R-C-4: a congress is set up from a typed form; closing before opening or an unknown rulebook is refused")
    func congressCreation() throws {
        let made = try CongressCreationForm(Self.form("kind=delegates&opens=2026-11-20&closes=2026-11-21&rulebook=244-QD%2FTW&delegates=M1%3Belected%3BC1"))
        #expect(made.kind == .delegates && made.opens.iso == "2026-11-20" && made.term == "2025–2030")
        #expect(made.rulebook?.id == "244-QĐ/TW" && made.delegateLines == ["M1;elected;C1"])
        #expect(throws: WebError.badInput(key: "web.congress.datesOrder", arguments: ["21/11/2026", "20/11/2026"])) {
            try CongressCreationForm(Self.form("kind=members&opens=2026-11-21&closes=2026-11-20"))
        }
        #expect(throws: WebError.self) { try CongressCreationForm(Self.form("kind=members&opens=2026-11-20&closes=2026-11-21&rulebook=999")) }
    }

    @Test("R-E-10: an election's form keeps the list in order and numbers sessions from 1; an opinion ballot has no seats")
    func electionOpening() throws {
        let opened = try ElectionOpeningForm(Self.form("body=executiveCommittee&seats=2&candidates=B%0AA%0AC&session=2&opinion=7"))
        #expect(opened.candidates == ["B", "A", "C"] && opened.seats == 2 && opened.session == 1 && opened.requiredEntries == 2)
        #expect(opened.opinion == Round.ID(7) && opened.alternateSeats == 0)
        #expect(try ElectionOpeningForm(Self.form("body=opinion&seats=5&candidates=A")).seats == 0)
        #expect(throws: WebError.self) { try ElectionOpeningForm(Self.form("body=executiveCommittee&seats=-1&candidates=A")) }
    }

    @Test("R-E-4, R-E-27: a counting board motion names its head first; an appointment needs its decision and a name")
    func motionAndAppointment() throws {
        let board = try MotionForm(Self.form("subject=countingBoard&for=20&against=1&head=M3&board=M1&board=M3%20M2"))
        #expect(board.board == ["M3", "M1", "M2"] && board.motion.inFavour == 20 && board.motion.abstaining == 0)
        #expect(try MotionForm(Self.form("subject=presidium&for=20&against=0&board=M1")).board.isEmpty)
        #expect(throws: WebError.badInput(key: "web.appointment.decisionMissing", arguments: [])) {
            try AppointmentForm(Self.form("role=secretary&names=A"))
        }
        #expect(throws: WebError.badInput(key: "web.appointment.namesMissing", arguments: [])) {
            try AppointmentForm(Self.form("role=secretary&decision=12-Q%C4%90%2FTU&date=2026-11-22"))
        }
    }

    @Test("Accounts: a short password, a bad login or an unknown role is refused; a grant's unit is upper-cased")
    func accounts() throws {
        let account = try NewAccountForm(Self.form("login=Lan.Mai&name=Mai+Lan&password=longenough12&role=organisingStaff&unit=t44"))
        #expect(account.login == "lan.mai" && account.grant == RoleGrant(role: .organisingStaff, unit: "T44"))
        #expect(throws: WebError.self) { try NewAccountForm(Self.form("login=a&name=X&password=longenough12&role=organisingStaff&unit=T44")) }
        #expect(throws: WebError.self) { try PasswordForm(Self.form("password=short")) }
        #expect(throws: WebError.badInput(key: "web.error.badRole", arguments: ["king"])) {
            try GrantChangeForm(Self.form("role=king&unit=T44"))
        }
        #expect(try GrantChangeForm(Self.form("remove=0&remove=2&remove=x")).removed == [0, 2])
    }

    @Test("Sign-in: a login that cannot exist is recorded as invalid; the next page stays on this site")
    func signIn() {
        let form = SignInForm(Self.form("login=%3Cscript%3E&password=x&next=https%3A%2F%2Fevil.example"))
        #expect(form.login == "(invalid)" && form.next == "/")
        #expect(SignInForm(Self.form("login=Admin&next=%2Funits%2FT44")).login == "admin")
    }
}
