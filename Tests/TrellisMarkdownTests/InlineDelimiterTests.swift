import Testing
import TrellisTestSupport

@testable import TrellisMarkdown

/// `pymdownx.mark`, `caret` and `tilde` from the user's side: where they apply and where not,
/// what they do to ids, spans and links, and that no input makes them crash or take long.
struct InlineDelimiterTests {
    static let delimiters = MarkdownPipeline.standard(resolveLink: mkdocsLinks, extensions: [.mark, .caret, .tilde, .attrList])

    static func html(_ text: String, _ pipeline: MarkdownPipeline = delimiters) -> String {
        MarkdownPage.process(text: text, pipeline: pipeline).html
    }

    @Test func leavesTextAloneWhenTheExtensionsAreOff() {
        let text = "==a== ^^b^^ ^c^ ~~d~~ ~e~ a\\ b\n"
        #expect(Self.html(text, .standard(extensions: [.attrList, .tables])) == "<p>==a== ^^b^^ ^c^ ~~d~~ ~e~ a\\ b</p>\n")
        #expect(Self.html("==a== ^b^\n", .standard(extensions: [.tilde])) == "<p>==a== ^b^</p>\n")
    }

    @Test func keepsCodeRawHTMLAndLinkTargetsAsWritten() {
        #expect(Self.html("`==a==` ==b==\n") == "<p><code>==a==</code> <mark>b</mark></p>\n")
        #expect(Self.html("```\n==a== ^b^\n```\n") == "<pre><code>==a== ^b^\n</code></pre>\n")
        #expect(Self.html("<div>\n==a== ~b~\n</div>\n") == "<div>\n==a== ~b~\n</div>\n")
        #expect(Self.html("[x](a==b==.md) <https://e.com/~a~>\n") == "<p><a href=\"a==b==/\">x</a> <a href=\"https://e.com/~a~\">https://e.com/~a~</a></p>\n")
        #expect(Self.html("<span title=\"==a==\">^b^</span>\n") == "<p><span title=\"==a==\"><sup>b</sup></span></p>\n")
    }

    @Test func escapedMarkersStayText() {
        #expect(Self.html("\\==a== \\^b^ \\~c~ ==d\\==\n") == "<p>==a== ^b^ ~c~ ==d==</p>\n")
    }

    @Test func markedHeadingsKeepTheirWordsInIdsAndTheTOC() {
        let page = MarkdownPage.process(text: "## The ==new== H~2~O ^^way^^\n", pipeline: Self.delimiters)
        #expect(page.headingIDs == ["the-new-h2o-way"])
        #expect(page.toc.map(\.title) == ["The new H2O way"])
        #expect(page.html.hasPrefix("<h2 id=\"the-new-h2o-way\">The <mark>new</mark> H<sub>2</sub>O <ins>way</ins>"))
    }

    @Test func splitTextKeepsItsSourcePositions() {
        let page = MarkdownPage.process(text: "Some ==marked== text, then [a link](b.md).\n", pipeline: Self.delimiters)
        let link = page.links.first
        #expect(link?.destination == "b.md")
        #expect(link?.position == TextPosition(line: 1, byteColumn: 37))
        var spans: [String: TextSpan] = [:]
        for node in page.document.preorder() {
            if case .text(let text) = page.document.kind(of: node), let span = page.document.span(of: node) { spans[text] = span }
        }
        #expect(spans["marked"] == TextSpan(start: TextPosition(line: 1, byteColumn: 8), end: TextPosition(line: 1, byteColumn: 13)))
        #expect(spans[" text, then "] == TextSpan(start: TextPosition(line: 1, byteColumn: 16), end: TextPosition(line: 1, byteColumn: 27)))
    }

    @Test func markersAcrossLinesPairAndUnclosedOnesStayText() {
        #expect(Self.html("==a\nb== ^^c\nd^^\n") == "<p><mark>a\nb</mark> <ins>c\nd</ins></p>\n")
        #expect(Self.html("==a\n\nb==\n") == "<p>==a</p>\n<p>b==</p>\n")
        #expect(Self.html("- ==a\n- b==\n") == "<ul>\n<li>==a</li>\n<li>b==</li>\n</ul>\n")
    }

    @Test func smartPunctuationAroundMarksReadsAsItsSource() {
        let smart = MarkdownPipeline.standard(extensions: [.mark, .caret, .smarty])
        #expect(Self.html("'==a==' --==b==-- ^c'^\n", smart) == "<p>‘<mark>a</mark>’ –<mark>b</mark>– <sup>c’</sup></p>\n")
    }

    @Test func hugeRunsAndDeepNestingFinishOnASmallStack() {
        let texts = [
            String(repeating: "=", count: 100_000), String(repeating: "^", count: 100_000) + "x" + String(repeating: "^", count: 100_000),
            String(repeating: "==a ", count: 50_000), String(repeating: "~a ", count: 50_000) + "b~",
            String(repeating: "^^~~==", count: 30_000) + "x" + String(repeating: "==~~^^", count: 30_000),
            String(repeating: "*==a ^^", count: 20_000), String(repeating: "=a=\n", count: 20_000),
        ]
        for text in texts {
            let html = onSmallStack { MarkdownPage.process(text: text, pipeline: Self.delimiters).html }
            #expect(html.hasPrefix("<p>"))
        }
        let deep = onSmallStack { Self.html(String(repeating: "^", count: 20_000) + "x" + String(repeating: "^", count: 20_000)) }
        #expect(deep.components(separatedBy: "<ins>").count - 1 == 10_000)
    }
}
