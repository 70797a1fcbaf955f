import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Every output path is written once: two sources on one path, or a file where another needs
/// a folder, is an `OutputCollision` naming both, and the one MkDocs keeps is kept. MkDocs
/// overwrites one with the other and goes on, so on an MkDocs site it is a warning and the site
/// is written; on a Trellis site it is an error (FailingSites/OutputCollision).
@Suite struct OutputCollisionTests {
    func site(_ config: String, _ files: [String: String]) throws -> TestSite {
        try TestSite(files.merging(["mkdocs.yml": config, "docs/index.md": "# Home\n"]) { a, _ in a })
    }

    @Test func aPageAndAStaticFileNamedLikeItsFolderAreReportedNamingBoth() throws {
        let s = try site("site_name: C\n", ["docs/passwd.md": "# Passwords\n\n[the file](passwd)\n", "docs/passwd": "plain file\n"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [
            "docs/passwd.md: warning: the page 'docs/passwd.md' is written to 'passwd/index.html', but the file 'docs/passwd' "
                + "is written to 'passwd', which therefore cannot be a folder; only the file 'docs/passwd' is published [OutputCollision]"
        ])
        #expect(report.outcome == .success)
        #expect(s.output("passwd") == "plain file\n")
        #expect(s.lint().lines == report.lines)
    }

    @Test func downgradedTheFileIsKeptAsMkDocsKeepsIt() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: C\nvalidation: {OutputCollision: warning, UnusedAsset: off}\n",
            "content/index.md": "# Home\n", "content/passwd.md": "# Passwords\n", "content/passwd": "plain file\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().outcome == .success)
        #expect(s.output("default/passwd") == "plain file\n")
    }

    @Test func aPageAndAnHTMLFileOnOnePathKeepThePage() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: C\nuse_directory_urls: false\nvalidation: {OutputCollision: warning, UnusedAsset: off}\n",
            "content/index.md": "# Home\n\n[a](a.md)\n", "content/a.md": "# The page\n", "content/a.html": "<p>the file</p>\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [
            "content/a.md: warning: 'a.html' is written by the page 'content/a.md' and by the file 'content/a.html'; only the "
                + "page 'content/a.md' is published [OutputCollision]"
        ])
        #expect(s.output("default/a.html")?.contains("The page") == true)
    }

    @Test func aRedirectPageOverAStaticFileIsReported() throws {
        let config = "site_name: C\nplugins:\n  - redirects:\n      redirect_maps:\n        old.md: index.md\n"
        let s = try site(config, ["docs/old/index.html": "<p>a file</p>\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines.contains(
            "docs/old/index.html: warning: 'old/index.html' is written by the redirect from 'old.md' and by the file "
                + "'docs/old/index.html'; only the redirect from 'old.md' is published [OutputCollision]"))
    }

    @Test func docsFilesReplaceThemeFilesSilentlyAsInMkDocs() throws {
        let config = "site_name: C\ntheme:\n  name: material\n  custom_dir: overrides\n"
        let s = try site(config, ["overrides/assets/extra.css": "theme", "docs/assets/extra.css": "docs"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(!report.lines.contains { $0.contains("OutputCollision") })
        #expect(s.output("assets/extra.css") == "docs")
    }

    @Test func aLogoThatIsAlsoTheFaviconIsOneFile() throws {
        let config = "site_name: C\ntheme:\n  name: material\n  logo: img/icon.png\n  favicon: img/icon.png\n"
        let s = try site(config, ["docs/img/icon.png": "PNG"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(!report.lines.contains { $0.contains("OutputCollision") })
        #expect(s.output("assets/brand/icon.png") == "PNG")
    }

    @Test func twoPagesOnOnePathKeepTheFirstInPathOrder() throws {
        let s = try site("site_name: C\nvalidation: {links: {not_found: ignore}}\n", ["docs/a.md": "# A file\n", "docs/a/index.md": "# A folder\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == [
            "docs/a.md: warning: 'a/index.html' is written by the page 'docs/a.md' and by the page 'docs/a/index.md'; only the "
                + "page 'docs/a.md' is published [OutputCollision]"
        ])
        #expect(s.output("a/index.html")?.contains("A file") == true)
    }
}

extension OutputCollisionTests {
    @Test func aFileNamedLikeASearchIndexFileIsReportedAndTheIndexKept() throws {
        let s = try site("site_name: C\n", [
            "docs/search/index.js": "old manifest\n", "docs/search/t/0.js": "old shard\n",
            "docs/search/t/notes.js": "mine\n", "docs/search/p/x.js": "mine too\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        let collisions = report.lines.filter { $0.hasSuffix("[OutputCollision]") }
        #expect(collisions == [
            "docs/search/index.js: warning: 'search/index.js' is written by the search index and by the file "
                + "'docs/search/index.js'; only the search index is published [OutputCollision]",
            "docs/search/t/0.js: warning: 'search/t/0.js' is written by the search index and by the file "
                + "'docs/search/t/0.js'; only the search index is published [OutputCollision]",
        ])
        #expect(s.output("search/index.js")?.hasPrefix("trellisSearch.manifest(") == true)
        #expect(s.output("search/t/0.js")?.hasPrefix("trellisSearch.shard(0,") == true)
        #expect(s.output("search/t/notes.js") == "mine\n")
        #expect(s.output("search/p/x.js") == "mine too\n")
        #expect(s.lint().lines.filter { $0.hasSuffix("[OutputCollision]") } == collisions)
    }

    @Test func withoutSearchTheFilesNamedLikeItsFilesAreTheSite() throws {
        let s = try site("site_name: C\nplugins: []\n", ["docs/search/index.js": "my script\n"])
        defer { s.cleanUp() }
        #expect(!s.build().lines.contains { $0.hasSuffix("[OutputCollision]") })
        #expect(s.output("search/index.js") == "my script\n")
    }

    @Test func searchIndexFileNames() {
        for path in ["search/index.js", "search/t/0.js", "search/t/12.js", "search/r/3.js", "search/p/0/7.js", "search/p/12/1234.js"] {
            #expect(SearchIndexFiles.isIndexFile(path), "\(path)")
        }
        for path in ["search/index.json", "search/t/x.js", "search/t/.js", "search/t/1.js/2.js", "search/p/7.js", "search/p/a/7.js",
                     "search/x/1.js", "other/search/index.js", "search", "search/", "search/p//1.js"] {
            #expect(!SearchIndexFiles.isIndexFile(path), "\(path)")
        }
    }
}
