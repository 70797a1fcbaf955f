import Foundation
import Testing
import TrellisTestSupport
import TrellisCore

@testable import TrellisBuild

/// An alias bomb or nesting past `YAMLBounds` in each kind of YAML file is that file's invalid
/// YAML: a config file makes the site unusable (exit 2), a `.pages` file or a page's front
/// matter is an error of its own while the other pages are still read and checked (each
/// reports its own problem here).
@Suite struct YAMLBombSiteTests {
    static func build(_ files: [String: String]) throws -> (BuildReport, TestSite) {
        let site = try TestSite(files)
        return (site.build(), site)
    }

    /// The diagnostic `YAMLBoundsTests.bomb()` gives when it starts `offset` lines into a file
    /// whose YAML text is `bytes` long: `k5`'s first alias passes 200 values per byte.
    static func bombLine(_ path: String, offset: Int, bytes: Int, rule: RuleID) -> String {
        "\(path):\(6 + offset):10: error: invalid YAML: \(YAMLBounds.tooLarge(200 * bytes)) [\(rule)]"
    }

    /// Config files: `mkdocs.yml`, `trellis.yml`, and a brand file (path, its first line).
    static let configFiles: [(path: String, head: String, others: [String: String])] = [
        ("mkdocs.yml", "site_name: D\n", ["docs/index.md": "# Home\n"]),
        ("trellis.yml", "site_name: D\n", ["content/index.md": "# Home\n"]),
        (
            "brands/alpha.yml", "name: Alpha\n",
            ["trellis.yml": "site_name: D\nbrands: [alpha]\n", "content/index.md": "# Home\n"]
        ),
    ]

    @Test(arguments: configFiles.indices)
    func configFileBombMakesTheSiteUnusable(_ index: Int) throws {
        let (path, head, others) = Self.configFiles[index]
        let config = head + YAMLBoundsTests.bomb()
        let (report, site) = try Self.build(others.merging([path: config]) { a, _ in a })
        defer { site.cleanUp() }
        #expect(report.outcome == .unusable)
        #expect(report.lines == [Self.bombLine(path, offset: 1, bytes: config.utf8.count, rule: .configSyntax)])
    }

    @Test func pagesFileBombIsAnErrorAndThePagesAreStillChecked() throws {
        let pages = YAMLBoundsTests.bomb()
        let (report, site) = try Self.build([
            "mkdocs.yml": "site_name: D\nplugins:\n  - awesome-pages\n",
            "docs/index.md": "# Home\n", "docs/guide/.pages": pages, "docs/guide/setup.md": "# Setup\n\n[x](gone.md)\n",
        ])
        defer { site.cleanUp() }
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                Self.bombLine("docs/guide/.pages", offset: 0, bytes: pages.utf8.count, rule: .configSyntax),
                "docs/guide/setup.md:3:5: warning: 'gone.md' does not exist [BrokenLink]",
            ])
    }

    /// Front matter past a bound (an alias bomb, nesting one level too deep) and the
    /// diagnostic it gives.
    static let frontMatters: [(yaml: String, line: String)] = [
        (
            YAMLBoundsTests.bomb(),
            bombLine("content/a.md", offset: 1, bytes: YAMLBoundsTests.bomb().utf8.count, rule: .frontMatter)
        ),
        (
            YAMLBoundsTests.nested(YAMLBounds.maxDepth),
            "content/a.md:2:\(3 + YAMLBounds.maxDepth): error: invalid YAML: \(YAMLBounds.tooDeep) [FrontMatter]"
        ),
    ]

    @Test(arguments: frontMatters.indices)
    func frontMatterPastABoundIsThatPagesErrorAndOthersAreStillChecked(_ index: Int) throws {
        let (yaml, line) = Self.frontMatters[index]
        let (report, site) = try Self.build([
            "trellis.yml": "site_name: D\n", "content/a.md": "---\n\(yaml)---\n# A\n", "content/b.md": "# B {{ nope }}\n",
        ])
        defer { site.cleanUp() }
        #expect(report.outcome == .failed)
        #expect(report.lines == [line, "content/b.md:1:8: error: undefined variable 'nope' [UndefinedVariable]"])
    }

    @Test func frontMatterAtTheLimitIsPrintedAndComparedOnASmallStack() throws {
        // The deepest front matter allowed goes through Yams, the conversion to values, and the
        // macros' printing and comparison, on a thread with a secondary thread's stack.
        let yaml = YAMLBoundsTests.nested(YAMLBounds.maxDepth - 1)
        let site = try TestSite([
            "trellis.yml": "site_name: D\n",
            "content/a.md": "---\n\(yaml)---\n# A\n\n{{ page.meta.x == page.meta.x }} {{ page.meta.x }}\n",
        ])
        defer { site.cleanUp() }
        let report = onSmallStack { site.build() }
        #expect(report.lines == [])
        let expected = String(repeating: "[", count: YAMLBounds.maxDepth - 1) + "1"
            + String(repeating: "]", count: YAMLBounds.maxDepth - 1)
        #expect(site.output("default/a/index.html")?.contains("True \(expected)") == true)
    }
}
