import Foundation
import Testing

@testable import TrellisBuild

/// A page big enough that its HTML is kept in a spool file between stages is written whole,
/// and the spool leaves nothing behind.
@Suite struct BigPageSiteTests {
    @Test func aSpooledPageIsWrittenWholeAndLeavesNoFiles() throws {
        let filler = String(repeating: "plain words to make the page big ", count: 4)
        let sections = (0..<24_000).map { "## Part \($0)\n\n\(filler)text of part \($0) with a [link](other.md) and `code`.\n" }
        let page = "# Big\n\n" + sections.joined(separator: "\n")
        #expect(page.utf8.count >= SpooledHTML.minimumTextBytes)
        let site = try TestSite([
            "mkdocs.yml": "site_name: Big\nmarkdown_extensions:\n  - toc:\n      permalink: true\n",
            "docs/index.md": page, "docs/other.md": "# Other\n",
        ])
        defer { site.cleanUp() }
        let report = site.build()
        #expect(report.outcome == .success)
        let html = try #require(site.output("index.html"))
        #expect(html.components(separatedBy: "<h2 id=\"part-").count == 24_001)
        #expect(html.contains("text of part 23999 with a <a href=\"other/\">link</a> and <code>code</code>.</p>"))
        // The theme is written around the spooled HTML once, and the marker it stood in for is gone.
        #expect(html.lowercased().components(separatedBy: "<!doctype html>").count == 2)
        #expect(html.hasSuffix("</html>\n") || html.hasSuffix("</html>"))
        #expect(!html.contains("trellis-page-content"))
        #expect(html.contains("<h1 id=\"big\">Big"))
        let everything = FileManager.default.enumerator(atPath: site.root.path)?.allObjects as? [String] ?? []
        #expect(!everything.contains { $0.contains("trellis-spool") })
    }

    @Test func spooledHTMLIsReadBackAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory
        let spool = try #require(SpooledHTML(in: folder))
        let pieces = ["<p>a</p>\n", String(repeating: "é", count: 100_000), "<hr />\n"]
        for piece in pieces { #expect(Array(piece.utf8).withUnsafeBytes { spool.append($0) }) }
        #expect(spool.read() == pieces.joined())
        #expect(SpooledHTML(in: folder.appending(path: "no-such-folder-\(UUID().uuidString)")) == nil)
    }
}
