import Testing

@testable import TrellisMarkdown

/// Our renderer must reproduce cmark's own HTML byte for byte on untouched documents.
struct HTMLRendererConformanceTests {
    @Test func fixtureSetIsBroad() {
        #expect(Fixtures.cases("conformance").count >= 25)
    }

    @Test(arguments: Fixtures.cases("conformance"))
    func rendersLikeCmark(_ name: String) throws {
        let text = try Fixtures.input("conformance", name)
        let ours = HTMLRenderer().render(CMark.parse(text))
        #expect(ours == CMark.renderHTMLDirectly(text))
    }

    @Test func rendersInlineSamplesLikeCmark() {
        let samples = [
            "a~b", "[x](a~b)", "[x](a b)", "[x](<a b>)", "x\u{00A0}y", "![a *b* ![c](d) `e`\nf](g)",
            "- a\n\n  b\n- c", "> - a\n>\n> - b", "1. a\n1. b", "2. x", "```a\tb\nc\n```", "*", "",
        ]
        for sample in samples {
            #expect(HTMLRenderer().render(CMark.parse(sample)) == CMark.renderHTMLDirectly(sample), "\(sample)")
        }
    }
}
