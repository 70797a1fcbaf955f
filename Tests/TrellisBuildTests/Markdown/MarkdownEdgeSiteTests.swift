import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// An MkDocs site with every Markdown extension on, built from pages that once crashed the
/// build, and pages whose lines end in CRLF or a bare CR: the build finishes and diagnostics
/// point at the line and column an editor shows.
@Suite struct MarkdownEdgeSiteTests {
    static let config = """
        site_name: Edge cases
        markdown_extensions:
          - admonition
          - pymdownx.details
          - pymdownx.superfences
          - pymdownx.tabbed:
              alternate_style: true
          - tables
          - footnotes
          - attr_list
          - def_list
          - md_in_html
          - pymdownx.tasklist
          - toc:
              permalink: true
        plugins:
          - search
          - macros
        """

    /// The Markdown tests' crash inputs (`Tests/TrellisMarkdownTests/Fixtures/crashes`).
    static let crashFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appending(path: "../../TrellisMarkdownTests/Fixtures/crashes").standardizedFileURL

    @Test func pagesThatOnceCrashedTheBuildAreBuilt() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.crashFolder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names.count >= 7)
        let site = try TestSite(["mkdocs.yml": Self.config, "docs/other.md": "# Other\n"])
        defer { site.cleanUp() }
        for name in names {
            try site.write("docs/crash/" + name, try Data(contentsOf: Self.crashFolder.appending(path: name)))
        }
        let report = site.build()
        #expect(report.outcome == .success)
        for name in names {
            #expect(site.output("crash/" + String(name.dropLast(3)) + "/index.html") != nil, "\(name)")
        }
        let page = try #require(site.output("crash/html-comment-then-admonition/index.html"))
        #expect(page.contains("<div class=\"admonition n\">"))
    }

    @Test func diagnosticsInCRLFAndBareCRPagesPointAtTheirLineAndColumn() throws {
        let page = "# T\n\n!!! note\n    See [x](gone.md).\n\n| a | b |\n|---|---|\n| [y](lost.md) | `b` |\n"
        let site = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "# Home\n",
            "docs/lf.md": page,
            "docs/crlf.md": page.replacingOccurrences(of: "\n", with: "\r\n"),
            "docs/cr.md": page.replacingOccurrences(of: "\n", with: "\r"),
        ])
        defer { site.cleanUp() }
        let report = site.build()
        let lines = report.lines.filter { $0.contains("gone.md") || $0.contains("lost.md") }
        #expect(lines == ["cr", "crlf", "lf"].flatMap { name in
            [
                "docs/\(name).md:4:13: warning: 'gone.md' does not exist [BrokenLink]",
                "docs/\(name).md:8:7: warning: 'lost.md' does not exist [BrokenLink]",
            ]
        })
        let bodies = ["cr", "crlf", "lf"].map { Self.body(site.output($0 + "/index.html") ?? "") }
        #expect(bodies[2].contains("<div class=\"admonition note\">") && bodies[2].contains("</table>"))
        #expect(bodies[0] == bodies[2] && bodies[1] == bodies[2])
    }

    /// On an MkDocs site the page is written (MkDocs would render it), with one warning.
    @Test func containersNestedTooDeepAreOneWarningAtTheFirstOpenerLeftPlain() throws {
        let nested = (0..<70).map { String(repeating: "\t", count: $0) + ($0 % 2 == 0 ? "!!! note\n" : "=== \"T\"\n") }.joined()
        let site = try TestSite(["mkdocs.yml": Self.config, "docs/index.md": "# Deep\n\n" + nested + "\r\nend\n"])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.outcome == .success)
        #expect(report.lines == [
            "docs/index.md:67:65: warning: containers nest more than 64 levels deep; this one and those inside it stay plain Markdown [NestingLimit]"
        ])
        #expect(site.output("index.html")?.contains("<div class=\"admonition note\">") == true)
    }

    /// The rendered Markdown of a page: from its first heading to its table's end.
    static func body(_ html: String) -> Substring {
        guard let start = html.range(of: "<h1"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return "" }
        return html[start.lowerBound..<end.upperBound]
    }
}
