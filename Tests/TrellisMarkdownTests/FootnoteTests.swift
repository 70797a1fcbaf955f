import Testing

@testable import TrellisMarkdown

/// Python-Markdown `footnotes`: references, the footnotes block, ids and positions.
struct FootnoteTests {

    @Test func footnoteFixturesExist() {
        #expect(Fixtures.cases("footnotes").count >= 6)
    }

    @Test(arguments: Fixtures.cases("footnotes"))
    func rendersGolden(_ name: String) throws {
        try Fixtures.expectGolden(extensionHTML(try Fixtures.input("footnotes", name)), "footnotes", name)
    }
}

extension FootnoteTests {
    @Test func footnotesAreNamedAsInMkDocsConfig() {
        #expect(MarkdownExtension(mkdocsName: "footnotes") == .footnotes)
        #expect(MarkdownExtension(mkdocsName: "markdown.extensions.footnotes") == .footnotes)
    }

    @Test func footnotesAreOffUnlessEnabled() {
        let text = "A note[^1].\n\n[^1]: Text.\n"
        #expect(MarkdownPage.process(text: text).html == CMark.renderHTMLDirectly(text))
        let tablesOnly = MarkdownPipeline.standard(extensions: [.tables])
        #expect(MarkdownPage.process(text: text, pipeline: tablesOnly).html == CMark.renderHTMLDirectly(text))
        let footnotesOnly = MarkdownPipeline.standard(extensions: [.footnotes])
        #expect(MarkdownPage.process(text: text, pipeline: footnotesOnly).html.contains("<div class=\"footnote\">"))
    }

    @Test func footnoteIdsAreAnchorsOfThePage() {
        let page = MarkdownPage.process(text: "a[^x] b[^x]\n\n[^x]: Note.\n", pipeline: extensionPipeline)
        #expect(page.pageIDs.isSuperset(of: ["fn:x", "fnref:x", "fnref2:x"]))
    }

    @Test func aDefinitionEndsTheParagraphAndTakesItsLazyLines() {
        let html = extensionHTML("Intro[^1]\n[^1]: note\nlazy line\n\nAfter\n")
        #expect(html.hasPrefix("<p>Intro<sup id=\"fnref:1\">"))
        #expect(html.contains("</sup></p>\n<p>After</p>\n<div class=\"footnote\">"))
        #expect(html.contains("<p>note\nlazy line&#160;<a class=\"footnote-backref\""))
    }

    @Test func aFootnoteNotEndingInAParagraphGetsOneForItsBackReference() {
        let html = extensionHTML("x[^1]\n\n[^1]:\n    - item\n")
        let expected =
            "<li id=\"fn:1\">\n<ul>\n<li>item</li>\n</ul>\n<p><a class=\"footnote-backref\" href=\"#fnref:1\" "
            + "title=\"Jump back to footnote 1 in the text\">&#8617;</a></p>\n</li>\n"
        #expect(html.contains(expected))
    }

    @Test func referencesInsideFootnotesCountAfterThoseInTheText() {
        let html = extensionHTML("x[^1] y[^2]\n\n[^1]: see[^2]\n[^2]: two\n")
        #expect(html.contains("<p>see<sup id=\"fnref2:2\"><a class=\"footnote-ref\" href=\"#fn:2\">2</a></sup>&#160;"))
        #expect(html.contains("href=\"#fnref2:2\" title=\"Jump back to footnote 2 in the text\">&#8617;</a></p>"))
    }

    @Test func positionsInsideFootnotesReferToThePage() throws {
        let text = "x[^1]\n\n[^1]: See [a](b.md).\n\n    More [c](d.md).\n"
        let document = MarkdownPage.parse(text, extensions: [.footnotes])
        var starts: [String: TextPosition] = [:]
        for node in document.preorder() {
            if case .link(let destination, _) = document.kind(of: node) { starts[destination] = document.span(of: node)?.start }
        }
        #expect(starts["b.md"] == TextPosition(line: 3, byteColumn: 11))
        #expect(starts["d.md"] == TextPosition(line: 5, byteColumn: 10))
    }

    @Test func referenceSpansPointAtTheBrackets() throws {
        let document = MarkdownPage.parse("ab[^1] c\n\n[^1]: d\n", extensions: [.footnotes])
        let reference = try #require(document.preorder().first { node in
            if case .rawHTML(let html) = document.kind(of: node) { return html.hasPrefix("<sup") }
            return false
        })
        #expect(document.span(of: reference) == TextSpan(start: TextPosition(line: 1, byteColumn: 3), end: TextPosition(line: 1, byteColumn: 6)))
    }

    @Test func containersWorkInsideFootnotes() {
        let html = extensionHTML("x[^1]\n\n[^1]: Intro.\n\n    !!! note\n        Body.\n")
        #expect(html.contains("<li id=\"fn:1\">\n<p>Intro.</p>\n<div class=\"admonition note\">"))
    }

    @Test func manyFootnotesAreProcessed() {
        let count = 5_000
        var text = ""
        for index in 0..<count { text += "Ref[^n\(index)].\n\n" }
        for index in 0..<count { text += "[^n\(index)]: Note \(index).\n" }
        let html = extensionHTML(text)
        #expect(html.contains("<li id=\"fn:n4999\">\n<p>Note 4999.&#160;"))
        #expect(html.contains("href=\"#fn:n4999\">5000</a>"))
    }
}

extension FootnoteTests {
    @Test func unclosedReferencesAndUndefinedLabelsStayText() {
        let text = "a[^x b [^y] c\n\n[^x]: d\n"
        #expect(extensionHTML(text).hasPrefix("<p>a[^x b [^y] c</p>\n<div class=\"footnote\">"))
        let many = String(repeating: "[^", count: 200_000) + "\n\n[^x]: d\n"
        #expect(extensionHTML(many).hasPrefix("<p>[^[^"))
    }
}

extension FootnoteTests {
    @Test func aReferenceInAHeadingStaysOutOfItsId() {
        let page = MarkdownPage.process(text: "# Title[^1]\n\nx\n\n[^1]: n\n", pipeline: extensionPipeline)
        #expect(page.headingIDs == ["title"])
        #expect(page.title == "Title")
    }
}

extension FootnoteTests {
    /// A page over 1 MiB is pre-parsed as blocks only and its footnote definitions blanked in
    /// one copy of its text: every reference and definition still pairs up, in order.
    @Test func aBigPageKeepsEveryFootnote() {
        let count = 25_000
        let text = (0..<count).map { "Para \($0) with a note[^n\($0)] and *emphasis*.\n\n[^n\($0)]: Note \($0) with `code`.\n" }
            .joined(separator: "\n")
        #expect(text.utf8.count > 1 << 20)
        let html = MarkdownPage.process(text: text, pipeline: extensionPipeline).html
        #expect(html.components(separatedBy: "class=\"footnote-ref\"").count - 1 == count)
        #expect(html.components(separatedBy: "<li id=\"fn:n").count - 1 == count)
        #expect(!html.contains("[^"))
        let parts = html.components(separatedBy: "<div class=\"footnote\">")
        #expect(parts.count == 2)
        #expect(parts.first?.contains("Note 1 with") == false)
        #expect(parts.first?.hasSuffix("<p>Para 24999 with a note<sup id=\"fnref:n24999\"><a class=\"footnote-ref\" href=\"#fn:n24999\">25000</a></sup> and <em>emphasis</em>.</p>\n") == true)
        #expect(parts.last?.contains("<li id=\"fn:n24999\">\n<p>Note 24999 with <code>code</code>.&#160;") == true)
    }
}
