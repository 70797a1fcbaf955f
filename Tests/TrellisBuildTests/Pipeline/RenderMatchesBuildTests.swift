import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

/// `trellis render` runs the build's own stages over a one-page site: what it prints is the body
/// the build writes inside the theme's article for that page, with the site's config and brand.
@Suite struct RenderMatchesBuildTests {
    static let mkdocsConfig = """
        site_name: Render
        theme:
          name: material
        markdown_extensions:
          - admonition
          - pymdownx.superfences
          - pymdownx.tabbed:
              alternate_style: true
          - toc:
              permalink: true
              slugify: !!python/object/apply:pymdownx.slugs.slugify
                kwds:
                  case: lower
        plugins:
          - macros
        extra:
          product: Nimbus
          domain: nimbus.example

        """

    static let page = """
        # Set up {{ product }}

        !!! note "Before {{ product }}"
            Check the *prerequisites*.

        === "Linux"

            ```bash
            curl https://{{ domain }}/install.sh
            ```

        === "macOS"

            Use Homebrew.

        ## Ünïcode Heading Ñ

        Back to [the top](#set-up-nimbus), or [home](../index.md#home) ![Logo](../img/logo.png).

        """

    /// The HTML between the theme's article tag and its end, as the build wrote it.
    static func articleBody(_ html: String) -> String? {
        guard let start = html.range(of: "<article class=\"trellis-article\">\n"),
            let end = html.range(of: "</article>", options: .backwards), start.upperBound <= end.lowerBound
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func anMkDocsPageRendersAsTheBuildWritesIt() throws {
        let s = try TestSite([
            "mkdocs.yml": Self.mkdocsConfig, "docs/index.md": "# Home\n", "docs/guide/setup.md": Self.page,
            "docs/img/logo.png": "png",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let built = try #require(s.output("guide/setup/index.html").flatMap(Self.articleBody))
        try s.remove("site")
        // The file's place in the docs folder is the page's path, as in the build.
        let file = s.root.appending(path: "docs/guide/setup.md")
        let result = SiteBuilder.render(
            PageSource(text: Self.page, file: file), displayPath: "docs/guide/setup.md", options: BuildOptions(root: s.root))
        #expect(result.outcome == .success)
        #expect(result.diagnostics.map(\.formatted) == [])
        #expect(built == result.html + "\n")
        #expect(result.html.contains(#"<div class="admonition note">"#))
        #expect(result.html.contains(#"<p class="admonition-title">Before Nimbus</p>"#))
        #expect(result.html.contains(#"<div class="tabbed-set tabbed-alternate""#))
        #expect(result.html.contains("nimbus.example/install.sh"))
        #expect(result.html.contains(#"<h2 id="ünïcode-heading-ñ">"#))
        #expect(result.html.contains(##"<a href="#set-up-nimbus">the top</a>"##))
        // The docs folder's other files are link targets, written as the build writes them.
        #expect(!result.html.contains("index.md") && result.html.contains(#"src="../../img/logo.png""#))
        #expect(!s.exists("site"))
    }

    @Test func standardInputRendersAsAPageAtTheTopOfTheDocsFolder() throws {
        let topPage = Self.page.replacingOccurrences(of: "../", with: "")
        let s = try TestSite([
            "mkdocs.yml": Self.mkdocsConfig, "docs/page.md": topPage, "docs/index.md": "# Home\n", "docs/img/logo.png": "png",
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let built = try #require(s.output("page/index.html").flatMap(Self.articleBody))
        let result = s.render(topPage, displayPath: "<stdin>")
        #expect(result.outcome == .success)
        #expect(built == result.html + "\n")
    }

    @Test func aTrellisPageRendersAsTheBuildWritesItForTheBrandAsked() throws {
        let page = """
            # {{ brand }} guide

            !!! tip "For {{ brand }}"
                Sign in at {{ panel.domain }} :material-check:.

            === "One"

                First.

            === "Two"

                Second.

            See [the home page](index.md).

            """
        let s = try TestSite([
            "trellis.yml": twoBrandConfig + "\nmarkdown_extensions: [admonition, pymdownx.tabbed]\n",
            "brands/alpha.yml": alphaBrand,
            "brands/beta.yml": betaBrand,
            "content/index.md": "# Home\n",
            "content/guide.md": page,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        for brand in ["alpha", "beta"] {
            let built = try #require(s.output("\(brand)/guide/index.html").flatMap(Self.articleBody))
            let result = s.render(page, path: "guide.md", brand: brand)
            #expect(result.outcome == .success)
            #expect(result.diagnostics.map(\.formatted) == [])
            #expect(built == result.html + "\n", "\(brand)")
        }
        let beta = s.render(page, path: "guide.md", brand: "beta")
        #expect(beta.html.contains("<p>Sign in at console.beta.example <span class=\"twemoji\"><svg"))
        #expect(beta.html.contains(#"<div class="tabbed-set "#) && !beta.html.contains("Alpha"))
        #expect(beta.html.contains(#"<a href="../">the home page</a>"#))
    }

    @Test func aBrandFileOverAnMkDocsSiteRendersAsItsBuild() throws {
        let page = "# {{ brand }}\n\n!!! note\n    Write to {{ support }}.\n"
        let s = try TestSite([
            "mkdocs.yml": """
                site_name: Cloud Docs
                markdown_extensions: [admonition]
                extra:
                  brand: Upstream
                  support: help@upstream.example
                """,
            "docs/index.md": page,
            "brands/acme.yml": "name: Acme\nextra:\n  brand: Acme Cloud\n",
        ])
        defer { s.cleanUp() }
        var options = BuildOptions(root: s.root)
        options.brandFiles = [s.root.appending(path: "brands/acme.yml")]
        #expect(SiteBuilder.build(options).lines == [])
        let built = try #require(s.output("acme/index.html").flatMap(Self.articleBody))
        let result = SiteBuilder.render(PageSource(text: page, path: "index.md"), displayPath: "-", options: options)
        #expect(result.outcome == .success)
        #expect(built == result.html + "\n")
        #expect(result.html.contains("<h1 id=\"acme-cloud\">Acme Cloud</h1>"))
    }

    @Test func aPageTheBrandDoesNotPublishRendersNothingAndSaysWhy() throws {
        let s = try TestSite(["trellis.yml": twoBrandConfig, "brands/alpha.yml": alphaBrand, "brands/beta.yml": betaBrand])
        defer { s.cleanUp() }
        let result = s.render("---\nbrands: [alpha]\n---\n# Alpha only\n", path: "only.md", brand: "beta", displayPath: "only.md")
        #expect(result.html == "")
        #expect(
            result.diagnostics.map(\.formatted) == [
                "only.md: warning: the build writes no page for 'only.md': its front matter's 'brands' leaves out brand 'beta' [FrontMatter]"
            ])
    }

    @Test func snippetsAreIncludedFromTheSiteAsTheBuildIncludesThem() throws {
        let page = "# Notes\n\n--8<-- \"shared/warning.md\"\n"
        let s = try TestSite([
            "mkdocs.yml": "site_name: S\nmarkdown_extensions:\n  - admonition\n  - pymdownx.snippets:\n      base_path: [snippets]\n",
            "snippets/shared/warning.md": "!!! warning\n    Back up first.\n",
            "docs/notes.md": page,
        ])
        defer { s.cleanUp() }
        #expect(s.build().lines == [])
        let built = try #require(s.output("notes/index.html").flatMap(Self.articleBody))
        let result = s.render(page, path: "notes.md")
        #expect(result.diagnostics.map(\.formatted) == [])
        #expect(built == result.html + "\n")
        #expect(result.html.contains("<p>Back up first.</p>"))
    }

    @Test func aPageTheSiteExcludesRendersNothingAndSaysWhy() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: X\nexclude_docs: |\n  drafts/\n"])
        defer { s.cleanUp() }
        let result = s.render("# Draft\n", path: "drafts/idea.md", displayPath: "idea.md")
        #expect(result.html == "")
        #expect(
            result.diagnostics.map(\.formatted) == [
                "idea.md: warning: the build writes no page for 'drafts/idea.md': the site's 'exclude_docs' or 'draft_docs' leave it out [ConfigType]"
            ])
    }

    @Test func anMkDocsSiteWithoutTheMacrosPluginLeavesBracesAsTheBuildDoes() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: M\nextra:\n  product: Nimbus\n"])
        defer { s.cleanUp() }
        let result = s.render("Use {{ product }}.\n")
        #expect(result.outcome == .success)
        #expect(result.html == "<p>Use {{ product }}.</p>\n")
    }
}

extension TestSite {
    /// Renders `text` as `trellis render` does: as the page at `path` (nil: `page.md`), for
    /// `brand` (nil: the first), its diagnostics naming it `displayPath`.
    func render(_ text: String, path: String? = nil, brand: String? = nil, displayPath: String = "-") -> RenderReport {
        var options = BuildOptions(root: root)
        options.brands = brand.map { [$0] }
        return SiteBuilder.render(PageSource(text: text, path: path), displayPath: displayPath, options: options)
    }
}
