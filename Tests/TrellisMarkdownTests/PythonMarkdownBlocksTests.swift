import Foundation
import Testing

@testable import TrellisMarkdown

/// Python-Markdown's block rules on MkDocs pages (`PythonMarkdownBlocks`): each fixture of
/// `Fixtures/python-markdown-blocks/` renders to the structure Python-Markdown 3.11.3 gives it
/// (`<case>.html`, written by `markdown.markdown(text, extensions=["tables", "fenced_code",
/// "admonition", "md_in_html"])`), compared without attributes, permalinks and the white space between tags,
/// where cmark and Python-Markdown format alike HTML differently.
struct PythonMarkdownBlocksTests {
    static let pipeline = MarkdownPipeline.standard(extensions: [.tables, .admonition, .mdInHTML, .pythonMarkdownBlocks])

    static func structure(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<a class="headerlink"[^>]*>[^<]*</a>"#, with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: #"<(\w+)[^>]*>"#, with: "<$1>", options: .regularExpression)
        text = text.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: Fixtures.cases("python-markdown-blocks"))
    func rendersAsPythonMarkdown(_ name: String) throws {
        let text = try Fixtures.input("python-markdown-blocks", name)
        let url = Fixtures.root.appendingPathComponent("python-markdown-blocks").appendingPathComponent(name + ".html")
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        let html = MarkdownPage.process(text: text, pipeline: Self.pipeline).html
        #expect(Self.structure(html) == Self.structure(expected))
    }

    /// `mdx_truly_sane_lists` (`Fixtures/python-markdown-sane-lists/`, written by Python-Markdown
    /// 3.11.3 with mdx_truly_sane_lists and the extensions above): two or three columns nest,
    /// four or more under an item line are the item's text. Compared by structure and text (the
    /// white space of text lines aside, which cmark strips from continuation lines).
    @Test(arguments: Fixtures.cases("python-markdown-sane-lists"))
    func saneListsRenderAsPythonMarkdown(_ name: String) throws {
        let text = try Fixtures.input("python-markdown-sane-lists", name)
        let url = Fixtures.root.appendingPathComponent("python-markdown-sane-lists").appendingPathComponent(name + ".html")
        let expected = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var extensions = Self.pipeline.extensions
        extensions.insert(.trulySaneLists)
        let html = MarkdownPage.process(text: text, pipeline: .standard(extensions: extensions)).html
        func words(_ html: String) -> String {
            Self.structure(html).replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
                .replacingOccurrences(of: "> ", with: ">").replacingOccurrences(of: " <", with: "<")
        }
        #expect(words(html) == words(expected))
    }

    /// Without the extension (a Trellis site) the same text is plain CommonMark.
    @Test func trellisPagesStayCommonMark() {
        let text = "Steps:\n- one\n1) two\n##Title\n"
        #expect(MarkdownPage.process(text: text).html == CMark.renderHTMLDirectly(text, smart: false))
    }

    /// A fence header superfences does not recognise leaves the fence as text, as superfences
    /// does (Python-Markdown 3.11.3 with pymdownx.superfences 13.1.2 writes
    /// `<p>```powershell (x.ps1)</p>\n<h1>a</h1>`); a header it takes is a fence.
    @Test func aFenceHeaderSuperfencesRefusesIsText() {
        let pipeline = MarkdownPipeline.standard(extensions: [.superFences, .pythonMarkdownBlocks])
        let html = MarkdownPage.process(text: "Text\n\n```powershell (x.ps1)\n# a\n\n```js title=\"a.js\"\nb\n```\n", pipeline: pipeline).html
        #expect(html.contains("<p>```powershell (x.ps1)</p>\n<h1 id=\"a\">a<a class=\"headerlink\""))
        #expect(html.contains("<span class=\"filename\">a.js</span>"))
        let trellis = MarkdownPage.process(text: "```powershell (x.ps1)\n# a\n```\n", pipeline: .standard(extensions: [.superFences])).html
        #expect(trellis.contains("<code class=\"language-powershell\"># a\n</code>"))
    }

    /// With superfences, a fence at column 0 right under a list item's line stays in the item and
    /// the list goes on (Python-Markdown 3.11.3 with pymdownx.superfences 13.1.2 on
    /// `Fixtures/python-markdown-blocks/fence-under-list-item.md` writes one `<ol>` of four items
    /// holding both code blocks, "Leave it running" in the first item's paragraph; after a blank
    /// line the fence ends the list; a fence that never closes is text). Python-Markdown's own
    /// fenced_code ends the list there, as cmark does: that is the fixture's golden.
    @Test func aFenceUnderAListItemStaysInItWithSuperfences() throws {
        let text = try Fixtures.input("python-markdown-blocks", "fence-under-list-item")
        let pipeline = MarkdownPipeline.standard(extensions: [.superFences, .pythonMarkdownBlocks])
        let html = Self.structure(MarkdownPage.process(text: text, pipeline: pipeline).html)
        let lists = html.components(separatedBy: "<ol>").count - 1
        #expect(lists == 3, "one list for the four items, then two around the fence after a blank line")
        let first = try #require(html.range(of: "<ol>").flatMap { open in html.range(of: "</ol>", range: open.upperBound..<html.endIndex).map { html[open.lowerBound..<$0.upperBound] } })
        #expect(first.components(separatedBy: "<li>").count - 1 == 4)
        #expect(first.contains("ssh -L 8080:gateway.example.org:8080 someone@gateway.example.org"))
        #expect(first.contains("login --user someone"))
        #expect(first.contains("Leave it running while you work."))
        #expect(!html.contains("<pre><code>Leave it running"), "the indented line is the item's text, not code")
        #expect(html.contains("</ol><div><pre><span></span><code>this fence ends the list"))
        #expect(html.contains("An item with a fence that never closes"))
        #expect(!html.contains("<code>still open"), "a fence that never closes is text")
    }

    /// A destination with spaces is a link, as Python-Markdown reads it (`href="b c"` there;
    /// cmark writes the space as `%20`); not in code spans, not with a title or parentheses.
    @Test func linkDestinationsMayHoldSpaces() {
        let text = "[a](b.md#Two Words) `[x](y z)` [t](u \"t\") ![i](my pic.png)\n"
        let page = MarkdownPage.process(text: text, pipeline: Self.pipeline)
        #expect(page.html == "<p><a href=\"b.md#Two%20Words\">a</a> <code>[x](y z)</code> <a href=\"u\" title=\"t\">t</a> <img src=\"my%20pic.png\" alt=\"i\" /></p>\n")
        #expect(page.links.map { page.source.inputOffset(of: $0.position) }.first == 4)  // the destination, in the file
        #expect(MarkdownPage.process(text: "[a](b c)\n").html == "<p>[a](b c)</p>\n")
    }

    /// A label defined twice links to its last definition, as in Python-Markdown (CommonMark
    /// takes the first); a `[label]:` line inside a paragraph is no definition in either.
    @Test func theLastDefinitionOfALabelWins() {
        let text = "See [b][tag] and [x].\n\n[tag]: https://e.com/first\n[x]: https://e.com/x\n\ntext\n[tag]: in paragraph\n\n[TAG]: https://e.com/last\n"
        let html = MarkdownPage.process(text: text, pipeline: Self.pipeline).html
        #expect(html == "<p>See <a href=\"https://e.com/last\">b</a> and <a href=\"https://e.com/x\">x</a>.</p>\n<p>text\n<a href=\"https://e.com/last\">tag</a>: in paragraph</p>\n")
        #expect(MarkdownPage.process(text: text).html.contains("<a href=\"https://e.com/first\">b</a>"))
    }

    /// Code spans lose white space at both ends, as Python-Markdown strips them (Python-Markdown
    /// 3.11.3: `<code>]</code>`, `<code>x</code>`); CommonMark keeps `] ` as it is.
    @Test func codeSpansAreStripped() {
        let text = "a `] ` b `  x  ` c\n"
        #expect(MarkdownPage.process(text: text, pipeline: Self.pipeline).html == "<p>a <code>]</code> b <code>x</code> c</p>\n")
        #expect(MarkdownPage.process(text: text).html == "<p>a <code>] </code> b <code> x </code> c</p>\n")
    }

    /// A numeric character reference without its `;` is one, as Python's HTMLParser reads it
    /// (Python-Markdown 3.11.3: `a &#8288; b &#x41;z <code>&amp;#65;</code>`), not in code.
    @Test func numericReferencesWithoutSemicolons() {
        let html = MarkdownPage.process(text: "a &#8288 b &#x41z `&#65 ` &#65a\n", pipeline: Self.pipeline).html
        #expect(html == "<p>a \u{2060} b Az <code>&amp;#65</code> &amp;#65a</p>\n")
    }

    /// Rows of a table go on like a paragraph: an indented row is a row, not code, and gets the
    /// rules of text (here a reference without its `;`).
    @Test func anIndentedTableRowIsARow() {
        let html = MarkdownPage.process(text: "|a|b|\n|-|-|\n|1|2|\n        |&#8288 3|4|\n", pipeline: Self.pipeline).html
        #expect(html.contains("<td>\u{2060} 3</td>"), "\(html)")
    }

    /// Three backticks with a backtick later on the line open no fence (a code span): the
    /// lines after get the text rules; inside a real fence a `#` line stays as written.
    @Test func aBacktickLineWithACodeSpanOpensNoFence() {
        let text = "```./rclone copy a b```\n\n##Title\n\n```\n#SBATCH x\n```\n"
        let html = MarkdownPage.process(text: text, pipeline: Self.pipeline).html
        #expect(html.contains("<code>./rclone copy a b</code>") && html.contains("<h2 id=\"title\">Title<a"), "\(html)")
        #expect(html.contains("<pre><code>#SBATCH x\n</code></pre>"), "\(html)")
    }

    /// A definition that is a list item (`:   - a`) goes on with the markers after it, not with
    /// paragraph text (Python-Markdown 3.11.3 with def_list: one list of three items in the `dd`).
    @Test func markersAfterADefinitionListItemAreItems() {
        let pipeline = MarkdownPipeline.standard(extensions: [.defList, .pythonMarkdownBlocks])
        let html = MarkdownPage.process(text: "`severity`\n:   - How critical.\n- Allowed values:\n- HIGH\n", pipeline: pipeline).html
        #expect(!html.contains("\\-") && !html.contains("<p>- "), "\(html)")
        #expect(html.contains("<li>Allowed values:</li>"), "\(html)")
    }

    /// A backslash before punctuation Python-Markdown does not escape stays (Python-Markdown
    /// 3.11.3: `a \"x\" \% * <code>\"c</code> <a href="x\y">l</a>`); not in code or tags; with
    /// arithmatex on (formulas are parsed from the text) nothing changes.
    @Test func backslashesBeforeCharactersPythonMarkdownDoesNotEscapeStay() {
        let text = #"a \"x\" \% \* `\"c` <a href="x\y">l</a>"# + "\n"
        let html = MarkdownPage.process(text: text, pipeline: Self.pipeline).html
        #expect(html == #"<p>a \&quot;x\&quot; \% * <code>\&quot;c</code> <a href="x\y">l</a></p>"# + "\n", "\(html)")
        var math = Self.pipeline
        math.extensions.insert(.arithmatex)
        #expect(MarkdownPage.process(text: #"\%"# + "\n", pipeline: math).html == "<p>%</p>\n")
    }

    /// An escape inserted before a marker moves nothing: positions are the file's.
    @Test func positionsAfterAnEditAreTheTextsOwn() throws {
        let text = "Intro:\r\n- see [a](a.md)\r\n##Next [b](b.md)\r\n"
        let page = MarkdownPage.process(text: text, pipeline: Self.pipeline)
        #expect(page.html.contains("<p>Intro:\n- see <a href=\"a.md\">a</a></p>"))
        #expect(page.html.contains(">Next <a href=\"b.md\">b</a>"))
        let offsets = page.links.map { page.source.inputOffset(of: $0.position) }
        let utf8 = Array(text.utf8)
        #expect(offsets.count == 2)
        for (offset, name) in zip(offsets, ["a.md", "b.md"]) {
            #expect(offset >= 0 && offset + 4 <= utf8.count && String(decoding: utf8[offset..<offset + 4], as: UTF8.self) == name)
        }
    }
}
