import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// The minimal inputs that kept real MkDocs Material sites from building unchanged (each a
/// `docs/index.md` and the `mkdocs.yml` named), as a migrating team would meet them. Each case
/// asserts what MkDocs does with it; the suites of each feature test it further.
@Suite struct MkDocsMigrationCaseTests {
    /// 1. A problem MkDocs warns about leaves the site written: a broken link, a macro the
    /// plugin shows as an error in the page. `--strict` fails, as `mkdocs build --strict` does.
    @Test func case1AProblemMkDocsWarnsAboutStillWritesTheSite() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nplugins:\n  - macros\n",
            "docs/index.md": "# Home\n\n[gone](gone.md) and {{ broken( }}\n",
            "docs/other.md": "# Other\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.contains("docs/index.md:3:8: warning: 'gone.md' does not exist [BrokenLink]"))
        #expect(report.lines.allSatisfy { !$0.contains(": error: ") })
        #expect(s.output("index.html") != nil && s.output("other/index.html") != nil)
        #expect(s.build(strict: true).outcome == .failed)
    }

    /// 2. Without `macros` in `plugins`, `{{` and `{#` are text: an autorefs anchor and a Go
    /// template in a code span build without a diagnostic.
    @Test func case2WithoutTheMacrosPluginBracesAreText() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions: [attr_list]\n",
            "docs/index.md": "# Home\n\n[](){#ref-x}\n\nRun `docker inspect -f \"{{ json .Labels }}\"`.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains("<code>docker inspect -f &quot;{{ json .Labels }}&quot;</code>") == true)
    }

    /// 3. The Jinja real sites use, with the macros plugin: `include` (also inside a fence),
    /// `set`, `for` with `loop.*`, `filter`, `macro` imported from `include_dir`, whitespace
    /// control, `include_yaml`, a key starting with a digit; a function of `main.py` is one
    /// `PythonMacro` warning naming it and its setting, and the site builds.
    @Test func case3JinjaRealSitesUse() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: J
                plugins:
                  - macros:
                      include_dir: snippets
                      include_yaml:
                        - data.yml
                """,
            "data.yml": "versions:\n  1_17_0: seventeen\nitems: [a, b, c]\n",
            "main.py": "def define_env(env):\n    @env.macro\n    def feature_table():\n        return 'T'\n",
            "snippets/note.md": "Included {{ 1 + 1 }}",
            "snippets/lib.md": "{% macro badge(text, kind='info') %}[{{ kind }}:{{ text }}]{% endmacro %}",
            "docs/index.md": """
                # Home

                {% set name = 'Trellis' -%}
                {% for item in items %}{{ loop.index }}={{ item }}{% if not loop.last %}, {% endif %}{% endfor %}

                {% filter upper %}shout {{ name }}{% endfilter %}

                {% from 'lib.md' import badge %}{{ badge('ok') }} {{ versions.1_17_0 }}

                ```text
                {% include 'note.md' %}
                ```

                Table: {{ feature_table() }}.
                """,
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.count == 1 && report.lines.allSatisfy { $0.contains("'feature_table'") && $0.contains("[PythonMacro]") })
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>1=a, 2=b, 3=c</p>"), "\(html)")
        #expect(html.contains("<p>SHOUT TRELLIS</p>"))
        #expect(html.contains("<p>[info:ok] seventeen</p>"))
        #expect(html.contains("Included 2"))
        #expect(html.contains("<p>Table: .</p>"))
    }

    /// 4. MkDocs' own defaults: tables without `tables` listed; no smart punctuation without
    /// `smarty` (`Don't`, `--8<--` stay as written).
    @Test func case4MkDocsDefaultsApply() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\n",
            "docs/index.md": "# Home\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nDon't -- see `--8<--` and --8<-- here.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<table>") && html.contains("<td>1</td>"))
        #expect(html.contains("<p>Don't -- see <code>--8&lt;--</code> and --8&lt;-- here.</p>"))
    }

    /// 5. Config: `INHERIT`, a repeated key (the last one wins), `exclude_docs`, a logo given as
    /// a URL.
    @Test func case5ConfigAsMkDocsReadsIt() throws {
        let s = try TestSite([
            "base.yml": "site_name: Base\nmarkdown_extensions:\n  - admonition\n",
            "mkdocs.yml": """
                INHERIT: base.yml
                site_name: First
                site_name: Last
                exclude_docs: |
                  drafts/
                theme:
                  name: material
                  logo: https://cdn.example/logo.svg
                """,
            "docs/index.md": "# Home\n\n!!! note\n    Inherited.\n",
            "docs/drafts/wip.md": "# WIP {{ not a page }}\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.allSatisfy { $0.contains("[DuplicateKey]") })
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<div class="admonition note">"#))
        #expect(html.contains("Last"))
        #expect(html.contains("https://cdn.example/logo.svg"))
        #expect(s.output("drafts/wip/index.html") == nil)
    }

    /// 6. The Markdown extensions real sites use (each golden-tested against pymdown-extensions
    /// in its own suite): superfences titles, line numbers and highlighted lines, Mermaid passed
    /// through, snippet sections without their markers, Twemoji, keys, mark, caret, tilde,
    /// magiclink, abbr, a `/// caption`, arithmatex and autorefs.
    @Test func case6ExtensionsRealSitesUse() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: X
                markdown_extensions:
                  - abbr
                  - attr_list
                  - pymdownx.highlight:
                      anchor_linenums: true
                  - pymdownx.superfences:
                      custom_fences:
                        - name: mermaid
                          class: mermaid
                          format: !!python/name:pymdownx.superfences.fence_code_format
                  - pymdownx.snippets
                  - pymdownx.emoji:
                      emoji_index: !!python/name:material.extensions.emoji.twemoji
                      emoji_generator: !!python/name:material.extensions.emoji.to_svg
                  - pymdownx.keys
                  - pymdownx.mark
                  - pymdownx.caret
                  - pymdownx.tilde
                  - pymdownx.magiclink
                  - pymdownx.blocks.caption
                  - pymdownx.arithmatex:
                      generic: true
                plugins:
                  - autorefs
                """,
            "shared/part.md": "before\n--8<-- [start:keep]\nKept line.\n--8<-- [end:keep]\nafter\n",
            "docs/index.md": """
                # Home

                ```yaml title="file.yaml" linenums="1" hl_lines="2"
                a: 1
                b: 2
                ```

                ```mermaid
                graph LR; A-->B
                ```

                --8<-- "shared/part.md:keep"

                :memo: ++ctrl+alt+del++ ==marked== ^^inserted^^ ~~deleted~~ H~2~O x^2^ https://example.com/ and the HTML spec.

                *[HTML]: Hyper Text Markup Language

                ![Chart](chart.png)

                /// caption
                The chart.
                ///

                $E = mc^2$ and [the anchor][ref-x].

                [](){#ref-x}
                """,
            "docs/chart.png": "png",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.allSatisfy { !$0.contains(": error: ") && !$0.contains(": warning: ") }, "\(report.lines)")
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<span class="filename">file.yaml</span>"#) && html.contains(#"<span class="hll">"#))
        #expect(html.contains(#"<pre class="mermaid"><code>graph LR; A--&gt;B"#))
        #expect(html.contains("Kept line.") && !html.contains("--8&lt;--") && !html.contains("before"))
        #expect(html.contains(#"alt="📝""#) && html.contains(#"<kbd class="key-control">Ctrl</kbd>"#))
        #expect(html.contains("<mark>marked</mark>") && html.contains("<ins>inserted</ins>") && html.contains("<del>deleted</del>"))
        #expect(html.contains("H<sub>2</sub>O") && html.contains("x<sup>2</sup>"))
        #expect(html.contains(#"<a href="https://example.com/">https://example.com/</a>"#))
        #expect(html.contains(#"<abbr title="Hyper Text Markup Language">HTML</abbr>"#))
        #expect(html.contains("<figure") && html.contains("<figcaption>"))
        #expect(html.contains(#"<span class="arithmatex">\(E = mc^2\)</span>"#))
        #expect(html.contains(##"href="#ref-x">the anchor</a>"##), "\(html)")
    }

    /// 7. Python-Markdown's block rules on MkDocs pages: a raw `<br/>` line does not swallow the
    /// image after it, and `1)` starts no list.
    @Test func case7PythonMarkdownBlockRules() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\n",
            "docs/index.md": "# Home\n\n<br/>\n![alt](pic.png)\n\n1) text\n",
            "docs/pic.png": "png",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p><br/>\n<img src=\"pic.png\" alt=\"alt\" /></p>"))
        #expect(html.contains("<p>1) text</p>"))
    }

    /// 8. Titles: a page without a `# ` heading shows its nav title as the heading, and
    /// `<title>` is the nav's title, not the file name's.
    @Test func case8TitlesComeFromTheNav() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\ntheme:\n  name: material\nnav:\n  - Start here: index.md\n",
            "docs/index.md": "Just text.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<h1 id=\"start-here\">Start here</h1>") || html.contains(">Start here</h1>"))
        #expect(html.contains("<title>Start here - D</title>"))
    }

    /// 8. A nav path written `./a.md` names the page `a.md`, as MkDocs looks it up.
    @Test func case8ANavPathWithADotNamesThePage() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nnav:\n  - Home: index.md\n  - Built-in functions: ./guide/builtin.md\n",
            "docs/index.md": "# Home\n",
            "docs/guide/builtin.md": "Text.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("guide/builtin/index.html")?.contains("<title>Built-in functions - D</title>") == true)
    }

    /// 9. No noise for what MkDocs sites do on purpose: `_1` heading ids MkDocs gives, autorefs
    /// anchors with empty text, a file used only as a snippet.
    @Test func case9NoNoise() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - attr_list\n  - pymdownx.snippets:\n      base_path: docs\nplugins:\n  - autorefs\n",
            "docs/index.md": "# Home\n\n## Setup\n\n## Setup\n\n[](){#ref-x}\n\n[Again](#setup_1)\n\n--8<-- \"shared.txt\"\n",
            "docs/shared.txt": "Shared text.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("id=\"setup_1\"") && html.contains("Shared text."))
    }

    /// 10. The crash: an HTML comment next to an admonition or a details block.
    @Test func case10AnHTMLCommentNextToAContainerBuilds() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - admonition\n  - pymdownx.details\n",
            "docs/index.md": "<!-- x -->\n!!! n\n    Body.\n\n??? note\n    Body.\n<!-- x -->\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<div class="admonition n">"#) && html.contains("<details class=\"note\">"))
    }
}
