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
