import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `exclude_docs`, `draft_docs`, `not_in_nav` and the `exclude` plugin leave out of an MkDocs
/// site what MkDocs 1.6 leaves out (checked against `mkdocs build` on the same files).
@Suite struct MkDocsExclusionTests {
    static let pages: [String: String] = [
        "docs/index.md": "# Home\n\n[s](secret.md) [d](drafts/wip.md) [t](templates/t.md) [x](img/x.tmp)\n",
        "docs/secret.md": "# Secret\n",
        "docs/drafts/wip.md": "# WIP\n",
        "docs/templates/t.md": "# T\n",
        "docs/sub/a.md": "# A\n",
        "docs/sub/hidden.md": "# Hidden\n",
        "docs/img/x.tmp": "x",
        "docs/img/y.png": "y",
    ]

    @Test func excludedAndDraftFilesAreNeitherPagesNorCopiedAndLinksToThemAreNoted() throws {
        let config = """
            site_name: Ex
            exclude_docs: |
              secret.md
              /img/*.tmp
            draft_docs: |
              drafts/
            nav:
              - index.md
              - Secret page: secret.md
              - sub/a.md
              - sub/hidden.md

            """
        let s = try TestSite(Self.pages.merging(["mkdocs.yml": config]) { a, _ in a })
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        // (The search index is MkDocs' search plugin's output, not a docs file.)
        #expect(s.outputFiles().filter { !$0.hasPrefix("assets/") && !$0.hasPrefix("search/") } == [
            "404.html", "img/y.png", "index.html", "sitemap.xml", "sitemap.xml.gz", "sub/a/index.html", "sub/hidden/index.html",
        ])
        #expect(report.lines.filter { $0.contains("ExcludedFileLink") } == [
            "docs/index.md:3:5: note: 'secret.md' links to 'secret.md', which is excluded from the built site [ExcludedFileLink]",
            "docs/index.md:3:20: note: 'drafts/wip.md' links to 'drafts/wip.md', which is excluded from the built site [ExcludedFileLink]",
            "docs/index.md:3:39: note: 'templates/t.md' links to 'templates/t.md', which is excluded from the built site [ExcludedFileLink]",
            "docs/index.md:3:59: note: 'img/x.tmp' links to 'img/x.tmp', which is excluded from the built site [ExcludedFileLink]",
            "mkdocs.yml:9:18: note: the nav names 'secret.md', which is excluded from the built site [ExcludedFileLink]",
        ])
        let home = try #require(s.output("index.html"))
        // Links still lead where the files would be, as MkDocs rewrites them.
        #expect(home.contains(#"<a href="secret/">s</a> <a href="drafts/wip/">d</a> <a href="templates/t/">t</a> <a href="img/x.tmp">x</a>"#))
        // The nav keeps the entry, as MkDocs' does.
        #expect(home.contains(#"<a class="trellis-nav__link" href="secret/">Secret page</a>"#))
    }

    @Test func notInNavPagesStayOutOfTheDerivedNavAndOutOfPageNotInNav() throws {
        var files = Self.pages.filter { !$0.key.contains("secret") }
        files["mkdocs.yml"] = "site_name: Ex\nnot_in_nav: |\n  /sub/hidden.md\n"
        let s = try TestSite(files)
        defer { s.cleanUp() }
        let report = s.build()
        // The sub folder's section, open on its page, lists A only.
        let page = try #require(s.output("sub/a/index.html"))
        #expect(s.output("sub/hidden/index.html") != nil)
        #expect(page.contains(#"<a class="trellis-nav__link" href="../../sub/a/" aria-current="page">A</a>"#))
        #expect(!page.contains(">Hidden<"))
        #expect(!report.lines.contains { $0.contains("hidden.md") })

        try s.write("mkdocs.yml", "site_name: Ex\nnot_in_nav: |\n  hidden.md\nnav:\n  - index.md\n")
        let listed = s.build()
        #expect(listed.lines.filter { $0.contains("PageNotInNav") } == [
            "docs/drafts/wip.md:1:1: note: the page is not in the nav of 'mkdocs.yml' [PageNotInNav]",
            "docs/sub/a.md:1:1: note: the page is not in the nav of 'mkdocs.yml' [PageNotInNav]"
        ])
    }

    @Test func theExcludePluginTakesFilesAwayAsIfTheyWereNotThere() throws {
        var files = Self.pages
        files["mkdocs.yml"] = """
            site_name: Ex
            plugins:
              - exclude:
                  glob:
                    - "*.tmp"
                    - drafts/*
                  regex: '.*secret'
                  extra_option: 1

            """
        let s = try TestSite(files)
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(s.output("secret/index.html") == nil)
        #expect(s.output("drafts/wip/index.html") == nil)
        #expect(s.output("img/x.tmp") == nil)
        #expect(s.output("sub/a/index.html") != nil)
        #expect(report.lines.contains("docs/index.md:3:5: warning: 'secret.md' does not exist [BrokenLink]"))
        #expect(report.lines.contains(
            "mkdocs.yml:3:5: warning: the exclude plugin's option 'extra_option' is not supported; ignored [UnsupportedPlugin]"))
    }

    @Test func patternsThatAreNotAStringStopTheBuildAsInMkDocs() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: Ex\nexclude_docs:\n  - a.md\n", "docs/index.md": "# Home\n"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .unusable)
        #expect(report.lines == [
            "mkdocs.yml:3:3: error: expected a multiline string of patterns for 'exclude_docs', found a list [ConfigType]"
        ])
    }
}
