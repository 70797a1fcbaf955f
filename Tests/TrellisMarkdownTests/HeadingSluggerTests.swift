import Testing

@testable import TrellisMarkdown

/// Heading ids are a public contract: these goldens are what Python-Markdown's `toc` produces.
struct HeadingSluggerTests {
    @Test(arguments: [
        ("Übersicht", "ubersicht"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("中文标题", ""),
        ("Hello, World!", "hello-world"),
        ("C++ & C#", "c-c"),
        ("-leading and trailing-", "-leading-and-trailing-"),
        ("a -- b", "a-b"),
        ("a – b", "a-b"),
        ("under_score", "under_score"),
        ("Ｆｕｌｌｗｉｄｔｈ ①", "fullwidth-1"),
        ("Emoji 😀 here", "emoji-here"),
        ("Don’t", "dont"),
        ("1.2.3 Release", "123-release"),
        ("tab\there", "tab-here"),
        ("   ", ""),
    ])
    func slugifiesLikePythonMarkdown(_ text: String, _ slug: String) {
        #expect(HeadingSlugger.slugify(text) == slug)
    }

    @Test func collapsesWhitespaceLikePythonSplit() {
        #expect(HeadingSlugger.collapseWhitespace("  a \t b\u{00A0}c\u{1F}d\n") == "a b c d")
        #expect(HeadingSlugger.collapseWhitespace("") == "")
    }

    @Test func uniqueNumbersDuplicatesLikePythonMarkdown() {
        var slugger = HeadingSlugger()
        #expect(slugger.unique("step-1") == "step-1")
        #expect(slugger.unique("step-1") == "step-1_1")
        #expect(slugger.unique("step-1") == "step-1_2")
        #expect(slugger.unique("") == "_1")
        #expect(slugger.unique("") == "_2")
        #expect(slugger.unique("x_9") == "x_9")
        #expect(slugger.unique("x_9") == "x_10")
        #expect(slugger.unique("x_007") == "x_007")
        #expect(slugger.unique("x_007") == "x_8")
        #expect(slugger.unique("big_99999999999999999999") == "big_99999999999999999999")
        #expect(slugger.unique("big_99999999999999999999") == "big_100000000000000000000")
    }

    @Test func uniqueSkipsIdsTakenOutOfOrder() {
        var slugger = HeadingSlugger(reserved: ["foo_1", "intro"])
        #expect(slugger.unique("foo") == "foo")
        #expect(slugger.unique("foo") == "foo_2")
        #expect(slugger.unique("foo_1") == "foo_3")
        #expect(slugger.unique("intro") == "intro_1")
        #expect(slugger.unique("foo_5") == "foo_5")
        #expect(slugger.unique("foo") == "foo_4")
        #expect(slugger.unique("foo") == "foo_6")
    }

    @Test func manyEqualHeadingsGetSequentialIds() {
        var slugger = HeadingSlugger()
        let ids = (0..<20_000).map { _ in slugger.id(forHeadingText: "Section") }
        #expect(ids.first == "section")
        #expect(ids[1] == "section_1")
        #expect(ids.last == "section_19999")
        #expect(Set(ids).count == ids.count)
    }

    @Test func headingTextUsesCodeAndEntitiesButDropsTags() {
        let page = MarkdownPage.process(
            text: """
                ## Don't stop
                ## Step 1
                ## Step 1
                ## The `config.yml` file
                ## Fish &amp; <span class="x">chips</span>
                ## Übersicht
                ## 中文
                ## 日本語
                ## *Emphasis* and [a link](x.md)
                ## Setext
                """)
        #expect(
            page.headingIDs == [
                "dont-stop", "step-1", "step-1_1", "the-configyml-file", "fish-chips", "ubersicht", "_1", "_2",
                "emphasis-and-a-link", "setext",
            ])
        #expect(page.toc.map(\.title)[3] == "The config.yml file")
        #expect(page.toc.map(\.title)[4] == "Fish & chips")
    }
}
