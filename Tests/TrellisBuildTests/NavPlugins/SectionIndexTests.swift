import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// mkdocs-section-index on a configured nav, checked against `mkdocs build` (MkDocs 1.6.1,
/// mkdocs-section-index 0.3.12) on the same files.
@Suite struct SectionIndexTests {
    static let config = """
        site_name: SI
        plugins:
          - section-index
        nav:
          - index.md
          - Guide:
            - guide/index.md
            - guide/a.md
          - Titled:
            - Intro: t/index.md
            - t/b.md
          - Nested:
            - Inner:
              - n/x.md
              - n/y.md

        """

    func site(_ config: String = config) throws -> TestSite {
        var files = ["mkdocs.yml": config]
        for path in ["index", "guide/index", "guide/a", "t/index", "t/b", "n/x", "n/y"] {
            files["docs/\(path).md"] = "# P \(path)\n"
        }
        return try TestSite(files)
    }

    @Test func aSectionWhoseFirstPageHasNoNavTitleBecomesThatPage() throws {
        let s = try site()
        defer { s.cleanUp() }
        #expect(try LiterateNavTests.nav(s) == [
            "P index ", "Guide guide/", "  P guide/a guide/a/", "Titled -", "  Intro t/", "  P t/b t/b/", "Nested -",
            "  Inner n/x/", "    P n/y n/y/",
        ])
        let report = s.build()
        #expect(report.lines.isEmpty)
        let inner = try #require(s.output("n/x/index.html"))
        // The page takes the section's title, as the plugin gives it.
        #expect(inner.contains("<title>Inner - SI</title>"))
        #expect(inner.contains(
            #"<a class="trellis-nav__link trellis-nav__link--section" href="../../n/x/" aria-current="page">Inner</a><ul class="trellis-nav__list">"#))
        #expect(inner.contains(#"<span class="trellis-nav__label">Nested</span>"#))
        let guide = try #require(s.output("guide/index.html"))
        #expect(guide.contains(#"<a class="trellis-nav__link" href="../guide/a/">P guide/a</a>"#))
        #expect(!guide.contains(#"class="trellis-nav__link" href="../guide/" aria-current="page">P guide/index</a>"#))
    }

    @Test func withoutThePluginSectionsKeepTheirFirstPage() throws {
        let s = try site(Self.config.replacingOccurrences(of: "plugins:\n  - section-index\n", with: ""))
        defer { s.cleanUp() }
        #expect(try LiterateNavTests.nav(s).prefix(3) == ["P index ", "Guide -", "  P guide/index guide/"])
    }

    @Test func materialsNavigationIndexesLinksASectionToItsIndexPage() throws {
        let config = """
            site_name: SI
            theme:
              name: material
              features: [navigation.indexes]
            nav:
              - index.md
              - Guide:
                - guide/a.md
                - Start: guide/index.md
              - Titled:
                - t/b.md

            """
        let s = try site(config)
        defer { s.cleanUp() }
        // Material takes the first index page among the children, wherever it is, and the
        // section keeps its own title.
        #expect(try LiterateNavTests.nav(s) == ["P index ", "Guide guide/", "  P guide/a guide/a/", "Titled -", "  P t/b t/b/"])
        // The index page is in the nav as its section's link.
        #expect(!s.build().lines.contains { $0.contains("guide/index.md") })
        let page = try #require(s.output("guide/a/index.html"))
        #expect(page.contains(#"<a class="trellis-nav__link trellis-nav__link--section" href="../../guide/">Guide</a>"#))
        #expect(try #require(s.output("guide/index.html")).contains("<title>Start - SI</title>"))
    }
}
