import Testing

@testable import TrellisMarkdown

/// Fence headers read as superfences' `RE_NESTED_FENCE_START` reads them; each expectation is
/// what that regex (pymdown-extensions 13.1.2) gives for the same header.
struct FenceHeaderTests {
    static func header(_ text: String) -> FenceHeader? { FenceHeader(Array(text.utf8)) }

    @Test func languagesAndPlainHeaders() {
        #expect(Self.header("python") == FenceHeader(language: "python", form: .plain))
        #expect(Self.header(".") == FenceHeader(language: ".", form: .plain))
        #expect(Self.header(".py") == FenceHeader(language: "py", form: .plain))
        #expect(Self.header("sh  ") == FenceHeader(language: "sh", form: .plain))
        #expect(Self.header("é") == FenceHeader(language: "é", form: .plain))
        #expect(Self.header("") == FenceHeader(language: nil, form: .plain))
    }

    @Test func optionsAreReadWithTheFirstClosingQuote() {
        #expect(Self.header(#"c++ title="a b""#) == FenceHeader(language: "c++", form: .options([("title", "a b")])))
        #expect(Self.header(#"title="x""#) == FenceHeader(language: nil, form: .options([("title", "x")])))
        #expect(Self.header("python linenums") == FenceHeader(language: "python", form: .options([("linenums", "linenums")])))
        #expect(Self.header(#"python a="x" ""#) == FenceHeader(language: "python", form: .options([("a", "x")])))
        #expect(Self.header(#"a="x" b=c" d"#) == FenceHeader(language: nil, form: .options([("a", "x"), ("b", "b"), ("c", "c"), ("d", "d")])))
    }

    @Test func attributeListsAndUnrecognizedHeaders() {
        #expect(Self.header("python {.x #y}") == FenceHeader(language: "python", form: .attributes([(".", "x"), ("id", "y")])))
        #expect(Self.header("{ .py }") == FenceHeader(language: nil, form: .attributes([(".", "py")])))
        #expect(Self.header("py3{.x}") == nil)
        #expect(Self.header("c++ 17") == nil)
    }

    @Test func aHeaderSuperfencesRefusesLeavesPlainCode() {
        var options = CodeHighlightOptions()
        options.anchorLinenums = true
        let pipeline = MarkdownPipeline.standard(extensions: [.superFences], codeBlocks: options)
        // `linenums` without a value is no line number: superfences does not take the fence.
        let refused = MarkdownPage.process(text: "```python linenums\nx = 1\n```\n", pipeline: pipeline).html
        #expect(refused == "<pre><code class=\"language-python\">x = 1\n</code></pre>\n")
        let unclosed = MarkdownPage.process(text: "```python\nx = 1\n", pipeline: pipeline).html
        #expect(unclosed == "<pre><code class=\"language-python\">x = 1\n</code></pre>\n")
    }
}
