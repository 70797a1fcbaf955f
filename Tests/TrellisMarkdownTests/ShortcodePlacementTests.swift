import Testing
import TrellisCore

@testable import TrellisMarkdown

/// A resolver with one emoji (`:smile:` as an image, like pymdownx.emoji's) and FakeIcons' icons.
private struct FakeEmoji: IconResolving {
    static let smile = #"<img alt="s" class="e" />"#

    func lookup(_ name: String) -> IconLookup {
        name == "smile" ? .html(Self.smile) : FakeIcons().lookup(name)
    }
}

/// Shortcodes are replaced where pymdownx.emoji replaces them, and nowhere else.
struct ShortcodePlacementTests {
    static let pipeline = MarkdownPipeline.standard(icons: FakeEmoji(), extensions: [.attrList, .smarty])

    static func html(_ text: String) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    static func count(_ html: String) -> Int {
        html.components(separatedBy: FakeEmoji.smile).count - 1
    }

    @Test func anEscapedOrEncodedColonEndsNoShortcode() {
        // Python-Markdown has a placeholder where the escape or entity was.
        #expect(Self.html("\\:smile: :smile&#58; &#58;smile: :smile\\:\n") == "<p>:smile: :smile: :smile: :smile:</p>\n")
        #expect(Self.count(Self.html("a \\:smile: b :smile:\n")) == 1)
        // An escaped underscore breaks the name as a placeholder would.
        #expect(Self.count(Self.html(":white\\_check_mark: :sm&#105;le:\n")) == 0)
    }

    @Test func autolinksKeepTheirAddress() {
        for text in ["<https://x.example/:smile:/>\n", "Line one\nline <https://x.example/:smile:/> two\n", "- item\n  next <https://x.example/:smile:/>\n"] {
            let html = Self.html(text)
            #expect(Self.count(html) == 0, "\(text)")
            #expect(html.contains(">https://x.example/:smile:/</a>"), "\(text)")
        }
        // A link whose text merely starts with `<` is no autolink.
        #expect(Self.count(Self.html("[<b :smile:](x)\n")) == 1)
    }

    @Test func namesRunOverPythonsUnicodeWordCharacters() {
        // `:café:` is one run (no emoji), so no shortcode starts at its closing colon.
        #expect(Self.count(Self.html(":café:smile: :x:smile: :a b:smile:\n")) == 1)
        #expect(Self.html("at 10:30:00 and :smile::smile:\n").components(separatedBy: FakeEmoji.smile).count - 1 == 2)
    }

    @Test func attributeListsJoinTheElementBesideEntitiesAndSmartQuotes() {
        #expect(Self.html("&amp; :smile:{ .big } &copy; \"q\" :smile:{ #s title=\"a&b\" }\n")
            == #"<p>&amp; <img alt="s" class="e big" /> © “q” <img alt="s" class="e" id="s" title="a&amp;b" /></p>"# + "\n")
        #expect(Self.html("- item\n  next &amp; :smile:{ .big }\n").contains(#"next &amp; <img alt="s" class="e big" /></li>"#))
        #expect(Self.html("a :smile: { .spaced }\n").contains(FakeEmoji.smile + " { .spaced }"))
    }

    @Test func unknownIconsArePlacedAfterEscapesAndEntities() {
        let page = MarkdownPage.process(text: "&amp; \\* :material-chek: and\nx &copy; :material-nope:\n", pipeline: Self.pipeline)
        #expect(page.iconProblems.map(\.name) == ["material-chek", "material-nope"])
        #expect(page.iconProblems.map(\.position) == [TextPosition(line: 1, byteColumn: 10), TextPosition(line: 2, byteColumn: 10)])
    }

    @Test func textAroundAShortcodeKeepsItsEscapes() {
        #expect(Self.html("a &lt;b&gt; :smile: \\* c\n") == "<p>a &lt;b&gt; \(FakeEmoji.smile) * c</p>\n")
    }
}
