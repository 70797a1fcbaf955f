import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `lint --changed-since REF` reports only on changed pages and the pages that link to them.
@Suite struct ChangedSinceTests {
    func git(_ arguments: [String], in folder: URL) throws {
        let result = Subprocess.run(
            ["git", "-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments)
        #expect(result?.status == 0)
    }

    @Test func reportsChangedPagesAndTheirLinkersOnly() throws {
        let site = try TestSite([
            "trellis.yml": "site_name: Docs\n",
            "content/index.md": "# Home\n\n![](old.svg) [b](b.md)\n",
            "content/old.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
            "content/a.md": "# A\n\n## Part\n",
            "content/b.md": "# B\n\n[a](a.md#part) [home](index.md) ![](old.svg)\n",
        ])
        defer { site.cleanUp() }
        try git(["init", "-q"], in: site.root)
        try git(["add", "-A"], in: site.root)
        try git(["commit", "-q", "-m", "start"], in: site.root)
        // Before any change, every page's warnings are reported…
        #expect(site.lint().lines.count == 2)
        // …after one, only the changed page and the pages linking to it.
        try site.write("content/a.md", "# A\n\n## Renamed part\n")
        let report = site.lint(changedSince: "HEAD")
        #expect(
            report.lines == [
                "content/b.md:3:5: error: 'a.md' has no heading or id 'part' [MissingAnchor]",
                "content/b.md:3:37: warning: image 'old.svg' has no alternative text [ImageWithoutAlt]",
            ])
        // With nothing changed, nothing is reported.
        try git(["commit", "-q", "-am", "rename"], in: site.root)
        #expect(site.lint(changedSince: "HEAD").lines == [])
    }
}

/// `lint --external` checks a site's http(s) links against a server on 127.0.0.1.
@Suite struct LintExternalLinksTests {
    @Test func reportsABrokenExternalLinkAtItsPositionOnlyWhenAsked() async throws {
        let server = try ExternalLinkTestServer()
        defer { server.stop() }
        let text = "# Home\n\nSee [ok](\(server.base)/ok) and [gone](\(server.base)/missing#part).\n"
        let site = try TestSite(["trellis.yml": "site_name: Docs\n", "content/index.md": text])
        defer { site.cleanUp() }
        var options = BuildOptions(root: site.root)
        #expect(await SiteBuilder.lint(options).lines == [])
        #expect(server.requests("/missing") == 0)
        options.checkExternalLinks = true
        let report = await SiteBuilder.lint(options)
        let line = "See [ok](\(server.base)/ok) and [gone]("
        let column = line.count + 1
        #expect(
            report.lines == [
                "content/index.md:3:\(column): error: '\(server.base)/missing#part' answered 404 Not Found [ExternalLink]"
            ])
        #expect(report.outcome == .failed)
        #expect(server.requests("/ok") == 1)
    }
}
