import Foundation
import Testing

@testable import TrellisMarkdown
import TrellisTestSupport

/// Deeply nested, huge and malformed input must never crash.
struct RobustnessTests {
    static let depth = 10_000

    /// Named cases, so test logs show a name rather than 20,000 characters of input.
    static let deepInputs: [String: String] = [
        "bullets": String(repeating: "- ", count: depth) + "deep :material-check: [x](a.md#f)\n",
        "quotes": String(repeating: "> ", count: depth) + "## Deep heading\n",
        "ordered": String(repeating: "1. ", count: depth) + "![alt](i.png)\n",
        "mixed": String(repeating: "> - ", count: depth / 2) + "mixed\n",
    ]

    @Test(arguments: ["bullets", "quotes", "ordered", "mixed"])
    func handlesTenThousandDeepNestingOnASmallStack(_ name: String) throws {
        let text = try #require(Self.deepInputs[name])
        let result = onSmallStack {
            let page = MarkdownPage.process(text: text, pipeline: fixturePipeline)
            let plain = CMark.parse(text)
            let cmark = CMark.renderHTMLDirectly(text)
            return (page.html, page.links.count, HTMLRenderer().render(plain), cmark, plain.preorder().count)
        }
        #expect(result.2 == result.3)
        #expect(result.0.utf8.count > 2 * Self.depth)
        #expect(result.4 > Self.depth)
        #expect(!text.contains("(") || result.1 == 1)
    }

    @Test func deepInlineNestingIsSafe() {
        let text = String(repeating: "*a ", count: 5_000) + String(repeating: "b* ", count: 5_000)
            + String(repeating: "[", count: 5_000) + "x" + String(repeating: "](y)", count: 5_000)
        let (ours, theirs) = onSmallStack {
            (MarkdownPage.process(text: text, pipeline: fixturePipeline).html, CMark.renderHTMLDirectly(text))
        }
        #expect(ours == theirs)
    }

    @Test func emptyInputGivesAnEmptyPage() {
        let page = MarkdownPage.process(text: "", pipeline: fixturePipeline)
        #expect(page.html == "")
        #expect(page.toc.isEmpty && page.links.isEmpty && page.pageIDs.isEmpty && page.title == nil)
    }

    @Test func invalidUTF8IsDecodedLossilyBeforeParsing() {
        let bytes: [UInt8] = Array("## Caf".utf8) + [0xC3] + Array(" \n\nBad ".utf8) + [0xFF, 0xFE] + Array(" [x](a.md)\n".utf8)
        let page = MarkdownPage.process(bytes: bytes, pipeline: fixturePipeline)
        #expect(page.html.contains("Caf\u{FFFD}"))
        #expect(page.html.contains("Bad \u{FFFD}\u{FFFD} <a href=\"a/\">x</a>"))
        #expect(page.headingIDs == ["caf"])
        // Positions refer to the decoded text, where each bad byte became three bytes of U+FFFD.
        #expect(page.links.first?.position == TextPosition(line: 3, byteColumn: 16))
    }

    @Test func nulBytesDoNotTruncate() {
        let page = MarkdownPage.process(text: "a\u{0}b [x](y.md)")
        #expect(page.html == "<p>a\u{FFFD}b <a href=\"y.md\">x</a></p>\n")
    }

    @Test func fiveMegabyteDocumentIsProcessed() {
        let chunk = """
            ## Section with `code`

            Some *text* with a [link](page.md#anchor), :material-check: and ![img](a.png).
            More "smart" text -- here.

            - item one
            - item two

            ```swift
            let x = 1
            ```


            """
        let count = 5_000_000 / chunk.utf8.count + 1
        let text = String(repeating: chunk, count: count)
        let page = onSmallStack { MarkdownPage.process(text: text, pipeline: fixturePipeline) }
        #expect(text.utf8.count >= 5_000_000)
        #expect(page.headingIDs.count == count)
        #expect(page.headingIDs.last == "section-with-code_\(count - 1)")
        #expect(page.links.count == 2 * count)
        // Each chunk is 12 lines; its second link (the image) is on the chunk's third line.
        #expect(page.links.last?.position.line == 3 + 12 * (count - 1))
    }
}

extension RobustnessTests {
    /// Destinations whose raw text differs from cmark's (entities) cannot be found; the search
    /// for them must stay local, and their position falls back to the link's start.
    @Test func unmatchableDestinationsFallBackToTheLinkStart() {
        let text = String(repeating: "[x](a&amp;b.md) ", count: 5_000)
        let page = MarkdownPage.process(text: text)
        #expect(page.links.count == 5_000)
        #expect(page.links.allSatisfy { $0.destination == "a&b.md" && $0.position == $0.linkStart })
        #expect(page.links[1].position == TextPosition(line: 1, byteColumn: 17))
    }
}
