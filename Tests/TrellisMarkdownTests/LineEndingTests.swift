import Testing

@testable import TrellisMarkdown

/// The pipeline parses `\r\n` and `\r` as `\n` and NUL as U+FFFD, and maps offsets back to the
/// text it was given.
struct LineEndingTests {
    @Test func positionsAreCmarksAndOffsetsMapBackToTheGivenText() {
        let crlf = MarkdownPage.process(text: "a\r\n[x](y.md)\r\n")
        #expect(crlf.links.first?.position == TextPosition(line: 2, byteColumn: 5))
        #expect(crlf.links.first.map { crlf.source.inputOffset(of: $0.position) } == 7)
        let cr = MarkdownPage.process(text: "a\r\r[x](y.md)\r")
        #expect(cr.links.first?.position == TextPosition(line: 3, byteColumn: 5))
        #expect(cr.links.first.map { cr.source.inputOffset(of: $0.position) } == 7)
        let nul = MarkdownPage.process(text: "a\u{0}[x](y.md)")
        #expect(nul.links.first?.position == TextPosition(line: 1, byteColumn: 9))
        #expect(nul.links.first.map { nul.source.inputOffset(of: $0.position) } == 6)
    }

    @Test func theBytesOfAReplacedNULAllMapToIt() {
        let (text, source) = ParsedText.normalising("a\u{0}b\r\nc")
        #expect(text == "a\u{FFFD}b\nc")
        #expect((0...7).map(source.inputOffset(ofUTF8Offset:)) == [0, 1, 1, 1, 2, 3, 5, 6])
    }

    @Test func textWithoutCROrNULIsParsedAsGiven() {
        let (text, source) = ParsedText.normalising("a\nb")
        #expect(text == "a\nb" && source.inputAnchors.isEmpty)
    }

    @Test func theLineTableEndsLinesAtCRLFAndBareCRLikeCmark() {
        let source = ParsedText("a\r\nb\rc\n")
        #expect(source.lineStarts == [0, 3, 5, 7])
        #expect(source.lineEnd(1) == 2 && source.contentEnd(1) == 1 && source.lineEnd(2) == 4)
        #expect(source.lineStart(9) == 7 && source.lineEnd(9) == 7 && source.slice(5, 2).isEmpty)
    }
}
