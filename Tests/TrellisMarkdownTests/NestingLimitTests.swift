import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Containers beyond the nesting bounds stay plain Markdown, and the first one is reported at
/// its opener's line and column in the page.
struct NestingLimitTests {
    /// `levels` admonitions and tabs, each one tab deeper than the one before.
    static func tabNested(_ levels: Int) -> String {
        (0..<levels).map { String(repeating: "\t", count: $0) + ($0 % 2 == 0 ? "!!! note\n" : "=== \"T\"\n") }.joined()
            + String(repeating: "\t", count: levels) + "deep\n"
    }

    @Test func containersDeeperThanTheLimitAreReportedAtTheFirstOneLeftPlain() {
        let page = onSmallStack { MarkdownPage.process(text: Self.tabNested(100), pipeline: extensionPipeline) }
        let depth = ContainerParser.maxDepth
        #expect(page.nestingProblems.map(\.position) == [TextPosition(line: depth + 1, byteColumn: depth + 1)])
        #expect(page.nestingProblems.first?.message.contains("more than \(depth) levels") == true)
        let containers = page.html.components(separatedBy: "<div class=\"admonition note\">").count - 1
            + page.html.components(separatedBy: "class=\"tabbed-block\"").count - 1
        #expect(containers == depth)
        #expect(page.html.contains("deep"))
    }

    @Test func nestingWithinTheLimitIsNotReported() {
        let page = MarkdownPage.process(text: Self.tabNested(ContainerParser.maxDepth), pipeline: extensionPipeline)
        #expect(page.nestingProblems.isEmpty)
        #expect(page.html.components(separatedBy: "<div class=\"admonition note\">").count - 1 == ContainerParser.maxDepth / 2)
    }

    @Test func markdownElementsDeeperThanTheirLimitAreReported() {
        let levels = ContainerParser.maxElementDepth + 5
        let text = "Intro\n\n" + String(repeating: "<div markdown>\n", count: levels) + "*deep*\n" + String(repeating: "</div>\n", count: levels)
        let page = onSmallStack { MarkdownPage.process(text: text, pipeline: extensionPipeline) }
        let line = 3 + ContainerParser.maxElementDepth
        #expect(page.nestingProblems.map(\.position) == [TextPosition(line: line, byteColumn: 1)])
        #expect(page.nestingProblems.first?.message.contains("`markdown` HTML elements") == true)
    }

    @Test func definitionListsDeeperThanTheirLimitAreReportedInsideContainers() {
        var text = "!!! note\n"
        for level in 0..<(ContainerParser.maxElementDepth + 3) {
            let pad = String(repeating: " ", count: 4 + level * 4)
            text += pad + "T\(level)\n" + pad + ":   d\(level)\n\n"
        }
        let input = text
        let page = onSmallStack { MarkdownPage.process(text: input, pipeline: extensionPipeline) }
        // The admonition is one level, so the list at depth 32 is the 32nd list: its term's line.
        let line = 2 + 3 * (ContainerParser.maxElementDepth - 1)
        #expect(page.nestingProblems.map(\.position.line) == [line])
    }

    @Test func bodiesThatWouldCopyThePageTooOftenStayPlain() {
        // Each level's body is nearly the whole page: the copy budget runs out before the depth bound.
        let filler = String(repeating: "word ", count: 200_000)
        var text = ""
        for level in 0..<40 { text += String(repeating: "\t", count: level) + "!!! note\n" }
        text += String(repeating: "\t", count: 40) + filler + "\n"
        let input = text
        let page = onSmallStack { MarkdownPage.process(text: input, pipeline: extensionPipeline) }
        let reached = page.html.components(separatedBy: "<div class=\"admonition note\">").count - 1
        #expect(reached < 40 && reached >= NestingLimits.copyFactor - 1)
        #expect(page.nestingProblems.map(\.position) == [TextPosition(line: reached + 1, byteColumn: reached + 1)])
        #expect(page.nestingProblems.first?.message.contains("copy the page") == true)
        #expect(page.html.contains("word word"))
    }
}
