import Testing
import TrellisCore

@Suite struct SourceMapTests {
    @Test func copiedTextMapsOneToOneAndGeneratedTextToItsOrigin() {
        // Source: "ab{{ x }}cd" (x → "XYZ"); output: "abXYZcd".
        var map = SourceMap()
        map.appendCopy(sourceStart: 0, length: 2)
        map.appendGenerated(sourceStart: 2, length: 3)
        map.appendCopy(sourceStart: 9, length: 2)
        #expect(map.sourceOffset(forOutputOffset: 1) == 1)
        #expect(map.sourceOffset(forOutputOffset: 3) == 2)
        #expect(map.sourceOffset(forOutputOffset: 5) == 9)
        #expect(map.sourceOffset(forOutputOffset: 6) == 10)
    }

    @Test func tellsCopiedBytesFromGeneratedOnes() {
        var map = SourceMap()
        map.appendCopy(sourceStart: 0, length: 4)  // "Run "
        map.appendGenerated(sourceStart: 4, length: 6)  // "1.27.8" from {{ v }}
        map.appendCopy(sourceStart: 11, length: 2)
        #expect((0..<4).allSatisfy { map.isCopied(outputOffset: $0) })
        #expect((4..<10).allSatisfy { !map.isCopied(outputOffset: $0) })
        #expect(map.isCopied(outputOffset: 10) && map.isCopied(outputOffset: 11))
        #expect(SourceMap().isCopied(outputOffset: 3))
    }

    @Test func identityMapShiftsByTheBodyOffset() {
        let map = SourceMap.identity(length: 10, sourceOffset: 20)
        #expect(map.sourceOffset(forOutputOffset: 0) == 20)
        #expect(map.sourceOffset(forOutputOffset: 7) == 27)
    }

    @Test func composesTwoMaps() {
        var inner = SourceMap()  // B → A: B[0..<4] copied from A[10..<14]
        inner.appendCopy(sourceStart: 10, length: 4)
        var outer = SourceMap()  // C → B: C[0..<2] from B[2..<4], then generated from B[0]
        outer.appendCopy(sourceStart: 2, length: 2)
        outer.appendGenerated(sourceStart: 0, length: 5)
        let composed = outer.composed(with: inner)
        #expect(composed.sourceOffset(forOutputOffset: 1) == 13)
        #expect(composed.sourceOffset(forOutputOffset: 4) == 10)
    }

    @Test func sourceFileTurnsOffsetsIntoLinesAndScalarColumns() {
        let file = SourceFile(path: "a.md", text: "ab\nÜber x\n")
        #expect(file.location(ofUTF8Offset: 0) == SourceLocation(line: 1, column: 1))
        #expect(file.location(ofUTF8Offset: 3) == SourceLocation(line: 2, column: 1))
        // "Ü" is two bytes but one column.
        #expect(file.location(ofUTF8Offset: 9) == SourceLocation(line: 2, column: 6))
        #expect(file.lineText(2) == "Über x")
    }
}
