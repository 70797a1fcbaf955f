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

    @Test func definitionsReachEveryPieceAsInTheWholeText() {
        // A definition in every context a cut can meet, used before and after it from other pieces.
        let contexts = [
            "[a]: /top", "  [a]: /indented \"T\"", "[a]:\n  /next-line\n  'title'", "- [a]: /in-list", "> [a]: /in-quote",
            "```\n[a]: /code\n```", "<!--\n[a]: /comment\n-->", "<div>\n[a]: /html6\n</div>", "    [a]: /indented-code",
            "[a]: /then-text\ntext", "text\n[a]: /continuation", "[a]: /x 'bad' junk", "[A]: /case", "[a]: /first\n\n[a]: /second",
            "1. x\n\t~~~\n  [a]: /after-fence-in-item", "<!-- c -->\n[a]: /after-comment", "[a]: /u\n===", "[a]: /u\nbar\n===",
            "<script>\n[a]: </script>", "- a\n\n      code\n  [a]: /after-code-in-item", "- {0}\nTerm\n   ===\n    [a]: /after-heading-in-item",
            "[a]: <a b> \"t \\\" &amp; \\* x\"", "[a]: /&amp;amp;%20\\*", "[\na\n]: /label-over-lines", "[^a]: /footnote-like",
        ]
        for context in contexts {
            for before in [true, false] {
                let use = "See [a] and [x][a] and [a][], [A] and [^a].\n"
                let parts = before ? [context, "Para one", use, "Para two"] : [use, "Para one", context, "Para two"]
                Self.expectSameTree(parts.joined(separator: "\n\n") + "\n")
            }
        }
    }

    @Test func aTextWithDefinitionsIsStillCut() {
        let text = String(repeating: "Use [the guide][g] and [x].\n\n[x]: /x-\(1)\n\n", count: 200) + "[g]: /guide \"G\"\n"
        let chunks = text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 64, acrossDefinitions: true) }
        #expect((chunks?.starts.count ?? 0) > 100)
        #expect(chunks?.mentionsDefinitions == true)
        #expect(text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 64) }?.starts.count == 1)
        Self.expectSameTree(text)
        // The definitions found are exactly the two, each once: text that parses to nothing.
        let bytes = Array(text.utf8)
        let prefix = bytes.withUnsafeBufferPointer { buffer in
            chunks.flatMap { CMark.definitionPrefix(buffer, $0, smart: true) }
        }
        #expect(prefix.map { String(decoding: $0, as: UTF8.self) } == "[x]: <\\/x\\-1> \"\"\n\n[g]: <\\/guide> \"G\"\n\n")
    }

    @Test func aBlockLeftOpenAtTheEndKeepsItsDefinitionsWhole() {
        // The probes for the definitions would be swallowed by the open fence: the text is parsed whole.
        let text = "[a]\n\n[a]: /u\n\nPara\n\n```\nnever closed [b]: /v\n\nPara\n"
        Self.expectSameTree(text)
    }

    @Test func aBlockThePiecesLeaveOpenGoesOnInTheNextPiece() {
        // A fence and an HTML block opened inside list items look like top-level openers to the
        // line scan; the CDATA block after them is top-level and runs past the blank lines.
        let cases = [
            "1. > <div>\n   <?x\n- tip\n <![CDATA[\n\nPara\n\n]]>\n\nafter\n",
            "- item\n\n   ```\n   code\n\nPara\n\n```\nstill code\n\nPara\n",
            "> ```\n\nPara\n\n```\n\nPara\n",
        ]
        for text in cases { Self.expectSameTree(text) }
    }

    @Test func aPageOfMarkupStartedParagraphsIsCut() {
        let text = String(repeating: "*a* **b** `c` [d](e.md)\n\n日本 *x*\n\n", count: 100)
        let chunks = text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 64) }
        #expect((chunks?.starts.count ?? 0) >= 40)  // a cut every other repetition (78 bytes); none before letters alone
    }
}
