import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.magiclink` from the user's side (the markup is golden-tested in `inline-magiclink*/`).
struct InlineMagicLinkTests {
    static let magic = MarkdownPipeline.standard(resolveLink: mkdocsLinks, extensions: [.magicLink, .attrList, .mark, .tilde])

    static func html(_ text: String, _ pipeline: MarkdownPipeline = magic) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func offUnlessListed() {
        #expect(Self.html("https://x.com me@x.org\n", .standard(extensions: [.mark])) == "<p>https://x.com me@x.org</p>\n")
    }

    @Test func neverInCodeHTMLBlocksLinksOrImages() {
        #expect(Self.html("`http://a.com`\n\n    http://b.com\n\n<div>\nhttp://c.com\n</div>\n") == "<p><code>http://a.com</code></p>\n<pre><code>http://b.com\n</code></pre>\n<div>\nhttp://c.com\n</div>\n")
        #expect(Self.html("[see http://a.com](b.md) ![http://c.com](i.png)\n") == "<p><a href=\"b/\">see http://a.com</a> <img src=\"i.png\" alt=\"http://c.com\" /></p>\n")
        // Between inline HTML tags is text, as Python-Markdown reads it.
        #expect(Self.html("<span>http://b.com</span>\n") == "<p><span><a href=\"http://b.com\">http://b.com</a></span></p>\n")
    }

    @Test func linkTextIsAtomic() {
        #expect(Self.html("http://x.com/~a~ and ~b~\n") == "<p><a href=\"http://x.com/~a\">http://x.com/~a</a>~ and <sub>b</sub></p>\n")
        #expect(Self.html("==http://x.com== and ~http://y.com~\n") == "<p><mark>http://x.com</mark> and <sub><a href=\"http://y.com\">http://y.com</a></sub></p>\n")
    }

    @Test func linksAreCheckedLinksAtTheirPlaceAndHeadingsKeepTheirText() {
        let page = MarkdownPage.process(text: "## Mail me@x.org or see https://x.com/a\n", pipeline: Self.magic)
        #expect(page.headingIDs == ["mail-mexorg-or-see-httpsxcoma"])
        #expect(page.links.map(\.destination) == ["https://x.com/a"])
        #expect(page.links.first?.position == TextPosition(line: 1, byteColumn: 25))
    }

    @Test func attributeListsJoinTheLinkAsPythonMarkdownWritesThem() {
        #expect(Self.html("me@x.org{: .m }\n").hasPrefix("<p><a class=\"m\" href=\"&#109;&#97;"))
        #expect(Self.html("[a](b.md){ href=\"c.md\" }\n") == "<p><a href=\"c.md\">a</a></p>\n")
    }

    @Test func hideProtocolAppliesToAutolinksToo() {
        var settings = InlineExtensionSettings()
        settings.magicLink.hideProtocol = true
        let pipeline = MarkdownPipeline.standard(extensions: [.magicLink], inline: settings)
        #expect(Self.html("https://x.com <https://y.com> <ftp://z.org>\n", pipeline) == "<p><a href=\"https://x.com\">x.com</a> <a href=\"https://y.com\">y.com</a> <a href=\"ftp://z.org\">z.org</a></p>\n")
    }

    @Test func adversarialTextFinishesOnASmallStack() {
        var settings = InlineExtensionSettings()
        settings.magicLink.repoURLShorthand = true
        settings.magicLink.socialURLShorthand = true
        settings.magicLink.user = "u"
        settings.magicLink.repo = "r"
        let pipeline = MarkdownPipeline.standard(extensions: [.magicLink], inline: settings)
        let texts = [
            String(repeating: "(http://", count: 30_000), String(repeating: "http://a", count: 30_000) + ")))]]]",
            String(repeating: "a", count: 100_000) + "@" + String(repeating: "b.", count: 50_000),
            String(repeating: "@", count: 100_000), String(repeating: "#1", count: 50_000), String(repeating: "a/b#1 ", count: 20_000),
            String(repeating: "0", count: 100_000), String(repeating: "@u/", count: 30_000), String(repeating: "www.", count: 50_000),
        ]
        for text in texts {
            let html = onSmallStack { MarkdownPage.process(text: text, pipeline: pipeline).html }
            #expect(html.hasPrefix("<p>"))
        }
    }
}
