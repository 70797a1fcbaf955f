import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Facts the build knows in one place: a page's title (after macros on Trellis sites, as
/// written on sites that follow MkDocs' macros plugin) and which pages are index pages.
struct OneSourcePerFactTests {

    func trellisSite(_ pages: [String: String]) throws -> TestSite {
        var files = [
            "trellis.yml": "site_name: Guides\nbrands: [northwind]\n",
            "brands/northwind.yml": "name: Northwind\nextra:\n  brand: Northwind\n",
        ]
        for (path, text) in pages { files["content/" + path] = text }
        return try TestSite(files)
    }

    /// `{{ page.title }}` on a Trellis site is the title the page gets: its first heading after
    /// macros, as in its `<title>`, its nav entry and its search entry.
    @Test func pageTitleOfAHeadingWithAMacroIsTheExpandedTitleOnATrellisSite() throws {
        let s = try trellisSite([
            "index.md": "# Home\n",
            "guide.md": "# {{ brand }} guide\n\nThis is [{{ page.title }}].\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("northwind/guide/index.html"))
        #expect(html.contains("This is [Northwind guide]."))
        #expect(html.contains("<title>Northwind guide"))
        #expect(!html.contains("{{ brand }}"))
        let home = try #require(s.output("northwind/index.html"))
        #expect(home.contains(">Northwind guide<"))
        let search = try #require(try SearchOutput(s, prefix: "northwind/"))
        #expect(search.pages.map(\.title).sorted() == ["Home", "Northwind guide"])
    }

    /// A setext heading titles the page as an ATX one does, macros and all.
    @Test func pageTitleOfASetextHeadingIsItsExpandedText() throws {
        let s = try trellisSite([
            "index.md": "# Home\n",
            "setext.md": "The {{ brand }} *way*\n=====\n\nThis is [{{ page.title }}].\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("northwind/setext/index.html"))
        #expect(html.contains("This is [The Northwind way]."))
        #expect(html.contains("<title>The Northwind way"))
    }

    /// A title from front matter stays what it says, macros or not.
    @Test func frontMatterTitleWinsOverAnExpandedHeading() throws {
        let s = try trellisSite([
            "index.md": "# Home\n",
            "guide.md": "---\ntitle: Fixed\n---\n# {{ brand }} guide\n\nThis is [{{ page.title }}].\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("northwind/guide/index.html")?.contains("This is [Fixed].") == true)
    }

    /// MkDocs 1.6.1 with mkdocs-macros-plugin 1.5.0 gives a page's title as written (its first
    /// line's `# ` heading before macros) while the plugin renders the page, and the expanded
    /// heading as its `<title>` afterwards.
    @Test func pageTitleOnAnMkDocsSiteWithTheMacrosPluginIsTheHeadingAsWritten() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: T\nplugins:\n  - macros\nextra:\n  brand: Northwind\n",
            "docs/index.md": "# Home\n",
            "docs/guide.md": "# {{ brand }} guide\n\nTitle: [{{ page.title }}]\n",
        ])
        defer { s.cleanUp() }
        _ = s.build()
        let html = try #require(s.output("guide/index.html"))
        #expect(html.contains("Title: [{{ brand }} guide]"))
        #expect(html.contains("<title>Northwind guide"))
    }

    /// A title the nav gives a page is its `page.title` too, before its heading's, as MkDocs
    /// 1.6.1 with mkdocs-macros-plugin 1.5.0 gives it.
    @Test func aNavTitleIsThePageTitleForMacros() throws {
        let mkdocs = try TestSite([
            "mkdocs.yml": "site_name: T\nplugins:\n  - macros\nnav:\n  - index.md\n  - Custom nav: guide.md\n",
            "docs/index.md": "# Home\n",
            "docs/guide.md": "# Guide\n\nTitle: [{{ page.title }}]\n",
        ])
        defer { mkdocs.cleanUp() }
        _ = mkdocs.build()
        let html = try #require(mkdocs.output("guide/index.html"))
        #expect(html.contains("Title: [Custom nav]"))
        #expect(html.contains("<title>Custom nav"))
        let trellis = try TestSite([
            "trellis.yml": "site_name: G\nnav:\n  - index.md\n  - Custom nav: guide.md\n",
            "content/index.md": "# Home\n",
            "content/guide.md": "# {{ config.site_name }} guide\n\nTitle: [{{ page.title }}]\n",
        ])
        defer { trellis.cleanUp() }
        #expect(trellis.build().lines == [])
        let page = try #require(trellis.output("default/guide/index.html"))
        #expect(page.contains("Title: [Custom nav]"))
        #expect(page.contains("<title>Custom nav"))
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
