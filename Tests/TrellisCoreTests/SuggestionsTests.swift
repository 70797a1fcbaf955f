import Testing
import TrellisCore

@Suite struct SuggestionsTests {
    @Test func suggestsCloseNamesBestFirst() {
        #expect(Suggestions.closest(to: "brnd", in: ["brand", "panel", "brands"]) == ["brand"])
        #expect(Suggestions.closest(to: "domian", in: ["domain", "domains", "name"]) == ["domain", "domains"])
        #expect(Suggestions.didYouMean("lowr", in: ["lower", "upper", "title"]) == "did you mean 'lower'?")
    }

    @Test func countsASwapOfNeighboursAsOneEdit() {
        #expect(Suggestions.didYouMean("alpah", in: ["alpha", "beta"]) == "did you mean 'alpha'?")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestions.didYouMean("kubernetes", in: ["brand", "panel"]) == nil)
        #expect(Suggestions.didYouMean("x", in: [String]()) == nil)
    }
}
