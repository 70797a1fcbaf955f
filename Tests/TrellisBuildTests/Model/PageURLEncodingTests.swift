import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Pages whose file names need percent-encoding (`#`, `?`, `%`, spaces, tabs, non-ASCII, `&`,
/// parentheses) are linked exactly as MkDocs links them, in the nav, prev/next, links in pages,
/// `page.url`, the canonical URL and redirects, while their output files keep their names.
///
/// Every expected href and file below was observed in the output of MkDocs 1.6.1 (with
/// mkdocs-material 9.8.2, mkdocs-macros-plugin and mkdocs-redirects) for this same site.
@Suite struct PageURLEncodingTests {
    static func site(directoryURLs: Bool = true) throws -> TestSite {
        try TestSite([
            "mkdocs.yml": """
                site_name: Odd
                site_url: https://example.com/docs/
                use_directory_urls: \(directoryURLs)
                plugins:
                  - macros
                  - redirects:
                      redirect_maps:
                        "old page.md": "a b.md"
                        "old2.md": "a b.md#x"
                """,
            "docs/index.md": "# Home\n\n"
                + [
                    "a%20b.md", "<a b.md>", "c%23d.md", "e%3Ff.md", "g%25h.md", "ünï.md", "x&y.md",
                    "sub%20dir/p%20q.md#frag", "tab%09here.md", "(paren).md",
                ].enumerated().map { "- [l\($0.offset)](\($0.element))\n" }.joined(),
            "docs/a b.md": "# A B\n", "docs/c#d.md": "# C\n\nurl={{ page.url }}\n", "docs/e?f.md": "# E\n",
            "docs/g%h.md": "# G\n", "docs/tab\there.md": "# Tab\n", "docs/ünï.md": "# Uni\n", "docs/x&y.md": "# Amp\n",
            "docs/(paren).md": "# Paren\n", "docs/sub dir/index.md": "# Sub\n",
            "docs/sub dir/p q.md": "# PQ\n\n[file](f%20%281%29%26x%25.txt) [up](../c%23d.md) [home](../index.md)\n",
            "docs/sub dir/f (1)&x%.txt": "x",
        ])
    }

    /// The `href`s of the links inside the page's article, in order.
    static func contentLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "<article"), let end = html.range(of: "</article>") else { return [] }
        return hrefs(String(html[start.lowerBound..<end.lowerBound]))
    }

    static func hrefs(_ html: String) -> [String] {
        html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
    }

    @Test func outputFilesKeepThePageNames() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        #expect(site.build().outcome == .success)
        #expect(
            site.outputFiles().filter { !$0.hasPrefix("assets/") && $0 != "404.html" } == [
                "(paren)/index.html", "a b/index.html", "c#d/index.html", "e?f/index.html", "g%h/index.html",
                "index.html", "old page/index.html", "old2/index.html", "sitemap.xml", "sitemap.xml.gz", "sub dir/f (1)&x%.txt", "sub dir/index.html",
                "sub dir/p q/index.html", "tab\there/index.html", "x&y/index.html", "ünï/index.html",
            ])
    }

    @Test func linksInPagesAreEncodedAsMkDocsEncodesThem() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = site.build()
        #expect(
            Self.contentLinks(site.output("index.html") ?? "") == [
                "a%20b/", "a%20b/", "c%23d/", "e%3Ff/", "g%25h/", "%C3%BCn%C3%AF/", "x%26y/", "sub%20dir/p%20q/#frag",
                "tab%09here/", "%28paren%29/",
            ])
        #expect(
            Self.contentLinks(site.output("sub dir/p q/index.html") ?? "") == [
                "../f%20%281%29%26x%25.txt", "../../c%23d/", "../../",
            ])
    }

    @Test func navigationPrevNextCanonicalAndPageURLAreEncoded() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = site.build()
        let page = site.output("sub dir/p q/index.html") ?? ""
        let hrefs = Set(Self.hrefs(page))
        let nav: Set<String> = [
            "../../", "../../%28paren%29/", "../../%C3%BCn%C3%AF/", "../../a%20b/", "../../c%23d/", "../../e%3Ff/",
            "../../g%25h/", "../../sub%20dir/", "../../tab%09here/", "../../x%26y/",
        ]
        #expect(nav.subtracting(hrefs) == [])
        #expect(hrefs.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " && $0 != "\t" } })
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.com/docs/sub%20dir/p%20q/\""))
        #expect(site.output("c#d/index.html")?.contains("url=c%23d/") == true)
    }

    @Test func redirectsPointAtTheEncodedURL() throws {
        let site = try Self.site()
        defer { site.cleanUp() }
        _ = site.build()
        #expect(site.output("old page/index.html")?.contains("location.href=\"../a%20b/\"") == true)
        #expect(site.output("old2/index.html")?.contains("location.href=\"../a%20b/#x\"") == true)
    }

    @Test func withoutDirectoryURLsLinksAreEncodedToo() throws {
        let site = try Self.site(directoryURLs: false)
        defer { site.cleanUp() }
        #expect(site.build().outcome == .success)
        #expect(
            Self.contentLinks(site.output("index.html") ?? "") == [
                "a%20b.html", "a%20b.html", "c%23d.html", "e%3Ff.html", "g%25h.html", "%C3%BCn%C3%AF.html", "x%26y.html",
                "sub%20dir/p%20q.html#frag", "tab%09here.html", "%28paren%29.html",
            ])
        #expect(Self.contentLinks(site.output("sub dir/p q.html") ?? "") == ["f%20%281%29%26x%25.txt", "../c%23d.html", "../index.html"])
        #expect(site.exists("site/c#d.html"))
    }

    @Test func percentEncodingIsPythonsQuote() {
        // urllib.parse.quote("a b/ü#?%&+~_.-()") in Python 3.11.
        #expect(PercentEncoding.path("a b/ü#?%&+~_.-()") == "a%20b/%C3%BC%23%3F%25%26%2B~_.-%28%29")
    }
}
