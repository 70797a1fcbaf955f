import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Python-Markdown `tables`: markup, cell splitting, positions inside cells, and tables in containers.
struct TableTests {

    @Test func tableFixturesExist() {
        #expect(Fixtures.cases("tables").count >= 7)
    }

    @Test(arguments: Fixtures.cases("tables"))
    func rendersGolden(_ name: String) throws {
        try Fixtures.expectGolden(extensionHTML(try Fixtures.input("tables", name)), "tables", name)
    }

    @Test func markupMatchesPythonMarkdown() {
        let expected =
            "<table>\n<thead>\n<tr>\n<th>A</th>\n<th style=\"text-align: left;\">B</th>\n</tr>\n</thead>\n"
            + "<tbody>\n<tr>\n<td>a</td>\n<td style=\"text-align: left;\"><code>x|y</code></td>\n</tr>\n</tbody>\n</table>\n"
        #expect(extensionHTML("| A | B |\n|---|:--|\n| a | `x|y` |\n") == expected)
    }

    @Test func tablesAreNamedAsInMkDocsConfig() {
        #expect(MarkdownExtension(mkdocsName: "tables") == .tables)
        #expect(MarkdownExtension(mkdocsName: "markdown.extensions.tables") == .tables)
    }

    @Test func tablesAreOffUnlessEnabled() {
        let text = "| A | B |\n|---|---|\n| 1 | 2 |\n"
        #expect(MarkdownPage.process(text: text).html == CMark.renderHTMLDirectly(text, smart: false))
        let admonitionOnly = MarkdownPipeline.standard(extensions: [.admonition])
        #expect(MarkdownPage.process(text: text, pipeline: admonitionOnly).html == CMark.renderHTMLDirectly(text, smart: false))
        let tablesOnly = MarkdownPipeline.standard(extensions: [.tables])
        #expect(MarkdownPage.process(text: text, pipeline: tablesOnly).html.hasPrefix("<table>\n"))
    }

    @Test func shortRowsArePaddedAndLongRowsCut() {
        let html = extensionHTML("| A | B |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n")
        #expect(html.contains("<tr>\n<td>1</td>\n<td></td>\n</tr>"))
        #expect(!html.contains("3"))
    }

    @Test func aTableWithoutBodyRowsGetsOneEmptyRow() {
        #expect(extensionHTML("A | B\n:-|-:\n").hasSuffix("<tbody>\n<tr>\n<td></td>\n<td></td>\n</tr>\n</tbody>\n</table>\n"))
    }

    @Test func splittingFollowsPythonMarkdown() {
        func cells(_ row: String, border: Bool = true) -> [String] {
            let bytes = TextBytes(row)
            return PipeTable.split(0..<bytes.count, bytes, border: border).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(cells("| a | b |") == [" a ", " b "])
        #expect(cells("a \\| b | c", border: false) == ["a \\| b ", " c"])
        #expect(cells("| `a|b` | ``c|`d`` |") == [" `a|b` ", " ``c|`d`` "])
        #expect(cells("| \\`a|b` |") == [" \\`a", "b` "])
        #expect(cells("| `a | b") == [" `a ", " b"])
        #expect(cells("| a \\\\|") == [" a "])
        #expect(cells("| a \\|") == [" a \\|"])
    }

    @Test func linkAndUnknownIconInACellReportTheirOriginalPositions() {
        let text = "Intro\n\n| A | B |\n|---|---|\n| x | see [y](a.md) :material-nope: |\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.links.map(\.destination) == ["a.md"])
        #expect(page.links.first?.linkStart == TextPosition(line: 5, byteColumn: 11))
        #expect(page.iconProblems.first?.position == TextPosition(line: 5, byteColumn: 21))
        #expect(page.html.contains("<td>see <a href=\"a/\">y</a> :material-nope:</td>"))
    }

    @Test func positionsInATableInsideAListInsideABlockQuoteMapBack() {
        let text = "> - item\n>\n>     | A | B |\n>     |---|---|\n>     | [l](b.md) | 2 |\n"
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        #expect(page.html.contains("<td><a href=\"b/\">l</a></td>"))
        #expect(page.links.first?.linkStart == TextPosition(line: 5, byteColumn: 9))
    }

    @Test func knownIconsInCellsRender() {
        let html = extensionHTML("| A |\n|---|\n| :material-check: |\n")
        #expect(html.contains("<td><span class=\"icon\" data-icon=\"material-check\"></span></td>"))
    }

    @Test func referenceLinksInCellsResolveAgainstThePage() {
        let html = extensionHTML("| A |\n|---|\n| [x][r] |\n\n[r]: https://example.org\n")
        #expect(html.contains("<td><a href=\"https://example.org\">x</a></td>"))
    }

    @Test func blockSyntaxInACellStaysText() {
        let html = extensionHTML("| A | B |\n|---|---|\n| - | # x |\n")
        #expect(html.contains("<td>-</td>\n<td># x</td>"))
    }

    @Test func manyUnmatchedBacktickRunsAndLargeTablesStayLinear() {
        let row = "| " + String(repeating: "` `` ``` ", count: 20_000) + "| x |\n"
        let html = extensionHTML("| A | B |\n|---|---|\n" + row)
        #expect(html.hasPrefix("<table>"))
        let big = "| A | B |\n|---|---|\n" + String(repeating: "| a | `b` |\n", count: 50_000)
        #expect(extensionHTML(big).hasSuffix("</tbody>\n</table>\n"))
    }

    @Test func crlfTablesAreRecognised() {
        #expect(extensionHTML("| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n").contains("<td>2</td>"))
    }

    @Test func aContainerOpenerEndsTheTableAsInPythonMarkdown() {
        let html = extensionHTML("| a | b |\n|---|---|\n| 1 | 2 |\n!!! note\n    Body\n")
        #expect(html.contains("<td>2</td>\n</tr>\n</tbody>\n</table>\n<div class=\"admonition note\">"))
    }

    @Test func tablesInDeepBlockQuotesAndManyTablesOnASmallStack() {
        let quotes = String(repeating: ">", count: 10_000)
        let deep = "\(quotes) | a | b |\n\(quotes) |---|---|\n\(quotes) | 1 | 2 |\n"
        let deepHTML = onSmallStack { extensionHTML(deep) }
        #expect(deepHTML.contains("<td>2</td>"))
        let many = String(repeating: "| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: 10_000)
        let manyHTML = onSmallStack { extensionHTML(many) }
        #expect(manyHTML.components(separatedBy: "<table>").count == 10_001)
    }

    @Test func invalidUTF8AndEmptyCellsAreSafe() {
        let bytes: [UInt8] = Array("| a | b |\n|---|---|\n| ".utf8) + [0xFF, 0xC3] + Array(" | |\n".utf8)
        let page = MarkdownPage.process(bytes: bytes, pipeline: extensionPipeline)
        #expect(page.html.contains("<td>\u{FFFD}\u{FFFD}</td>\n<td></td>"))
        #expect(extensionHTML("|\n|-|\n").contains("<th></th>"))
    }
}
