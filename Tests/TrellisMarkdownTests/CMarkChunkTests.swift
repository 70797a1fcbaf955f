import Foundation
import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// A big text parsed a piece at a time gives exactly the tree of the whole text: checked with
/// pieces cut at every possible line, on every fixture and on seeded adversarial pages.
struct CMarkChunkTests {
    /// Every node's kind and start, in document order. (Ends may differ: cmark ends a block
    /// that a later line closed, such as indented code in a list item, on that later line.)
    static func shape(_ document: MarkdownDocument) -> [String] {
        document.preorder().map { "\(document.kind(of: $0)) \(document.span(of: $0).map { "\($0.start)" } ?? "-")" }
    }

    static func expectSameTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let whole = CMark.parse(text, chunkBytes: Int.max)
        let pieces = CMark.parse(text, chunkBytes: 1)
        #expect(shape(pieces) == shape(whole), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }

    static var fixtureTexts: [String] {
        let walker = FileManager.default.enumerator(atPath: Fixtures.root.path)
        var texts: [String] = []
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".md"), let data = FileManager.default.contents(atPath: Fixtures.root.appendingPathComponent(path).path)
            else { continue }
            texts.append(ParsedText.normalising(String(decoding: data, as: UTF8.self)).text)
        }
        return texts
    }

    @Test func fixturesParseTheSameInPieces() {
        let texts = Self.fixtureTexts
        #expect(texts.count > 50)
        for text in texts { Self.expectSameTree(text) }
    }

    @Test func adversarialPagesParseTheSameInPieces() {
        var generator = AdversarialPages(seed: 42)
        for _ in 0..<2_000 {
            // Pages are joined so that pieces can start after blank lines, as in real pages.
            let text = (0..<4).map { _ in generator.page() }.joined(separator: "\n\nPara\n\n")
            Self.expectSameTree(ParsedText.normalising(text).text)
        }
    }

    @Test func blocksThatOutliveBlankLinesAreNeverCut() {
        let cases = [
            "```\ncode\n\nstill code\n```\n\nafter\n",
            "<!--\n\nstill comment\n-->\n\nafter\n",
            "<pre>\n\ninside\n</pre>\n\nafter\n",
            "<?php\n\ninside\n?>\n\nafter\n",
            "- item\n\n  ```\n  x\n\nout\n",
            "[a]\n\ntext\n\n[a]: /url\n",
        ]
        for text in cases { Self.expectSameTree(text) }
    }

    @Test func aLongRunOfTextIsMergedInLinearTime() {
        // cmark splits text at each punctuation mark; merging the pieces must not copy the run each time.
        let text = String(repeating: "word, ", count: 500_000)
        let document = onSmallStack { CMark.parse(text) }
        let texts = document.preorder().filter { if case .text = document.kind(of: $0) { return true } else { return false } }
        #expect(texts.count == 1)
    }

    @Test func paragraphsStartingWithMarkupOrAnotherScriptAreCutAndParseTheSame() {
        let starts = [
            "*emphasis* then", "**Note**: text", "_under_ score", "__init__ file", "`code` span", "``two`` ticks",
            "[link](x.md) here", "[^1] ref", "été", "日本語の文", "Ünïcode", "*a*b", "_1_ x",
        ]
        for start in starts {
            let text = "Intro\n\n\(start) one.\n\n\(start) two\nand more.\n"
            Self.expectSameTree(text)
            #expect(CMark.parse(text, chunkBytes: 1).preorder().count == CMark.parse(text, chunkBytes: Int.max).preorder().count)
        }
        // Lines that look alike but are lists, breaks or fences are never where a cut goes.
        let blocks = [
            "- item\n\n*a* after the list\n", "* item\n\n  *a* still the item\n", "***\n\n*a*\n",
            "```\n*a*\n\n`b` inside\n```\n\n`c`\n", "```py\nx\n```\n\n[a] b\n", "> quote\n\n_a_ after\n",
            "1. one\n\n`a` after\n", "<div>\n\n*a*\n\n</div>\n\n*b*\n", "    code\n\n日本\n",
            "*\n\n*a*\n", "_ _ _\n\n_a_\n", "``` x\n\n``a``\n```\n",
        ]
        for text in blocks { Self.expectSameTree(text) }
    }

    @Test func aPageOfMarkupStartedParagraphsIsCut() {
        let text = String(repeating: "*a* **b** `c` [d](e.md)\n\n日本 *x*\n\n", count: 100)
        let chunks = text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 64) }
        #expect((chunks?.starts.count ?? 0) >= 40)  // a cut every other repetition (78 bytes); none before letters alone
    }
}
