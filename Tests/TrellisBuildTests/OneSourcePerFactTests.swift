import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Facts the build knows in one place: which pages are index pages, and which headings
/// collided on an id.
struct OneSourcePerFactTests {

    func trellisSite(_ pages: [String: String]) throws -> TestSite {
        var files = [
            "trellis.yml": "site_name: Guides\nbrands: [northwind]\n",
            "brands/northwind.yml": "name: Northwind\nextra:\n  brand: Northwind\n",
        ]
        for (path, text) in pages { files["content/" + path] = text }
        return try TestSite(files)
    }

    /// `reindex.md` is a page like any other (MkDocs' index pages are named `index` or
    /// `README`), and a redirect from `old/reindex.md` is written at `old/reindex/`, one from
    /// `guide/README.md` at `guide/`, as mkdocs-redirects writes them.
    @Test func aPageNamedReindexIsNotAnIndexPage() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: R
                plugins:
                  - redirects:
                      redirect_maps:
                        old/reindex.md: reindex.md
                        guide/README.md: reindex.md
                        old/index.md: index.md

                """,
            "docs/index.md": "# Home\n\n[Re](reindex.md)\n",
            "docs/reindex.md": "# Re\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == [
            "404.html", "guide/index.html", "index.html", "old/index.html", "old/reindex/index.html", "reindex/index.html",
        ])
        #expect(s.output("index.html")?.contains(#"<a href="reindex/">Re</a>"#) == true)
        #expect(s.output("old/reindex/index.html")?.contains(#"url=../../reindex/""#) == true)
        #expect(s.output("guide/index.html")?.contains(#"url=../reindex/""#) == true)
        #expect(s.output("old/index.html")?.contains(#"url=../""#) == true)
    }

    /// On a Trellis site too: `reindex.md` in a folder is that folder's page `reindex/`, not
    /// the folder's index.
    @Test func reindexInAFolderIsAPageOfThatFolder() throws {
        let s = try trellisSite([
            "index.md": "# Home\n",
            "ops/index.md": "# Ops\n",
            "ops/reindex.md": "# Reindexing\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("northwind/ops/reindex/index.html")?.contains("<title>Reindexing") == true)
        #expect(s.output("northwind/ops/index.html")?.contains("<title>Ops") == true)
    }

    /// MkDocs names a page by its file's stem: `index.markdown` is its folder's index page.
    @Test func indexMarkdownIsAnIndexPage() throws {
        let s = try trellisSite([
            "index.md": "# Home\n",
            "ops/index.markdown": "# Ops\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("northwind/ops/index.html")?.contains("<title>Ops") == true)
    }

    /// `DuplicateHeadingId` reports the collisions the heading ids had: a heading with its own
    /// id (`{ #bar }`) leaves its text's slug to a later heading of the same text.
    @Test func duplicateHeadingIdsAreTheCollisionsTheIdsHad() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: D\nmarkdown_extensions: [attr_list]\n",
            "content/index.md": "# T\n\n## Foo { #bar }\n\n## Foo\n\n## X\n\n## X\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.lint().lines == [
                "content/index.md:9:1: warning: heading 'X' has the same id as an earlier heading ('x'), so it gets 'x_1' [DuplicateHeadingId]"
            ])
    }
}
