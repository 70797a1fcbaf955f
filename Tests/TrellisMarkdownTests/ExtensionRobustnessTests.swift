import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Deep, huge and malformed input with `attr_list`, `def_list`, task lists, `md_in_html` and
/// nested footnotes on: no crash on a 512 KiB stack, bounded work.
struct ExtensionRobustnessTests {
    static let depth = 10_000

    static func html(_ text: String) -> String {
        onSmallStack { MarkdownPage.process(text: text, pipeline: everyExtensionPipeline).html }
    }

    @Test func tenThousandNestedMarkdownDivsStopAtTheDepthBound() {
        let text = String(repeating: "<div markdown>\n", count: Self.depth) + "*deep*\n" + String(repeating: "</div>\n", count: Self.depth)
        let html = Self.html(text)
        #expect(html.hasPrefix("<div>\n<div>\n"))
        #expect(html.contains("deep"))
    }

    @Test func deeplyNestedDefinitionsAndMixedContainersStayOnASmallStack() {
        var lists = ""
        for level in 0..<80 {
            let pad = String(repeating: " ", count: level * 4)
            lists += pad + "T\(level)\n" + pad + ":   d\(level)\n\n"
        }
        #expect(Self.html(lists).components(separatedBy: "<dl>").count - 1 == ContainerParser.maxElementDepth)
        var mixed = ""
        for level in 0..<80 {
            let pad = String(repeating: " ", count: level * 4)
            switch level % 3 {
            case 0: mixed += pad + "!!! note\n\n"
            case 1: mixed += pad + "T\n" + pad + ":   d\n\n"
            default: mixed += pad + "- [ ] x [^1]\n\n    [^1]: y\n\n"
            }
        }
        #expect(Self.html(mixed).contains("<dl>"))
        let divs = String(repeating: "<div markdown>\n\n!!! note\n\n    <div markdown>\n\n", count: 40)
        #expect(Self.html(divs).contains("<div>"))
    }

    @Test func tenThousandUnclosedMarkdownDivsAreSafe() {
        let html = Self.html(String(repeating: "<div markdown>\n\n", count: Self.depth) + "end [^x]\n")
        #expect(html.contains("end"))
    }

    @Test func tenThousandDeepTaskListsAndQuotedDefinitions() {
        let tasks = Self.html(String(repeating: "- [ ] ", count: Self.depth) + "leaf {: .x }\n")
        #expect(tasks.contains("leaf"))
        let quoted = Self.html(String(repeating: "> ", count: Self.depth) + "Term\n" + String(repeating: "> ", count: Self.depth) + ": def\n")
        #expect(quoted.contains("def"))
        let footnotes = Self.html(String(repeating: "- ", count: Self.depth) + "x[^1]\n" + String(repeating: "  ", count: Self.depth) + "[^1]: n\n")
        #expect(footnotes.contains("x"))
    }

    @Test func fiveMegabytesOfExtensionSyntaxAreProcessed() {
        let block = """
            ## Heading {#h .c}

            Term [t](t.md)
            :   Definition with [a](a.md){ .x } text.

            - [x] task [b](b.md)
            - [ ] open

            <div class="grid" markdown>
            Para[^n].
            {: .p }
            </div>

            - Item[^n]

                [^n]: Note.


            """
        let text = String(repeating: block, count: 5_000_000 / block.utf8.count)
        let page = onSmallStack { MarkdownPage.process(text: text, pipeline: everyExtensionPipeline) }
        let count = 5_000_000 / block.utf8.count
        #expect(page.links.count == 3 * count)
        #expect(page.headingIDs.count == count)
        let linesPerBlock = block.utf8.filter { $0 == UInt8(ascii: "\n") }.count
        #expect(page.links.last?.linkStart.line == (count - 1) * linesPerBlock + 6)
        #expect(page.html.components(separatedBy: "<li id=\"fn:n\">").count == 2)
    }

    @Test func longLinesOfBracesAndColonsStayLinear() {
        let braces = "# " + String(repeating: "{a ", count: 200_000) + "}\n\n" + String(repeating: "[x](y){", count: 100_000) + "\n"
        #expect(Self.html(braces).hasPrefix("<h1"))
        let colons = String(repeating: "T\n: d\n", count: 50_000)
        #expect(Self.html(colons).components(separatedBy: "<dd>").count == 50_001)
        let tags = String(repeating: "<div markdown class=\"x\n\n", count: 20_000)
        #expect(!Self.html(tags).isEmpty)
    }

    @Test func invalidUTF8AndOddInputAreSafe() {
        let bytes = Array("<div markdown>\n- [x] \u{1}".utf8) + [0xFF, 0xC3] + Array("{: #\u{0} }\n: \n[^\n".utf8)
        let page = onSmallStack { MarkdownPage.process(bytes: bytes, pipeline: everyExtensionPipeline) }
        #expect(!page.html.isEmpty)
        for text in ["", "{", "{:}", ": ", "<div markdown", "<div markdown>", "[^", "- [ ]", "Term\n:", "## {#}"] {
            _ = MarkdownPage.process(text: text, pipeline: everyExtensionPipeline)
        }
    }
}
