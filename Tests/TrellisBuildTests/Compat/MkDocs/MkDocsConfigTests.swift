import Foundation
import Testing
import TrellisCore

@testable import TrellisBuild

@Suite struct MkDocsConfigTests {
    func read(_ yaml: String, environment: [String: String] = [:]) -> (SiteConfig, [Brand], MkDocsSettings, [String]) {
        let loader = MkDocsConfigLoader(root: URL(filePath: "/nonexistent"), environment: environment)
        let (config, brands, settings, diagnostics) = loader.read(yaml)
        return (config, brands, settings, diagnostics.sorted(by: Diagnostic.sortKey).map(\.formatted))
    }

    static let materialSite = """
        site_name: Example Docs
        site_url: https://docs.example.com/
        site_description: Guides
        repo_url: https://github.com/example/docs
        edit_uri: edit/main/docs/
        copyright: © Example
        extra:
          brand: Example Cloud
          panel: {domain: panel.example.com}
        extra_css: [assets/site.css]
        extra_javascript:
          - assets/a.js
          - path: assets/b.mjs
            type: module
        theme:
          name: material
          custom_dir: overrides
          language: sv
          logo: assets/logo.png
          favicon: assets/favicon.ico
          features: [navigation.indexes, content.code.copy]
          icon:
            repo: fontawesome/brands/github
          palette:
            - scheme: default
              primary: deep purple
              accent: Light-Blue
            - scheme: slate
              primary: black
        markdown_extensions:
          - admonition
          - markdown.extensions.toc:
              permalink: true
          - pymdownx.emoji:
              emoji_index: !!python/name:material.extensions.emoji.twemoji
        plugins:
          - search
          - macros:
              on_undefined: strict
          - redirects:
              redirect_maps:
                old.md: new.md
          - awesome-pages
        use_directory_urls: false
        """

    @Test func readsAMaterialSiteIntoSiteConfigBrandAndSettings() {
        let (config, brands, settings, lines) = read(Self.materialSite)
        #expect(lines.isEmpty)
        #expect(config.siteName == "Example Docs")
        #expect(config.siteURL == "https://docs.example.com/")
        #expect(config.docsDir == "docs")
        #expect(config.language == "sv")
        #expect(config.theme.logo == "docs/assets/logo.png")
        #expect(config.theme.favicon == "docs/assets/favicon.ico")
        // The palette's schemes as written: Material's names stay names, for its attributes.
        #expect(config.theme.palette?.map(\.scheme) == ["default", "slate"])
        #expect(config.theme.palette?.map(\.primary) == ["deep purple", "black"])
        #expect(config.theme.palette?.first?.accent == "Light-Blue")
        #expect(config.theme.primary == nil)
        #expect(config.theme.repoURL == "https://github.com/example/docs")
        #expect(config.theme.repoName == "GitHub")
        #expect(config.theme.repoIcon == "fontawesome/brands/github")
        #expect(config.theme.features == ["navigation.indexes", "content.code.copy"])
        #expect(config.settingPositions["theme.logo"]?.location == SourceLocation(line: 19, column: 9))
        #expect(brands.count == 1)
        #expect(brands[0].id == "default")
        #expect(brands[0].name == "Example Docs")
        #expect(brands[0].extra["panel"]?["domain"] == "panel.example.com")
        #expect(brands[0].theme.palette == config.theme.palette)
        #expect(settings.repoURL == "https://github.com/example/docs")
        #expect(settings.editURI == "edit/main/docs/")
        #expect(settings.extraCSS == ["assets/site.css"])
        #expect(settings.extraJavaScript == ["assets/a.js", "assets/b.mjs"])
        #expect(settings.features == ["navigation.indexes", "content.code.copy"])
        #expect(settings.customDir == "overrides")
        #expect(settings.icons["repo"] == "fontawesome/brands/github")
        #expect(settings.markdownExtensions.map(\.name) == ["admonition", "toc", "pymdownx.emoji"])
        #expect(settings.markdownExtension("toc")?.options["permalink"] == true)
        #expect(
            settings.markdownExtension("pymdownx.emoji")?.options["emoji_index"]
                == "!!python/name:material.extensions.emoji.twemoji")
        #expect(settings.plugins.map(\.name) == ["search", "macros", "redirects", "awesome-pages"])
        #expect(settings.macrosOnUndefined == "strict")
        #expect(settings.redirectMaps == ["old.md": "new.md"])
        #expect(settings.usesAwesomePages)
        #expect(config.directoryURLs == false)
    }

    @Test func defaultsFollowMkDocs() {
        let (config, _, settings, lines) = read("site_name: Docs\n")
        #expect(lines.isEmpty)
        #expect(config.docsDir == "docs")
        #expect(config.siteDir == "site")
        #expect(config.nav == nil)
        #expect(settings.plugins.map(\.name) == ["search"])
        #expect(config.directoryURLs)
    }

    @Test func materialWithoutAPaletteLeavesTheColoursToTheTheme() {
        // Material writes no colour attributes then; its stylesheet's defaults (indigo) apply,
        // and a site's extra_css can set the variables on :root.
        let (config, _, _, _) = read("theme:\n  name: material\n")
        #expect(config.theme.palette == nil)
        #expect(config.theme.primary == nil && config.theme.accent == nil)
    }

    @Test func envTagsReadTheFirstSetVariableOrTheDefault() {
        let yaml = """
            site_name: !ENV SITE_NAME
            site_url: !ENV [MISSING, "https://fallback.example/"]
            site_description: !ENV [MISSING, ALSO_SET, default]
            strict: !ENV [STRICT, false]
            plugins:
              - macros:
                  on_error_fail: !ENV [MISSING, True]
            """
        let (config, _, settings, lines) = read(
            yaml, environment: ["SITE_NAME": "From Env", "ALSO_SET": "second", "STRICT": "true"])
        #expect(lines.isEmpty)
        #expect(config.siteName == "From Env")
        #expect(config.siteURL == "https://fallback.example/")
        #expect(config.siteDescription == "second")
        #expect(settings.strict)
        #expect(settings.plugin("macros")?.options["on_error_fail"] == true)
    }

    @Test func pythonAndLocalTagsAreKeptAsStrings() {
        let yaml = """
            markdown_extensions:
              - pymdownx.superfences:
                  custom_fences:
                    - name: mermaid
                      format: !!python/object/apply:pymdownx.superfences.fence_code_format [x]
              - pymdownx.snippets:
                  base_path:
                    - !relative $config_dir
                    - !relative $docs_dir/parts
                    - !relative
            """
        let (_, _, settings, lines) = read(yaml)
        #expect(lines.isEmpty)
        let fence = settings.markdownExtension("pymdownx.superfences")?.options["custom_fences"]?.listValue?.first
        #expect(fence?["format"] == "!!python/object/apply:pymdownx.superfences.fence_code_format")
        #expect(settings.markdownExtension("pymdownx.snippets")?.options["base_path"] == ["$config_dir", "$docs_dir/parts", "$page_dir"])
    }

    @Test func folderSettingsAreWrittenAsPathsBelowThemAre() {
        for (written, expected) in [("docs/", "docs"), ("./docs", "docs"), ("./guides//en/", "guides/en"), ("/srv/docs/", "/srv/docs"), (".", ".")] {
            let (config, _, _, lines) = read("docs_dir: \"\(written)\"\nsite_dir: \"\(written)/out/\"\n")
            #expect(lines.isEmpty)
            #expect(config.docsDir == expected, "\(written)")
            #expect(config.siteDir == (expected == "." ? "out" : expected + "/out"), "\(written)")
        }
    }

    @Test func aPageUnderADocsDirWithATrailingSlashIsNamedWithOneSlash() throws {
        let s = try TestSite(["mkdocs.yml": "site_name: Docs\ndocs_dir: docs/\n", "docs/index.md": "# Home\n\n[gone](gone.md)\n"])
        defer { s.cleanUp() }
        #expect(s.build().lines == ["docs/index.md:3:8: warning: 'gone.md' does not exist [BrokenLink]"])
    }

    @Test func envTagOnAMapIsATypeError() {
        let (_, _, _, lines) = read("site_url: !ENV {a: b}\n")
        #expect(lines == ["mkdocs.yml:1:11: error: expected a variable name or a list after '!ENV' [ConfigType]"])
    }

    @Test func unsetEnvWithoutDefaultLeavesTheSettingUnset() {
        let (config, _, _, lines) = read("site_url: !ENV NOPE\n")
        #expect(lines.isEmpty)
        #expect(config.siteURL == nil)
    }

    @Test func unknownPluginsAndExtensionsWarnOnceEachAndAreDropped() {
        let yaml = """
            markdown_extensions:
              - pymdownx.critic
              - tables
            plugins:
              - search
              - git-authors:
                  enabled: true
              - offline:
                  enabled: false
            hooks:
              - hooks/socialmedia.py
            """
        let (_, _, settings, lines) = read(yaml)
        #expect(
            lines == [
                "mkdocs.yml:2:5: warning: unknown markdown extension 'pymdownx.critic'; it is ignored [UnsupportedPlugin]",
                "mkdocs.yml:6:5: warning: unknown plugin 'git-authors'; it is ignored [UnsupportedPlugin]",
                "mkdocs.yml:11:5: warning: hook 'hooks/socialmedia.py' is Python code, which Trellis does not run; it is ignored [UnsupportedPlugin]",
            ])
        #expect(settings.markdownExtensions.map(\.name) == ["tables"])
        #expect(settings.plugins.map(\.name) == ["search"])
    }

    @Test func wrongTypesAreErrorsAtTheirPositions() {
        let yaml = """
            site_name: [a]
            use_directory_urls: maybe
            plugins: search
            theme:
              palette: indigo
            """
        let (_, _, _, lines) = read(yaml)
        #expect(
            lines == [
                "mkdocs.yml:1:12: error: expected a string for 'site_name', found a list [ConfigType]",
                "mkdocs.yml:2:21: error: expected true or false for 'use_directory_urls', found a string [ConfigType]",
                "mkdocs.yml:3:10: error: expected a list of plugins, found a string [ConfigType]",
                "mkdocs.yml:5:12: error: expected a map or a list of maps for 'palette', found a string [ConfigType]",
            ])
    }

    @Test func unknownColourNameIsAWarningWithASuggestion() {
        let (config, _, _, lines) = read("theme:\n  palette:\n    primary: indgo\n")
        #expect(config.theme.primary == nil)
        #expect(
            lines == [
                "mkdocs.yml:3:14: warning: unknown Material primary colour 'indgo'; did you mean 'indigo'? [ConfigType]"
            ])
    }

    @Test func readsMkDocsNavSyntax() {
        let yaml = """
            nav:
              - index.md
              - Guide:
                  - Start: guide/start.md
                  - guide/more.md
              - GitHub: https://github.com/example
            """
        let (config, _, _, lines) = read(yaml)
        #expect(lines.isEmpty)
        #expect(
            config.nav == [
                .page(title: nil, path: "index.md", location: SourceLocation(line: 2, column: 5)),
                .section(
                    title: "Guide",
                    children: [
                        .page(title: "Start", path: "guide/start.md", location: SourceLocation(line: 4, column: 16)),
                        .page(title: nil, path: "guide/more.md", location: SourceLocation(line: 5, column: 9)),
                    ]),
                .link(title: "GitHub", url: "https://github.com/example"),
            ])
    }

    @Test func validationLevelsBecomeRuleSeverities() {
        let yaml = """
            validation:
              omitted_files: ignore
              absolute_links: warn
              links:
                anchors: info
              nav:
                omitted_files: warn
            """
        let (config, _, _, lines) = read(yaml)
        #expect(lines.isEmpty)
        #expect(config.ruleSeverities[.pageNotInNav] == .some(.warning))
        #expect(config.ruleSeverities[.absoluteSiteLink] == .some(.warning))
        #expect(config.ruleSeverities[.missingAnchor] == .some(.note))
    }

    @Test func loadReadsTheFileAndReportsAMissingOne() throws {
        let site = try TestSite(["mkdocs.yml": "site_name: On Disk\n"])
        defer { site.cleanUp() }
        let (config, _, _, diagnostics) = MkDocsConfigLoader(root: site.root, environment: [:]).load()
        #expect(diagnostics.isEmpty)
        #expect(config.siteName == "On Disk")
        let (_, brands, _, missing) = MkDocsConfigLoader(root: site.root).load(configName: "other.yml")
        #expect(brands.isEmpty)
        #expect(missing.map(\.id) == [.io])
    }
}

/// `INHERIT:` reads a base config first and merges the config over it, as MkDocs does: maps key
/// by key at any depth, anything else replaced.
@Suite struct MkDocsInheritTests {
    func load(_ files: [String: String], config: String = "mkdocs.yml") throws -> (SiteConfig, MkDocsSettings, [String]) {
        let site = try TestSite(files)
        defer { site.cleanUp() }
        let (config, _, settings, diagnostics) = MkDocsConfigLoader(root: site.root, environment: [:]).load(configName: config)
        return (config, settings, diagnostics.sorted(by: Diagnostic.sortKey).map(\.formatted))
    }

    @Test func theConfigIsMergedOverItsBaseMapsByKeyListsReplaced() throws {
        let (config, settings, lines) = try load([
            "base/common.yml": """
                site_name: Base
                docs_dir: pages
                theme:
                  name: material
                  features: [navigation.tabs, search.share]
                  palette: {primary: red}
                extra:
                  owner: base
                  links: {home: https://base.example}
                markdown_extensions: [admonition, tables]
                """,
            "site/mkdocs.yml": """
                site_name: Child
                theme:
                  features: [content.code.copy]
                INHERIT: ../base/common.yml
                extra:
                  links: {docs: https://docs.example}
                """,
        ], config: "site/mkdocs.yml")
        #expect(lines == [])
        #expect(config.siteName == "Child" && config.docsDir == "pages")
        #expect(settings.themeName == "material" && settings.features == ["content.code.copy"])
        #expect(settings.markdownExtensions.map(\.name) == ["admonition", "tables"])
        #expect(config.extra["owner"] == .string("base"))
        guard case .map(let links)? = config.extra["links"] else {
            Issue.record("extra.links is not a map")
            return
        }
        #expect(links.keys.sorted() == ["docs", "home"])
    }

    @Test func aProblemInTheBaseIsReportedInTheBaseAtItsLine() throws {
        let (_, _, lines) = try load([
            "theme.yml": "theme:\n  name: material\n  features: yes\nextra:\n  a: 1\n  a: 2\n",
            "mkdocs.yml": "site_name: D\nINHERIT: theme.yml\nuse_directory_urls: maybe\n",
        ])
        #expect(lines == [
            "mkdocs.yml:3:21: error: expected true or false for 'use_directory_urls', found a string [ConfigType]",
            "theme.yml:3:13: error: expected a list of strings for 'features', found a boolean [ConfigType]",
            "theme.yml:5:3: warning: 'a' is given again at line 6; the last value is used, as MkDocs reads it [DuplicateKey]",
        ])
    }

    @Test func aMissingBaseOrALoopIsAnError() throws {
        let (config, _, missing) = try load(["mkdocs.yml": "site_name: D\nINHERIT: gone.yml\n"])
        #expect(config.siteName == "D")
        #expect(missing.count == 1 && missing[0].hasPrefix("mkdocs.yml:2:10: error: the inherited config file 'gone.yml' does not exist at "))
        let (_, _, loop) = try load(["mkdocs.yml": "site_name: D\nINHERIT: a.yml\n", "a.yml": "INHERIT: mkdocs.yml\n"])
        #expect(loop == ["a.yml:1:10: error: 'mkdocs.yml' is inherited in a loop (mkdocs.yml → a.yml → mkdocs.yml) [ConfigType]"])
    }
}
