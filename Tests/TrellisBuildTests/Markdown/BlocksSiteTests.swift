import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `pymdownx.blocks` on an MkDocs Material site: the markup pymdownx 13.1.2 writes for these
/// lines (checked with MkDocs 1.6.1), options from `mkdocs.yml`, links inside blocks checked
/// where they were written, and blocks pymdownx leaves as text warned about.
@Suite struct BlocksSiteTests {
    static let config = """
        site_name: Blocks
        markdown_extensions:
          - tables
          - pymdownx.superfences
          - pymdownx.blocks.admonition:
              types: [note, {name: see-also, class: info, title: See also}]
          - pymdownx.blocks.details
          - pymdownx.blocks.tab:
              alternate_style: true
          - pymdownx.blocks.caption:
              types: [caption, {name: figure-caption, prefix: "Figure {}:"}]
          - pymdownx.blocks.html

        """

    @Test func blocksRenderAsPymdownxWritesThem() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": """
                # Home

                /// see-also
                [Other](other.md#part).
                ///

                Figure text

                /// figure-caption
                The *caption*
                ///

                /// tab | A
                One
                ///

                /// tab | B
                    select: true
                Two
                ///

                /// details | More
                    open: true
                /// html | div#box.wide
                Boxed
                ///
                ///
                """,
            "docs/other.md": "# Other\n\n## Part\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<div class=\"admonition info\">\n<p class=\"admonition-title\">See also</p>\n<p><a href=\"other/#part\">Other</a>.</p>\n</div>"))
        #expect(html.contains("<figure id=\"__figure-caption_1\">\n<p>Figure text</p>\n<figcaption>\n<p><span class=\"caption-prefix\">Figure 1:</span> The <em>caption</em></p>\n</figcaption>\n</figure>"))
        #expect(html.contains("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"1:2\"><input id=\"__tabbed_1_1\" name=\"__tabbed_1\" type=\"radio\" /><input checked=\"checked\" id=\"__tabbed_1_2\" name=\"__tabbed_1\" type=\"radio\" />"))
        #expect(html.contains("<details open=\"open\">\n<summary>More</summary>\n<div class=\"wide\" id=\"box\">\n<p>Boxed</p>\n</div>\n</details>"))
    }

    @Test func linksAndAnchorsInsideBlocksAreCheckedWhereTheyWereWritten() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "# Home\n\n/// note | See [gone](gone.md)\n- [Box](#box)\n- [Fig](#__figure-caption_1)\n- [Nope](#nope)\n///\n\n/// html | p#box\nx\n///\n\nText\n/// figure-caption\nCap\n///\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "docs/index.md:3:23: warning: 'gone.md' does not exist [BrokenLink]",
                "docs/index.md:6:10: note: this page has no heading or id 'nope' [MissingAnchor]",
            ])
        #expect(s.output("index.html")?.contains("<p id=\"box\">x</p>") == true)
    }

    @Test func blocksPymdownxLeavesAsTextAreWarnedAbout() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "# Home\n\n/// tip\nNot a registered type here.\n///\n\n/// details | D\n    open: sometimes\nx\n///\n\n- item\n\n    /// caption | .a .b\n    y\n    ///\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "docs/index.md:3:1: warning: `/// tip` stays text: no enabled `pymdownx.blocks` extension has a block named `tip` [BlockSyntax]",
                "docs/index.md:7:1: warning: `/// details | D` stays text: option `open` must be true or false [BlockSyntax]",
                "docs/index.md:14:5: warning: `/// caption | .a .b` stays text: `.a .b` is not a caption number or `#id`, `.class` and `[attr=value]` selectors [BlockSyntax]",
            ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>/// tip\nNot a registered type here.\n///</p>"))
    }

    @Test func withoutTheExtensionsSlashesAreText() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: Plain\n", "docs/index.md": "/// note\nText\n///\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains("<p>/// note\nText\n///</p>") == true)
    }
}
