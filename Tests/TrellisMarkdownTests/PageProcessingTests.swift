import Testing

@testable import TrellisMarkdown

struct PageProcessingTests {
    @Test func collectsTOCForLevelsTwoAndThreeByDefault() {
        let page = MarkdownPage.process(text: "# Title\n## A\n### B\n#### C\n## A\n")
        #expect(page.title == "Title")
        #expect(
            page.toc == [
                TOCEntry(level: 2, id: "a", title: "A"), TOCEntry(level: 3, id: "b", title: "B"),
                TOCEntry(level: 2, id: "a_1", title: "A"),
            ])
        #expect(page.headingIDs == ["title", "a", "b", "c", "a_1"])
    }

    @Test func tocLevelsAreConfigurable() {
        let page = MarkdownPage.process(text: "# T\n## A\n#### C\n", pipeline: .standard(tocLevels: 1...6))
        #expect(page.toc.map(\.id) == ["t", "a", "c"])
    }

    @Test func reservedIdsAreNotReused() {
        let page = MarkdownPage.process(text: "## Intro\n", reservedIDs: ["intro"])
        #expect(page.headingIDs == ["intro_1"])
    }

    @Test func rawHTMLIdsAreReservedOnlyWhenAskedFor() {
        let text = "<div id=\"setup\"></div>\n\n## Setup\n"
        #expect(MarkdownPage.process(text: text).headingIDs == ["setup"])
        #expect(MarkdownPage.process(text: text, pipeline: .standard(reserveHTMLIDs: true)).headingIDs == ["setup_1"])
    }

    @Test func pageIdsIncludeHeadingsAndRawHTMLIds() {
        let text = """
            ## Heading

            <div id="block-id" class="x">
            <a name="n" ID='quoted'>x</a>
            </div>

            Inline <span id=bare>x</span> and <b data-id="not-this">y</b> and `<i id="in-code">`.
            """
        let page = MarkdownPage.process(text: text)
        #expect(page.pageIDs == ["heading", "block-id", "quoted", "bare"])
    }

    @Test func linkPositionsPointAtTheDestination() {
        let text = """
            Intro [guide](guide.md#setup) and ![pic](img/a.png).
              Continued [again](guide.md) line.

            > Quote with [ref][r] and <https://example.com/x>.

            [r]: ref.md#frag
            """
        let page = MarkdownPage.process(text: text, pipeline: .standard(resolveLink: mkdocsLinks))
        let summary = page.links.map { "\($0.kind.rawValue) \($0.destination) \($0.position)" }
        #expect(
            summary == [
                "link guide.md#setup 1:15", "image img/a.png 1:42", "link guide.md 2:21", "link ref.md#frag 6:6",
                "link https://example.com/x 4:28",
            ])
        #expect(page.links[0].renderedDestination == "guide/#setup")
        #expect(page.links[0].linkStart == TextPosition(line: 1, byteColumn: 7))
    }

    // cmark's inline positions drift when a link spans lines; the collector must still find
    // the destination itself.
    @Test func linkPositionsSurviveLinksSpanningLines() {
        let text = "para [a\nb](x.md) and [c](\n  y.md) and\n   ![i\n](z.png)\n\n- item\n  cont [q](q.md) [r](q.md)\n"
        let page = MarkdownPage.process(text: text)
        #expect(page.links.map { "\($0.destination) \($0.position)" } == ["x.md 2:4", "y.md 3:3", "z.png 5:3", "q.md 8:12", "q.md 8:22"])
    }

    @Test func imagesReportWhetherTheyHaveAltText() {
        let page = MarkdownPage.process(text: "![Alt](a.png) ![](b.png) ![  ](c.png) ![`x`](d.png) [l](e.md)")
        #expect(page.links.map(\.hasAltText) == [true, false, false, true, nil])
    }

    @Test func unknownIconsAreReportedWithPositions() {
        let text = "Some :material-chek: text\n\n- x :material-nope: y :material-chek:\n    cont :material-nope:\n"
        let page = MarkdownPage.process(text: text, pipeline: .standard(icons: FakeIcons()))
        #expect(page.iconProblems.map(\.name) == ["material-chek", "material-nope", "material-chek", "material-nope"])
        #expect(
            page.iconProblems.map(\.position) == [
                TextPosition(line: 1, byteColumn: 6), TextPosition(line: 3, byteColumn: 5),
                TextPosition(line: 3, byteColumn: 23), TextPosition(line: 4, byteColumn: 10),
            ])
        #expect(page.iconProblems[0].suggestions == ["material-check"])
    }

    @Test func iconsAreNeverReplacedInCodeOrHTML() {
        let text = "`:material-check:`\n\n```\n:material-check:\n```\n\n<p>:material-check:</p>\n"
        let page = MarkdownPage.process(text: text, pipeline: .standard(icons: FakeIcons()))
        #expect(!page.html.contains("data-icon"))
        #expect(page.html.components(separatedBy: ":material-check:").count == 4)
    }

    // Columns are bytes: `ç` takes two, so `y.md` starts at byte column 9.
    @Test func positionsConvertToUTF8Offsets() {
        let source = ParsedText("ab\nçd [x](y.md)\n")
        let offset = source.utf8Offset(line: 2, byteColumn: 9)
        #expect(Array(source.bytes[offset..<offset + 4]) == Array("y.md".utf8))
        #expect(source.position(ofUTF8Offset: offset) == TextPosition(line: 2, byteColumn: 9))
        let page = MarkdownPage.process(text: "ab\nçd [x](y.md)\n")
        #expect(page.links.first?.position == TextPosition(line: 2, byteColumn: 9))
    }

    @Test func linkTargetSplitsPathQueryAndFragment() {
        let target = LinkTarget(destination: "a/b.md?x=1#frag", kind: .link)
        #expect(target.path == "a/b.md")
        #expect(target.query == "x=1")
        #expect(target.fragment == "frag")
        #expect(target.replacingPath(with: "a/b/") == "a/b/?x=1#frag")
        #expect(LinkTarget(destination: "https://x", kind: .link).isExternal)
        #expect(LinkTarget(destination: "//cdn/x.js", kind: .link).isExternal)
        #expect(LinkTarget(destination: "tel:+1-555", kind: .link).isExternal)
        #expect(!LinkTarget(destination: "dir/a:b.md", kind: .link).isExternal)
        #expect(!LinkTarget(destination: "x.md", kind: .link).isExternal)
    }

    @Test func pipelineRunsRewritersInRegistryOrder() {
        let standard = MarkdownPipeline.standard(icons: FakeIcons(), resolveLink: mkdocsLinks)
        #expect(standard.rewriters.map(\.name) == ["icon shortcodes", "heading ids", "link targets"])
    }
}
