import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `lint --changed-since REF` reports only on changed pages and the pages that link to them.
@Suite struct ChangedSinceTests {
    func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.invalid"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
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
