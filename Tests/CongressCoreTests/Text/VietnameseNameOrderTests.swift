import CongressCore
import Testing

/// R-E-10: ballot order of Vietnamese full names.
@Suite struct VietnameseNameOrderTests {
    @Test("R-E-10: the given name decides first", arguments: [
        ("Trần Văn An", "Nguyễn Văn Bình"),
        ("Nguyễn Văn Bình", "Lê Văn Cường"),
        ("Ngô Văn Du", "Đỗ Văn Dung"),
    ])
    func givenNameFirst(first: String, second: String) {
        #expect(VietnameseNameOrder.precedes(first, second))
        #expect(!VietnameseNameOrder.precedes(second, first))
    }

    @Test("R-E-10: the Vietnamese alphabet: a ă â … d đ … o ô ơ … u ư",
          arguments: [("Anh", "Ăn"), ("Ăn", "Ân"), ("Dũng", "Đào"), ("Em", "Ê"), ("Ô", "Ơn"), ("Uyên", "Ư")])
    func alphabet(first: String, second: String) {
        #expect(VietnameseNameOrder.precedes("Lê \(first)", "Lê \(second)"))
    }

    @Test("R-E-10: tones are a secondary key: none, grave, hook, tilde, acute, dot below")
    func tones() {
        let names = ["Phan Thị Hạ", "Phan Thị Há", "Phan Thị Hã", "Phan Thị Hả", "Phan Thị Hà", "Phan Thị Ha"]
        #expect(VietnameseNameOrder.sorted(names) == names.reversed())
    }

    @Test("R-E-10: letters of the whole given name before any tone (not a locale collation)")
    func lettersBeforeTones() {
        #expect(VietnameseNameOrder.precedes("Phạm Thị Anh", "Hoàng Văn Ánh"))
        #expect(VietnameseNameOrder.precedes("Hoàng Văn Ánh", "Vũ Thị Ăn"))
    }

    @Test("R-E-10 (practice): then family name, then middle names; fewer words first")
    func familyThenMiddle() {
        #expect(VietnameseNameOrder.sorted(["Nguyễn Văn Bình", "Lê Hoàng Bình", "Nguyễn Thị Bình", "Lê Bình"])
                == ["Lê Bình", "Lê Hoàng Bình", "Nguyễn Thị Bình", "Nguyễn Văn Bình"])
    }

    @Test("R-E-10: case and spacing do not matter; equal names keep their order")
    func caseInsensitiveStable() {
        #expect(!VietnameseNameOrder.precedes("NGUYỄN VĂN AN", "nguyễn văn an"))
        #expect(!VietnameseNameOrder.precedes("nguyễn văn an", "NGUYỄN VĂN AN"))
        #expect(VietnameseNameOrder.sorted(["Phan Thị Hà", "PHAN THỊ HÀ"]) == ["Phan Thị Hà", "PHAN THỊ HÀ"])
    }

    @Test("R-E-10: decomposed input (NFD) sorts like precomposed")
    func decomposedInput() {
        let decomposed = "Nguye\u{0302}\u{0303}n Va\u{0306}n A\u{0301}nh"
        #expect(!VietnameseNameOrder.precedes(decomposed, "Nguyễn Văn Ánh"))
        #expect(VietnameseNameOrder.precedes("Nguyễn Văn Anh", decomposed))
    }
}
