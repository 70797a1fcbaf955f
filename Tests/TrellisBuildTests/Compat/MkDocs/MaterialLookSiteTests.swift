import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// Material for MkDocs' look settings (`theme.features`, `palette`, `repo_url`, `extra.social`,
/// `toc_depth`, …) seen in the pages an MkDocs site builds to: each feature's markup appears
/// when the site asks for it, and not otherwise.
@Suite struct MaterialLookSiteTests {
    static let nav = """
        nav:
          - Home: index.md
          - Guide:
              - guide/index.md
              - guide/install.md
              - Deep:
                  - guide/deep/tuning.md
          - Reference:
              - ref/api.md
        """

    static func site(_ config: String, pages extra: [String: String] = [:]) throws -> TestSite {
        var files = [
            "mkdocs.yml": "site_name: Docs\ntheme:\n  name: material\n" + config + "\n" + nav + "\n",
            "docs/index.md": "# Welcome\n",
            "docs/guide/index.md": "# Guide\n",
            "docs/guide/install.md": "# Install\n\n## Download\n\n```\nget it\n```\n",
            "docs/guide/deep/tuning.md": "# Tuning\n",
            "docs/ref/api.md": "# API\n",
        ]
        files.merge(extra) { $1 }
        return try TestSite(files)
    }

    func build(_ config: String, pages: [String: String] = [:], page: String = "guide/install/index.html") throws -> String {
        let s = try Self.site(config, pages: pages)
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.outcome != .failed, "\(report.lines)")
        return try #require(s.output(page))
    }

    @Test func navigationFeaturesAddTabsBreadcrumbsFooterLinksAndBackToTop() throws {
        let html = try build(
            """
              features:
                - navigation.tabs
                - navigation.path
                - navigation.footer
                - navigation.top
                - content.code.copy
            """)
        let tabs = try #require(section(of: html, from: #"<nav class="trellis-tabs""#, to: "</nav>"))
        #expect(tabs.components(separatedBy: #"<li class="trellis-tabs__item"#).count - 1 == 3)
        #expect(tabs.contains(#"<li class="trellis-tabs__item"><a class="trellis-tabs__link" href="../../">Home</a></li>"#))
        #expect(tabs.contains(#"<li class="trellis-tabs__item trellis-tabs__item--active"><a class="trellis-tabs__link" href="../../guide/" aria-current="true">Guide</a></li>"#))
        #expect(tabs.contains(#"href="../../ref/api/">Reference</a>"#))
        // Breadcrumbs: the home page, then the sections above the page, each to its first page.
        let path = try #require(section(of: html, from: #"<nav class="trellis-path""#, to: "</nav>"))
        #expect(path.contains(#"<a class="trellis-path__link" href="../../">Home</a>"#))
        #expect(path.contains(#"<a class="trellis-path__link" href="../../guide/">Guide</a>"#))
        #expect(!path.contains("Install"))
        // Outside the article, as in Material: breadcrumbs are not part of the page's content.
        let article = try #require(html.range(of: #"<article class="trellis-article">"#))
        #expect(try #require(html.range(of: #"<nav class="trellis-path""#)).upperBound < article.lowerBound)
        #expect(html.contains(#"href="../../guide/" rel="prev""#))
        #expect(html.contains(#"href="../../guide/deep/tuning/" rel="next""#))
        #expect(html.contains("data-trellis-top"))
        #expect(html.contains(#"data-trellis-features="navigation.top content.code.copy""#))
    }

    @Test func withoutFeaturesTheThemeShowsNoneOfThem() throws {
        let html = try build("")
        for marker in ["trellis-tabs", "trellis-path", #"rel="prev""#, #"rel="next""#, "data-trellis-top", "data-trellis-features", "trellis-palette", "trellis-source", "data-md-color"] {
            #expect(!html.contains(marker), "\(marker)")
        }
    }

    @Test func breadcrumbsStartBelowTheTopLevel() throws {
        let s = try Self.site("  features: [navigation.path]")
        defer { s.cleanUp() }
        _ = s.build()
        // The home page and a top-level page have no trail of two entries.
        #expect(!(try #require(s.output("index.html"))).contains("trellis-path"))
        let deep = try #require(s.output("guide/deep/tuning/index.html"))
        let path = try #require(section(of: deep, from: #"<nav class="trellis-path""#, to: "</nav>"))
        #expect(path.components(separatedBy: "trellis-path__item").count - 1 == 3)
        #expect(path.contains(#"href="../../../guide/">Guide</a>"#))
        #expect(path.contains(#"href="../../../guide/deep/tuning/">Deep</a>"#))
    }

    @Test func sectionsOpenTopLevelGroupsAndExpandOpensEverything() throws {
        // From the reference page, the Guide section is collapsed unless a feature opens it.
        let plain = try build("", page: "ref/api/index.html")
        #expect(!plain.contains(#"href="../../guide/install/""#))
        let sections = try build("  features: [navigation.sections]", page: "ref/api/index.html")
        #expect(sections.contains(#"href="../../guide/install/""#))
        #expect(!sections.contains(#"href="../../guide/deep/tuning/">Tuning"#))
        let expanded = try build("  features: [navigation.expand]", page: "ref/api/index.html")
        #expect(expanded.contains(#"href="../../guide/deep/tuning/">Tuning"#))
    }

    @Test func integratedTableOfContentsSitsUnderThePageInTheSidebar() throws {
        let html = try build("  features: [toc.integrate]")
        let sidebar = try #require(section(of: html, from: #"<nav id="trellis-sidebar""#, to: "</nav>"))
        #expect(sidebar.contains("trellis-toc__list--integrated"))
        #expect(sidebar.contains(##"href="#download""##))
        #expect(!html.contains(#"<nav class="trellis-toc""#))
        let separate = try build("")
        #expect(separate.contains(#"<nav class="trellis-toc""#))
    }

    @Test(arguments: [
        ("https://github.com/acme/docs", nil, "GitHub"), ("https://gitlab.com/acme/docs", nil, "GitLab"),
        ("https://bitbucket.org/acme/docs", nil, "Bitbucket"), ("https://code.example.org/acme", nil, "Code"),
        ("https://github.com/acme/docs", "acme/docs", "acme/docs"),
    ])
    func repositoryLinkNamesTheHostAsMkDocsDoes(url: String, name: String?, shown: String) throws {
        let html = try build("repo_url: \(url)\n" + (name.map { "repo_name: \($0)\n" } ?? ""))
        #expect(html.contains(#"<a class="trellis-source" href="\#(url)" title="Go to repository">"#))
        #expect(html.contains(#"<span class="trellis-source__name">\#(shown)</span>"#))
        // Material 9.8's default icon, whatever the host.
        #expect(html.contains(#"<span class="trellis-source__icon"><svg"#))
    }

    @Test func repositoryIconComesFromThemeIconRepo() throws {
        let git = try build("repo_url: https://github.com/acme/docs")
        let github = try build("  icon:\n    repo: fontawesome/brands/github\nrepo_url: https://github.com/acme/docs")
        let icon = { (html: String) in section(of: html, from: #"<span class="trellis-source__icon">"#, to: "</span>") }
        #expect(icon(git) != nil && icon(github) != nil && icon(git) != icon(github))
    }

    @Test func paletteListGivesAToggleAndBodyAttributes() throws {
        let html = try build(
            """
              palette:
                - media: "(prefers-color-scheme: light)"
                  scheme: default
                  primary: teal
                  accent: deep purple
                  toggle:
                    icon: material/brightness-7
                    name: Switch to dark mode
                - media: "(prefers-color-scheme: dark)"
                  scheme: slate
                  primary: teal
                  toggle:
                    icon: material/brightness-4
                    name: Switch to light mode
            """)
        #expect(html.contains(#"<body data-md-color-scheme="default" data-md-color-primary="teal" data-md-color-accent="deep-purple">"#))
        let form = try #require(section(of: html, from: #"<form class="trellis-palette""#, to: "</form>"))
        #expect(form.components(separatedBy: "<button").count - 1 == 2)
        #expect(form.contains(#"data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" data-md-color-primary="teal" data-md-color-accent="indigo" data-trellis-palette-next="0" title="Switch to light mode""#))
        #expect(form.contains(#"title="Switch to dark mode" aria-label="Switch to dark mode"><svg"#))
        #expect(html.contains(#"<link rel="stylesheet" href="../../assets/palette.css">"#))
    }

    @Test func aSinglePaletteSetsColoursWithoutAToggle() throws {
        let html = try build("  palette:\n    primary: white\n    accent: red")
        #expect(html.contains(#"<body data-md-color-scheme="default" data-md-color-primary="white" data-md-color-accent="red">"#))
        #expect(!html.contains("trellis-palette"))
        let custom = try build("  palette:\n    primary: custom")
        #expect(custom.contains(#"data-md-color-primary="custom""#))
        // `custom` leaves the colours to the site's stylesheet: no variables are written.
        #expect(!custom.contains("--md-primary-fg-color:"))
    }

    @Test func extraCSSComesAfterTheThemeStylesheets() throws {
        let html = try build(
            "extra_css: [stylesheets/brand.css]",
            pages: ["docs/stylesheets/brand.css": ":root { --md-primary-fg-color: #EE0F0F; }\n"])
        let theme = try #require(html.range(of: "assets/trellis.css"))
        let extra = try #require(html.range(of: #"<link rel="stylesheet" href="../../stylesheets/brand.css">"#))
        #expect(theme.upperBound < extra.lowerBound)
    }

    @Test(arguments: [(2, ["h2"]), (4, ["h2", "h3", "h4"]), (6, ["h2", "h3", "h4", "h5", "h6"])])
    func tableOfContentsHonoursTocDepth(depth: Int, levels: [String]) throws {
        let page = "# Title\n\n## h2\n\n### h3\n\n#### h4\n\n##### h5\n\n###### h6\n"
        let html = try build(
            "markdown_extensions:\n  - toc:\n      toc_depth: \(depth)", pages: ["docs/guide/install.md": page])
        let toc = try #require(section(of: html, from: #"<nav class="trellis-toc""#, to: "</nav>"))
        for level in ["h2", "h3", "h4", "h5", "h6"] {
            #expect(toc.contains(##"href="#\##(level)""##) == levels.contains(level), "\(level) at toc_depth \(depth)")
        }
        #expect(!toc.contains(##"href="#title""##))
    }

    @Test func tocTitleComesFromTheTocExtension() throws {
        let titled = try build("markdown_extensions:\n  - toc:\n      title: Page outline")
        #expect(titled.contains(#"<h2 id="trellis-toc-title" class="trellis-toc__title">Page outline</h2>"#))
        #expect(try build("").contains(#"class="trellis-toc__title">Table of contents</h2>"#))
    }

    @Test func defaultTocGoesBelowH3AndNestsAsMkDocsDoes() throws {
        let page = "# Title\n\n## A\n\n### B\n\n#### C\n"
        let html = try build("", pages: ["docs/guide/install.md": page])
        let toc = try #require(section(of: html, from: #"<nav class="trellis-toc""#, to: "</nav>"))
        let b = try #require(section(of: toc, from: ##"href="#b""##, to: "</li>"))
        #expect(b.contains(##"href="#c""##))
    }

    @Test func socialLinksCopyrightAndLogoAddress() throws {
        let html = try build(
            """
              logo: https://cdn.example.com/logo.svg
            copyright: Copyright &copy; 2026 Acme
            extra:
              social:
                - icon: fontawesome/brands/github
                  link: https://github.com/acme
                - icon: fontawesome/brands/mastodon
                  link: https://fosstodon.org/@acme
                  name: Acme on Mastodon
            """)
        let social = try #require(section(of: html, from: #"<div class="trellis-social">"#, to: "</div>"))
        #expect(social.contains(#"<a class="trellis-social__link" href="https://github.com/acme" target="_blank" rel="noopener" title="github.com"><svg"#))
        #expect(social.contains(#"title="Acme on Mastodon"><svg"#))
        #expect(html.contains(#"<div class="trellis-footer__copyright">Copyright &copy; 2026 Acme</div>"#))
        #expect(html.contains(#"<img class="trellis-brand__logo" src="https://cdn.example.com/logo.svg" alt="">"#))
    }

    @Test func stylesOfACustomDirMainTemplateApplyWithoutJinja() throws {
        let main = """
            {% extends "base.html" %}
            {% block libs %}
              {{ super() }}
              <link rel="stylesheet" href="{{ base_url }}/css/look.css">
            {% endblock %}
            {% block extrahead %}
            <meta property="og:title" content="{{ config.site_name }}" />
            <style>
              :root { --md-primary-fg-color: #0a0b23; }
            </style>
            <style>.x { content: "{{ page.title }}"; }</style>
            {% endblock %}
            """
        let html = try build(
            "  custom_dir: overrides", pages: ["overrides/main.html": main, "overrides/css/look.css": ".trellis-header { }\n"])
        #expect(html.contains(#"<link rel="stylesheet" href="../../css/look.css">"#))
        #expect(html.contains("<style>:root { --md-primary-fg-color: #0a0b23; }</style>"))
        // A block with template tags cannot be applied as written.
        #expect(!html.contains("page.title"))
    }

    @Test func withoutALogoMaterialShowsItsIcon() throws {
        let html = try build("")
        #expect(html.contains(#"<span class="trellis-brand__icon"><svg"#))
        let own = try build("  icon:\n    logo: material/cloud")
        let icon = { (html: String) in section(of: html, from: #"<span class="trellis-brand__icon">"#, to: "</span>") }
        #expect(icon(own) != nil && icon(own) != icon(html))
        let logo = try build("  logo: https://cdn.example.com/logo.svg")
        #expect(!logo.contains("trellis-brand__icon"))
    }

    @Test func anUnknownSocialIconIsAWarningNotACrash() throws {
        let s = try Self.site("extra:\n  social:\n    - icon: fontawesome/brands/no-such-thing\n      link: https://x.example/")
        defer { s.cleanUp() }
        let report = s.build()
        #expect(report.diagnostics.contains { $0.id == .unknownIcon && $0.severity == .warning })
        #expect(try #require(s.output("index.html")).contains(#"href="https://x.example/""#))
    }
}

/// The same look for a `trellis.yml` site's brands: set per site, overridden per brand.
@Suite struct BrandLookTests {
    @Test func brandsGetFeaturesPaletteAndRepositoryFromTheirTheme() throws {
        let s = try TestSite([
            "trellis.yml": """
                site_name: Guides
                brands: [alpha, beta]
                theme:
                  primary: "#0b4f6c"
                  features: [navigation.tabs, navigation.footer]
                  repo_url: https://git.example.org/guides
                  palette:
                    - scheme: default
                      toggle: {icon: material/brightness-7, name: Dark}
                    - scheme: slate
                      toggle: {icon: material/brightness-4, name: Light}
                nav:
                  - index.md
                  - Setup: [setup/index.md, setup/more.md]
                """,
            "brands/alpha.yml": "name: Alpha\n",
            "brands/beta.yml": "name: Beta\ntheme:\n  primary: teal\n  features: []\n",
            "content/index.md": "# Home\n",
            "content/setup/index.md": "# Setup\n",
            "content/setup/more.md": "# More\n",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let alpha = try #require(s.output("alpha/setup/more/index.html"))
        let beta = try #require(s.output("beta/setup/more/index.html"))
        #expect(alpha.contains("trellis-tabs__item--active"))
        #expect(alpha.contains(#"rel="prev""#))
        #expect(alpha.contains("--md-primary-fg-color:#0b4f6c;"))
        #expect(alpha.contains(#"data-md-color-primary="custom""#))
        #expect(alpha.contains(#"<span class="trellis-source__name">Git</span>"#))
        #expect(alpha.contains("trellis-palette__toggle"))
        #expect(!beta.contains("trellis-tabs") && !beta.contains(#"rel="prev""#))
        #expect(beta.contains(#"data-md-color-primary="teal""#) && !beta.contains("#0b4f6c"))
    }
}

/// The part of `text` from the first `start` to the next `end` after it.
private func section(of text: String, from start: String, to end: String) -> String? {
    guard let lower = text.range(of: start),
        let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
    else { return nil }
    return String(text[lower.lowerBound..<upper.upperBound])
}
