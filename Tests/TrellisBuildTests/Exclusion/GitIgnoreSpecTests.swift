import Foundation
import Testing

@testable import TrellisBuild

/// MkDocs reads `exclude_docs`, `draft_docs` and `not_in_nav` with pathspec's GitIgnoreSpec.
/// `Fixtures/gitignore/cases.json` holds which paths pathspec selects for each pattern list
/// (`scripts/gitignore-goldens.py`); Trellis's matcher must select the same ones.
@Suite struct GitIgnoreSpecTests {
    struct Golden: Decodable {
        struct Case: Decodable {
            var patterns: [String]
            var selected: [String]
        }
        var paths: [String]
        var cases: [Case]
    }

    static let golden: Golden? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Fixtures/gitignore/cases.json")
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Golden.self, from: $0) }
    }()

    static let cases: [Int] = Array((golden?.cases ?? []).indices)

    @Test func theGoldensAreThere() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func selectsWhatPathspecSelects(_ index: Int) throws {
        let golden = try #require(Self.golden)
        let testCase = golden.cases[index]
        let spec = try GitIgnoreSpec(lines: testCase.patterns)
        let selected = golden.paths.filter(spec.matches)
        #expect(selected == testCase.selected, "\(testCase.patterns)")
    }

    @Test func aTrailingEscapeIsRefusedAsPathspecRefusesIt() {
        #expect(throws: GitIgnoreSpec.InvalidPattern.self) { try GitIgnoreSpec(lines: ["a\\"]) }
        #expect(throws: GitIgnoreSpec.InvalidPattern.self) { try GitIgnoreSpec(text: "ok.md\nb\\\n") }
    }

    @Test func mkdocsDefaultLeavesOutDotFilesAndTheTopTemplatesFolder() {
        let spec = GitIgnoreSpec.mkdocsDefault
        #expect(spec.matches(".env"))
        #expect(spec.matches("a/.b/c.md"))
        #expect(spec.matches("templates/page.html"))
        #expect(!spec.matches("guide/templates/page.md"))
        #expect(!spec.matches("index.md"))
    }
}
