import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// A folder with only an `mkdocs.yml` builds as it is, where MkDocs would write it.
@Suite struct MkDocsSiteTests {
    static let config = """
        site_name: Legacy Docs
        site_url: https://docs.legacy.example/
        repo_url: https://git.example/acme/docs
        edit_uri: edit/main/docs/
        theme:
          name: material
          features: [content.action.edit, navigation.indexes]
          palette:
            primary: deep purple
        extra:
          brand: Acme Cloud
        plugins:
          - search
          - macros
          - awesome-pages
          - git-authors
          - redirects:
              redirect_maps:
                old-setup.md: guide/setup.md#step-one
        markdown_extensions:
          - attr_list
        """

    func site() throws -> TestSite {
        try TestSite([
            "mkdocs.yml": Self.config,
            "docs/index.md": "# Welcome\n\n{{ brand }} docs, source at {{ config.repo_url }}.\n\n[Guide](guide/setup.md#step-one)\n",
            "docs/guide/.pages": "title: The Guide\nnav:\n  - setup.md\n  - ...\n",
            "docs/guide/advanced.md": "# Advanced\n\n[missing](nowhere.md)\n",
            "docs/guide/setup.md": "# Setup\n\n## Step one\n\nEdit me: {{ page.edit_url }}\n",
        ])
    }

    @Test func buildsIntoSiteDirAtMkDocsPathsWithWarningsForWhatMkDocsWarnsAbout() throws {
        let s = try site()
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(
            report.lines == [
                "docs/guide/advanced.md:3:11: warning: 'nowhere.md' does not exist [BrokenLink]",
                "mkdocs.yml:16:5: warning: unknown plugin 'git-authors'; it is ignored [UnsupportedPlugin]",
            ])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == [
            "404.html", "guide/advanced/index.html", "guide/setup/index.html", "index.html", "old-setup/index.html",
        ])
    }

    @Test func macrosSeeMkDocsConfigAndEditURLs() throws {
        let s = try site()
        defer { s.cleanUp() }
        _ = s.build()
        let home = try #require(s.output("index.html"))
        #expect(home.contains("Acme Cloud docs, source at https://git.example/acme/docs."))
        #expect(home.contains(#"<a href="guide/setup/#step-one">Guide</a>"#))
        let setup = try #require(s.output("guide/setup/index.html"))
        #expect(setup.contains("Edit me: https://git.example/acme/docs/edit/main/docs/guide/setup.md"))
        #expect(setup.contains(#"class="trellis-edit" href="https://git.example/acme/docs/edit/main/docs/guide/setup.md""#))
    }

    @Test func redirectMapsBecomeRedirectPages() throws {
        let s = try site()
        defer { s.cleanUp() }
        _ = s.build()
        let page = try #require(s.output("old-setup/index.html"))
        #expect(page.contains(##"<meta http-equiv="refresh" content="0; url=../guide/setup/#step-one">"##))
        #expect(page.contains(##"location.href="../guide/setup/#step-one"+(anchor?"#"+anchor:"")"##))
    }

    /// A redirect from a page the site has replaces that page's output, as mkdocs-redirects
    /// writes its pages after the build; a note says so.
    @Test func aRedirectFromAnExistingPageReplacesIt() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nnav:\n  - index.md\n  - group/index.md\nplugins:\n  - redirects:\n      redirect_maps:\n        'group/index.md': 'https://group.example/'\n",
            "docs/index.md": "# Home\n\n[Group](group/index.md)\n",
            "docs/group/index.md": "# Group\n\n!!! note\n    Moved.\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines == ["mkdocs.yml: note: the redirect from 'group/index.md' replaces that page's output, as mkdocs-redirects does [OutputCollision]"])
        let page = try #require(s.output("group/index.html"))
        #expect(page.contains(##"<meta http-equiv="refresh" content="0; url=https://group.example/">"##))
        #expect(!page.contains("Moved."))
    }

    /// The redirect collision is reported at the severity the rule catalogue lists for it, a
    /// note (mkdocs-redirects replaces the page without a word), so `--strict` passes as
    /// `mkdocs build --strict` does.
    @Test func aRedirectCollisionIsReportedAtTheCatalogueSeverity() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nnav:\n  - index.md\n  - old.md\nplugins:\n  - redirects:\n      redirect_maps:\n        old.md: index.md\n",
            "docs/index.md": "# Home\n",
            "docs/old.md": "# Old\n",
        ])
        defer { s.cleanUp() }
        let report = s.build(strict: true)
        #expect(report.outcome == .success)
        let collision = try #require(report.diagnostics.first { $0.message.hasPrefix("the redirect from 'old.md'") })
        #expect(collision.id == .outputCollision)
        #expect(collision.variant == .redirectOverPage)
        #expect(collision.severity == RuleCatalog.defaultSeverity(of: .outputCollision, variant: .redirectOverPage))
        #expect(report.lines == ["mkdocs.yml: note: the redirect from 'old.md' replaces that page's output, as mkdocs-redirects does [OutputCollision]"])
        #expect(s.output("old/index.html")?.contains(#"<meta http-equiv="refresh" content="0; url=../">"#) == true)
    }

    @Test func lintChecksRedirectTargetsWithoutWritingThem() throws {
        let s = try site()
        defer { s.cleanUp() }
        try s.write("mkdocs.yml", Self.config.replacingOccurrences(of: "guide/setup.md#step-one", with: "guide/gone.md"))
        #expect(
            s.lint().lines.contains(
                "mkdocs.yml: warning: the redirect from 'old-setup.md' points to 'guide/gone.md', which does not exist [BrokenLink]"))
        #expect(!s.exists("site"))
    }

    @Test func awesomePagesOrdersTheNavigation() throws {
        let s = try site()
        defer { s.cleanUp() }
        _ = s.build()
        let page = try #require(s.output("guide/advanced/index.html"))
        let sidebar = try #require(page.range(of: "<nav id=\"trellis-sidebar\"")).lowerBound
        let order = [">The Guide<", ">Setup<", ">Advanced<"].compactMap {
            page.range(of: $0, range: sidebar..<page.endIndex)?.lowerBound
        }
        #expect(order.count == 3)
        #expect(order == order.sorted())
    }
}

/// Material's container extensions, enabled by `markdown_extensions` in `mkdocs.yml`.
@Suite struct MkDocsExtensionTests {
    @Test func admonitionsAndTabsRenderWhenEnabledAndStayTextOtherwise() throws {
        let page = "# Home\n\n!!! note \"Before you start\"\n    Check {{ brand }}.\n\n=== \"Linux\"\n\n    ```sh\n    ls\n    ```\n\n=== \"Windows\"\n\n    dir\n"
        let enabled = try TestSite([
            "mkdocs.yml": "site_name: D\nextra:\n  brand: Acme\nplugins: [macros]\nmarkdown_extensions:\n  - admonition\n  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n",
            "docs/index.md": page,
        ])
        defer { enabled.cleanUp() }
        #expect(enabled.build().lines == [])
        let html = try #require(enabled.output("index.html"))
        #expect(html.contains("<div class=\"admonition note\">\n<p class=\"admonition-title\">Before you start</p>\n<p>Check Acme.</p>\n</div>"))
        #expect(html.contains(#"<div class="tabbed-set tabbed-alternate" data-tabs="1:2">"#))
        #expect(html.contains(#"<label for="__tabbed_1_1">Linux</label>"#))
        #expect(!html.contains("!!!") && !html.contains("=== "))

        let plain = try TestSite(["mkdocs.yml": "site_name: D\nextra:\n  brand: Acme\n", "docs/index.md": page])
        defer { plain.cleanUp() }
        #expect(plain.build().lines == [])
        #expect(try #require(plain.output("index.html")).contains("!!! note"))
    }
}

/// `markdown_extensions` in `trellis.yml` turns the same extensions on for Trellis sites.
@Suite struct TrellisSiteExtensionTests {
    @Test func trellisSitesEnableExtensionsByMkDocsName() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: D\nmarkdown_extensions: [admonition, pymdownx.tabed]\n",
            "content/index.md": "# Home\n\n!!! tip\n    Use the panel.\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "trellis.yml:2:35: warning: unknown Markdown extension 'pymdownx.tabed'; it is ignored; did you mean 'pymdownx.tabbed', 'pymdownx.caret' or 'pymdownx.tilde'? [UnsupportedPlugin]"
            ])
        #expect(s.output("default/index.html")?.contains(#"<div class="admonition tip">"#) == true)
    }
}

/// `pymdownx.snippets`: `--8<-- "file"` includes a file's text, also inside fenced code.
@Suite struct SnippetTests {
    /// Without `check_paths` pymdownx leaves a missing snippet's line out in silence: a note
    /// (not a warning, so `strict` builds as MkDocs builds) at the line that names it.
    @Test func includesSnippetsAndNotesMissingOnesAtTheirLine() throws {
        let page = "# Home\n\n--8<-- \"snippets/note.md\"\n\n```sh\n--8<-- \"snippets/cmd.sh\"\n```\n\n;--8<-- \"kept.md\"\n\n  --8<-- \"snippets/gone.md\"\n"
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nstrict: true\nextra:\n  brand: Acme\nplugins: [macros]\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "snippets/note.md": "Shared note for {{ brand }} with [a link](https://example.com/x).\n",
            "snippets/cmd.sh": "kubectl get nodes\n",
            "docs/index.md": page,
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(
            report.lines == [
                "docs/index.md:11:3: note: snippet 'snippets/gone.md' does not exist (looked in the site root) [MissingSnippet]"
            ])
        #expect(report.outcome == .success)
        let html = try #require(s.output("index.html"))
        #expect(html.contains("Shared note for {{ brand }} with"))
        // The file's last newline is an empty line, in code too (as MkDocs writes it).
        #expect(html.contains("<pre><code class=\"language-sh\">kubectl get nodes\n\n</code></pre>"))
        // Escaped, the line stays as written (no smart punctuation without `smarty`).
        #expect(html.contains("<p>--8&lt;-- &quot;kept.md&quot;</p>"))
        try s.write("snippets/note.md", "Shared note with [a link](nowhere.md).\n")
        // The snippet's own broken link points at the line that includes it.
        #expect(s.build().lines.first == "docs/index.md:3:1: error: 'nowhere.md' does not exist [BrokenLink]")
    }

    /// A snippet's own snippet lines are included in turn (pymdownx nests them); one that
    /// includes itself is left out, and a URL is not downloaded, each noted at its line in the
    /// snippet file.
    @Test func snippetsIncludeTheirSnippets() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets\n",
            "parts/outer.md": "Outer start.\n\n    --8<-- \"parts/inner.md\"\n;--8<-- \"kept.md\"\n--8<-- \"parts/outer.md\"\n--8<-- \"https://example.com/x.sh\"\n",
            "parts/inner.md": "inner code line\n",
            "docs/index.md": "# Home\n\n--8<-- \"parts/outer.md\"\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [
            "parts/outer.md:5:1: note: snippet 'parts/outer.md' includes itself (through the snippets it includes); it is left out here, as pymdownx leaves it out [MissingSnippet]",
            "parts/outer.md:6:1: note: snippet 'https://example.com/x.sh' is a URL and url_download is off, so it is not included [MissingSnippet]",
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<p>Outer start.</p>\n<pre><code>inner code line\n</code></pre>\n<p>--8&lt;-- &quot;kept.md&quot;</p>"))
    }

    /// With `check_paths`, a missing snippet stops MkDocs, and so it stops the build.
    @Test func aMissingSnippetFailsTheBuildWithCheckPaths() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions:\n  - pymdownx.snippets:\n      check_paths: true\n",
            "docs/index.md": "# Home\n\n--8<-- \"gone.md\"\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == ["docs/index.md:3:1: error: snippet 'gone.md' does not exist (looked in the site root) [MissingSnippet]"])
        #expect(report.outcome == .failed && s.output("index.html") == nil)
    }
}

@Suite struct TabAnchorTests {
    @Test func linksToContentTabsAreValidAnchors() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: D\nmarkdown_extensions: [pymdownx.tabbed]\n",
            "content/index.md": "# Home\n\n[Windows](#__tabbed_1_2) [none](#__tabbed_1_3)\n\n=== \"Linux\"\n\n    ls\n\n=== \"Windows\"\n\n    dir\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "content/index.md:3:33: error: this page has no heading or id '__tabbed_1_3'; did you mean '__tabbed_1_1' or '__tabbed_1_2'? [MissingAnchor]"
            ])
    }
}

/// One MkDocs source, a site per brand: `trellis.yml` names the `mkdocs.yml` and adds brands.
@Suite struct MkDocsWithBrandsTests {
    @Test func brandsOverlayTheirVariablesAndThemeOnAnMkDocsSite() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Cloud Docs
                extra:
                  brand: Upstream
                  support: help@upstream.example
                markdown_extensions: [admonition]
                theme:
                  name: material
                  palette:
                    primary: indigo
                """,
            "trellis.yml": "mkdocs: mkdocs.yml\nbrands: [alpha, beta]\n",
            "brands/alpha.yml": "name: Alpha Cloud\nextra:\n  brand: Alpha Cloud\n",
            "brands/beta.yml": "name: Beta Hosting\ntheme:\n  primary: \"#445566\"\nextra:\n  brand: Beta Hosting\n",
            "docs/index.md": "# Home\n\n!!! note\n    {{ brand }}: write to {{ support }}.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let alpha = try #require(s.output("alpha/index.html"))
        let beta = try #require(s.output("beta/index.html"))
        #expect(alpha.contains("<p>Alpha Cloud: write to help@upstream.example.</p>"))
        #expect(beta.contains("<p>Beta Hosting: write to help@upstream.example.</p>"))
        #expect(alpha.contains(#"<div class="admonition note">"#))
        #expect(beta.contains("#445566") && !alpha.contains("#445566"))
        // The MkDocs palette's colour, by Material's name; the brand's own colour over it.
        #expect(alpha.contains(#"data-md-color-primary="indigo""#))
        #expect(beta.contains("--md-primary-fg-color:#445566;") && beta.contains(#"data-md-color-primary="custom""#))
    }
}

/// `--brand FILE` over an MkDocs folder that has no `trellis.yml`: a site per brand file.
@Suite struct BrandFileTests {
    @Test func eachBrandFileOverlaysTheMkDocsSiteIntoItsOwnFolder() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Cloud Docs\nextra:\n  brand: Upstream\n  support: help@upstream.example\n",
            "docs/index.md": "# Home\n\n{{ brand }}: write to {{ support }}.\n",
            "../brand-files/alpha.yml": "name: Alpha Cloud\ntheme:\n  primary: \"#123456\"\nextra:\n  brand: Alpha Cloud\n",
            "brands/beta.yml": "name: Beta Hosting\nforbidden_terms: [Alpha Cloud]\nextra:\n  brand: Beta Hosting\n",
        ])
        defer {
            s.cleanUp()
            try? FileManager.default.removeItem(at: s.root.deletingLastPathComponent().appending(path: "brand-files"))
        }
        var options = BuildOptions(root: s.root)
        options.brandFiles = [
            s.root.appending(path: "../brand-files/alpha.yml").standardizedFileURL, s.root.appending(path: "brands/beta.yml"),
        ]
        let report = SiteBuilder.build(options)
        #expect(report.lines == [])
        let alpha = try #require(s.output("alpha/index.html"))
        let beta = try #require(s.output("beta/index.html"))
        #expect(alpha.contains("<p>Alpha Cloud: write to help@upstream.example.</p>") && alpha.contains("#123456"))
        #expect(beta.contains("<p>Beta Hosting: write to help@upstream.example.</p>") && !beta.contains("#123456"))
        #expect(s.output("index.html") == nil)
    }

    @Test func aBrandFileProblemIsReportedInThatFile() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Cloud Docs\n",
            "docs/index.md": "# Home\n",
            "brands/alpha.yml": "name: [Alpha]\n",
        ])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.brandFiles = [s.root.appending(path: "brands/alpha.yml"), s.root.appending(path: "brands/missing.yml")]
        let report = SiteBuilder.build(options)
        #expect(report.outcome == .unusable)
        #expect(
            report.lines == [
                "brands/alpha.yml:1:7: error: expected a string for 'name', found a list [ConfigType]",
                "brands/missing.yml: error: cannot read 'brands/missing.yml' [IOError]",
            ])
    }
}

/// An MkDocs site builds as MkDocs builds it, whatever its config is called: pages with problems
/// MkDocs only warns about are written, and `{{`/`{%` are text unless the macros plugin is on.
@Suite struct PlainMkDocsSiteTests {
    @Test func aConfigNotNamedMkDocsIsReadAsMkDocsUnlessItHasTrellisKeys() throws {
        let page = "# Home\n\n!!! note\n    Read me.\n"
        let s = try TestSite([
            "mkdocs.reference.yml": "site_name: R\nmarkdown_extensions:\n  - admonition:\n  - toc:\n      permalink: true\n",
            "site.yml": "site_name: S\nmarkdown_extensions: [admonition]\n",
            "brands.yml": "site_name: B\nbrands: [acme]\n", "brands/acme.yml": "name: Acme\n",
            "docs/index.md": page, "content/index.md": page,
        ])
        defer { s.cleanUp() }
        for name in ["mkdocs.reference.yml", "site.yml"] {
            var options = BuildOptions(root: s.root)
            options.configName = name
            let report = SiteBuilder.build(options)
            #expect(report.lines == [] && report.outcome == .success, "\(name)")
            #expect(s.output("index.html")?.contains(#"<div class="admonition note">"#) == true, "\(name)")
        }
        var options = BuildOptions(root: s.root)
        options.configName = "brands.yml"
        #expect(SiteBuilder.build(options).outcome == .success)
        #expect(s.output("acme/index.html") != nil)
    }

    /// MkDocs always enables `toc`, `tables` and `fenced_code`; `pymdownx.extra` brings
    /// footnotes, definition lists, attribute lists and `md_in_html`.
    @Test func tablesAreOnWithoutBeingListedAndExtraBringsItsExtensions() throws {
        let page = "# Home\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n:   Meaning[^1]\n\n[^1]: A note.\n"
        let plain = try TestSite(["mkdocs.yml": "site_name: D\n", "docs/index.md": page])
        defer { plain.cleanUp() }
        #expect(plain.build().lines == [])
        let html = try #require(plain.output("index.html"))
        #expect(html.contains("<td>1</td>") && html.contains("Meaning[^1]"))
        let extra = try TestSite(["mkdocs.yml": "site_name: D\nmarkdown_extensions: [pymdownx.extra]\n", "docs/index.md": page])
        defer { extra.cleanUp() }
        #expect(extra.build().lines == [])
        let full = try #require(extra.output("index.html"))
        #expect(full.contains("<td>1</td>") && full.contains("<dt>Term</dt>") && full.contains(#"<div class="footnote">"#))
    }

    /// Smart punctuation is Python-Markdown's `smarty`: an MkDocs site has it only when it lists
    /// it; a Trellis site always.
    @Test func quotesAndDashesStayStraightWithoutSmarty() throws {
        let page = "# Home\n\nDon't -- \"quote\" --8<-- ...\n"
        let plain = try TestSite(["mkdocs.yml": "site_name: D\n", "docs/index.md": page])
        defer { plain.cleanUp() }
        _ = plain.build()
        #expect(plain.output("index.html")?.contains("<p>Don't -- &quot;quote&quot; --8&lt;-- ...</p>") == true)
        let smarty = try TestSite(["mkdocs.yml": "site_name: D\nmarkdown_extensions: [smarty]\n", "docs/index.md": page])
        defer { smarty.cleanUp() }
        _ = smarty.build()
        #expect(smarty.output("index.html")?.contains("<p>Don’t – “quote” –8&lt;– …</p>") == true)
        let trellis = try TestSite(["trellis.yml": "site_name: D\n", "content/index.md": page])
        defer { trellis.cleanUp() }
        _ = trellis.build()
        #expect(trellis.output("default/index.html")?.contains("<p>Don’t – “quote” –8&lt;– …</p>") == true)
    }

    /// A page's title is its nav title, else its front matter's, else its first heading, else its
    /// file name; a page whose body has no level-1 heading shows its title as one (Material).
    @Test func titlesComeFromTheNavAndShowAsTheHeadingWhenThePageHasNone() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nnav:\n  - Home: index.md\n  - Linaro Forge: forge.md\n  - meta.md\n  - raw.md\n",
            "docs/index.md": "# Welcome\n\nText.\n",
            "docs/forge.md": "## Debugging\n\nText.\n",
            "docs/meta.md": "---\ntitle: From front matter\n---\nText.\n",
            "docs/raw.md": "<h1>Raw heading</h1>\n\nText.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let forge = try #require(s.output("forge/index.html"))
        #expect(forge.contains("<title>Linaro Forge - Docs</title>") && forge.contains("<h1>Linaro Forge</h1>"))
        let home = try #require(s.output("index.html"))
        #expect(home.contains("<title>Home - Docs</title>") && !home.contains("<h1>Home</h1>") && home.contains(">Welcome<"))
        #expect(s.output("meta/index.html")?.contains("<h1>From front matter</h1>") == true)
        #expect(s.output("raw/index.html")?.components(separatedBy: "<h1").count == 2)
    }

    /// A custom_dir replacing Material's content partial decides the title heading itself.
    @Test func aReplacedContentPartialDecidesTheTitleHeading() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\ntheme:\n  name: material\n  custom_dir: overrides\n",
            "overrides/partials/content.html": "{{ page.content }}\n",
            "docs/index.md": "Text without a heading.\n",
        ])
        defer { s.cleanUp() }
        _ = s.build()
        #expect(s.output("index.html").map { !$0.contains("<h1>") } == true)
    }

    /// `page.md/#anchor` is the page (MkDocs normalises the path), checked and rewritten.
    @Test func aSlashAfterAPageLinkIsThePage() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\n",
            "docs/index.md": "# Home\n\n[QoS](guide/scheduler.md/#qos) [gone](guide/scheduler.md/#nope)\n",
            "docs/guide/scheduler.md": "# Scheduler\n\n## QoS\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [
            "docs/index.md:3:39: note: 'guide/scheduler.md' has no heading or id 'nope' [MissingAnchor]"
        ])
        #expect(s.output("index.html")?.contains(#"<a href="guide/scheduler/#qos">QoS</a>"#) == true)
    }

    /// What MkDocs sites do on purpose is not reported: ids numbered for repeated headings,
    /// `[](){#ref}` anchors, files of the docs folder used as snippets.
    @Test func noNoiseForWhatMkDocsSitesDoOnPurpose() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nmarkdown_extensions: [attr_list, pymdownx.snippets]\n",
            "docs/index.md": "# Home\n\n## Setup\n\n[](){#ref-setup}\n\n## Setup\n\n--8<-- \"docs/examples/run.sh\"\n\n[again](#setup_1)\n",
            "docs/examples/run.sh": "echo run\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains(#"<h2 id="setup_1">"#) == true)
    }

    /// mkdocs-autorefs: `[text][id]` and `[id][]` link to the heading or anchor with that id on
    /// any page, with the plugin's markup (checked against mkdocs-autorefs 1.4.5: class, the
    /// heading's title unless it is the link's text); a page's own definition wins; one with no
    /// target is a warning at the link and stays text; without the plugin all stay text.
    @Test func autorefsLinkToHeadingsAndAnchorsOfAnyPage() throws {
        let home = "# Home\n\nSee [the setup][setup-guide] and [Install][] and [*custom*][ref-x], [missing][nowhere], [own][setup-guide2] and [Home][].\n\n!!! note\n    Inside: [install it][install].\n\n[setup-guide2]: https://example.com/own\n"
        let guide = "# Guide\n\n## Setup guide\n\n[](){#ref-x}\nAnchored.\n\n## Install\n\n## Setup guide 2\n"
        let s = try TestSite([
            "mkdocs.yml": "site_name: A\nplugins: [search, autorefs]\nmarkdown_extensions: [attr_list, admonition]\n",
            "docs/index.md": home, "docs/guide.md": guide,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [
            "docs/index.md:3:69: warning: cross-reference 'nowhere' names no heading or anchor id of any page; it stays text [BrokenLink]"
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<a class="autorefs autorefs-internal" title="Setup guide" href="guide/#setup-guide">the setup</a>"#))
        #expect(html.contains(#"<a class="autorefs autorefs-internal" href="guide/#install">Install</a>"#))
        #expect(html.contains(#"<a class="autorefs autorefs-internal" href="guide/#ref-x"><em>custom</em></a>"#))
        #expect(html.contains("[missing][nowhere]") && html.contains(#"<a href="https://example.com/own">own</a>"#))
        #expect(html.contains(##"<a class="autorefs autorefs-internal" href="#home">Home</a>"##))
        #expect(html.contains(#"Inside: <a class="autorefs autorefs-internal" title="Install" href="guide/#install">install it</a>"#))

        let plain = try TestSite(["mkdocs.yml": "site_name: A\n", "docs/index.md": "# Home\n\n[Home][] [x][home]\n"])
        defer { plain.cleanUp() }
        #expect(plain.build().lines == [])
        #expect(plain.output("index.html")?.contains("<p>[Home][] [x][home]</p>") == true)
    }

    /// A fence nothing closes is text, as Python-Markdown leaves it, so nothing after it is
    /// swallowed: MkDocs 1.6.1 with mkdocs-autorefs writes `<p><a class="autorefs
    /// autorefs-internal" href="#home">Home</a></p>` and `<p>```text\nopen fence to the end</p>`
    /// for this page. Inside a list item an unclosed fence ends with the item, before the
    /// definitions the plugin appends.
    @Test func autorefsNeverShowInAnUnclosedFence() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: A\nplugins: [autorefs]\n",
            "docs/index.md": "# Home\n\n[Home][]\n\n```text\nopen fence to the end\n",
            "docs/b.md": "# B\n\n[Home][]\n\n- item\n\n    ```text\n    open fence in an item\n",
        ])
        defer { s.cleanUp() }
        _ = s.build()
        let html = try #require(s.output("index.html"))
        #expect(html.contains(##"<p><a class="autorefs autorefs-internal" href="#home">Home</a></p>"##))
        #expect(html.contains("<p>```text\nopen fence to the end</p>"))
        let item = try #require(s.output("b/index.html"))
        #expect(item.contains("open fence in an item"))
        #expect(!item.contains("trellis-autoref"))
    }

    @Test func withoutTheMacrosPluginBracesAreText() throws {
        let page = "# Home\n\n[](){#ref-x} Run `docker inspect -f \"{{ json .Labels }}\"` for {{ brand }}.\n\n{% if x %}kept{% endif %}\n"
        let s = try TestSite(["mkdocs.yml": "site_name: D\nextra:\n  brand: Acme\nmarkdown_extensions: [attr_list]\n", "docs/index.md": page])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(!report.lines.contains { $0.contains("Macro") || $0.contains("Variable") })
        let html = try #require(s.output("index.html"))
        #expect(html.contains("<code>docker inspect -f &quot;{{ json .Labels }}&quot;</code> for {{ brand }}."))
        #expect(html.contains("{% if x %}kept{% endif %}"))
    }

    @Test func renderByDefaultFalseRendersOnlyPagesThatAskForIt() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nextra:\n  brand: Acme\nplugins:\n  - macros:\n      render_by_default: false\n",
            "docs/index.md": "# Home\n\n{{ brand }}\n",
            "docs/on.md": "---\nrender_macros: true\n---\n# On\n\n{{ brand }}\n",
        ])
        defer { s.cleanUp() }
        _ = s.build()
        #expect(s.output("index.html")?.contains("<p>{{ brand }}</p>") == true)
        #expect(s.output("on/index.html")?.contains("<p>Acme</p>") == true)
    }

    /// What MkDocs writes with a warning, Trellis writes with a warning: a link out of the docs
    /// folder, a macro error (the plugin shows it in the page), a page over another's path.
    @Test func problemsMkDocsWarnsAboutLeaveTheSiteWritten() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nplugins: [macros]\n",
            "docs/index.md": "# Home\n\n[up](../../elsewhere/) and {{ broken(\n",
            "docs/other.md": "# Other\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(!report.lines.isEmpty && report.lines.allSatisfy { $0.contains(": warning: ") })
        #expect(report.lines.contains { $0.hasPrefix("docs/index.md:3:6: warning: '../../elsewhere/' points outside the docs folder [BrokenLink]") })
        #expect(s.output("other/index.html") != nil)
        #expect(s.build(strict: true).outcome == .failed)
    }

    /// `{% include %}` reads the macros plugin's `include_dir` (else the docs folder), with the
    /// including page's variables; a missing template, a name climbing out of the folder and an
    /// include of itself are reported at the tag and in the included file.
    @Test func includesRenderFromTheIncludeDirWithThePagesVariables() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nextra:\n  product: Acme\nplugins:\n  - macros:\n      include_dir: shared\n",
            "shared/intro.md": "{% if not server %}## Setup\n\n{% endif %}Install {{ product }} {{ page.meta.edition }} {{ edition }}.\n",
            "shared/loop.md": "again {% include 'loop.md' %}",
            "docs/index.md": "---\nedition: Pro\n---\n# Home\n\n{% include 'intro.md' %}\n\n```text\n{% include \"intro.md\" %}\n```\n",
            "docs/broken.md": "# Broken\n\n{% include 'gone.md' %} {% include '../mkdocs.yml' %} {% include 'loop.md' %}\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        let lines = report.lines.filter { !$0.contains("[OrphanPage]") }
        #expect(lines == [
            "docs/broken.md:3:12: warning: template 'gone.md' not found in 'shared' [MissingSnippet]",
            "docs/broken.md:3:36: warning: template '../mkdocs.yml' not found in 'shared' [MissingSnippet]",
            "shared/loop.md:1:7: warning: includes nest more than 16 deep (does 'loop.md' include itself?) [MacroLimit]",
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains(#"<h2 id="setup">Setup</h2>"#) && html.contains("<p>Install Acme Pro Pro.</p>"))
        #expect(html.contains("<code class=\"language-text\">## Setup\n\nInstall Acme Pro Pro.\n</code>"))
        // Front matter is over every variable: `server: true` hides the heading.
        try s.write("docs/index.md", "---\nserver: true\nproduct: Beta\nedition: Lite\n---\n# Home\n\n{% include 'intro.md' %}\n")
        _ = s.build()
        let server = try #require(s.output("index.html"))
        #expect(!server.contains("Setup</h2>") && server.contains("<p>Install Beta Lite Lite.</p>"))
    }

    /// The macros plugin's `git` variable: the last commit and tag, empty outside a repository.
    @Test func gitVariablesComeFromTheRepository() throws {
        let files = [
            "mkdocs.yml": "site_name: D\nplugins: [macros]\n",
            "docs/index.md": "# Home\n\n[Release](https://example.com/tree/{{ git.tag }}/x) {{ git.status }} {{ git.short_tag }}|{{ git.author }}\n",
        ]
        let plain = try TestSite(files)
        defer { plain.cleanUp() }
        #expect(plain.build().lines == [])
        #expect(plain.output("index.html")?.contains(#"<a href="https://example.com/tree//x">Release</a> False |"#) == true)

        let repo = try TestSite(files)
        defer { repo.cleanUp() }
        for arguments in [
            ["init", "-q"], ["-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "--allow-empty", "-m", "first"],
            ["tag", "v1.2.0"],
        ] {
            try #require(Subprocess.run(["git", "-C", repo.root.path] + arguments)?.status == 0)
        }
        _ = repo.build()
        #expect(repo.output("index.html")?.contains(#"<a href="https://example.com/tree/v1.2.0/x">Release</a> True v1.2.0|Ada"#) == true)
    }

    @Test func strictInTheConfigFailsOnWarningsAsMkDocsStrictDoes() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: D\nstrict: true\n", "docs/index.md": "# Home\n\n[gone](gone.md)\n"])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == ["docs/index.md:3:8: error: 'gone.md' does not exist [BrokenLink]"])
        #expect(report.outcome == .failed)
    }

    /// PyYAML keeps the last value of a repeated key (MkDocs reads `mkdocs.yml`, front matter and
    /// `.pages` with it); a Trellis config refuses it (ConfigTests).
    @Test func aRepeatedKeyKeepsItsLastValue() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nplugins: [macros]\nextra:\n  mail: old@x.example\n  mail: new@x.example\n",
            "docs/index.md": "---\ntitle: Old\ntitle: New\n---\n\nWrite to {{ mail }}.\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.lines == [
            "docs/index.md:2:1: warning: 'title' is given again at line 3; the last value is used, as MkDocs reads it [DuplicateKey]",
            "mkdocs.yml:4:3: warning: 'mail' is given again at line 5; the last value is used, as MkDocs reads it [DuplicateKey]",
        ])
        let html = try #require(s.output("index.html"))
        #expect(html.contains("Write to new@x.example.") && html.contains("<title>New"))
    }
}

/// The macros plugin's `on_undefined`: `keep` (its default) leaves the tag, `strict` reports it.
@Suite struct OnUndefinedTests {
    func build(_ plugin: String) throws -> (BuildReport, String?) {
        let s = try TestSite([
            "mkdocs.yml": "site_name: D\nextra:\n  brand: Acme\nplugins:\n\(plugin)\n",
            "docs/index.md": "# Home\n\n{{ brand }} and {{ missing.name }}{% if missing %} never{% endif %}.\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        return (report, s.output("index.html"))
    }

    @Test func keepIsTheDefault() throws {
        let (report, html) = try build("  - macros")
        #expect(report.lines == [])
        #expect(html?.contains("<p>Acme and {{ missing.name }}.</p>") == true)
    }

    @Test func silentPrintsNothing() throws {
        let (report, html) = try build("  - macros:\n      on_undefined: silent")
        #expect(report.lines == [])
        #expect(html?.contains("<p>Acme and .</p>") == true)
    }

    /// The macros plugin shows the error in the page and goes on, so MkDocs warns…
    @Test func strictReportsIt() throws {
        let (report, _) = try build("  - macros:\n      on_undefined: strict")
        #expect(
            report.lines == [
                "docs/index.md:3:20: warning: undefined variable 'missing' [UndefinedVariable]",
                "docs/index.md:3:41: warning: undefined variable 'missing' [UndefinedVariable]",
            ])
        #expect(report.outcome == .success)
    }

    /// …and fails the build with `on_error_fail`.
    @Test func strictWithOnErrorFailFailsTheBuild() throws {
        let (report, html) = try build("  - macros:\n      on_undefined: strict\n      on_error_fail: true")
        #expect(
            report.lines == [
                "docs/index.md:3:20: error: undefined variable 'missing' [UndefinedVariable]",
                "docs/index.md:3:41: error: undefined variable 'missing' [UndefinedVariable]",
            ])
        #expect(report.outcome == .failed && html == nil)
    }
}

/// Heading permalinks on an MkDocs site follow `toc: permalink`, as MkDocs renders them.
@Suite struct MkDocsPermalinkTests {
    func home(_ extensions: String) throws -> String? {
        let s = try TestSite(["mkdocs.yml": "site_name: D\n\(extensions)", "docs/index.md": "# Home\n\n## Setup\n"])
        defer { s.cleanUp() }
        _ = s.build()
        return s.output("index.html")
    }

    @Test func noPermalinksWithoutTheOption() throws {
        #expect(try home("")?.contains(#"<h2 id="setup">Setup</h2>"#) == true)
    }

    @Test func permalinkWithItsSymbol() throws {
        let html = try home("markdown_extensions:\n  - toc:\n      permalink: \"#\"\n")
        #expect(html?.contains(##"<h2 id="setup">Setup<a class="headerlink" href="#setup" title="Permanent link">#</a></h2>"##) == true)
    }
}

/// MkDocs writes a `404.html` that servers show at any depth: links from the site URL's path.
@Suite struct NotFoundPageTests {
    @Test func linksStartFromTheSiteURLsPath() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Docs\nsite_url: https://example.org/docs/\n",
            "docs/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let page = try #require(s.output("404.html"))
        #expect(page.contains("<h1 id=\"404-not-found\">404 - Not found</h1>"))
        #expect(page.contains(#"href="/docs/assets/trellis.css""#))
    }
}

/// `use_directory_urls: false` writes `a/b.html` and links to it, as MkDocs does.
@Suite struct FileURLTests {
    @Test func pagesLinksNavAndRedirectsUseHTMLFileURLs() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Files
                use_directory_urls: false
                nav:
                  - index.md
                  - Guide:
                    - guide/index.md
                    - guide/setup.md
                plugins:
                  - redirects:
                      redirect_maps:
                        old.md: guide/setup.md#step
                """,
            "docs/index.md": "# Home\n\n[Setup](guide/setup.md#step) · [Guide](guide/index.md) · [Guide folder](guide/)\n\n![Logo](img/logo.svg)\n",
            "docs/guide/index.md": "# Guide\n\n[Home](../index.md) · [Setup](setup.md)\n",
            "docs/guide/setup.md": "# Setup\n\n## Step\n\n[Home](../index.md) and ![Logo](../img/logo.svg)\n",
            "docs/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.outputFiles().filter { $0.hasSuffix(".html") } == [
            "404.html", "guide/index.html", "guide/setup.html", "index.html", "old.html",
        ])
        let home = try #require(s.output("index.html"))
        #expect(home.contains(#"<a href="guide/setup.html#step">Setup</a>"#))
        #expect(home.contains(#"<a href="guide/index.html">Guide</a>"#))
        #expect(home.contains(#"<a href="guide/index.html">Guide folder</a>"#))
        #expect(home.contains(#"<img src="img/logo.svg" alt="Logo" />"#))
        let setup = try #require(s.output("guide/setup.html"))
        #expect(setup.contains(#"<a href="../index.html">Home</a>"#))
        #expect(setup.contains(#"<img src="../img/logo.svg" alt="Logo" />"#))
        // The theme's own links (stylesheet, sidebar) are relative to the file's folder.
        #expect(setup.contains(#"href="../assets/trellis.css""#))
        #expect(setup.contains(#"href="../guide/setup.html""#))
        #expect(try #require(s.output("old.html")).contains(#"href="guide/setup.html#step""#))
    }
}

/// `theme.custom_dir`: static files ship at their paths, Mustache overrides apply, and Material's
/// Jinja overrides are named in one warning.
@Suite struct CustomDirTests {
    @Test func staticFilesAndMustacheOverridesApplyAndJinjaTemplatesAreNamed() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Themed\ntheme:\n  name: material\n  custom_dir: overrides\n",
            "docs/index.md": "# Home\n\n[Shared styles](assets/shared.css)\n",
            "docs/assets/shared.css": "docs wins",
            "overrides/assets/images/banner.png": "png",
            "overrides/assets/shared.css": "theme loses",
            "overrides/main.html": "{% extends \"base.html\" %}",
            "overrides/partials/footer.html": "<footer></footer>",
            "overrides/partials/footer.mustache": "<footer class=\"custom\">Made by {{siteName}}</footer>\n",
            "overrides/mkdocs_theme.yml": "extends: material",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:4:15: warning: the Jinja template overrides in 'overrides' ('main.html', 'partials/footer.html') are not applied; Trellis themes are Mustache, so write them as '.mustache' files there [UnsupportedPlugin]"
            ])
        #expect(s.output("assets/images/banner.png") == "png")
        #expect(s.output("assets/shared.css") == "docs wins")
        #expect(s.output("main.html") == nil && s.output("mkdocs_theme.yml") == nil)
        #expect(s.output("partials/footer.mustache") == nil)
        #expect(try #require(s.output("index.html")).contains(#"<footer class="custom">Made by Themed</footer>"#))
    }

    @Test func aMissingFolderIsReportedAtTheSetting() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Themed\ntheme:\n  name: material\n  custom_dir: overrides\n",
            "docs/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml:4:15: warning: 'overrides' (theme.custom_dir of brand 'default') does not exist [MissingAsset]"
            ])
        #expect(s.output("index.html") != nil)
    }
}

/// The hard case of issue 4: a macro inside a content tab inside a list item, in prose and in
/// a fenced block. The expected HTML is MkDocs' own (Material 9, macros plugin), except that
/// MkDocs runs Pygments over the fence where Trellis leaves the code without token spans.
@Suite struct MacroInTabInListTests {
    @Test func expandsBeforeTheTabIsParsedAndRendersAsMkDocsDoes() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Tabs
                repo_url: https://git.example/docs
                extra:
                  brand: Acme Cloud
                  cli: acme
                markdown_extensions:
                  - pymdownx.superfences
                  - pymdownx.tabbed:
                      alternate_style: true
                plugins:
                  - macros
                """,
            "docs/index.md": """
                # Install

                1. Pick your system:

                    === "Linux"

                        Install the {{ brand }} CLI:

                        ```bash
                        curl -sL {{ config.repo_url }}/install.sh | sh
                        {{ cli }} --version
                        ```

                    === "macOS"

                        - Run `brew install {{ cli | upper }}`.
                        - Check with `{{ cli }} --version`.

                2. Sign in to {{ brand }}.
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        let expected = """
            <h1 id="install">Install</h1>
            <ol>
            <li>
            <p>Pick your system:</p>
            <div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio" /><input id="__tabbed_1_2" name="__tabbed_1" type="radio" /><div class="tabbed-labels"><label for="__tabbed_1_1">Linux</label><label for="__tabbed_1_2">macOS</label></div>
            <div class="tabbed-content">
            <div class="tabbed-block">
            <p>Install the Acme Cloud CLI:</p>
            <div class="highlight"><pre><span></span><code>curl<span class="w"> </span>-sL<span class="w"> </span>https://git.example/docs/install.sh<span class="w"> </span><span class="p">|</span><span class="w"> </span>sh
            acme<span class="w"> </span>--version
            </code></pre></div>
            </div>
            <div class="tabbed-block">
            <ul>
            <li>Run <code>brew install ACME</code>.</li>
            <li>Check with <code>acme --version</code>.</li>
            </ul>
            </div>
            </div>
            </div>
            </li>
            <li>
            <p>Sign in to Acme Cloud.</p>
            </li>
            </ol>
            """
        #expect(html.contains(expected))
    }
}

/// `attr_list`, `def_list`, `md_in_html`, `pymdownx.tasklist` (custom checkboxes) and `toc`
/// (`permalink`, `toc_depth`, pymdownx `slugify`) on an MkDocs site. The expected HTML is MkDocs'
/// own (Python-Markdown 3.11, pymdownx 10), except that cmark percent-encodes the non-ASCII
/// fragment of a link (`#notes-f%C3%BCr-alle`) where Python-Markdown writes it as is.
@Suite struct MkDocsExtensionSiteTests {
    @Test func rendersAsMkDocsWithTheSitesTocOptions() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Ext
                markdown_extensions:
                  - attr_list
                  - def_list
                  - md_in_html
                  - pymdownx.tasklist:
                      custom_checkbox: true
                  - toc:
                      permalink: true
                      toc_depth: 2
                      slugify: !!python/object/apply:pymdownx.slugs.slugify
                        kwds:
                          case: lower
                """,
            "docs/index.md": """
                # Über Setup

                ## Schritt Eins { #step-one .lead }

                See [step one](#step-one) and [the notes](#notes-für-alle).

                ### Notes für Alle

                Term
                :   Its definition with `code`.

                - [x] Done
                - [ ] Open

                <div class="grid" markdown>

                **Bold** in a div.

                </div>
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        let expected = """
            <h1 id="über-setup">Über Setup<a class="headerlink" href="#über-setup" title="Permanent link">&para;</a></h1>
            <h2 class="lead" id="step-one">Schritt Eins<a class="headerlink" href="#step-one" title="Permanent link">&para;</a></h2>
            <p>See <a href="#step-one">step one</a> and <a href="#notes-f%C3%BCr-alle">the notes</a>.</p>
            <h3 id="notes-für-alle">Notes für Alle<a class="headerlink" href="#notes-für-alle" title="Permanent link">&para;</a></h3>
            <dl>
            <dt>Term</dt>
            <dd>Its definition with <code>code</code>.</dd>
            </dl>
            <ul class="task-list">
            <li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled checked/><span class="task-list-indicator"></span></label> Done</li>
            <li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/><span class="task-list-indicator"></span></label> Open</li>
            </ul>
            <div class="grid">
            <p><strong>Bold</strong> in a div.</p>
            </div>
            """
        #expect(html.contains(expected))
        // toc_depth 2: the level-3 heading keeps its id but is not in the table of contents.
        #expect(html.contains(##"<a class="trellis-toc__link" href="#step-one">"##))
        #expect(!html.contains(##"<a class="trellis-toc__link" href="#notes-für-alle">"##))
    }

    @Test func unknownTocOptionsWarnAndKeepTheDefaults() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: E\nmarkdown_extensions:\n  - toc:\n      toc_depth: deep\n      slugify: !!python/name:my.slugs.fancy\n",
            "docs/index.md": "# Über Setup\n",
        ])
        defer { s.cleanUp() }
        #expect(
            s.build().lines == [
                "mkdocs.yml: warning: toc: slugify 'my.slugs.fancy' is not supported; headings get Python-Markdown's default ids [UnsupportedPlugin]",
                "mkdocs.yml: warning: toc: toc_depth 'deep' is not a level or a range such as 2-3; it is ignored [UnsupportedPlugin]",
            ])
        #expect(s.output("index.html")?.contains(#"<h1 id="uber-setup">"#) == true)
    }

    /// `pymdownx.tabbed` with `slugify` and `combine_header_slug` (Material's own setup): each
    /// tab's id is its label's slug under the id of the heading before its set (at the set's
    /// level or an enclosing block's), unique on the page; the ids are those pymdownx wrote.
    @Test func tabIdsAreSlugsOfTheirLabelsUnderTheHeadingBefore() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Tabs
                markdown_extensions:
                  - admonition
                  - md_in_html
                  - pymdownx.superfences
                  - pymdownx.emoji:
                      emoji_index: !!python/name:material.extensions.emoji.twemoji
                      emoji_generator: !!python/name:material.extensions.emoji.to_svg
                  - pymdownx.tabbed:
                      alternate_style: true
                      combine_header_slug: true
                      slugify: !!python/object/apply:pymdownx.slugs.slugify
                        kwds:
                          case: lower
                """,
            "docs/index.md": """
                # Tabs

                Before any heading below the title.

                ## Column alignment

                === "Left"

                    Left.

                === "Center :material-heart:"

                    Center.

                !!! note

                    ### Inside a note

                    === "Left"

                        Nested under the note's heading.

                === "Left"

                    Same label again.

                <div class="result" markdown>

                === "In a div"

                    Under the heading before the div.

                </div>
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("index.html"))
        let ids = html.matches(of: /<input (?:checked="checked" )?id="([^"]*)" name="__tabbed/).map { String($0.output.1) }
        #expect(ids == ["column-alignment-left", "column-alignment-center", "inside-a-note-left", "column-alignment-left_1", "column-alignment-in-a-div"])
        #expect(html.contains(#"<label for="column-alignment-center">Center <span class="twemoji">"#))
        #expect(!html.contains("__tabbed_1_1"))
    }
}
