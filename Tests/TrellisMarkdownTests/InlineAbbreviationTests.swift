import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// Python-Markdown `abbr` from the user's side (the markup is golden-tested in `inline-abbr*/`).
struct InlineAbbreviationTests {
    static let abbr = MarkdownPipeline.standard(extensions: [.abbreviations, .magicLink, .mark, .smartSymbols, .admonition])

    static func html(_ text: String, _ pipeline: MarkdownPipeline = abbr) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func definitionsAreTextWhenTheExtensionIsOff() {
        #expect(Self.html("*[A]: x\n\nA\n", .standard(extensions: [.mark])) == "<p>*[A]: x</p>\n<p>A</p>\n")
    }

    @Test func aDefinitionsTitleIsReadAsWrittenAndNoOtherExtensionReadsIt() {
        #expect(Self.html("*[URL]: see https://x.com and ==m== (c)\n\nA URL (c)\n") == "<p>A <abbr title=\"see https://x.com and ==m== (c)\">URL</abbr> &copy;</p>\n")
    }

    @Test func definitionsCountAnywhereOnThePageAndInContainers() {
        #expect(Self.html("API first.\n\n!!! note\n    *[API]: Interface\n") == "<p><abbr title=\"Interface\">API</abbr> first.</p>\n<div class=\"admonition note\">\n<p class=\"admonition-title\">Note</p>\n</div>\n")
    }

    @Test func headingsAndTheTOCReadTheAbbreviation() {
        let page = MarkdownPage.process(text: "## The API\n\n*[API]: Interface\n", pipeline: Self.abbr)
        #expect(page.headingIDs == ["the-api"])
        #expect(page.toc.first?.title == "The API")
    }

    @Test func aParagraphWhoseEmphasisCrossesTheDefinitionStaysWhole() {
        // Python-Markdown removes the line before it parses emphasis; cmark's emphasis spans it.
        #expect(Self.html("*[A]: x *y\nz* more\n\nA\n") == "<p>*[A]: x <em>y\nz</em> more</p>\n<p>A</p>\n")
    }

    @Test func manyDefinitionsAndUsesFinishOnASmallStack() {
        var text = ""
        for index in 0..<5_000 { text += "*[AB\(index)]: Title \(index)\n" }
        text += "\n" + (0..<5_000).map { "AB\($0)" }.joined(separator: " ") + "\n\n"
        text += String(repeating: "*[", count: 50_000) + "\n\n" + String(repeating: "AB1 ", count: 50_000) + "\n"
        let page = text
        let html = onSmallStack { MarkdownPage.process(text: page, pipeline: Self.abbr).html }
        #expect(html.contains("<abbr title=\"Title 4999\">AB4999</abbr>"))
        #expect(html.components(separatedBy: "<abbr title=\"Title 1\">").count - 1 == 50_001)
    }
}
