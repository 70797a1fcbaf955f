import Testing
import TrellisCore

/// Lines end where cmark and editors end them: `\n`, `\r\n` or a bare `\r`.
struct SourceFileTests {
    @Test func crlfAndBareCRAreOneLineBreakEach() {
        let file = SourceFile(path: "a.md", text: "ab\r\ncd\ref\n\rg")
        #expect(file.lineStarts == [0, 4, 7, 10, 11])
        #expect(file.location(ofUTF8Offset: 5) == SourceLocation(line: 2, column: 2))
        #expect(file.location(ofUTF8Offset: 8) == SourceLocation(line: 3, column: 2))
        #expect(file.location(ofUTF8Offset: 11) == SourceLocation(line: 5, column: 1))
        #expect((1...5).map(file.lineText) == ["ab", "cd", "ef", "", "g"])
    }

    @Test func aTrailingCROpensAnEmptyLastLine() {
        #expect(SourceFile(path: "a.md", text: "a\r").lineStarts == [0, 2])
        #expect(SourceFile(path: "a.md", text: "a\r\n").lineStarts == [0, 3])
    }

    @Test func columnsCountScalarsAcrossLongLines() {
        let line = String(repeating: "é a ", count: 5_000) + "x"
        let file = SourceFile(path: "a.md", text: "h\n" + line)
        let offset = file.text.utf8.count - 1
        #expect(file.location(ofUTF8Offset: offset) == SourceLocation(line: 2, column: 20_001))
        #expect(file.location(ofUTF8Offset: 2 + 5 * 1_000) == SourceLocation(line: 2, column: 4_001))
    }
}
