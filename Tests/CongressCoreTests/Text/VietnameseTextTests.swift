import CongressCore
import Testing

@Suite struct VietnameseTextTests {
    @Test(arguments: [("Nguyễn Văn Đạt", "nguyen van dat"), ("  TRẦN   thị ÁNH ", "tran thi anh"), ("Ưng Ơn Ấn", "ung on an"),
                      ("H'Hen Niê", "h'hen nie")])
    func folding(text: String, folded: String) {
        #expect(VietnameseText.folded(text) == folded)
    }

    @Test("Search matches every query word as the prefix of a different name word")
    func matching() {
        let words = { (text: String) in VietnameseText.foldedWords(text) }
        #expect(MemberQuery.matches(search: words("nguyen an"), name: "Nguyễn Văn An"))
        #expect(MemberQuery.matches(search: words("an ng"), name: "Nguyễn Văn An"))
        #expect(!MemberQuery.matches(search: words("an an"), name: "Nguyễn Văn An"))
        #expect(!MemberQuery.matches(search: words("binh"), name: "Nguyễn Văn An"))
    }

    @Test("R-E-10: the byte sort key orders names exactly like the comparator")
    func sortKeyAgreesWithComparator() throws {
        let input = String(decoding: try Fixtures.data("name-order", "expected.txt"), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map(String.init)
        var random = SeededGenerator(seed: 99)
        for _ in 0..<20 {
            let shuffled = input.shuffled(using: &random)
            let byKey = shuffled.sorted { VietnameseNameOrder.sortKey($0).lexicographicallyPrecedes(VietnameseNameOrder.sortKey($1)) }
            #expect(byKey.map(VietnameseNameOrder.sortKey) == VietnameseNameOrder.sorted(shuffled).map(VietnameseNameOrder.sortKey))
        }
        for (a, b) in zip(input, input.dropFirst()) {
            #expect(!VietnameseNameOrder.sortKey(b).lexicographicallyPrecedes(VietnameseNameOrder.sortKey(a)), "\(a) / \(b)")
        }
    }
}
