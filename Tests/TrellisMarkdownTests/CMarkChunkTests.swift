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
}
