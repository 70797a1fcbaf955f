import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `sitemap.xml` and `sitemap.xml.gz` as MkDocs 1.6.1 writes them (the expected text follows
/// the bytes `mkdocs build` writes for the same layout).
@Suite struct SitemapTests {
    /// 2026-12-04 16:30:00 UTC.
    static let buildDate = Date(timeIntervalSince1970: 1_796_401_800)

    func build(_ site: TestSite) -> BuildReport {
        var options = BuildOptions(root: site.root)
        options.today = Self.buildDate
        return SiteBuilder.build(options)
    }

    static func entry(_ url: String) -> String {
        "\n    <url>\n         <loc>\(url)</loc>\n         <lastmod>2026-12-04</lastmod>\n    </url>"
    }

    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"

    static let pages = [
        "docs/index.md": "# Home\n",
        "docs/b.md": "# B\n",
        "docs/a.md": "# A\n",
        "docs/sub/z.md": "# Z\n",
        "docs/sub/index.md": "# Sub\n",
        "docs/sub/deeper/c.md": "# C\n",
        "docs/zz.md": "# Last by name\n",
        "docs/draft.md": "# Draft\n",
    ]

    @Test func listsEveryPageInMkDocsFileOrderUnderTheSiteURL() throws {
        var files = Self.pages
        // A site_url without a trailing slash is a folder all the same; drafts are left out, and
        // pages out of the nav are listed.
        files["mkdocs.yml"] = "site_name: T\nsite_url: https://example.com/docs\nnav:\n  - index.md\n  - sub/z.md\ndraft_docs: |\n  draft.md\n"
        let site = try TestSite(files)
        defer { site.cleanUp() }
        #expect(build(site).outcome == .success)
        let urls = ["", "a/", "b/", "zz/", "sub/", "sub/z/", "sub/deeper/c/"].map { "https://example.com/docs/" + $0 }
        #expect(site.output("sitemap.xml") == Self.head + urls.map(Self.entry).joined() + "\n</urlset>")
    }

    @Test func usesPageFileURLsWithoutDirectoryURLs() throws {
        let site = try TestSite([
            "mkdocs.yml": "site_name: T\nsite_url: https://example.com/\nuse_directory_urls: false\n",
            "docs/index.md": "# Home\n", "docs/guide/index.md": "# Guide\n", "docs/guide/setup.md": "# Setup\n",
            "docs/a b.md": "# Spaced\n",
        ])
        defer { site.cleanUp() }
        #expect(build(site).outcome == .success)
        let urls = ["index.html", "a%20b.html", "guide/index.html", "guide/setup.html"].map { "https://example.com/" + $0 }
        #expect(site.output("sitemap.xml") == Self.head + urls.map(Self.entry).joined() + "\n</urlset>")
    }

    @Test func listsNoPageWithoutASiteURL() throws {
        let site = try TestSite(["mkdocs.yml": "site_name: T\n", "docs/index.md": "# Home\n", "docs/a.md": "# A\n"])
        defer { site.cleanUp() }
        #expect(build(site).outcome == .success)
        #expect(site.output("sitemap.xml") == Self.head + "\n</urlset>")
        #expect(site.exists("site/sitemap.xml.gz"))
    }

    @Test func gzipHoldsTheSameBytesWithPythonsHeader() throws {
        let site = try TestSite(["mkdocs.yml": "site_name: T\nsite_url: https://example.com/\n", "docs/index.md": "# Home\n"])
        defer { site.cleanUp() }
        #expect(build(site).outcome == .success)
        let gzPath = site.root.appending(path: "site/sitemap.xml.gz").path
        let gz = try #require(FileManager.default.contents(atPath: gzPath))
        // gzip -dc: an independent decoder.
        let decoded = try #require(Subprocess.run(["gzip", "-dc", gzPath]))
        #expect(decoded.status == 0)
        #expect(decoded.output == site.output("sitemap.xml"))
        // Magic, deflate, FNAME; mtime the build day at midnight UTC; XFL 2, OS 255; the name.
        let header = [UInt8](gz.prefix(22))
        #expect(Array(header[0..<4]) == [0x1f, 0x8b, 0x08, 0x08])
        let mtime = header[4..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(mtime == 1_796_342_400)
        #expect(Array(header[8..<10]) == [0x02, 0xff])
        #expect(Array(header[10..<22]) == Array("sitemap.xml\0".utf8))
    }

    @Test func eachBrandListsItsPagesUnderItsOwnSiteURL() throws {
        let site = try TestSite([
            "trellis.yml": twoBrandConfig,
            "brands/alpha.yml": alphaBrand,
            "brands/beta.yml": betaBrand,
            "content/index.md": "# Home\n",
            "content/only-alpha.md": "---\nbrands: [alpha]\n---\n# Alpha only\n",
        ])
        defer { site.cleanUp() }
        #expect(build(site).outcome == .success)
        #expect(
            site.output("alpha/sitemap.xml")
                == Self.head + ["https://docs.alpha.example/", "https://docs.alpha.example/only-alpha/"].map(Self.entry).joined()
                + "\n</urlset>")
        #expect(site.output("beta/sitemap.xml") == Self.head + Self.entry("https://docs.beta.example/") + "\n</urlset>")
    }

    @Test func escapesURLsForXML() {
        let sitemap = Sitemap(pageURLs: ["a/"], siteURL: "https://example.com/R&D's", lastModified: nil)
        #expect(sitemap.xml.contains("<loc>https://example.com/R&amp;D&#39;s/a/</loc>\n         \n    </url>"))
    }
}
