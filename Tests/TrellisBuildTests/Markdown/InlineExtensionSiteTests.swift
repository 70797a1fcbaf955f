import Foundation
import Testing

@testable import TrellisBuild

/// The inline extensions on MkDocs sites: enabled by `markdown_extensions`, with their options
/// read as MkDocs hands them to Python-Markdown (an extension listed twice has the options of
/// the last entry that gives any), and options Trellis cannot honour reported.
@Suite struct InlineExtensionSiteTests {
    @Test func markCaretAndTildeWithTheSitesOptions() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.mark
                  - pymdownx.caret:
                      superscript: false
                  - pymdownx.tilde
                  - pymdownx.caret
                """,
            "docs/index.md": """
                # Inline

                A ==mark==, ^^insert^^ and ^not superscript^; ~~delete~~ and H~2~O.
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>A <mark>mark</mark>, <ins>insert</ins> and ^not superscript^; <del>delete</del> and H<sub>2</sub>O.</p>"))
    }

    @Test func optionsItCannotReadAreWarnedAbout() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.mark:
                      smart_mark: maybe
                  - pymdownx.tilde:
                      subscripts: false
                """,
            "docs/index.md": "# Inline\n\n==a== ~b~\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:3:5: warning: pymdownx.mark: option 'smart_mark' must be a boolean, not a string; the default is used [UnsupportedPlugin]",
                "mkdocs.yml:5:5: warning: pymdownx.tilde: unknown option 'subscripts'; it is ignored [UnsupportedPlugin]",
            ])
        #expect(try #require(s.output("index.html")).contains("<p><mark>a</mark> <sub>b</sub></p>"))
    }

    @Test func keysWithTheSitesOptions() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.keys:
                      strict: true
                      separator: ""
                      key_map:
                        hyper: Hyper
                        broken: [a]
                """,
            "docs/index.md": "# Inline\n\n++ctrl+hyper++ ++broken++\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:3:5: warning: pymdownx.keys: option 'key_map': 'broken' must be a string, not a list; it is ignored [UnsupportedPlugin]"
            ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<p><kbd class="keys"><kbd class="key-control">Ctrl</kbd><kbd class="key-hyper">Hyper</kbd></kbd> ++broken++</p>"#))
    }

    @Test func magiclinkListedTwiceHasTheLastOptionsAndCustomProvidersAreWarnedAbout() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.magiclink
                  - pymdownx.magiclink:
                      repo_url_shorthand: true
                      user: acme
                      repo: widgets
                      custom:
                        forge:
                          host: https://forge.example.com
                          label: Forge
                          type: gitlab
                """,
            "docs/index.md": "# Inline\n\nSee #12, www.example.com and ops@example.com.\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:4:5: warning: pymdownx.magiclink: option 'custom' (providers of one's own) is not supported; their links and shorthands stay text [UnsupportedPlugin]"
            ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<a class="magiclink magiclink-github magiclink-issue" href="https://github.com/acme/widgets/issues/12" title="GitHub Issue: acme/widgets #12">#12</a>"#))
        #expect(html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
        #expect(html.contains("<a href=\"&#109;&#97;&#105;&#108;&#116;&#111;&#58;&#111;"))
    }

    /// As on ncar-hpc-docs: listed with options, then again without; the options stay.
    @Test func smartSymbolsKeepTheOptionsOfTheEntryThatGivesThem() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.smartsymbols:
                      fractions: false
                  - pymdownx.smartsymbols
                """,
            "docs/index.md": "# Inline\n\n1/2 off (c) 2nd\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(try #require(s.output("index.html")).contains("<p>1/2 off &copy; 2<sup>nd</sup></p>"))
    }

    @Test func abbreviationsWithTheSitesGlossary() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - abbr:
                      glossary:
                        SLA: Service Level Agreement
                        SLO: [wrong]
                """,
            "docs/index.md": "# Inline\n\nThe SLA and the API.\n\n*[API]: Application Programming Interface\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:3:5: warning: abbr: option 'glossary': 'SLO' must be a string, not a list; it is ignored [UnsupportedPlugin]"
            ])
        #expect(
            try #require(s.output("index.html")).contains(
                #"<p>The <abbr title="Service Level Agreement">SLA</abbr> and the <abbr title="Application Programming Interface">API</abbr>.</p>"#))
    }

    @Test func betterEmphasisSmartEnableAll() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Inline
                markdown_extensions:
                  - pymdownx.betterem:
                      smart_enable: none
                  - pymdownx.betterem:
                      smart_enable: all
                """,
            "docs/index.md": "# Inline\n\n2*3*4 and *a*\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(try #require(s.output("index.html")).contains("<p>2*3*4 and <em>a</em></p>"))
    }

    /// Material's own reference pages: inline code with a language (`pymdownx.inlinehilite`), a
    /// fence showing a nested fence, and attribute lists on an icon inside a link that has one.
    @Test func materialsReferencePageConstructs() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Reference
                markdown_extensions:
                  - attr_list
                  - admonition
                  - pymdownx.emoji:
                      emoji_index: !!python/name:material.extensions.emoji.twemoji
                      emoji_generator: !!python/name:material.extensions.emoji.to_svg
                  - pymdownx.highlight:
                      pygments_lang_class: true
                  - pymdownx.inlinehilite
                  - pymdownx.superfences
                """,
            "docs/index.md": """
                # Reference

                The `#!python range()` function.

                ``` markdown
                !!! note

                    ``` python
                    x = 1
                    ```
                ```

                After the example.

                [:material-heart:{ .heart } Insiders](#reference){ .insiders }
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        #expect(
            html.contains(
                #"The <code class="language-python highlight"><span class="nb">range</span><span class="p">()</span></code> function."#))
        #expect(html.contains("<p>After the example.</p>"))
        #expect(!html.contains("\\```"))
        #expect(html.contains(##"<a class="insiders" href="#reference"><span class="twemoji heart"><svg"##))
        #expect(!html.contains("{ .heart }"))
    }
}
