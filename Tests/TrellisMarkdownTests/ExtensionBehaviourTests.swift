import Testing

@testable import TrellisMarkdown

/// `attr_list`, `def_list`, `pymdownx.tasklist`, `md_in_html` and nested footnotes: ids, positions,
/// options and the plain-CommonMark guarantee.
struct ExtensionBehaviourTests {
    static let pipeline = extensionPipeline

    static func process(_ text: String) -> ProcessedPage {
        MarkdownPage.process(text: text, pipeline: pipeline)
    }

    static func linkStart(_ page: ProcessedPage, _ destination: String) -> TextPosition? {
        page.links.first { $0.destination == destination }?.linkStart
    }

    @Test func aHeadingIdFromAnAttributeListIsTheAnchorTheTOCAndLinksUse() {
        let page = Self.process("## Install {#custom-id .wide}\n\nSee [it](#custom-id).\n\n## Install\n")
        #expect(page.headingIDs == ["custom-id", "install"])
        #expect(page.toc.first == TOCEntry(level: 2, id: "custom-id", title: "Install"))
        #expect(page.pageIDs.contains("custom-id"))
        #expect(page.html.hasPrefix("<h2 class=\"wide\" id=\"custom-id\">Install<a class=\"headerlink\" href=\"#custom-id\""))
    }

    @Test func idsFromAttributeListsOnOtherElementsAreTakenBeforeHeadingsGetTheirs() {
        let page = Self.process("Para\n{: #setup }\n\n## Setup\n")
        #expect(page.headingIDs == ["setup_1"])
        #expect(page.pageIDs.isSuperset(of: ["setup", "setup_1"]))
    }

    @Test func attributeListsNeedTheirExtension() {
        let text = "## A {#b}\n\n[x](y){.c}\n"
        let plain = MarkdownPage.process(text: text, pipeline: .standard(extensions: [.tables]))
        #expect(plain.headingIDs == ["a-b"])
        #expect(plain.html.contains("<a href=\"y\">x</a>{.c}"))
    }

    @Test func linksKeepTheirPositionsAfterAttributeListsAndInTasks() {
        let page = Self.process("- [ ] Do [a](a.md){ .x } then [b](b.md)\n")
        #expect(Self.linkStart(page, "a.md") == TextPosition(line: 1, byteColumn: 10))
        #expect(Self.linkStart(page, "b.md") == TextPosition(line: 1, byteColumn: 31))
        #expect(page.html.contains("<a class=\"x\" href=\"a/\">a</a> then <a href=\"b/\">b</a>"))
    }

    /// cmark reports such lines without their extra indentation; the list is still found.
    @Test func inlineAttributeListsOnIndentedContinuationLines() {
        let page = Self.process("- item text\n    with [a](https://a.example){ .x } end\n\n> quoted\n>     more *em*{.y}\n")
        #expect(page.html.contains("<li>item text\nwith <a class=\"x\" href=\"https://a.example\">a</a> end</li>"))
        #expect(page.html.contains("<p>quoted\nmore <em class=\"y\">em</em></p>"))
    }

    /// A continuation line indented with a tab (fewer bytes than the item's columns).
    @Test func inlineAttributeListsOnTabIndentedContinuationLines() {
        let page = Self.process("- **A**  \n\t[x](u){:target=\"_blank\"} and *e*{.c}\n")
        #expect(page.html.contains("<a href=\"u\" target=\"_blank\">x</a> and <em class=\"c\">e</em></li>"))
    }

    /// A lazy continuation line, with text after the list (cmark reports its positions from the
    /// item's column, past the end of the line).
    @Test func inlineAttributeListsOnLazyContinuationLines() {
        let page = Self.process("1. **S:**\nTasks via [T](u){:target=\"_blank\"} at any time.\n\n> a\nb [x](v){.c} d\n")
        #expect(page.html.contains("Tasks via <a href=\"u\" target=\"_blank\">T</a> at any time.</li>"))
        #expect(page.html.contains("<p>a\nb <a class=\"c\" href=\"v\">x</a> d</p>"))
    }

    /// Text after the list on a line that ends in spaces before the next line (cmark's text
    /// node leaves the spaces out, its position keeps them).
    @Test func inlineAttributeListsBeforeTrailingSpaces() {
        let page = Self.process("a [b](u){:t=\"x\"}. \nnext and *e*{.c}  \nlast\n")
        #expect(page.html.contains("<a href=\"u\" t=\"x\">b</a>."), "\(page.html)")
        #expect(page.html.contains("<em class=\"c\">e</em><br />"))
    }

    /// A list at the end of a cell whose text starts with an entity: the decoded text is kept
    /// (Python-Markdown: `<td class="c">&copy;</td>`).
    @Test func cellAttributeListsAfterAnEntity() {
        let page = Self.process("| x |\n|---|\n|&copy; {: .c}|\n")
        #expect(page.html.contains("<td class=\"c\">©</td>"), "\(page.html)")
    }

    /// A list after a link in a table cell ends with the cell, as Python-Markdown reads each
    /// cell alone: the next cell's `{…}` is not part of it.
    @Test func inlineAttributeListsInTableCellsEndWithTheCell() {
        let page = Self.process("a | b\n--|--\n[x](u){:target=\"_blank\"} | [y](v){target=\"_top\"}\n")
        #expect(page.html.contains("<td><a href=\"u\" target=\"_blank\">x</a></td>"))
        #expect(page.html.contains("<td><a href=\"v\" target=\"_top\">y</a></td>"))
    }

    @Test func linksInDefinitionsReportTheirOriginalPositions() {
        let page = Self.process("> Term [t](t.md)\n> :   Def [d](d.md)\n>\n>     More [m](m.md)\n")
        #expect(Self.linkStart(page, "t.md") == TextPosition(line: 1, byteColumn: 8))
        #expect(Self.linkStart(page, "d.md") == TextPosition(line: 2, byteColumn: 11))
        #expect(Self.linkStart(page, "m.md") == TextPosition(line: 4, byteColumn: 12))
    }

    @Test func linksInMarkdownHTMLReportTheirOriginalPositions() {
        let page = Self.process("<div class=\"grid\" markdown>\n\n- [a](a.md)\n\n<div markdown>Inner [b](b.md)</div>\n</div>\n")
        #expect(Self.linkStart(page, "a.md") == TextPosition(line: 3, byteColumn: 3))
        #expect(Self.linkStart(page, "b.md") == TextPosition(line: 5, byteColumn: 21))
        #expect(page.html == "<div class=\"grid\">\n<ul>\n<li><a href=\"a/\">a</a></li>\n</ul>\n<div>\n<p>Inner <a href=\"b/\">b</a></p>\n</div>\n</div>\n")
    }

    /// Material's image-with-caption pattern: span content stays inline (no `<p>`), the
    /// caption's HTML kept, the image's `attr_list` applied.
    @Test func spanElementsKeepTheirContentInline() {
        let text = "<figure markdown=\"span\">\n  ![Title](a.png){ width=\"300\" }\n  <figcaption>Caption</figcaption>\n</figure>\n"
        let expected = "<figure><img alt=\"Title\" src=\"a.png\" width=\"300\" />\n  <figcaption>Caption</figcaption></figure>\n"
        #expect(Self.process(text).html == expected)
        #expect(Self.process("<p markdown>*a* [b](b.md)</p>\n").html == "<p><em>a</em> <a href=\"b/\">b</a></p>\n")
    }

    @Test func linksInFootnotesInListItemsReportTheirOriginalPositions() {
        let page = Self.process("- Item[^n] and[^n]\n\n    [^n]: See [a](a.md).\n")
        #expect(Self.linkStart(page, "a.md") == TextPosition(line: 3, byteColumn: 15))
        #expect(page.html.contains("<sup id=\"fnref2:n\">"))
        #expect(page.pageIDs.isSuperset(of: ["fn:n", "fnref:n", "fnref2:n"]))
    }

    @Test func taskCheckboxesFollowTheCustomCheckboxOption() {
        let text = "- [x] done\n"
        let plain = MarkdownPage.process(text: text, pipeline: extensionPipeline).html
        #expect(plain == "<ul class=\"task-list\">\n<li class=\"task-list-item\"><input type=\"checkbox\" disabled checked/> done</li>\n</ul>\n")
        let custom = MarkdownPage.process(text: text, pipeline: extensionPipeline, renderer: HTMLRenderer(customTaskCheckboxes: true)).html
        let label = "<label class=\"task-list-control\"><input type=\"checkbox\" disabled checked/><span class=\"task-list-indicator\"></span></label> done"
        #expect(custom.contains("<li class=\"task-list-item\">" + label + "</li>"))
        let clickable = MarkdownPage.process(text: text, pipeline: extensionPipeline, renderer: HTMLRenderer(clickableTaskCheckboxes: true)).html
        #expect(clickable.contains("<li class=\"task-list-item\"><input type=\"checkbox\" checked/> done</li>"))
    }

    @Test func taskMarkersStayOutOfHeadingTextAndPlainText() {
        let page = Self.process("- [ ] `code` first\n- [x]\n- [ ]tight\n")
        #expect(page.html.contains("<input type=\"checkbox\" disabled/> <code>code</code> first</li>"))
        #expect(page.html.contains("<li>[x]</li>\n<li>[ ]tight</li>"))
    }

    @Test func newExtensionsAreNamedAsInMkDocsConfig() {
        #expect(MarkdownExtension(mkdocsName: "attr_list") == .attrList)
        #expect(MarkdownExtension(mkdocsName: "markdown.extensions.def_list") == .defList)
        #expect(MarkdownExtension(mkdocsName: "pymdownx.tasklist") == .taskList)
        #expect(MarkdownExtension(mkdocsName: "md_in_html") == .mdInHTML)
    }

    /// Every conformance fixture but `mixed`, through the parser *and* the extension rewriters;
    /// `list-interrupts` ends in task list syntax on purpose, which is cut off here.
    @Test(arguments: ContainerTests.plainCases)
    func plainCommonMarkStaysCmarkWithTheRewriters(_ name: String) throws {
        var text = try Fixtures.input("containers-plain", name)
        if let task = text.range(of: "- [ ] task-like") { text = String(text[..<task.lowerBound]) }
        let pipeline = MarkdownPipeline(rewriters: [AttributeListRewriter(), TaskListRewriter()], extensions: MarkdownExtension.syntaxExtensions)
        #expect(MarkdownPage.process(text: text, pipeline: pipeline).html == CMark.renderHTMLDirectly(text))
    }
}
