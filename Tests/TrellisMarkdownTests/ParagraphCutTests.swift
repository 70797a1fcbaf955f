import Testing

@testable import TrellisMarkdown

/// A one-line paragraph cut into pieces parses to exactly the tree of the whole text, spans
/// included: checked with a cut at every possible place, on seeded lines mixing everything
/// cmark pairs or looks ahead for (emphasis, quotes, code spans, links, raw HTML, autolinks).
struct ParagraphCutTests {
    /// Every node's kind and whole span, in document order.
    static func shape(_ document: MarkdownDocument) -> [String] {
        document.preorder().map { node in
            "\(document.kind(of: node)) \(document.span(of: node).map { "\($0.start)-\($0.end)" } ?? "-")"
        }
    }

    static func expectSameTree(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let whole = CMark.parse(text, chunkBytes: Int.max)
        for size in [1, 7, 40] {
            let pieces = CMark.parse(text, chunkBytes: size)
            #expect(shape(pieces) == shape(whole), "\(size) \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    static let tokens = [
        "word", "Word", "words", "a", "x", "don't", "it's", "snake_case", "2", "word.", "word,", "--", "...", "(", ")",
        "`code`", "``co`de``", "`", "``", "[link](other.md)", "[text](<a b>)", "[t](u \"title x\")", "![alt](i.png)",
        "[", "]", "![", "[a]", "<b>", "</b>", "<a href=\"x y\">", "<a title='>'>", "<http://e.x/a>", "<me@e.x>", "<",
        ">", "<!-- c -->", "<!--", "-->", "<?p x ?>", "<!X y>", "*", "**", "*em*", "**strong**", "_", "__", "_em_",
        "'", "\"", "'q'", "\"q\"", "\\*", "\\[", "\\`", "\\", "&amp;", "&", "&#65;", "!", "*a", "a*", "_a", "a_",
    ]

    /// A page whose middle paragraph is one line of `count` random tokens joined by spaces.
    static func page(_ generator: inout AdversarialPages, count: Int) -> String {
        var line = "Start"
        for _ in 0..<count {
            line += generator.pick([" ", " ", " ", "  ", " \t ", "\u{0B} ", "\u{0C}\u{0B} "]) + generator.pick(tokens)
        }
        return "Before\n\n" + line + generator.pick(["", " ", "  "]) + generator.pick(["\n\nAfter\n", "\n", ""])
    }

    @Test func seededOneLineParagraphsParseTheSameInPieces() {
        var generator = AdversarialPages(seed: 9)
        for _ in 0..<3_000 {
            Self.expectSameTree(Self.page(&generator, count: Int(generator.next() % 40) + 1))
        }
    }

    @Test func plainSentencesAreCutAndJoinedIntoOneParagraph() {
        let line = (0..<200).map { "Sentence \($0) with `code` and a [link](other.md)." }.joined(separator: " ")
        let text = "# Title\n\n" + line + "\n\nAfter.\n"
        Self.expectSameTree(text)
        let chunks = text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 100) }
        #expect((chunks?.columns.filter { $0 > 0 }.count ?? 0) > 50)
        let document = CMark.parse(text, chunkBytes: 100)
        #expect(document.children(of: document.root).count == 3)
    }

    @Test func whiteSpaceCmarkTrimsBeforeACutIsKept() {
        // cmark trims form feeds (and vertical tabs) from a piece's end, as it does spaces and tabs.
        for space in ["\u{0C} ", "\t\u{0C} ", "\u{0B} ", " \u{0B}\u{0C} "] {
            Self.expectSameTree("d\(space)o")
            Self.expectSameTree(String(repeating: "_word_\(space)", count: 50) + "end\n")
        }
        // A form feed is white space to emphasis too, so a cut may follow it; a vertical tab is
        // not (`_word_\u{0B}` is no emphasis, and would be at a piece's end): no cut after one.
        func cuts(_ text: String) -> Int {
            text.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 10) }?.columns.filter { $0 > 0 }.count ?? 0
        }
        #expect(cuts(String(repeating: "word\u{0C} ", count: 50)) > 10)
        #expect(cuts(String(repeating: "word\u{0B} ", count: 50)) == 0)
    }

    @Test func aCutWaitsUntilNoDelimiterCanPairAcrossIt() {
        // `*a` could open emphasis closed by the last `*`: no cut between them.
        let line = "Start *a " + String(repeating: "word ", count: 100) + "b* end " + String(repeating: "tail ", count: 100)
        let chunks = line.utf8.withContiguousStorageIfAvailable { CMarkChunks($0, size: 10) }
        let cuts = zip(chunks?.starts ?? [], chunks?.columns ?? []).filter { $0.1 > 0 }.map(\.0)
        let closer = line.utf8.lastIndex(of: UInt8(ascii: "*")).map { line.utf8.distance(from: line.utf8.startIndex, to: $0) } ?? 0
        #expect(!cuts.isEmpty)
        #expect(cuts.allSatisfy { $0 > closer })
        Self.expectSameTree(line)
    }

    @Test func aPieceThatLeavesACodeSpanOpenTakesTheRestOfTheParagraph() {
        let line = "Start `" + String(repeating: "word ", count: 100) + "` end " + String(repeating: "tail ", count: 100)
        Self.expectSameTree(line)
        let document = CMark.parse(line, chunkBytes: 10)
        let codes = document.preorder().filter { if case .code = document.kind(of: $0) { true } else { false } }
        #expect(codes.count == 1)
    }
}
