import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `pymdownx.arithmatex` on an MkDocs site: Material's `generic: true` markup (pymdownx 13.1.2's
/// for these lines), formulas in heading ids, and diagnostics after a formula still pointing at
/// the column the author wrote.
@Suite struct ArithmatexSiteTests {
    static let config = "site_name: Math\nmarkdown_extensions:\n  - pymdownx.arithmatex:\n      generic: true\n"

    @Test func formulasRenderAsMaterialDocumentsThem() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": """
                # Gate $R_z$

                Energy is $E = mc^2$, not $5 or \\$6.

                $$
                a < b
                $$

                Shell: `echo $HOME $PATH`
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<h1 id="gate-r_z">Gate <span class="arithmatex">\(R_z\)</span></h1>"#))
        #expect(html.contains(#"<p>Energy is <span class="arithmatex">\(E = mc^2\)</span>, not $5 or $6.</p>"#))
        #expect(html.contains("<div class=\"arithmatex\">\\[\na &lt; b\n\\]</div>"))
        #expect(html.contains("<code>echo $HOME $PATH</code>"))
    }

    @Test func aBrokenLinkAfterAFormulaIsReportedWhereItWasWritten() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "# Math\n\nThe sum $\\sum_{i=1}^{n} i^2$ is in [the notes](notes.md) and \\(x\\) [here](gone.md).\n",
        ])
        defer { s.cleanUp() }
        // The destinations' columns, as without the extension: what cmark parses in place of a
        // formula has another length.
        #expect(
            s.build().lines == [
                "docs/index.md:3:48: warning: 'notes.md' does not exist [BrokenLink]",
                "docs/index.md:3:75: warning: 'gone.md' does not exist [BrokenLink]",
            ])
    }

    @Test func listMarkersInsideFormulasStayAsWritten() throws {
        // MkDocs pages read a marker after a paragraph line as text (Python-Markdown's block
        // rule, an escape before cmark reads it); inside a formula the escape is not kept.
        let s = try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "Sum:\n\n$$\nM = a\n- c\n+ d\n1. e\n$$\n\nInline $a +\n- b$ and text\n- not a list\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<div class=\"arithmatex\">\\[\nM = a\n- c\n+ d\n1. e\n\\]</div>"))
        #expect(html.contains("<p>Inline <span class=\"arithmatex\">\\(a +\n- b\\)</span> and text\n- not a list</p>"))
    }

    @Test func withoutTheExtensionDollarsAreText() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: Math\n", "docs/index.md": "Energy is $E = mc^2$.\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains("<p>Energy is $E = mc^2$.</p>") == true)
    }
}
