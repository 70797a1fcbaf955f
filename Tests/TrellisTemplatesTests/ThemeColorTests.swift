import Testing
@testable import TrellisTemplates

@Suite struct ThemeColorTests {
    @Test(arguments: [
        ("#0B5CAD", "#0b5cad"), ("#abc", "#abc"), ("#aabbccdd", "#aabbccdd"), ("deep purple", "#7e56c2"),
        ("indigo", "#4051b5"), ("rebeccapurple", "rebeccapurple"), ("rgb(10, 20, 30)", "rgb(10, 20, 30)"),
        ("hsl(210deg 50% 40% / 0.5)", "hsl(210deg 50% 40% / 0.5)"),
    ])
    func acceptsColours(input: String, expected: String) {
        #expect(ThemeColor.sanitize(input) == expected)
    }

    @Test(arguments: [
        "", "#ggg", "#12345", "red;background:url(x)", "red}</style><script>", "rgb(1,2,3);x", "rgb(1,2,3",
        "var(--x)", "expression(alert(1))", "url(javascript:1)", "#fff\" onload=\"x",
    ])
    func rejectsAnythingElse(input: String) {
        #expect(ThemeColor.sanitize(input) == nil)
    }

    @Test func picksReadableTextForTheHeader() {
        #expect(ThemeColor.readableText(on: "#0b5cad") == "#ffffff")
        #expect(ThemeColor.readableText(on: "#ffec3d") == "#000000de")
        #expect(ThemeColor.readableText(on: "#fff") == "#000000de")
    }
}
