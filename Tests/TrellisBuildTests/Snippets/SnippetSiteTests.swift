import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `pymdownx.snippets` on MkDocs sites: sections, line ranges and options, with the HTML MkDocs
/// 1.6.1 writes for the same files (pymdown-extensions 13.1.2), and what it reports.
@Suite struct SnippetSiteTests {
    static let app = "import os\n\n# --8<-- [start:main]\ndef main():\n    print('hi')\n# --8<-- [end:main]\n"

    /// Section markers in any comment syntax never show, not even when the whole file is
    /// included or when they are on the page itself; a range takes lines, and what follows the
    /// snippets is still reported at its own line.
    @Test func sectionsAndRangesIncludeTheirLinesAndNoMarkers() throws {
        let page = "# Home\n\n--8<-- \"snippets/parts.md:intro\"\n\n```python\n--8<-- \"snippets/app.py:main\"\n```\n\n--8<-- \"snippets/parts.md:2:3\"\n\n<!-- --8<-- [start:own] -->\nOwn text.\n<!-- --8<-- [end:own] -->\n\n```python\n--8<-- \"snippets/app.py\"\n```\n\n[broken](nowhere.md)\n"
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "snippets/app.py": Self.app,
            "snippets/parts.md": "<!-- --8<-- [start:intro] -->\nIntro text.\n<!-- --8<-- [end:intro] -->\nRange line 4\n",
            "docs/index.md": page,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == ["docs/index.md:19:10: warning: 'nowhere.md' does not exist [BrokenLink]"])
        let html = try #require(s.output("index.html"))
        let expected = """
            <h1 id="home">Home</h1>
            <p>Intro text.</p>
            <pre><code class="language-python">def main():
                print('hi')
            </code></pre>
            <p>Intro text.</p>
            <p>Own text.</p>
            <pre><code class="language-python">import os

            def main():
                print('hi')

            </code></pre>
            <p><a href="nowhere.md">broken</a></p>
            """
        #expect(html.contains(expected))
        #expect(!html.contains("8&lt;"))
    }

    /// A section the file does not have: nothing is included, in silence for pymdownx (a note
    /// here) unless `check_paths` makes it stop the build.
    @Test func aMissingSectionIsANoteOrAnErrorWithCheckPaths() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "snippets/app.py": Self.app,
            "docs/index.md": "# Home\n\nBefore.\n\n    --8<-- \"snippets/app.py:nope\"\n\nAfter.\n",
        ])
        defer { s.cleanUp() }
        let note = "docs/index.md:5:5: note: snippet section 'nope' could not be located in 'snippets/app.py' [MissingSnippet]"
        #expect(s.build().lines == [note])
        #expect(s.output("index.html")?.contains("<p>Before.</p>\n<p>After.</p>") == true)
        try s.write("mkdocs.yml", "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      check_paths: true\n")
        let report = s.build()
        #expect(report.lines == [note.replacingOccurrences(of: ": note:", with: ": error:")])
        #expect(report.outcome == .failed)
    }

    /// Trellis builds without the network: a URL snippet MkDocs would download is left out with
    /// a warning naming it, an error with `check_paths`; without `url_download` MkDocs does not
    /// download it either.
    @Test func urlSnippetsAreNamedAndLeftOut() throws {
        let page = "# Home\n\n--8<-- \"https://example.com/install.md\"\n"
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      url_download: true\n",
            "docs/index.md": page,
        ])
        defer { s.cleanUp() }
        let message = "snippet 'https://example.com/install.md' is a URL, which MkDocs downloads (url_download) and Trellis does not: it builds without the network; the line is left out [MissingSnippet]"
        let report = s.build()
        #expect(report.lines == ["docs/index.md:3:1: warning: " + message])
        #expect(report.outcome == .success)
        try s.write("mkdocs.yml", "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      url_download: true\n      check_paths: true\n")
        let strict = s.build()
        #expect(strict.lines == ["docs/index.md:3:1: error: " + message])
        #expect(strict.outcome == .failed)
    }

    /// `base_path` as a list, `restrict_base_path`, `dedent_subsections`, and `auto_append`
    /// (abbreviations for every page); a missing `auto_append` file is noted in the config.
    @Test func optionsChooseWhereAndWhatIsIncluded() throws {
        let config = """
            site_name: D
            markdown_extensions:
              - abbr
              - pymdownx.snippets:
                  base_path: [includes, "."]
                  dedent_subsections: true
                  auto_append: [abbreviations.md, gone.md]
            """
        let s = try TestSite([
            "mkdocs.yml": config,
            "includes/abbreviations.md": "*[HTML]: Hyper Text Markup Language\n",
            "includes/code.md": "Intro\n    <!-- --8<-- [start:x] -->\n    Indented section.\n    <!-- --8<-- [end:x] -->\n",
            "root.md": "At the root.\n",
            "docs/index.md": "# Home\n\nSome HTML.\n\n--8<-- \"code.md:x\"\n\n--8<-- \"root.md\"\n\n--8<-- \"../root.md\"\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [
            "docs/index.md:9:1: note: snippet '../root.md' does not exist (looked in 'includes', '.') [MissingSnippet]",
            "mkdocs.yml: note: auto_append: snippet 'gone.md' does not exist (looked in 'includes', '.') [MissingSnippet]",
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>Some <abbr title=\"Hyper Text Markup Language\">HTML</abbr>.</p>\n<p>Indented section.</p>\n<p>At the root.</p>"))
        try s.write("mkdocs.yml", config + "\n      restrict_base_path: false\n")
        #expect(s.build().lines == ["mkdocs.yml: note: auto_append: snippet 'gone.md' does not exist (looked in 'includes', '.') [MissingSnippet]"])
        #expect(s.output("index.html")?.contains("<p>At the root.</p>\n<p>At the root.</p>") == true)
    }

    /// What pymdownx copes with, Trellis copes with: ranges far past the end and numbers past
    /// any integer, a section never closed, snippets including each other, a range that is
    /// only `-` (a ValueError in pymdownx), and snippets that would double a page 40 times.
    @Test func oddSnippetsBuildWithoutCrashing() throws {
        var files = [
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "s/lines.md": "one\ntwo\nthree\n",
            "s/open.md": "--8<-- [start:open]\nopen one\nopen two\n",
            "s/ping.md": "ping\n--8<-- \"s/pong.md\"\n",
            "s/pong.md": "pong\n--8<-- \"s/ping.md\"\n",
            "docs/index.md": """
                # Home

                --8<-- "s/lines.md:1:999999999"
                --8<-- "s/lines.md:999999999999999999999999999:-99999999999999999999999999"
                --8<-- "s/lines.md:-99999999999999999999999999:2"

                --8<-- "s/open.md:open"

                --8<-- "s/ping.md"

                --8<-- "s/lines.md:-"

                --8<-- "s/d0.md"

                """,
        ]
        for level in 0..<40 { files["s/d\(level).md"] = "--8<-- \"s/d\(level + 1).md\"\n--8<-- \"s/d\(level + 1).md\"\n" }
        files["s/d40.md"] = "leaf\n"
        let s = try TestSite(files)
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [
            "docs/index.md:11:1: warning: snippet 's/lines.md:-': line number '-' is not a number (pymdownx stops with a ValueError); it is left out [MissingSnippet]",
            "s/d35.md:2:1: warning: snippets add more than 1000000 lines or 32768 snippets to this page; 's/d36.md' and those after it are left out [NestingLimit]",
            "s/pong.md:2:1: note: snippet 's/ping.md' includes itself (through the snippets it includes); it is left out here, as pymdownx leaves it out [MissingSnippet]",
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>one\ntwo\nthree</p>\n<p>one\ntwo</p>\n<p>open one\nopen two</p>\n<p>ping\npong</p>"))
        #expect(html.components(separatedBy: "leaf").count > 1000)
    }

    /// A chain of snippets deeper than pymdownx could go before Python's recursion limit stops
    /// at 64, with a warning in the file whose line goes one deeper.
    @Test func aChainOfSnippetsStopsAt64Deep() throws {
        var files = [
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "docs/index.md": "# Home\n\n--8<-- \"s/c0.md\"\n",
        ]
        for level in 0..<70 { files["s/c\(level).md"] = "c\(level)\n--8<-- \"s/c\(level + 1).md\"\n" }
        let s = try TestSite(files)
        defer { s.cleanUp() }
        #expect(s.build().lines == ["s/c63.md:2:1: warning: snippets nest more than 64 deep; 's/c64.md' is left out [NestingLimit]"])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("c62\nc63\n</p>") || html.contains("c62\nc63</p>"))
        #expect(!html.contains("c64"))
    }

    /// MkDocs' `!relative` base path is the page's folder; `!relative $docs_dir/…` a folder of
    /// the docs (as MkDocs 1.6.1 builds the same site).
    @Test func relativeBasePathsAreThePagesFolderAndTheDocsFolder() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path:\n        - !relative\n        - !relative $docs_dir/shared\n",
            "docs/guide/parts/p.md": "Guide part.\n",
            "docs/shared/s.md": "Shared.\n",
            "docs/guide/index.md": "# Guide\n\n--8<-- \"parts/p.md\"\n\n--8<-- \"s.md\"\n\n--8<-- \"guide/parts/p.md\"\n",
            "docs/index.md": "# Home\n\n--8<-- \"guide/parts/p.md\"\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines.filter { !$0.contains("[OrphanPage]") } == [
            "docs/guide/index.md:7:1: note: snippet 'guide/parts/p.md' does not exist (looked in the page's folder, '!relative $docs_dir/shared') [MissingSnippet]"
        ])
        #expect(s.output("index.html")?.contains("<p>Guide part.</p>") == true)
        #expect(s.output("guide/index.html")?.contains("<p>Guide part.</p>\n<p>Shared.</p>") == true)
    }

    /// A snippet file that is not in `encoding` stops MkDocs (a UnicodeDecodeError), so it stops
    /// the build; read with the encoding it is in, it is included.
    @Test func aSnippetNotInItsEncodingStopsTheBuild() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n", "docs/index.md": "# Home\n\n--8<-- \"cafe.txt\"\n"])
        defer { s.cleanUp() }
        try s.write("cafe.txt", Data([0x63, 0x61, 0x66, 0xE9, 0x0A]))
        let report = s.build()
        #expect(report.lines == [
            "docs/index.md:3:1: error: snippet 'cafe.txt' is not valid utf-8 (MkDocs stops with a UnicodeDecodeError); it is left out [InvalidEncoding]"
        ])
        #expect(report.outcome == .failed)
        try s.write("mkdocs.yml", "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      encoding: latin-1\n")
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains("<p>caf\u{E9}</p>") == true)
    }
}
