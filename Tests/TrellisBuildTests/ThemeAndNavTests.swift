import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Brand overrides, configured navigation and front matter, seen in the written pages.
@Suite struct ThemeAndNavTests {
    @Test func aBrandOverridesAPartialAndKeepsTheRestOfTheTheme() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\nbrands: [alpha, beta]\n",
            "brands/alpha.yml": "name: Alpha\ntheme:\n  templates: brands/alpha/templates\n",
            "brands/beta.yml": "name: Beta\n",
            "brands/alpha/templates/partials/footer.mustache": "<footer class=\"alpha-footer\">Alpha legal</footer>\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let alpha = try #require(s.output("alpha/index.html"))
        let beta = try #require(s.output("beta/index.html"))
        #expect(alpha.contains(#"<footer class="alpha-footer">Alpha legal</footer>"#))
        #expect(!beta.contains("alpha-footer"))
        #expect(alpha.contains("trellis-sidebar") && beta.contains("trellis-sidebar"))
    }

    @Test func aBrokenBrandTemplateFailsTheBuildNamingTheFile() throws {
        let s = try TestSite([
            "trellis.yml": "brands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\ntheme:\n  templates: tpl\n",
            "tpl/partials/footer.mustache": "<footer>{{#open}}never closed</footer>\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(report.diagnostics.map(\.id) == [.templateError])
        #expect(report.diagnostics.first?.path == "tpl/partials/footer.mustache")
        #expect(!s.exists("site/alpha"))
    }

    @Test func theConfiguredNavOrdersAndTitlesPagesAndReportsMissingOnes() throws {
        let s = try TestSite([
            "trellis.yml": """
                site_name: Guides
                nav:
                  - index.md
                  - Setup guide: setup.md
                  - Reference:
                      - ref/api.md
                      - ref/gone.md
                  - Status: https://status.example/
                """,
            "content/index.md": "# Home\n",
            "content/setup.md": "# Setting things up\n",
            "content/ref/api.md": "# API\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(
            report.lines == [
                "trellis.yml:7:9: error: the nav names 'ref/gone.md', which does not exist [NavMissingPage]"
            ])
        s.cleanUp()
    }

    @Test func theConfiguredNavDrivesTheSidebarAndNeighbours() throws {
        let s = try TestSite([
            // Previous/next links are Material's `navigation.footer` feature.
            "trellis.yml": "site_name: Guides\ntheme:\n  features: [navigation.footer]\nnav:\n  - index.md\n  - Setup guide: setup.md\n  - ref/api.md\n",
            "content/index.md": "# Home\n",
            "content/setup.md": "# Setting things up\n",
            "content/ref/api.md": "# API\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let setup = try #require(s.output("default/setup/index.html"))
        #expect(setup.contains(">Setup guide<"))
        #expect(setup.contains(#"href="../ref/api/" rel="next""#))
        #expect(setup.contains(#"href="../" rel="prev""#))
    }

    @Test func frontMatterSetsTitleDescriptionAndPageMeta() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\n",
            "content/a.md": """
                ---
                title: Custom title
                description: What this page is about
                owner: team-k8s
                tags: [upgrade, nodes]
                ---
                # Heading

                By {{ page.meta.owner }} on {{ page.title }}, {{ page.meta.tags | join(' & ') }}, at /{{ page.url }}.
                """,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let html = try #require(s.output("default/a/index.html"))
        #expect(html.contains("<title>Custom title"))
        #expect(html.contains(#"<meta name="description" content="What this page is about">"#))
        #expect(html.contains("By team-k8s on Custom title, upgrade &amp; nodes, at /a/."))
    }

    /// `page.file` is MkDocs' File as templates read it; the expected values are what MkDocs 1.6
    /// with the macros plugin printed for the same two pages.
    @Test func pageFileHasMkDocsFileFields() throws {
        let fields = "[{{ page.file.src_path }}|{{ page.file.src_uri }}|{{ page.file.dest_path }}|{{ page.file.dest_uri }}|"
            + "{{ page.file.url }}|{{ page.file.name }}]"
        let s = try TestSite([
            "mkdocs.yml": "site_name: x\nplugins:\n  - macros\n",
            "docs/index.md": "# I\n\n" + fields + "\n", "docs/sub/page.md": "# S\n\n" + fields + "\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("index.html")?.contains("[index.md|index.md|index.html|index.html|./|index]") == true)
        #expect(
            s.output("sub/page/index.html")?.contains(
                "[sub/page.md|sub/page.md|sub/page/index.html|sub/page/index.html|sub/page/|page]") == true)
    }

    @Test func configVariablesAreAvailableToMacros() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\nsite_url: https://docs.example.com/\nbrands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\nsite_url: https://docs.alpha.example/\nextra:\n  brand: Alpha\n",
            "content/index.md": "# Home\n\n{{ config.site_name }} at {{ config.site_url }} for {{ config.extra.brand | upper }}.\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        #expect(s.output("alpha/index.html")?.contains("Guides at https://docs.alpha.example/ for ALPHA.") == true)
    }
}

/// `trellis render`: one text to an HTML fragment with the same extensions.
@Suite struct RenderCommandTests {
    @Test func rendersMacrosIconsAndHeadingIdsWithABrandsVariables() throws {
        let s = try TestSite([
            "trellis.yml": "brands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\nextra:\n  brand: Alpha Cloud\n",
        ])
        defer { s.cleanUp() }
        let result = s.render("## Hello {{ brand }}\n\n:material-check: done\n", brand: "alpha")
        #expect(result.outcome == .success)
        #expect(result.html.hasPrefix(#"<h2 id="hello-alpha-cloud">Hello Alpha Cloud<a class="headerlink""#))
        #expect(result.html.contains(#"<p><span class="twemoji"><svg"#))
    }

    @Test func usesTheSitesMarkdownExtensionsAndUpgradeModel() throws {
        let s = try TestSite([
            "trellis.yml": "markdown_extensions: [admonition]\nbrands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\nupgrades:\n  kubernetes: [{version: \"1.27.8\"}]\n",
        ])
        defer { s.cleanUp() }
        let result = s.render("!!! note\n    Kubernetes {{ kubernetes.latest }}.\n")
        #expect(result.outcome == .success)
        #expect(result.html.contains(#"<div class="admonition note">"#) && result.html.contains("<p>Kubernetes 1.27.8.</p>"))
    }

    @Test func usesAnMkDocsConfigsExtensionsAndOptionsAsTheBuildDoes() throws {
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: M
                markdown_extensions:
                  - admonition
                  - pymdownx.caret:
                      insert: false
                  - toc:
                      permalink: "#"
                """,
        ])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.configName = "mkdocs.yml"
        let result = SiteBuilder.render(PageSource(text: "## T\n\n!!! note\n    x^2^ ^^y^^\n"), displayPath: "-", options: options)
        #expect(result.outcome == .success)
        #expect(result.html.hasPrefix(##"<h2 id="t">T<a class="headerlink" href="#t" title="Permanent link">#</a></h2>"##))
        #expect(result.html.contains("<p>x<sup>2</sup> <sup><sup>y</sup></sup></p>"))
    }

    @Test func anMkDocsSiteRendersWithItsOwnExtensionsAndTocOptions() throws {
        let config = "site_name: D\nmarkdown_extensions:\n  - admonition\n  - toc:\n      permalink: \"#\"\n"
        let s = try TestSite(["mkdocs.yml": config])
        defer { s.cleanUp() }
        let result = s.render("## Hi\n\n!!! note\n    Body.\n")
        #expect(result.outcome == .success)
        #expect(result.html.hasPrefix(##"<h2 id="hi">Hi<a class="headerlink" href="#hi" title="Permanent link">#</a></h2>"##))
        #expect(result.html.contains(#"<div class="admonition note">"#))
        let plain = try TestSite(["mkdocs.yml": "site_name: D\n"])
        defer { plain.cleanUp() }
        let text = plain.render("## Hi\n\n!!! note\n    Body.\n")
        #expect(text.html == "<h2 id=\"hi\">Hi</h2>\n<p>!!! note\nBody.</p>\n")
    }

    @Test func reportsProblemsAtTheirPositionWithoutAConfig() throws {
        let s = try TestSite([:])
        defer { s.cleanUp() }
        let result = SiteBuilder.render(PageSource(text: "Hi {{ nobody }}\n"), displayPath: "note.md", options: BuildOptions(root: s.root))
        #expect(result.outcome == .failed)
        #expect(result.diagnostics.map(\.formatted) == ["note.md:1:7: error: undefined variable 'nobody' [UndefinedVariable]"])
    }

    @Test func anUnknownBrandIsUnusable() throws {
        let s = try TestSite(["trellis.yml": "brands: [alpha]\n", "brands/alpha.yml": "name: Alpha\n"])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.brands = ["gamma"]
        #expect(SiteBuilder.render(PageSource(text: "x"), displayPath: "-", options: options).outcome == .unusable)
    }
}

/// The build also checks what the theme and settings put around each page for brand leaks.
@Suite struct BrandLeakInThemeTests {
    @Test func aBrandTemplateNamingAnotherBrandFailsTheBuild() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\nbrands: [alpha, beta]\n",
            "brands/alpha.yml": "name: Alpha Cloud\n",
            "brands/beta.yml": "name: Beta Hosting\ntheme:\n  templates: brands/beta/templates\n",
            "brands/beta/templates/partials/footer.mustache": "<footer>A service of Alpha Cloud</footer>\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .failed)
        #expect(
            report.lines == [
                "brands/beta.yml: error: 'Alpha Cloud', the name of brand 'alpha', appears in brand 'beta' outside page content (theme, templates or site settings) [BrandLeak]"
            ])
    }

    /// Lint renders the theme around every page too (writing nothing), so what fails the build
    /// fails lint, with the same diagnostic.
    @Test func aBrandTemplateNamingAnotherBrandFailsLintAsItFailsTheBuild() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\nbrands: [alpha, beta]\n",
            "brands/alpha.yml": "name: Alpha Cloud\n",
            "brands/beta.yml": "name: Beta Hosting\ntheme:\n  templates: brands/beta/templates\n",
            "brands/beta/templates/partials/footer.mustache": "<footer>A service of Alpha Cloud</footer>\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let lint = s.lint()
        #expect(lint.outcome == .failed)
        #expect(
            lint.lines == [
                "brands/beta.yml: error: 'Alpha Cloud', the name of brand 'alpha', appears in brand 'beta' outside page content (theme, templates or site settings) [BrandLeak]"
            ])
        #expect(!s.exists("site"), "lint must not write output")
        #expect(s.build().lines == lint.lines)
    }

    @Test func aSiteSettingNamingAnotherBrandFailsLint() throws {
        let s = try TestSite([
            "trellis.yml": "site_name: Guides\ncopyright: Run by Alpha Cloud\nbrands: [alpha, beta]\n",
            "brands/alpha.yml": "name: Alpha Cloud\n",
            "brands/beta.yml": "name: Beta Hosting\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let lint = s.lint(brands: ["beta"])
        #expect(lint.outcome == .failed)
        #expect(
            lint.lines == [
                "brands/beta.yml: error: 'Alpha Cloud', the name of brand 'alpha', appears in brand 'beta' outside page content (theme, templates or site settings) [BrandLeak]"
            ])
    }

    @Test func aBrokenBrandTemplateFailsLintAsItFailsTheBuild() throws {
        let s = try TestSite([
            "trellis.yml": "brands: [alpha]\n",
            "brands/alpha.yml": "name: Alpha\ntheme:\n  templates: tpl\n",
            "tpl/partials/footer.mustache": "<footer>{{#open}}never closed</footer>\n",
            "content/index.md": "# Home\n",
        ])
        defer { s.cleanUp() }
        let lint = s.lint()
        #expect(lint.outcome == .failed)
        #expect(lint.diagnostics.map(\.id) == [.templateError])
        #expect(lint.lines == s.build().lines)
    }
}

/// Material uses a `theme.logo` or `theme.favicon` that is an address as written (its `url`
/// filter leaves URLs and absolute paths alone); only a file of the docs folder is copied.
@Suite struct ThemeAddressTests {
    @Test func aLogoURLAndAnAbsoluteFaviconAreUsedAsWritten() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Logo\ntheme:\n  name: material\n  logo: https://cdn.example/logo.svg\n  favicon: /favicon.ico\n",
            "docs/index.md": "# Home\n",
            "docs/guide/page.md": "# Page\n",
        ])
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome == .success)
        #expect(report.lines.isEmpty)
        let page = try #require(s.output("guide/page/index.html"))
        #expect(page.contains(#"<img class="trellis-brand__logo" src="https://cdn.example/logo.svg" alt="">"#))
        #expect(page.contains(#"<link rel="icon" href="/favicon.ico">"#))
        #expect(!s.outputFiles().contains { $0.hasPrefix("assets/brand/") })
    }

    @Test func aLogoFileOfTheDocsFolderIsStillCopied() throws {
        let s = try TestSite([
            "mkdocs.yml": "site_name: Logo\ntheme:\n  name: material\n  logo: img/logo.svg\n",
            "docs/index.md": "# Home\n", "docs/img/logo.svg": "<svg/>",
        ])
        defer { s.cleanUp() }
        _ = s.build()
        #expect(s.output("assets/brand/logo.svg") == "<svg/>")
        #expect(try #require(s.output("index.html")).contains(#"src="assets/brand/logo.svg""#))
    }
}
