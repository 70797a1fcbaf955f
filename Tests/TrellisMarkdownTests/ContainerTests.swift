import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Admonitions, details and tabs: Material's markup, positions and the plain-CommonMark guarantee.
struct ContainerTests {

    @Test func containerFixturesExist() {
        #expect(Fixtures.cases("containers").count >= 7)
        #expect(Fixtures.cases("containers-plain").count >= 3)
    }

    @Test(arguments: Fixtures.cases("containers"))
    func rendersGolden(_ name: String) throws {
        try Fixtures.expectGolden(extensionHTML(try Fixtures.input("containers", name)), "containers", name)
    }

    /// Every conformance fixture but `mixed`, which holds real containers on purpose.
    static let plainCases =
        Fixtures.cases("containers-plain") + Fixtures.cases("conformance").filter { $0 != "mixed" }.map { "../conformance/\($0)" }

    @Test(arguments: plainCases)
    func plainCommonMarkRendersExactlyAsCmark(_ name: String) throws {
        let text = try Fixtures.input("containers-plain", name)
        let ours = HTMLRenderer().render(MarkdownPage.parse(text, extensions: MarkdownExtension.syntaxExtensions.subtracting(pymdownxCodeAndMath)))
        #expect(ours == CMark.renderHTMLDirectly(text))
    }

    @Test func extensionsAreOffByDefault() {
        let text = "!!! note\n    body\n"
        #expect(MarkdownPage.process(text: text).html == CMark.renderHTMLDirectly(text, smart: false))
        let admonitionOnly = MarkdownPipeline.standard(extensions: [.admonition])
        let tab = "=== \"A\"\n    x\n"
        #expect(MarkdownPage.process(text: tab, pipeline: admonitionOnly).html == CMark.renderHTMLDirectly(tab, smart: false))
        #expect(MarkdownPage.process(text: text, pipeline: admonitionOnly).html.hasPrefix("<div class=\"admonition note\">"))
    }

    @Test func extensionsAreNamedAsInMkDocsConfig() {
        let names = [
            "admonition", "pymdownx.details", "pymdownx.tabbed", "tables", "footnotes", "toc", "pymdownx.superfences",
            "attr_list", "def_list", "pymdownx.tasklist", "md_in_html", "smarty", "pymdownx.magiclink", "pymdownx.mark",
            "pymdownx.caret", "pymdownx.tilde", "pymdownx.keys", "pymdownx.smartsymbols", "abbr", "pymdownx.betterem", "pymdownx.highlight",
            "pymdownx.inlinehilite",
            "mdx_truly_sane_lists", "pymdownx.arithmatex", "pymdownx.blocks.admonition", "pymdownx.blocks.details", "pymdownx.blocks.tab",
            "pymdownx.blocks.caption", "pymdownx.blocks.html", "pymdownx.blocks.definition",
        ]
        #expect(Set(names.compactMap(MarkdownExtension.init(mkdocsName:))) == MarkdownExtension.syntaxExtensions)
        #expect(MarkdownExtension(mkdocsName: "markdown.extensions.admonition") == .admonition)
    }

    @Test func admonitionMarkupMatchesPythonMarkdown() {
        #expect(extensionHTML("!!! note\n    Body.\n") == "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<p>Body.</p>\n</div>\n")
        #expect(extensionHTML("!!! note \"\"\n") == "<div class=\"admonition note\"></div>\n")
        #expect(extensionHTML("!!! WARNING Inline  end\n    x\n").hasPrefix("<div class=\"admonition warning inline end\">\n<p class=\"admonition-title\">Warning</p>"))
    }

    @Test func tabSetsAreNumberedPerPageInDocumentOrder() {
        let html = extensionHTML("=== \"A\"\n    === \"Inner\"\n        x\n=== \"B\"\n    y\n\ntext\n\n=== \"C\"\n    z\n")
        #expect(html.hasPrefix("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"1:2\">"))
        #expect(html.contains("data-tabs=\"2:1\"><input checked=\"checked\" id=\"__tabbed_2_1\""))
        #expect(html.contains("data-tabs=\"3:1\""))
        #expect(html.contains("<label for=\"__tabbed_1_2\">B</label>"))
    }

    @Test func linkInATabInsideAListReportsItsOriginalPosition() {
        let text = "Intro\n\n- item\n\n    === \"T\"\n\n        See [x](a.md) and\n        [y](b.md \"t\").\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.links.map(\.destination) == ["a.md", "b.md"])
        #expect(page.links.first?.linkStart == TextPosition(line: 7, byteColumn: 13))
        #expect(page.links.first?.position == TextPosition(line: 7, byteColumn: 17))
        #expect(page.links.last?.position == TextPosition(line: 8, byteColumn: 13))
        #expect(page.html.contains("<a href=\"a/\">x</a>"))
    }

    @Test func linkInABlockQuotedAdmonitionReportsItsOriginalPosition() throws {
        let page = MarkdownPage.process(text: try Fixtures.input("containers", "blockquotes"), pipeline: extensionPipeline)
        #expect(page.links.first?.linkStart == TextPosition(line: 4, byteColumn: 19))
        #expect(page.links.first?.position == TextPosition(line: 4, byteColumn: 26))
    }

    @Test func titlesAreInlineMarkdownWithOriginalPositions() {
        let page = MarkdownPage.process(text: "x\n\n!!! note \"See [it](c.md)\"\n", pipeline: extensionPipeline)
        #expect(page.html.contains("<p class=\"admonition-title\">See <a href=\"c/\">it</a></p>"))
        #expect(page.links.first?.position == TextPosition(line: 3, byteColumn: 20))
    }

    @Test func headingsInsideContainersGetIDsAndTOCEntriesInOrder() {
        let text = "## One\n\n!!! note\n    ## Two\n\n    === \"T\"\n        ### Three\n\n## Four\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.headingIDs == ["one", "two", "three", "four"])
        #expect(page.toc.count >= 2)
        #expect(page.html.contains("<h2 id=\"two\">Two<a class=\"headerlink\""))
    }

    @Test func iconsInsideContainersAreReportedAtTheirOriginalPosition() {
        let page = MarkdownPage.process(text: "!!! note\n    An :material-nope: icon.\n", pipeline: extensionPipeline)
        #expect(page.iconProblems.first?.position.line == 2)
    }

    @Test func iconsInTabTitlesRenderInTheLabelAndReportTheirPosition() {
        let page = MarkdownPage.process(text: "=== \":material-check: Done :material-nope:\"\n    x\n", pipeline: extensionPipeline)
        #expect(page.html.contains("<label for=\"__tabbed_1_1\"><span class=\"icon\" data-icon=\"material-check\"></span> Done "))
        #expect(page.iconProblems.first?.position == TextPosition(line: 1, byteColumn: 28))
        #expect(!page.html.contains("<div class=\"tabbed-block\">\n<span"))
    }

    @Test func nestingBeyondTheDepthBoundRendersAsPlainMarkdown() {
        let depth = ContainerParser.maxDepth + 6
        var text = ""
        for level in 0..<depth {
            text += String(repeating: " ", count: level * 4) + "!!! note\n"
        }
        text += String(repeating: " ", count: depth * 4) + "deep\n"
        let input = text
        let html = onSmallStack { extensionHTML(input) }
        #expect(html.components(separatedBy: "<div class=\"admonition note\">").count - 1 == ContainerParser.maxDepth)
        #expect(html.contains("deep"))
    }

    @Test func tenThousandOpenersOnASmallStack() {
        let text = String(repeating: "=== \"t\"\n    - x\n", count: 10_000)
        let html = onSmallStack { extensionHTML(text) }
        #expect(html.contains("data-tabs=\"1:10000\""))
        let selected = String(repeating: "===+ \"t\"\n    x\n", count: 10_000)
        let selectedHTML = onSmallStack { extensionHTML(selected) }
        #expect(selectedHTML.contains("<input checked=\"checked\" id=\"__tabbed_1_10000\""))
        #expect(selectedHTML.components(separatedBy: "checked=").count == 2)
    }

    @Test func referenceLinksInBodiesResolveAgainstDefinitionsAnywhereOnThePage() {
        let text = "!!! note\n    See [the guide][g] and [missing][m].\n\n    === \"T\"\n        [Again][g]\n\n[g]: guide.md \"Guide\"\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.html.contains("<a href=\"guide/\" title=\"Guide\">the guide</a> and [missing][m]."))
        #expect(page.html.contains("<p><a href=\"guide/\" title=\"Guide\">Again</a></p>"))
        #expect(page.links.map(\.position) == [TextPosition(line: 7, byteColumn: 6), TextPosition(line: 7, byteColumn: 6)])
    }

    /// A body ending in a list (a definition list's or an admonition's) resolves them too.
    @Test func referenceLinksInListsInBodiesResolve() {
        let text = "!!! note\n    - See [the guide][g]\n    - two\n\nTerm\n:   - Also [here][g]\n\n[g]: guide.md\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.html.contains("<li>See <a href=\"guide/\">the guide</a></li>"))
        #expect(page.html.contains("<li>Also <a href=\"guide/\">here</a></li>"))
    }

    @Test func anUnclosedFenceInABodyDoesNotSwallowTheDefinitions() {
        let text = "!!! note\n    ```\n    [x]\n\n[x]: y.md\n"
        #expect(extensionHTML(text) == "<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n<pre><code>[x]\n</code></pre>\n</div>\n")
    }

    @Test func crlfAndTabIndentedBodiesAreRecognised() {
        #expect(extensionHTML("!!! note\n    crlf\n").hasPrefix("<div class=\"admonition note\">"))
        #expect(extensionHTML("!!! note\r\n    crlf\r\n") == extensionHTML("!!! note\n    crlf\n"))
        #expect(extensionHTML("!!! note\n\ttabbed\n") == extensionHTML("!!! note\n    tabbed\n"))
    }
}

/// Large and adversarial inputs with every container extension on.
struct ContainerRobustnessTests {
    @Test func fiveMegabytesOfContainersAreProcessed() {
        let block = "!!! note \"N\"\n    Text with [a](b.md).\n\n    === \"A\"\n        ```\n        code\n        ```\n\n    === \"B\"\n        - x\n\n??? tip\n    y\n\n"
        let text = String(repeating: block, count: 5_000_000 / block.utf8.count)
        let page = onSmallStack { MarkdownPage.process(text: text, pipeline: extensionPipeline) }
        #expect(page.links.count == 5_000_000 / block.utf8.count)
        #expect(page.links.last?.position.line == text.utf8.filter { $0 == UInt8(ascii: "\n") }.count - 12)
    }

    @Test func deeplyNestedLargeBodiesStayBounded() {
        var text = ""
        for level in 0..<80 {
            let pad = String(repeating: " ", count: level * 4)
            text += pad + "=== \"L\(level)\"\n" + pad + "    " + String(repeating: "word ", count: 2_000) + "\n\n"
        }
        let input = text
        let page = onSmallStack { MarkdownPage.process(text: input, pipeline: extensionPipeline) }
        // Each level's body is the rest of the page: the copy budget ends the nesting, reported
        // at the first tab left plain (level n opens on line 3n + 1).
        let tabs = page.html.components(separatedBy: "class=\"tabbed-block\"").count - 1
        #expect(tabs >= NestingLimits.copyFactor && tabs < 80)
        #expect(page.nestingProblems.map(\.position.line) == [3 * tabs + 1])
        #expect(page.html.contains("L79"))
    }

    @Test func manyContainersAndManyDefinitionsResolveEachReference() {
        var text = ""
        for index in 0..<3_000 { text += "=== \"T\(index)\"\n    [Link \(index)][r\(index)]\n\n" }
        for index in 0..<3_000 { text += "[R\(index)]: p\(index).md\n" }
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.links.count == 3_000)
        #expect(page.links.last?.destination == "p2999.md")
        #expect(page.links.last?.position == TextPosition(line: 12_000, byteColumn: 10))
    }

    @Test func bareCarriageReturnsAreLineFeedsAndNULsReplacementCharacters() {
        let cases = [
            ("!!! note\r    a\r\r!!! tip\r    b\n", "!!! note\n    a\n\n!!! tip\n    b\n"),
            ("!!! note\n    a\u{0}b\n", "!!! note\n    a\u{FFFD}b\n"),
            ("x\r\n\r\n!!! note\r    y\r", "x\n\n!!! note\n    y\n"),
        ]
        for (text, plain) in cases {
            let html = MarkdownPage.process(text: text, pipeline: extensionPipeline).html
            #expect(html == extensionHTML(plain), "\(text.debugDescription)")
            #expect(html.contains("<div class=\"admonition note\">"))
        }
    }

    @Test func invalidUTF8AndEmptyInputAreSafe() {
        #expect(MarkdownPage.process(text: "", pipeline: extensionPipeline).html.isEmpty)
        let page = MarkdownPage.process(bytes: Array("!!! note \"\u{1}".utf8) + [0xFF, 0x22, 0x0A, 0x20, 0x20, 0x20, 0x20, 0xC3], pipeline: extensionPipeline)
        #expect(page.html.hasPrefix("<div class=\"admonition note\">"))
    }
}
