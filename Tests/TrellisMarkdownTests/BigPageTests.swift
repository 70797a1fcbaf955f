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
            let blocks = CMark.parseBlocks(Array(text.utf8)), whole = CMark.parse(text)
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
        let document = CMark.parseBlocks(Array("# Title *x*\n\nText `code` [a](b)\n\n- item\n".utf8))
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
