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
}
