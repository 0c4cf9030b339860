import CongressCore
import Testing

@Suite struct CatalogueTests {
    @Test func bothLanguagesHaveEveryKey() {
        #expect(Catalogue.keys(.vi) == Catalogue.keys(.en))
    }

    @Test func vietnameseIsTheDefaultAndHasDiacritics() {
        #expect(Catalogue.text("minutes.heading", .vi) == "BIÊN BẢN KIỂM PHIẾU")
        #expect(BodyKind.executiveCommittee.name(.vi) == "Ban Chấp hành")
        #expect(Language.vi.decimal("82.00") == "82,00")
        #expect(Language.en.decimal("82.00") == "82.00")
    }

    @Test func everyBodyAndReasonHasAName() {
        for language in Language.allCases {
            for body in BodyKind.allCases { #expect(!body.name(language).hasPrefix("body.")) }
            for reason in InvalidReason.allCases { #expect(!reason.name(language).hasPrefix("invalid.")) }
        }
    }
}
