import CongressCore
import Testing

/// R-E-29: the entry log the board's head signs says each step in words.
@Suite struct EntryLogLineTests {
    @Test("R-E-29: every step of the counting reads in Vietnamese, with its stack, pass and people")
    func steps() {
        let say = { (action: AuditAction, subject: String, detail: String) in
            EntryLogLine.describe(action: action, subject: subject, detail: detail, actor: "kiemphieu2", .vi)
        }
        #expect(say(.roundEvent, "round 4", "counting opened: 27 ballots returned") == "Mở hòm phiếu: thu vào 27 phiếu")
        #expect(say(.roundEvent, "round 4", "list adopted: 5 candidates (R-E-9)") == "Thông qua danh sách bầu cử: 5 người")
        #expect(say(.passFinished, "round 4 stack 2 pass 1", "27 ballots") == "Tập 2, lượt 1: kiemphieu2 kết thúc lượt nhập, 27 phiếu")
        #expect(say(.differenceSettled, "round 4 stack 2",
                    "1 differing positions settled from the paper, proposed by kiemphieu3, confirmed by kiemphieu4; 0 without a paper ballot")
                == "Tập 2: 1 phiếu chênh lệch được xử lý theo phiếu giấy (đề xuất: kiemphieu3, xác nhận: kiemphieu4)")
        #expect(say(.resultCertified, "round 4", "elected: 3, alternates: 0, unfilled: 0") == "Trưởng Ban Kiểm phiếu xác nhận kết quả: 3 người trúng cử")
        #expect(say(.roundEvent, "round 4", "something new") == Catalogue.text("web.action.roundEvent", .vi),
                "an unknown detail prints the step's name, never machine text")
        #expect(EntryLogLine.describe(action: .stackAgreed, subject: "round 4 stack 3", detail: "9 ballots, passes agree", actor: "a", .en)
                == "Stack 3: the passes agree, 9 ballots")
    }
}

/// Units on the tree page in Vietnamese alphabetical order.
@Suite struct VietnameseTextOrderTests {
    @Test("R-E-10's alphabet applies to unit names read in order: Đ after D, Ă and Â after A, tones last")
    func unitNames() {
        let names = ["Đảng bộ xã Đông Hà", "Đảng bộ xã Dương Minh Châu", "Đảng bộ xã An Phú", "Đảng bộ xã Ân Thi", "Đảng bộ xã Ăn Lộc",
                     "Chi bộ Ấp 2", "Đảng bộ phường Ba Đình"]
        #expect(VietnameseTextOrder.sorted(names) { $0 } == [
            "Chi bộ Ấp 2", "Đảng bộ phường Ba Đình", "Đảng bộ xã An Phú", "Đảng bộ xã Ăn Lộc", "Đảng bộ xã Ân Thi",
            "Đảng bộ xã Dương Minh Châu", "Đảng bộ xã Đông Hà"])
    }
}

/// R-E-18: the delegates list takes the kinds in the users' words.
@Suite struct DelegateKindWordsTests {
    @Test("R-E-18: a delegate's kind is written in Vietnamese, with or without diacritics, or by its file name")
    func kinds() {
        #expect(RollFromRegister.delegateKind("đương nhiên") == .exOfficio)
        #expect(RollFromRegister.delegateKind("Được bầu") == .elected)
        #expect(RollFromRegister.delegateKind("chi dinh") == .appointed)
        #expect(RollFromRegister.delegateKind("elected") == .elected)
        #expect(RollFromRegister.delegateKind("bầu cử") == nil)
    }
}
