import Testing

@testable import TrellisMarkdown

/// What a big page is parsed and rendered with to save memory gives what the plain way gives.
struct BigPageTests {
    static var pages: [String] {
        var generator = AdversarialPages(seed: 7)
        return CMarkChunkTests.fixtureTexts + (0..<500).map { _ in ParsedText.normalising(generator.page()).text }
    }

    @Test func theBlocksAloneFindTheSameContainersAsTheWholeTree() {
        let parser = ContainerParser(extensions: Set(MarkdownExtension.allCases))
        for text in Self.pages {
            let source = ParsedText(text)
            let blocks = CMark.parseBlocks(TextBytes(text)), whole = CMark.parse(text)
            #expect(
                "\(parser.findContainers(in: blocks, source: source, depth: 0))"
                    == "\(parser.findContainers(in: whole, source: source, depth: 0))", "\(text.debugDescription)")
            #expect(
                "\(ContainerParser.footnoteDefinitions(in: blocks, source: source))"
                    == "\(ContainerParser.footnoteDefinitions(in: whole, source: source))")
            #expect(
                ContainerParser.referenceDefinitions(in: blocks, source: source).lines
                    == ContainerParser.referenceDefinitions(in: whole, source: source).lines)
        }
    }

    @Test func theBlocksAloneHaveNoInlineNodes() {
        let document = CMark.parseBlocks(TextBytes("# Title *x*\n\nText `code` [a](b)\n\n- item\n"))
        let kinds = document.preorder().map { "\(document.kind(of: $0))" }
        #expect(kinds == ["document", "heading(level: 1, id: nil)", "paragraph", "list(TrellisMarkdown.ListStyle(ordered: false, start: 0, tight: true))", "item", "paragraph"])
    }

    @Test func aBigPageRendersTheSameWrittenStraightIntoItsString() {
        let text = String(repeating: CMarkChunkTests.fixtureTexts.joined(separator: "\n\n"), count: 40)
        #expect(text.utf8.count > 1 << 20)
        let document = MarkdownPage.parse(text, extensions: Set(MarkdownExtension.allCases))
        let renderer = HTMLRenderer()
        let pieces = renderer.render(document, expectedBytes: 0)
        #expect(renderer.render(document, expectedBytes: 2 * text.utf8.count) == pieces)
        // Too small a guess falls back to the pieces.
        #expect(renderer.render(document, expectedBytes: 1 << 20) == pieces)
        #expect(pieces.utf8.count > 1 << 20)
    }
}

extension BigPageTests {
    @Test func htmlHandedOnInPiecesIsTheWholeHTML() {
        // One huge paragraph is cut inside too, and a page of many blocks between them.
        let paragraph = (0..<20_000).map { "Word `code` [link](x.md) \($0)." }.joined(separator: " ")
        for text in [paragraph, String(repeating: CMarkChunkTests.fixtureTexts.joined(separator: "\n\n"), count: 8)] {
            let document = MarkdownPage.parse(text, extensions: Set(MarkdownExtension.allCases))
            var pieces: [[UInt8]] = []
            let renderer = HTMLRenderer()
            #expect(renderer.render(document) { pieces.append(Array($0)); return true })
            #expect(pieces.count > 2)
            #expect(pieces.allSatisfy { $0.count <= 1 << 17 })
            #expect(String(decoding: pieces.joined(), as: UTF8.self) == renderer.render(document))
        }
    }

    @Test func aPageWhoseHTMLCannotBeHandedOnKeepsItInTheResult() {
        let text = "# Title\n\n" + String(repeating: "Some *text* with a [link](a.md).\n\n", count: 5_000)
        var calls = 0
        let refused = MarkdownPage.process(text: text) { _ in
            calls += 1
            return false
        }
        #expect(calls == 1)
        #expect(refused.html == MarkdownPage.process(text: text).html)
        var written: [UInt8] = []
        let streamed = MarkdownPage.process(text: text) { written += $0; return true }
        #expect(streamed.html.isEmpty)
        #expect(String(decoding: written, as: UTF8.self) == refused.html)
    }
}
