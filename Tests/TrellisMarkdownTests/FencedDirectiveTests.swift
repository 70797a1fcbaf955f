import Testing

@testable import TrellisMarkdown

/// Fenced blocks named by a directive become the directive's HTML; the rest stays code.
@Suite struct FencedDirectiveTests {
    let demo = FencedDirective(name: "demo") { arguments, body in
        arguments == "broken"
            ? .failure(DirectiveFailure("no scenario 'broken'"))
            : .success("<div class=\"demo\" data-arg=\"\(arguments)\">\(body.count)</div>")
    }

    func process(_ text: String) -> ProcessedPage {
        MarkdownPage.process(text: text, pipeline: .standard(directives: [demo]))
    }

    @Test func replacesNamedFencesAndKeepsOtherCode() {
        let page = process("```demo  rolling-upgrade \nabc\n```\n\n```demos\nx\n```\n\n    demo indented\n")
        #expect(
            page.html == """
                <div class="demo" data-arg="rolling-upgrade">4</div>
                <pre><code class="language-demos">x
                </code></pre>
                <pre><code>demo indented
                </code></pre>

                """)
        #expect(page.directiveProblems.isEmpty)
        #expect(page.renderedDirectives == ["demo"])
    }

    @Test func worksInsideListItems() {
        let page = process("1. Try it:\n\n    ```demo one\n    ```\n")
        #expect(page.html.contains("<li>\n<p>Try it:</p>\n<div class=\"demo\" data-arg=\"one\">0</div>\n</li>"))
    }

    @Test func aFailureIsAProblemAtTheFenceAndTheBlockStaysCode() {
        let page = process("# T\n\n```demo broken\n```\n")
        #expect(page.directiveProblems == [
            DirectiveProblem(name: "demo", position: TextPosition(line: 3, byteColumn: 1), message: "no scenario 'broken'")
        ])
        #expect(page.html.contains("<pre><code class=\"language-demo\"></code></pre>"))
        #expect(page.renderedDirectives.isEmpty)
    }

    @Test func withoutDirectivesTheFenceIsCode() {
        let page = MarkdownPage.process(text: "```demo x\n```\n")
        #expect(page.html == "<pre><code class=\"language-demo\"></code></pre>\n")
    }
}
