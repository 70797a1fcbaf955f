import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Code blocks and formulas on malformed, deep and repetitive pages: no crash on a small stack,
/// no token of the formula pre-pass left in the HTML, and pathological repetitions finish.
struct PymdownxRobustnessTests {
    static let pipeline: MarkdownPipeline = {
        var code = CodeHighlightOptions()
        code.anchorLinenums = true
        code.lineSpans = "__span"
        code.linenumsStyle = "pymdownx-inline"
        code.pygmentsLangClass = true
        code.customFences = [CustomFence(name: "mermaid", className: "mermaid", format: .code)]
        var math = ArithmatexOptions()
        math.generic = true
        return .standard(
            icons: FakeIcons(), extensions: Set(MarkdownExtension.allCases), codeBlocks: code, math: math)
    }()

    static func html(_ text: String) -> String {
        onSmallStack { MarkdownPage.process(text: text, pipeline: pipeline).html }
    }

    static let pieces = [
        "$", "$$", "\\", "\\\\", "\\(", "\\)", "\\[", "\\]", "\\begin{align}", "\\end{align}", "`", "``", "```", "~~~",
        "```py title=\"t\" linenums=\"1 2 3\" hl_lines=\"1-9 0\"", "``` { .mermaid #m }", "```mermaid", "x", " ", "*",
        "_", "[a](b)", "<b>", "&amp;", "!!! note", "    ", "> ", "- ", "| a | b |", "|---|---|", "{: .c }", "\t", "#",
        "\u{1}", "\u{3}", "\u{2}", "=", "-",
    ]

    @Test func adversarialPagesRenderAndLeaveNoTokens() {
        var generator = AdversarialPages(seed: 0x6D61_7468)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(generator.next() % 40) {
                text += generator.pick(Self.pieces)
                if generator.next() % 4 == 0 { text += "\n" }
            }
            let html = Self.html(text)
            let clean = !text.utf8.contains { $0 == 1 || $0 == 3 }
            let leaked = clean && html.utf8.contains { $0 == 1 || $0 == 3 }
            #expect(!leaked, "\(text.debugDescription)")
        }
    }

    @Test func repeatedUnclosedDelimitersFinish() {
        // Each of these once scanned the rest of the line per opener; they are linear now.
        #expect(Self.html(String(repeating: "\\( ", count: 20_000)).hasPrefix("<p>"))
        #expect(Self.html(String(repeating: "$a ", count: 20_000)).hasPrefix("<p>"))
        #expect(Self.html(String(repeating: "`` x ` ", count: 10_000)).hasPrefix("<p>"))
        let header = "```py " + String(repeating: "a=\"x\" \"", count: 5_000) + "\ncode\n```\n"
        #expect(Self.html(header).contains("code"))
    }

    @Test func hugeLineNumbersAndRangesAreClamped() {
        let html = Self.html("```text linenums=\"99999999999999999999999 9999999999999 3\" hl_lines=\"1-99999999999999999999\"\na\nb\n```\n")
        #expect(html.contains("<span class=\"hll\">"))
        #expect(html.contains("1000000000"))
    }

    @Test func formulasInDeepContainersAndCodeStayInPlace() {
        let quoted = Self.html(String(repeating: "> ", count: 2_000) + "$x$ and `$y$`\n")
        #expect(quoted.contains("<span class=\"arithmatex\">\\(x\\)</span>"))
        #expect(quoted.contains("<code>$y$</code>"))
        let fenced = Self.html("- a\n\n    ```\n    $not$ \\(math\\)\n    ```\n")
        #expect(fenced.contains("$not$ \\(math\\)"))
        #expect(!fenced.contains("arithmatex"))
    }

    @Test func aPageThatHoldsTheTokenBytesKeepsItsFormulasAsText() {
        let html = Self.html("\u{1}0\u{2} and $x$\n")
        #expect(!html.contains("arithmatex"))
        #expect(html.contains("$x$"))
    }
}
