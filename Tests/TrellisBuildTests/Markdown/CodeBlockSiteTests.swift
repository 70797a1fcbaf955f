import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `pymdownx.highlight` and `pymdownx.superfences` options threaded from the site's config. The
/// expected markup is pymdownx 13.1.2's (with Pygments 2.21) for the same page and options.
@Suite struct CodeBlockSiteTests {
    static let page = """
        ```toml title="pyproject.toml"
        [project]
        ```

        ```mermaid
        graph LR
          A --> B
        ```

        ```plot
        x = 1
        ```

        """
    static let titled =
        ##"<div class="highlight"><span class="filename">pyproject.toml</span><pre><span></span><code><a id="__codelineno-0-1" name="__codelineno-0-1" href="#__codelineno-0-1"></a><span class="k">[project]</span>"##
        + "\n</code></pre></div>"
    static let mermaid = "<pre class=\"mermaid\"><code>graph LR\n  A --&gt; B</code></pre>"
    static let plot =
        ##"<div class="highlight"><pre><span></span><code><a id="__codelineno-1-1" name="__codelineno-1-1" href="#__codelineno-1-1"></a>x = 1"##
        + "\n</code></pre></div>"

    @Test func anMkDocsSiteGetsTitlesMermaidAndOneWarningForAFenceFormatItCannotRun() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Code
                markdown_extensions:
                  - pymdownx.highlight:
                      anchor_linenums: true
                  - pymdownx.superfences:
                      custom_fences:
                        - name: mermaid
                          class: mermaid
                          format: !!python/name:pymdownx.superfences.fence_code_format
                        - name: plot
                          class: plot
                          format: !!python/name:my_plugin.render_plot
                """,
            "docs/index.md": Self.page,
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:5:5: warning: pymdownx.superfences: the custom fence 'plot' uses the format 'my_plugin.render_plot', a Python function Trellis cannot run; its blocks render as code [UnsupportedPlugin]"
            ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(Self.titled))
        #expect(html.contains(Self.mermaid))
        #expect(html.contains(Self.plot))
    }

    @Test func optionsGivenTwiceOrThroughExtraAreTheOnesMkDocsKeeps() throws {
        // MkDocs keeps an extension's last non-empty options; pymdownx.extra hands its own on.
        for extensions in [
            """
              - pymdownx.superfences:
                  custom_fences:
                    - name: mermaid
                      class: mermaid
                      format: !!python/name:pymdownx.superfences.fence_code_format
              - pymdownx.highlight:
                  anchor_linenums: false
              - pymdownx.superfences
              - pymdownx.highlight:
                  anchor_linenums: true
            """,
            """
              - pymdownx.highlight:
                  anchor_linenums: true
              - pymdownx.extra:
                  pymdownx.superfences:
                    custom_fences:
                      - name: mermaid
                        class: mermaid
                        format: !!python/name:pymdownx.superfences.fence_code_format
            """,
        ] {
            let s = try TestSite(["mkdocs.yml": "site_name: Code\nmarkdown_extensions:\n" + extensions + "\n", "docs/index.md": Self.page])
            defer { s.cleanUp() }
            #expect(s.build().lines == [])
            let html = try #require(s.output("index.html"))
            #expect(html.contains(Self.titled))
            #expect(html.contains(Self.mermaid))
        }
    }

    @Test func aTrellisSiteOptsInWithOptionsInTrellisYml() throws {
        let s = try TestSite([
            "trellis.yml": """
                site_name: Guides
                brands: [alpha]
                markdown_extensions:
                  - pymdownx.highlight:
                      anchor_linenums: true
                  - pymdownx.superfences:
                      custom_fences:
                        - name: mermaid
                          class: mermaid
                          format: !!python/name:pymdownx.superfences.fence_code_format
                """,
            "brands/alpha.yml": "name: Alpha Cloud\n",
            "content/index.md": "# Code\n\n" + Self.page,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("alpha/index.html"))
        #expect(html.contains(Self.titled))
        #expect(html.contains(Self.mermaid))
    }

    @Test func withoutSuperfencesFencesStayPlainCode() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: Code\n", "docs/index.md": Self.page])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<pre><code class=\"language-toml\">[project]\n</code></pre>"))
        #expect(html.contains("<pre><code class=\"language-mermaid\">graph LR\n  A --&gt; B\n</code></pre>"))
    }
}
