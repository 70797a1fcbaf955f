import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.betterem` with `smart_enable: all` (golden-tested in `inline-betterem/`).
struct InlineBetterEmphasisTests {
    static let smart: MarkdownPipeline = {
        var settings = InlineExtensionSettings()
        settings.smartAsterisk = true
        return .standard(extensions: [.betterEmphasis, .attrList], inline: settings)
    }()

    static func html(_ text: String, _ pipeline: MarkdownPipeline = smart) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func theDefaultIsCommonMarksEmphasis() {
        #expect(Self.html("2*3*4\n", .standard(extensions: [.betterEmphasis])) == "<p>2<em>3</em>4</p>\n")
    }

    @Test func intrawordStarsAreTextAndTheRestStaysEmphasis() {
        #expect(Self.html("2*3*4 *a* `x*y*z`\n") == "<p>2*3*4 <em>a</em> <code>x*y*z</code></p>\n")
        #expect(Self.html("## a*b*c\n").hasPrefix("<h2 id=\"abc\">a*b*c"))
    }

    /// A limit: the stars undone are not paired again, where pymdownx pairs them otherwise.
    @Test func undoneStarsAreNotPairedAgain() {
        #expect(Self.html("*a*b*\n") == "<p>*a*b*</p>\n")
    }

    @Test func deepNestingOnASmallStack() {
        let text = "x" + String(repeating: "*", count: 30_000) + "y" + String(repeating: "*", count: 30_000) + "z\n"
        let html = onSmallStack { MarkdownPage.process(text: text, pipeline: Self.smart).html }
        #expect(html == "<p>" + text.dropLast() + "</p>\n")
    }
}
