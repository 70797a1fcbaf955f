import Testing

@testable import TrellisMarkdown

/// `attr_list`, `def_list`, `pymdownx.tasklist` and `md_in_html` golden pages, every extension
/// on. The goldens were produced by Python-Markdown 3.11.3 + pymdown-extensions 13.1.2 (see
/// `Fixtures/EXTENSIONS.md` for the command and the few documented byte differences).
struct ExtensionFixtureTests {
    static let features = ["attr-list", "def-list", "tasklist", "md-in-html"]
    static let cases = features.flatMap { feature in Fixtures.cases(feature).map { "\(feature)/\($0)" } }

    @Test func everyExtensionHasFixtures() {
        for feature in Self.features {
            #expect(Fixtures.cases(feature).count >= 2, "\(feature)")
        }
    }

    @Test(arguments: cases)
    func rendersGolden(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let text = try Fixtures.input(parts[0], parts[1])
        let page = MarkdownPage.process(text: text, pipeline: extensionPipeline)
        try Fixtures.expectGolden(page.html, parts[0], parts[1])
    }
}
