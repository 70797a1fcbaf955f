import Testing

@testable import TrellisCore

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

    /// The table rows kept between comparisons and the skipped common start change nothing:
    /// the distance agrees with a plain restricted-swap edit distance on seeded random pairs.
    @Test func distanceAgreesWithThePlainTable() {
        func reference(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
            var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for i in 0...a.count { d[i][0] = i }
            for j in 0...b.count { d[0][j] = j }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("aab-".unicodeScalars)
        var rows = Suggestions.Rows()
        for _ in 0..<3_000 {
            let prefix = (0..<next(4)).map { _ in alphabet[next(alphabet.count)] }
            let a = prefix + (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }
            let b = prefix + (0..<next(9)).map { _ in alphabet[next(alphabet.count)] }
            let bound = 1 + next(3)
            let expected = min(reference(a, b), bound + 1)
            #expect(min(Suggestions.distance(a, b, bound: bound, rows: &rows), bound + 1) == expected, "\(a) \(b)")
        }
    }
}
