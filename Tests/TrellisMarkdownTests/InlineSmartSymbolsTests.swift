import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.smartsymbols` from the user's side (the markup is golden-tested in `inline-smartsymbols*/`).
struct InlineSmartSymbolsTests {
    static let symbols = MarkdownPipeline.standard(extensions: [.smartSymbols, .magicLink, .attrList])

    static func html(_ text: String, _ pipeline: MarkdownPipeline = symbols) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func offUnlessListedAndNeverInCodeHTMLOrLinkText() {
        #expect(Self.html("(c) 1/2\n", .standard(extensions: [.magicLink])) == "<p>(c) 1/2</p>\n")
        #expect(Self.html("`(c)`\n\n    (tm)\n\n<div>(r)</div>\n") == "<p><code>(c)</code></p>\n<pre><code>(tm)\n</code></pre>\n<div>(r)</div>\n")
        #expect(Self.html("See https://x.com/(c) (c)\n") == "<p>See <a href=\"https://x.com/(c)\">https://x.com/(c)</a> &copy;</p>\n")
    }

    @Test func headingsReadTheSymbols() {
        let page = MarkdownPage.process(text: "## Acme(tm) 1/2 --> 2nd\n", pipeline: Self.symbols)
        #expect(page.headingIDs == ["acmetm-12-2nd"])
        #expect(page.toc.first?.title == "Acme™ ½ → 2nd")
    }

    @Test func smartDashesStillMakeArrows() {
        let smart = MarkdownPipeline.standard(extensions: [.smartSymbols, .smarty])
        #expect(Self.html("a --> b <-- c <--> d --- e\n", smart) == "<p>a &rarr; b &larr; c &harr; d — e</p>\n")
    }

    @Test func longRunsFinishOnASmallStack() {
        let texts = [
            String(repeating: "(c)", count: 50_000), String(repeating: "1", count: 100_000) + "st",
            String(repeating: "-", count: 100_000) + ">", String(repeating: "1/", count: 50_000), String(repeating: "<-->", count: 30_000),
        ]
        for text in texts {
            let html = onSmallStack { MarkdownPage.process(text: text, pipeline: Self.symbols).html }
            #expect(html.hasPrefix("<p>"))
        }
    }
}
