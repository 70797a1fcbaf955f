import Foundation
import Testing

@testable import TrellisMarkdown

/// Code blocks in every listed language, highlighted: the HTML must be what Python-Markdown with
/// pymdownx.highlight and Pygments 2.21 write, byte for byte (goldens from
/// `scripts/pygments-goldens.py`).
struct HighlightGoldenTests {
    static let folders = ["highlight-languages", "highlight-options"]
    static let cases = folders.flatMap { folder in Fixtures.cases(folder).map { "\(folder)/\($0)" } }

    @Test func everyFolderHasFixtures() {
        for folder in Self.folders {
            #expect(Fixtures.cases(folder).count >= 1, "\(folder)")
        }
    }

    @Test(arguments: cases)
    func highlightsLikePygments(_ path: String) throws {
        let parts = path.split(separator: "/").map(String.init)
        let pipeline = try PymdownxFixtureTests.pipeline(parts[0])
        let page = MarkdownPage.process(text: try Fixtures.input(parts[0], parts[1]), pipeline: pipeline)
        if let dump = ProcessInfo.processInfo.environment["TRELLIS_DUMP"] {
            try Data(page.html.utf8).write(to: URL(fileURLWithPath: dump + "/" + parts[1] + ".html"))
        }
        try Fixtures.expectPythonGolden(page.html, parts[0], parts[1])
    }
}
