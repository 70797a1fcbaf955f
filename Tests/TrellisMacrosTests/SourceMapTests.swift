import Foundation
import Testing
import TrellisCore
import TrellisMacros

typealias Loc = TrellisCore.SourceLocation

/// The expanded text maps back to the file: copied text exactly, generated text to its `{{`.
struct SourceMapTests {
    static let frontMatter = "---\ntitle: Map\n---\n"
    static let context = map(["brand": "Acme Cloud Platform", "version": 3, "yes": true])

    /// Expands `body` (after front matter) and returns a function from a word of the output to
    /// the original location the map gives for its first byte.
    static func expand(_ body: String) -> (MacroExpansion, SourceFile, (String) -> Loc?) {
        let file = SourceFile(path: "m.md", text: frontMatter + body)
        let result = MacroExpander.expand(body, file: file, sourceOffset: frontMatter.utf8.count, context: context)
        let locate: (String) -> Loc? = { word in
            guard let range = result.text.range(of: word) else { return nil }
            let offset = result.text.utf8.distance(from: result.text.startIndex, to: range.lowerBound)
            return file.location(ofUTF8Offset: result.sourceMap.sourceOffset(forOutputOffset: offset))
        }
        return (result, file, locate)
    }

    @Test func textAfterAMacroMapsToItsOriginalColumn() {
        let (result, _, locate) = Self.expand("Intro {{ brand }} tail\nnext {{ version|lower }} line\nplain words\n")
        #expect(result.text == "Intro Acme Cloud Platform tail\nnext 3 line\nplain words")
        #expect(locate("tail") == Loc(line: 4, column: 19))
        #expect(locate("line") == Loc(line: 5, column: 26))
        #expect(locate("words") == Loc(line: 6, column: 7))
    }

    @Test func generatedTextMapsToItsTag() {
        let (_, _, locate) = Self.expand("Intro {{ brand }} tail\nnext {{ version }}\n")
        #expect(locate("Cloud") == Loc(line: 4, column: 7))
        #expect(locate("3") == Loc(line: 5, column: 6))
    }

    @Test func textAfterStatementsCommentsAndStrippedWhitespaceMapsBack() {
        let body =
            "{% if yes %}\nkept {# note #} after\n{%- endif %}\n   {{- brand }} end {% raw %}raw{% endraw %} done\n"
        let (result, _, locate) = Self.expand(body)
        #expect(result.text == "\nkept  afterAcme Cloud Platform end raw done")
        #expect(locate("kept") == Loc(line: 5, column: 1))
        #expect(locate("after") == Loc(line: 5, column: 17))
        #expect(locate("end") == Loc(line: 7, column: 17))
        #expect(locate("raw") == Loc(line: 7, column: 30))
        #expect(locate("done") == Loc(line: 7, column: 46))
    }

    @Test func unicodeBeforeAMacroKeepsColumnsInScalars() {
        let (_, _, locate) = Self.expand("é✓ {{ brand }} → ziel\n")
        #expect(locate("ziel") == Loc(line: 4, column: 18))
    }

    @Test func carriageReturnsBecomeNewlinesAndStillMapBack() {
        let (result, _, locate) = Self.expand("a {{ version }}\r\nsecond\rthird\r\n")
        #expect(result.text == "a 3\nsecond\nthird")
        #expect(locate("second") == Loc(line: 5, column: 1))
        // A bare CR ends a line, as in cmark and editors.
        #expect(locate("third") == Loc(line: 6, column: 1))
    }

    @Test func mapCoversTheWholeOutput() {
        let (result, _, _) = Self.expand("x {{ brand }} y {% if yes %}z{% endif %}\n")
        #expect(result.sourceMap.outputLength == result.text.utf8.count)
    }

    @Test func plainTextIsTheIdentityMapAtTheBodyOffset() {
        let body = "no macros { here }\nat all\n"
        let file = SourceFile(path: "p.md", text: Self.frontMatter + body)
        let (template, diagnostics) = MacroTemplate.parse(body, file: file, sourceOffset: Self.frontMatter.utf8.count)
        #expect(diagnostics.isEmpty)
        #expect(template.isPlainText)
        let result = template.render(context: Self.context)
        #expect(result.text == "no macros { here }\nat all")
        #expect(result.sourceMap.sourceOffset(forOutputOffset: 3) == Self.frontMatter.utf8.count + 3)
    }
}
