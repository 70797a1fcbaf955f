import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.keys` from the user's side (the markup itself is golden-tested in `inline-keys/`).
struct InlineKeysTests {
    static let keys = MarkdownPipeline.standard(extensions: [.keys, .attrList, .mark])

    static func html(_ text: String, _ pipeline: MarkdownPipeline = keys) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func offUnlessListedAndNeverInCode() {
        #expect(Self.html("++ctrl++\n", .standard(extensions: [.mark])) == "<p>++ctrl++</p>\n")
        #expect(Self.html("`++ctrl++`\n\n    ++alt++\n\n<div>++del++</div>\n") == "<p><code>++ctrl++</code></p>\n<pre><code>++alt++\n</code></pre>\n<div>++del++</div>\n")
    }

    @Test func keysTakeAttributesAndGiveHeadingsTheirText() {
        #expect(Self.html("++ctrl++{: .big }\n") == "<p><span class=\"keys big\"><kbd class=\"key-control\">Ctrl</kbd></span></p>\n")
        let page = MarkdownPage.process(text: "## Press ++ctrl+alt++ ==now==\n", pipeline: Self.keys)
        #expect(page.headingIDs == ["press-ctrlalt-now"])
        #expect(page.toc.first?.title == "Press Ctrl+Alt now")
    }

    @Test func aMarkAroundKeysHoldsThem() {
        #expect(Self.html("==++ctrl++ and ++alt++==\n") == "<p><mark><span class=\"keys\"><kbd class=\"key-control\">Ctrl</kbd></span> and <span class=\"keys\"><kbd class=\"key-alt\">Alt</kbd></span></mark></p>\n")
    }

    @Test func runsOfPlusesAndLongKeyRunsFinishOnASmallStack() {
        let texts = [
            String(repeating: "+", count: 100_000), String(repeating: "++a", count: 50_000),
            "++" + String(repeating: "ctrl+", count: 50_000) + "alt++", String(repeating: "++\"x", count: 30_000) + "\"++",
            "++'" + String(repeating: "\\", count: 50_000),
        ]
        for text in texts {
            let html = onSmallStack { MarkdownPage.process(text: text, pipeline: Self.keys).html }
            #expect(html.hasPrefix("<p>"))
        }
        let long = onSmallStack { Self.html("++" + String(repeating: "ctrl+", count: 10_000) + "alt++\n") }
        #expect(long.components(separatedBy: "<kbd class=\"key-control\">").count - 1 == 10_000)
    }
}
