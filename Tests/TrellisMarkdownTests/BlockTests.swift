import Testing
import TrellisCore
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.blocks` beyond the goldens: where rejected blocks and links inside blocks are
/// reported, and pages that nest, repeat or never close blocks.
struct BlockTests {
    static let pipeline = MarkdownPipeline.standard(
        resolveLink: mkdocsLinks, extensions: MarkdownExtension.blockExtensions.union([.tables, .pythonMarkdownBlocks]))

    static func page(_ text: String) -> ProcessedPage {
        onSmallStack { MarkdownPage.process(text: text, pipeline: pipeline) }
    }

    @Test func rejectedBlocksAreReportedAtTheirLineInsideOtherBlocks() {
        let text = """
            Intro

            /// note
            - item

                /// bogus | x
                text
                ///
            ///

            /// tab
            No title.
            ///
            """
        let page = Self.page(text)
        #expect(page.blockProblems.map(\.position) == [TextPosition(line: 6, byteColumn: 5), TextPosition(line: 11, byteColumn: 1)])
        #expect(page.blockProblems.first?.message == "`/// bogus | x` stays text: no enabled `pymdownx.blocks` extension has a block named `bogus`")
        #expect(page.blockProblems.last?.message.contains("a tab needs a title") == true)
        #expect(page.html.contains("<p>/// bogus | x\ntext\n///</p>"))
    }

    @Test func invalidOptionsAreNamed() {
        let page = Self.page("/// details | S\n    open: maybe\n    colour: red\nx\n///\n")
        #expect(page.blockProblems.count == 1)
        #expect(page.blockProblems.first?.message.contains("option `open` must be true or false") == true)
        #expect(page.html.hasPrefix("<p>/// details | S"))
    }

    @Test func linksInBodiesAndTitlesPointIntoThePage() {
        let text = "# T\n\n/// admonition | See [a](a.md)\n    type: tip\n\n> quoted\n\n/// html | div\nGo [b](b.md).\n///\n///\n"
        let page = Self.page(text)
        let positions = Dictionary(uniqueKeysWithValues: page.links.map { ($0.destination, $0.position) })
        #expect(positions["a.md"] == TextPosition(line: 3, byteColumn: 26))
        #expect(positions["b.md"] == TextPosition(line: 9, byteColumn: 8))
        #expect(page.html.contains("<p class=\"admonition-title\">See <a href=\"a/\">a</a></p>"))
    }

    @Test func aBlockNeverClosedRunsToTheEndOfItsText() {
        let html = Self.page("/// note\nA\n\n/// details | D\nB\n\n## Heading\n").html
        #expect(html.hasSuffix("&para;</a></h2>\n</details>\n</div>\n"))
    }

    @Test func closingLinesInCodeDoNotCloseABlock() {
        let html = Self.page("/// note\n```\n///\n```\nafter\n///\n\ntail\n").html
        #expect(html.contains("<code>///\n</code>"))
        #expect(html.contains("<p>after</p>\n</div>\n<p>tail</p>"))
    }

    @Test func captionIDsAreAnchorsOfThePage() {
        let page = Self.page("Text\n\n/// figure-caption\nCap\n///\n\n/// html | div#box.a\nx\n///\n")
        #expect(page.pageIDs.isSuperset(of: ["__figure-caption_1", "box"]))
    }

    @Test func hugeCaptionLevelsAndNumbersAreBounded() {
        let page = Self.page("A\n\n/// figure-caption | ^999999999\nx\n///\n\nB\n\n/// figure-caption | 999999999.888888888\ny\n///\n")
        // As pymdownx numbers a first figure given a level: 0, then a 1 per level.
        #expect(page.html.contains("Figure 0.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1."))
        #expect(page.html.contains("<span class=\"caption-prefix\">Figure 999999999.888888888.</span>"))
        let manual = MarkdownPipeline.standard(extensions: [.blocksCaption], blocks: BlockSettings { name in
            name == "pymdownx.blocks.caption" ? ValueMap([("auto", .bool(false))]) : ValueMap()
        })
        let html = MarkdownPage.process(text: "A\n/// figure-caption | ^999999999\nx\n///\n", pipeline: manual).html
        #expect(html.contains("<figure id=\"__figure-caption_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1_1\">"))
    }

    @Test func blocksNestedDeeperThanTheLimitAreReported() {
        let levels = 100
        var text = ""
        for level in 0..<levels { text += String(repeating: "/", count: 3 + levels - level) + " note\n" }
        text += "deep\n"
        for level in (0..<levels).reversed() { text += String(repeating: "/", count: 3 + levels - level) + "\n" }
        let page = Self.page(text)
        let depth = ContainerParser.maxDepth
        #expect(page.nestingProblems.map(\.position) == [TextPosition(line: depth + 1, byteColumn: 1)])
        #expect(page.html.components(separatedBy: "<div class=\"admonition note\">").count - 1 == depth)
        #expect(page.html.contains("deep"))
    }

    @Test func sameLengthBlocksNestAsAStack() {
        let levels = 80
        let text = String(repeating: "/// note\n", count: levels) + "x\n" + String(repeating: "///\n", count: levels) + "after\n"
        let page = Self.page(text)
        #expect(page.html.components(separatedBy: "<div class=\"admonition note\">").count - 1 == ContainerParser.maxDepth)
        #expect(page.html.hasSuffix("</div>\n<p>after</p>\n"), "\(page.html.suffix(200))")
    }

    @Test func manyUnclosedBlocksStayWithinTheCopyBudget() {
        let text = String(repeating: "/// note\n" + String(repeating: "word ", count: 40) + "\n\n", count: 5_000)
        let page = Self.page(text)
        #expect(page.nestingProblems.count == 1)
        #expect(page.html.contains("word"))
    }

    @Test func aHugePageOfBlocksRenders() {
        let one = "/// tab | T\n    select: true\nbody [x](x.md)\n///\n\nText\n/// caption\nCap\n///\n\n"
        let page = Self.page(String(repeating: one, count: 4_000))
        #expect(page.html.components(separatedBy: "<figcaption>").count - 1 == 4_000)
        #expect(page.links.count == 4_000)
    }

    @Test func adversarialPagesRender() {
        let pieces = [
            "///", "////", "/// note", "/// tab | T", "/// caption", "/// figure-caption | ^1", "/// html | pre", "/// html | span",
            "/// details | D", " | ", "\n", "\n\n", "    open: true", "    attrs: {id: a, class: b}", "    new: true", "    x: [", "> ",
            "- ", "    ", "```", "x", "[a](b.md)", "|a|b|", "|-|-|", "\t", "#", "!!! note", "=== \"T\"",
        ]
        var generator = AdversarialPages(seed: 0x626C_6B73)
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int(generator.next() % 50) {
                text += generator.pick(pieces)
                if generator.next() % 3 == 0 { text += "\n" }
            }
            let page = Self.page(text)
            #expect(!page.html.contains("trellis-container"), "\(text.debugDescription)")
            for problem in page.blockProblems { #expect(problem.position.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count) }
        }
    }
}
