import Testing

@testable import TrellisMarkdown

/// Whole pages through the standard pipeline, compared with `<case>.html` goldens.
struct GoldenFixtureTests {
    static let features = ["headings", "icons", "links", "images"]
    static let cases = features.flatMap { feature in Fixtures.cases(feature).map { "\(feature)/\($0)" } }

    @Test func everyFeatureHasFixtures() {
        for feature in Self.features {
            #expect(!Fixtures.cases(feature).isEmpty, "\(feature)")
        }
    }

    @Test(arguments: cases)
    func rendersGolden(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let text = try Fixtures.input(parts[0], parts[1])
        let page = MarkdownPage.process(text: text, pipeline: fixturePipeline)
        try Fixtures.expectGolden(page.html, parts[0], parts[1])
    }
}
